package locales

import (
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"testing"
	"text/template"
	"text/template/parse"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// pluralForms are the CLDR plural categories go-i18n accepts as keys of a
// message written as a mapping.
var pluralForms = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

// messageFile is one embedded locale file: message id to its templates (one
// per plural form; a plain string is the form "other").
type messageFile map[string]map[string]string

func loadFiles(t *testing.T) map[string]messageFile {
	t.Helper()
	names, err := fs.Glob(files, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]messageFile{}
	for _, name := range names {
		lang := langOf(name)
		if out[lang] == nil {
			out[lang] = messageFile{}
		}
		for id, forms := range loadFile(t, name) {
			if _, dup := out[lang][id]; dup {
				t.Errorf("%s: id %s is defined in another %s file too", name, id, lang)
			}
			out[lang][id] = forms
		}
	}
	if _, ok := out["en.yaml"]; !ok {
		t.Fatal("en.yaml is not embedded")
	}
	if len(out) < 2 {
		t.Fatalf("only %d locale files embedded: %v", len(out), names)
	}
	return out
}

// langOf returns the file's language as go-i18n reads it, keyed like the
// main file: "status.zh-Hans.yaml" and "zh-Hans.yaml" are both
// "zh-Hans.yaml". Messages of one area may live in their own files.
func langOf(name string) string {
	parts := strings.Split(name, ".")
	return parts[len(parts)-2] + ".yaml"
}

func loadFile(t *testing.T, name string) messageFile {
	t.Helper()
	b, err := files.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := yaml.Unmarshal(b, &raw); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	mf := messageFile{}
	for id, v := range raw {
		switch v := v.(type) {
		case string:
			mf[id] = map[string]string{"other": v}
		case map[string]any:
			forms := map[string]string{}
			for form, s := range v {
				str, ok := s.(string)
				if pluralForms[form] && ok {
					forms[form] = str
				}
			}
			if len(forms) == 0 {
				t.Errorf("%s: %s: a mapping without plural forms", name, id)
			}
			mf[id] = forms
		default:
			t.Errorf("%s: %s: value is a %T, not a string or plural forms", name, id, v)
		}
	}
	return mf
}

func sortedIDs(m messageFile) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func TestSameIDs(t *testing.T) {
	all := loadFiles(t)
	en := all["en.yaml"]
	for name, mf := range all {
		if name == "en.yaml" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			for _, id := range sortedIDs(en) {
				if _, ok := mf[id]; !ok {
					t.Errorf("missing id %s (in en.yaml)", id)
				}
			}
			for _, id := range sortedIDs(mf) {
				if _, ok := en[id]; !ok {
					t.Errorf("extra id %s (not in en.yaml)", id)
				}
			}
		})
	}
}

// refs are what a template reads from its data.
type refs struct {
	fields map[string]bool // top-level fields: .Key in {{.Key}} and {{.Key.Sub}}
	ranged map[string]bool // fields a range iterates over
}

func templateRefs(text string) (refs, error) {
	tmpl, err := template.New("m").Parse(text)
	if err != nil {
		return refs{}, err
	}
	r := refs{fields: map[string]bool{}, ranged: map[string]bool{}}
	if tmpl.Tree != nil {
		r.walk(tmpl.Tree.Root)
	}
	return r, nil
}

func (r refs) walk(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			r.walk(c)
		}
	case *parse.ActionNode:
		r.walk(n.Pipe)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			r.walk(c)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			r.walk(a)
		}
	case *parse.FieldNode:
		r.fields[n.Ident[0]] = true
	case *parse.ChainNode:
		r.walk(n.Node)
	case *parse.IfNode:
		r.branch(&n.BranchNode)
	case *parse.WithNode:
		r.branch(&n.BranchNode)
	case *parse.RangeNode:
		for _, c := range n.Pipe.Cmds {
			for _, a := range c.Args {
				if f, ok := a.(*parse.FieldNode); ok {
					r.ranged[f.Ident[0]] = true
				}
			}
		}
		r.branch(&n.BranchNode)
	case *parse.TemplateNode:
		r.walk(n.Pipe)
	}
}

func (r refs) branch(b *parse.BranchNode) {
	r.walk(b.Pipe)
	r.walk(b.List)
	r.walk(b.ElseList)
}

func keys(m map[string]bool) string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// englishRefs returns the fields each English message reads, all plural
// forms together.
func englishRefs(t *testing.T, en messageFile) map[string]refs {
	t.Helper()
	out := map[string]refs{}
	for id, forms := range en {
		all := refs{fields: map[string]bool{}, ranged: map[string]bool{}}
		for form, text := range forms {
			r, err := templateRefs(text)
			if err != nil {
				t.Fatalf("en.yaml: %s (%s): %v", id, form, err)
			}
			for k := range r.fields {
				all.fields[k] = true
			}
			for k := range r.ranged {
				all.ranged[k] = true
			}
		}
		out[id] = all
	}
	return out
}

func TestTemplatesMatchEnglish(t *testing.T) {
	all := loadFiles(t)
	want := englishRefs(t, all["en.yaml"])
	for name, mf := range all {
		t.Run(name, func(t *testing.T) {
			for _, id := range sortedIDs(mf) {
				for form, text := range mf[id] {
					got, err := templateRefs(text)
					if err != nil {
						t.Errorf("%s (%s): %v", id, form, err)
						continue
					}
					w, ok := want[id]
					if !ok {
						continue // TestSameIDs reports it
					}
					if keys(got.fields) != keys(w.fields) {
						t.Errorf("%s (%s): fields {%s}, English has {%s}", id, form, keys(got.fields), keys(w.fields))
					}
				}
			}
		})
	}
}

// TestMessagesRender renders every message of every locale through the
// Printer with every field filled in, so that a template that parses but
// fails at run time (or that go-i18n rejects) shows up as its id.
func TestMessagesRender(t *testing.T) {
	all := loadFiles(t)
	want := englishRefs(t, all["en.yaml"])
	for name := range all {
		lang := strings.TrimSuffix(name, ".yaml")
		p := New(lang)
		if p.Lang != lang {
			t.Errorf("New(%q).Lang = %q", lang, p.Lang)
		}
		for _, id := range sortedIDs(all["en.yaml"]) {
			data := map[string]any{}
			for f := range want[id].fields {
				data[f] = "X" + f
				if want[id].ranged[f] {
					data[f] = []string{"a", "b"}
				}
			}
			got := p.T(id, data)
			if got == id && all[name][id]["other"] != id || strings.Contains(got, "<no value>") {
				t.Errorf("%s: %s renders as %q", name, id, got)
			}
		}
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"nothing set", nil, "en"},
		{"LANG only", map[string]string{"LANG": "zh_CN.UTF-8"}, "zh-CN"},
		{"LC_MESSAGES beats LANG", map[string]string{"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "zh_CN.UTF-8"}, "fr-FR"},
		{"LC_ALL beats LC_MESSAGES and LANG", map[string]string{"LC_ALL": "ja_JP.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8", "LANG": "zh_CN.UTF-8"}, "ja-JP"},
		{"empty LC_ALL is unset", map[string]string{"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh-CN"},
		{"LC_ALL=C wins over LANG", map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"},
		{"C", map[string]string{"LANG": "C"}, "en"},
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, "en"},
		{"POSIX", map[string]string{"LC_MESSAGES": "POSIX", "LANG": "zh_CN.UTF-8"}, "en"},
		{"modifier dropped", map[string]string{"LANG": "de_DE.UTF-8@euro"}, "de-DE"},
		{"modifier without codeset", map[string]string{"LANG": "sr_RS@latin"}, "sr-RS"},
		{"bare language", map[string]string{"LANG": "zh"}, "zh"},
		{"other LC_ variables ignored", map[string]string{"LC_CTYPE": "zh_CN.UTF-8"}, "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromEnv(func(k string) string { return tt.env[k] })
			if got != tt.want {
				t.Errorf("FromEnv(%v) = %q, want %q", tt.env, got, tt.want)
			}
		})
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func TestNew(t *testing.T) {
	zh := loadFile(t, "zh-Hans.yaml")
	en := loadFile(t, "en.yaml")
	tests := []struct {
		name     string
		langs    []string
		wantLang string
		want     string
	}{
		{"zh-CN matches zh-Hans", []string{"zh-CN"}, "zh-Hans", "2 个错误"},
		{"zh matches zh-Hans", []string{"zh"}, "zh-Hans", "2 个错误"},
		{"zh-Hans-CN matches zh-Hans", []string{"zh-Hans-CN", "en"}, "zh-Hans", "2 个错误"},
		{"unknown falls back to English", []string{"xx"}, "en", "2 errors"},
		{"no language is English", nil, "en", "2 errors"},
		{"first known language wins", []string{"xx", "zh-CN", "en"}, "zh-Hans", "2 个错误"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := New(tt.langs...)
			if p.Lang != tt.wantLang {
				t.Errorf("Lang = %q, want %q", p.Lang, tt.wantLang)
			}
			if got := p.N("count.errors", 2, nil); got != tt.want {
				t.Errorf("count.errors = %q, want %q", got, tt.want)
			}
			if got, want := p.N("count.errors", 1, nil), map[string]string{"en": "1 error", "zh-Hans": "1 个错误"}[tt.wantLang]; got != want {
				t.Errorf("count.errors for 1 = %q, want %q", got, want)
			}
		})
	}
	t.Run("state.translated", func(t *testing.T) {
		got := New("zh-CN").T("state.translated")
		if got != zh["state.translated"]["other"] || !hasHan(got) {
			t.Errorf("zh-CN state.translated = %q, want %q", got, zh["state.translated"]["other"])
		}
		if got := New("xx").T("state.translated"); got != en["state.translated"]["other"] {
			t.Errorf("xx state.translated = %q, want %q", got, en["state.translated"]["other"])
		}
	})
	t.Run("unknown id renders as itself", func(t *testing.T) {
		p := New("zh-CN")
		if got := p.T("no.such.id"); got != "no.such.id" {
			t.Errorf("T(no.such.id) = %q", got)
		}
		if p.Has("no.such.id") || !p.Has("state.translated") {
			t.Error("Has disagrees with the message files")
		}
	})
}

// pluralRules are the CLDR plural categories go-i18n (v2.7, CLDR 46)
// selects for each language langref speaks: the forms every plural message
// of that language must have, and the only ones it may have. A new
// language needs its line here; TestPluralForms fails until it has one.
var pluralRules = map[string][]string{
	"en":      {"one", "other"},
	"zh-Hans": {"other"},
	"fr":      {"one", "many", "other"}, // many: 1000000, 2000000... ("1 000 000 d'erreurs")
	"es":      {"one", "many", "other"}, // many: 1000000... ("1 000 000 de errores")
	"ja":      {"other"},
	"ko":      {"other"},
}

// pluralCounts reach every category of the languages above: 0 and 1 (one
// in fr), 2, 1.5 aside, and a million (many in fr and es).
var pluralCounts = []int{0, 1, 2, 5, 21, 1000000, 2000000}

func TestPluralForms(t *testing.T) {
	all := loadFiles(t)
	en := all["en.yaml"]
	for name, mf := range all {
		lang := strings.TrimSuffix(name, ".yaml")
		t.Run(lang, func(t *testing.T) {
			want, ok := pluralRules[lang]
			if !ok {
				t.Fatalf("no plural rules for %s: add its CLDR categories to pluralRules", lang)
			}
			wantSet := map[string]bool{}
			for _, f := range want {
				wantSet[f] = true
			}
			p := New(lang)
			for _, id := range sortedIDs(en) {
				if len(en[id]) == 1 {
					if len(mf[id]) > 1 {
						t.Errorf("%s: plural forms, but English has a plain string", id)
					}
					continue // not a plural message
				}
				forms, ok := mf[id]
				if !ok {
					continue // TestSameIDs reports it
				}
				for _, f := range want {
					if _, ok := forms[f]; !ok {
						t.Errorf("%s: no %q form (%s needs %s)", id, f, lang, strings.Join(want, ", "))
					}
				}
				for f := range forms {
					if !wantSet[f] {
						t.Errorf("%s: form %q, which %s never uses (it uses %s)", id, f, lang, strings.Join(want, ", "))
					}
				}
				// go-i18n's own rules must agree with the table: every
				// count renders, with the count in it.
				data := map[string]any{}
				for f := range englishRefs(t, messageFile{id: en[id]})[id].fields {
					if f != "Count" { // N fills Count in
						data[f] = "X" + f
					}
				}
				for _, n := range pluralCounts {
					got := p.N(id, n, data)
					if got == id || !strings.Contains(got, strconv.Itoa(n)) {
						t.Errorf("%s for %d renders as %q", id, n, got)
					}
				}
			}
		})
	}
}

func TestNewLanguages(t *testing.T) {
	tests := []struct {
		langs    []string
		wantLang string
		one      string
		two      string
		million  string
	}{
		{[]string{"fr"}, "fr", "1 erreur", "2 erreurs", "1000000 d'erreurs"},
		{[]string{"fr-FR"}, "fr", "1 erreur", "2 erreurs", "1000000 d'erreurs"},
		{[]string{"fr-CA"}, "fr", "1 erreur", "2 erreurs", "1000000 d'erreurs"},
		{[]string{"es"}, "es", "1 error", "2 errores", "1000000 de errores"},
		{[]string{"es-MX"}, "es", "1 error", "2 errores", "1000000 de errores"},
		{[]string{"ja-JP"}, "ja", "1 件のエラー", "2 件のエラー", "1000000 件のエラー"},
		{[]string{"ko-KR"}, "ko", "오류 1개", "오류 2개", "오류 1000000개"},
		{[]string{"xx", "ko", "en"}, "ko", "오류 1개", "오류 2개", "오류 1000000개"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.langs, ","), func(t *testing.T) {
			p := New(tt.langs...)
			if p.Lang != tt.wantLang {
				t.Errorf("Lang = %q, want %q", p.Lang, tt.wantLang)
			}
			for n, want := range map[int]string{1: tt.one, 2: tt.two, 1000000: tt.million} {
				if got := p.N("count.errors", n, nil); got != want {
					t.Errorf("count.errors for %d = %q, want %q", n, got, want)
				}
			}
		})
	}
}

func TestSpeaks(t *testing.T) {
	tests := []struct {
		lang string
		want bool
	}{
		{"en", true},
		{"zh_CN.UTF-8", true},
		{"fr", true},
		{"fr_FR.UTF-8", true},
		{"fr_BE", true},
		{"es_ES.UTF-8", true},
		{"es-419", true},
		{"ja_JP.UTF-8", true},
		{"ko_KR.UTF-8", true},
		{"de_DE.UTF-8", false},
		{"xx", false},
	}
	for _, tt := range tests {
		if got := Speaks(tt.lang); got != tt.want {
			t.Errorf("Speaks(%q) = %v, want %v", tt.lang, got, tt.want)
		}
	}
}
