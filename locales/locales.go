// Package locales holds langref's own messages, one file per language, and
// picks the language a user reads them in.
package locales

import (
	"embed"
	"strings"
	gosync "sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed *.yaml
var files embed.FS

// Bundle loads every embedded message file.
func Bundle() *i18n.Bundle { return bundle(func(string) bool { return true }) }

// bundle loads the embedded message files whose language keep accepts.
func bundle(keep func(tag string) bool) *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("yaml", unmarshal)
	for _, name := range fileNames() {
		if !keep(fileTag(name)) {
			continue
		}
		if _, err := b.LoadMessageFileFS(files, name); err != nil {
			panic(err) // a broken message file is a build defect; tests catch it
		}
	}
	return b
}

// fileNames lists the embedded message files.
func fileNames() []string {
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(err) // embedded: cannot fail at run time
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".yaml") {
			out = append(out, e.Name())
		}
	}
	return out
}

// fileTag is the language a message file is written in, as its name says:
// fr.yaml and cli.fr.yaml are French.
func fileTag(name string) string {
	n := strings.TrimSuffix(name, ".yaml")
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		n = n[i+1:]
	}
	return n
}

// tags lists the languages of the message files, English first, from
// their names alone: parsing every language's messages on each run would
// cost more than the rest of a repeated status.
var tags = gosync.OnceValue(func() []language.Tag {
	out := []language.Tag{language.English}
	seen := map[string]bool{"en": true}
	for _, name := range fileNames() {
		if t := fileTag(name); !seen[t] {
			seen[t] = true
			out = append(out, language.MustParse(t))
		}
	}
	return out
})

// Printer renders messages in one language, falling back to English.
type Printer struct {
	loc  *i18n.Localizer
	Lang string
}

// New returns a Printer for the first of langs that langref speaks.
func New(langs ...string) *Printer {
	_, i := language.MatchStrings(language.NewMatcher(tags()), langs...)
	chosen := tags()[i].String()
	b := bundle(func(t string) bool { return t == "en" || t == chosen })
	p := &Printer{loc: i18n.NewLocalizer(b, langs...)}
	_, tag, err := p.loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: "app.usage"})
	if err == nil {
		p.Lang = tag.String()
	}
	return p
}

// T renders message id with data. A missing message renders as its id, so
// a gap shows up in the output and in tests rather than as an empty line.
func (p *Printer) T(id string, data ...map[string]any) string {
	var d map[string]any
	if len(data) > 0 {
		d = data[0]
	}
	s, err := p.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: d})
	if err != nil {
		return id
	}
	return s
}

// N renders message id for count, choosing the plural form.
func (p *Printer) N(id string, count int, data map[string]any) string {
	d := map[string]any{"Count": count}
	for k, v := range data {
		d[k] = v
	}
	s, err := p.loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: d})
	if err != nil {
		return id
	}
	return s
}

// Has reports whether id exists in the printer's language or in English.
func (p *Printer) Has(id string) bool {
	_, err := p.loc.Localize(&i18n.LocalizeConfig{MessageID: id})
	return err == nil
}

// FromEnv returns the UI language the environment asks for: LC_ALL, then
// LC_MESSAGES, then LANG, as POSIX orders them. "C" and "POSIX" mean
// English.
func FromEnv(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return posixToBCP47(v)
		}
	}
	return "en"
}

// posixToBCP47 turns zh_CN.UTF-8@euro into zh-CN.
func posixToBCP47(v string) string {
	if i := strings.IndexAny(v, ".@"); i >= 0 {
		v = v[:i]
	}
	if v == "C" || v == "POSIX" || v == "" {
		return "en"
	}
	return strings.ReplaceAll(v, "_", "-")
}

// Languages lists the languages langref's messages are written in.
func Languages() []string {
	var out []string
	for _, t := range tags() {
		out = append(out, t.String())
	}
	return out
}

// Speaks reports whether langref has messages in the language lang names
// (a BCP 47 tag or a POSIX locale), rather than falling back to English.
func Speaks(lang string) bool {
	tag, err := language.Parse(posixToBCP47(lang))
	if err != nil {
		return false
	}
	_, _, c := language.NewMatcher(tags()).Match(tag)
	return c >= language.High || tag == language.English
}
