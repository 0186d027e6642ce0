// Package locales holds langref's own messages, one file per language, and
// picks the language a user reads them in.
package locales

import (
	"embed"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

//go:embed *.yaml
var files embed.FS

// Bundle loads every embedded message file.
func Bundle() *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(err) // embedded: cannot fail at run time
	}
	for _, e := range entries {
		if _, err := b.LoadMessageFileFS(files, e.Name()); err != nil {
			panic(err) // a broken message file is a build defect; tests catch it
		}
	}
	return b
}

// Printer renders messages in one language, falling back to English.
type Printer struct {
	loc  *i18n.Localizer
	Lang string
}

// New returns a Printer for the first of langs that langref speaks.
func New(langs ...string) *Printer {
	b := Bundle()
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
	for _, t := range Bundle().LanguageTags() {
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
	tags := Bundle().LanguageTags()
	_, _, c := language.NewMatcher(tags).Match(tag)
	return c >= language.High || tag == language.English
}
