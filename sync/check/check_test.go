package check

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/profile"
	"github.com/langref/langref/sync/site"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"lang", "lang", 0},
		{"lang", "lnag", 1}, // a swap of neighbours is one edit
		{"tranlation-date", "translation-date", 1},
		{"auther", "author", 1},
		{"lang-ref", "langref", 1},
		{"lang-ref", "lang_ref", 1},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3},  // optimal string alignment, not Damerau: 3, not 2
		{"été", "ete", 2}, // by rune, not by byte
		{"日本語", "日本", 1},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := distance(tt.a, tt.b); got != tt.want {
				t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := distance(tt.b, tt.a); got != tt.want {
				t.Errorf("distance(%q, %q) = %d, want %d (symmetry)", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

func TestNearest(t *testing.T) {
	tests := []struct {
		name, s    string
		candidates []string
		want       string
	}{
		{"closest wins", "setpu", []string{"intro", "setup", "set"}, "setup"},
		{"ties go to the first", "ab", []string{"ac", "ad"}, "ac"},
		{"the word itself is skipped", "a", []string{"a"}, ""},
		{"too far", "introduction", []string{"setup"}, ""},
		{"long keys allow more edits", "ch.01-01", []string{"ch.01-1"}, "ch.01-1"},
		{"no candidates", "a", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nearest(tt.s, tt.candidates); got != tt.want {
				t.Errorf("nearest(%q, %q) = %q, want %q", tt.s, tt.candidates, got, tt.want)
			}
		})
	}
}

// TestNearestShortKeys: a suggestion for a short key should look like it;
// a key of three letters is allowed one edit, so "zzz" is near nothing here.
func TestNearestShortKeys(t *testing.T) {
	if got := nearest("zzz", []string{"a", "b"}); got != "" {
		t.Errorf("nearest(zzz, [a b]) = %q, want no suggestion", got)
	}
}

func TestAllowedEdits(t *testing.T) {
	for key, want := range map[string]int{"a": 1, "lang": 1, "title": 1, "lang-ref": 1, "layout123": 1, "translation": 2, "translation-date": 3, "ééééééééééé": 2} {
		if got := allowedEdits(key); got != want {
			t.Errorf("allowedEdits(%q) = %d, want %d", key, got, want)
		}
	}
}

func TestNormalizeKey(t *testing.T) {
	for in, want := range map[string]string{"Lang-Ref": "langref", "lang_ref": "langref", " lang ref ": "langref", "LANG": "lang"} {
		if got := normalizeKey(in); got != want {
			t.Errorf("normalizeKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCorrection covers the misspelling heuristics: a key is a misspelling
// of a vocabulary key when it is the same up to case and separators, or
// within allowedEdits of a key that is standard or used at least three
// times as often.
func TestCorrection(t *testing.T) {
	tests := []struct {
		name   string
		key    string
		counts map[string]int
		want   string
	}{
		{"standard keys are never misspellings", "author", nil, ""},
		{"the pairing key is never a misspelling", "lang-ref", nil, ""},
		{"case and separators", "Lang_Ref", nil, "lang-ref"},
		{"near a standard key", "auther", map[string]int{"auther": 1}, "author"},
		{"near a standard key used nowhere", "tranlation-date", map[string]int{"tranlation-date": 1}, "translation-date"},
		{"near a site key used three times as often", "chapter-numbr", map[string]int{"chapter-number": 3, "chapter-numbr": 1}, "chapter-number"},
		{"near a site key not used often enough", "chapter-numbr", map[string]int{"chapter-number": 2, "chapter-numbr": 1}, ""},
		{"a rare site key is not in the vocabulary", "chapter-numbr", map[string]int{"chapter-number": 1}, ""},
		{"too far for a short key", "lng-rf", nil, ""},
		{"unrelated key", "video", map[string]int{"video": 1}, ""},
		{"baseline key", "source-comit", nil, "source-commit"},
		{"cSpell's directive in either spelling", "cSpell:ignore", map[string]int{"cspell:ignore": 900, "cSpell:ignore": 300}, ""},
		{"a key the generator defines", "linkTitle", map[string]int{"linktitle": 30, "linkTitle": 1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &run{s: &site.Site{Config: &site.Config{Rules: profile.Rules{Key: "lang-ref", BaselineKey: "source-commit", KnownKeys: []string{"linkTitle"}}}}}
			counts := tt.counts
			if counts == nil {
				counts = map[string]int{}
			}
			if got := r.correction(tt.key, r.vocabulary(counts), counts); got != tt.want {
				t.Errorf("correction(%q) = %q, want %q", tt.key, got, tt.want)
			}
		})
	}
}

func runOn(t *testing.T, files map[string]string) []Finding {
	t.Helper()
	s, err := site.Load(testfs.Dir(t, files))
	if err != nil {
		t.Fatal(err)
	}
	return Run(graph.Build(s))
}

func TestRunSeveritiesAndOrder(t *testing.T) {
	fs := runOn(t, map[string]string{
		".langref.yml": "rules:\n  orphan-ref: info\n  duplicate-key: off\n",
		"en/a.md":      "---\nlang-ref: a\ntitle: A\ntitle: B\n---\n",
		"en/nokey.md":  "---\ntitle: x\n---\n",
		"fr/a.md":      "---\nlang: fr\nlang-ref: a\n---\n",
		"fr/b.md":      "---\nlang: fr\nlang-ref: zz-gone\n---\n",
		"fr/c.md":      "---\nlang: fr\n---\n",
	})
	type want struct {
		rule, variant, path string
		sev                 Severity
		line                int
	}
	wants := []want{
		{MissingRef, "source", "en/nokey.md", Warning, 1},
		{OrphanRef, "", "fr/b.md", Info, 3},
		{MissingRef, "", "fr/c.md", Error, 1},
	}
	if len(fs) != len(wants) {
		t.Fatalf("findings = %+v, want %d", fs, len(wants))
	}
	for i, w := range wants {
		f := fs[i]
		if f.Rule != w.rule || f.Variant != w.variant || f.Path != w.path || f.Severity != w.sev || f.Line != w.line {
			t.Errorf("finding %d = %s/%s %s %s line %d, want %s/%s %s %s line %d", i, f.Rule, f.Variant, f.Path, f.Severity, f.Line, w.rule, w.variant, w.path, w.sev, w.line)
		}
	}
	if id := fs[0].MessageID(); id != "check.missing-ref.source" {
		t.Errorf("MessageID = %q", id)
	}
	if id := fs[0].HintID(); id != "hint.missing-ref.source" {
		t.Errorf("HintID = %q", id)
	}
}

func TestRulesHaveDefaultSeverities(t *testing.T) {
	for _, id := range []string{FrontmatterInvalid, DuplicateKey, MissingRef, OrphanRef, DuplicateRef, MissingLang, LangMismatch, UnknownLang, MisspelledKey, NavMissingFile, NavWrongLang, NavUnlisted} {
		if _, ok := Rules[id]; !ok {
			t.Errorf("rule %s has no default severity", id)
		}
	}
}

// TestNullLang: `lang:` with no value is no lang, in check as in status.
func TestNullLang(t *testing.T) {
	fs := runOn(t, map[string]string{
		"_config.yml": "fr:\n  title: Docs\n",
		"en/a.md":     "---\nlang-ref: a\n---\n",
		"fr/a.md":     "---\nlang:\nlang-ref: a\n---\n",
	})
	if len(fs) != 1 || fs[0].Rule != MissingLang || fs[0].Line != 2 {
		t.Errorf("findings = %+v, want one missing-lang on line 2", fs)
	}
}

// TestOrphanRefByPath: with pairing by path there is no lang-ref, so an
// orphan should not be reported as "lang-ref X matches no source page".
func TestOrphanRefByPath(t *testing.T) {
	fs := runOn(t, map[string]string{
		".langref.yml":    "pairing: path\npath_pattern: \"content/{lang}/{path}\"\n",
		"content/en/a.md": "---\ntitle: A\n---\n",
		"content/fr/c.md": "---\ntitle: C\n---\n",
	})
	for _, f := range fs {
		if f.Rule == OrphanRef && (f.Data["KeyName"] == "lang-ref" || f.Data["Suggest"] != nil) {
			t.Errorf("orphan-ref data = %v", f.Data)
		}
	}
}

func TestUIStrings(t *testing.T) {
	fs := runOn(t, map[string]string{
		"hugo.toml":           "[languages.en]\n[languages.fr]\n[languages.ja]\n[languages.de]\n",
		"content/_index.md":   "---\ntitle: Home\n---\n",
		"i18n/en.toml":        "[read_more]\nother = \"Read more\"\n\n[search]\nother = \"Search\"\n",
		"i18n/fr.toml":        "[read_more]\nother = \"Lire la suite\"\n\n[serach]\nother = \"Rechercher\"\n",
		"i18n/ja.toml":        "read_more = \n",
		"i18n/de.yaml":        "read_more:\n  other: Weiterlesen\nsearch:\n  other: Suchen\n",
		"i18n/unrelated.toml": "x = 1\n",
	})
	var got []string
	for _, f := range fs {
		if strings.HasPrefix(f.Rule, "ui-") {
			got = append(got, fmt.Sprintf("%s:%d %s %v", f.Path, f.Line, f.Rule, f.Data["Key"]))
		}
	}
	want := []string{
		"i18n/fr.toml:1 ui-string-missing search",
		"i18n/fr.toml:4 ui-string-extra serach",
		"i18n/ja.toml:1 ui-strings-invalid <nil>",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
}
