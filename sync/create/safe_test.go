package create_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/sync/create"
)

// TestCheckTag: a new language's code is a BCP 47 tag as BCP 47 writes it,
// in any case and with - or _.
func TestCheckTag(t *testing.T) {
	tests := []struct {
		code, reason, want string // reason "" accepts the code
	}{
		{"fr", "", ""},
		{"pt-BR", "", ""},
		{"pt-br", "", ""}, // as Hugo writes it
		{"pt_BR", "", ""},
		{"zh-Hans", "", ""},
		{"es-419", "", ""},
		{"sr-Latn", "", ""},
		{"fre", "noncanonical", "fr"}, // ISO 639-2/B
		{"ger-CH", "noncanonical", "de-CH"},
		{"fra", "noncanonical", "fr"}, // three letters where BCP 47 has two
		{"iw", "noncanonical", "he"},  // deprecated
		{"xx", "unknown", ""},
		{"en-", "malformed", ""},
		{"und", "malformed", ""},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			err := create.CheckTag(tt.code)
			var te *create.TagError
			switch {
			case tt.reason == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.reason == "":
			case !errors.As(err, &te):
				t.Errorf("error %v, want a TagError", err)
			case te.Reason != tt.reason || te.Want != tt.want:
				t.Errorf("reason %q want %q, expected %q %q", te.Reason, te.Want, tt.reason, tt.want)
			}
		})
	}
}

// TestNewLanguage: a language the site lacks needs Options.NewLanguage.
func TestNewLanguage(t *testing.T) {
	_, _, err := build(t, siteFiles(), create.Options{Lang: "de", Pages: []string{"en/a.md"}})
	var u *create.UnknownLangError
	if !errors.As(err, &u) || u.Lang != "de" || !slices.Equal(u.Known, []string{"fr"}) {
		t.Fatalf("error %v, want an UnknownLangError naming fr", err)
	}
	_, r, err := build(t, siteFiles(), create.Options{Lang: "de", NewLanguage: true, Pages: []string{"en/a.md"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(planned(t, r, "_config.yml")), "\nde:\n") {
		t.Errorf("no de block planned:\n%s", planned(t, r, "_config.yml"))
	}
	_, _, err = build(t, siteFiles(), create.Options{Lang: "fre", NewLanguage: true, Pages: []string{"en/a.md"}})
	var te *create.TagError
	if !errors.As(err, &te) || te.Want != "fr" {
		t.Errorf("error %v, want a TagError suggesting fr", err)
	}
	files := siteFiles(".langref.yml", "languages: [en, fr]\n")
	_, _, err = build(t, files, create.Options{Lang: "de", NewLanguage: true, Pages: []string{"en/a.md"}})
	var le *create.ListedLangError
	if !errors.As(err, &le) || le.File != ".langref.yml" || le.Generator != "" {
		t.Errorf("error %v, want a ListedLangError naming .langref.yml", err)
	}
}

// TestScope: each scope of --missing must match a source page.
func TestScope(t *testing.T) {
	tests := []struct {
		name  string
		pages []string
		bad   string // the scope refused, "" for none
	}{
		{"folder", []string{"en/c"}, ""},
		{"folder with a slash", []string{"en/c/"}, ""},
		{"chapter", []string{"en/b.md"}, ""},
		{"key", []string{"e"}, ""},
		{"whole site", []string{"."}, ""},
		{"a typo", []string{"en/cc"}, "en/cc"},
		{"a translation folder", []string{"fr"}, "fr"},
		{"the second of two", []string{"en/c", "nowhere"}, "nowhere"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := build(t, siteFiles(), create.Options{Lang: "fr", Missing: true, Pages: tt.pages})
			var se *create.ScopeError
			switch {
			case tt.bad == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.bad == "":
			case !errors.As(err, &se) || se.Arg != tt.bad:
				t.Errorf("error %v, want a ScopeError for %s", err, tt.bad)
			case !slices.Contains(se.Scopes, "en/c") || !slices.Contains(se.Scopes, "en/b.md") || !slices.Contains(se.Scopes, "e"):
				t.Errorf("scopes %q lack a folder, a chapter or a key", se.Scopes)
			}
		})
	}
}

// TestNoNav: the navigation is not planned; the entries it would get are
// listed.
func TestNoNav(t *testing.T) {
	_, r, err := build(t, siteFiles(), create.Options{Lang: "fr", NoNav: true, Pages: []string{"en/b.md", "en/e.md"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range r.Plan.Writes {
		if w.Path == "_config.yml" {
			t.Errorf("_config.yml planned with NoNav")
		}
	}
	if !slices.Equal(r.NavLeft, []string{"fr/b.md"}) || len(r.Nav) != 0 {
		t.Errorf("nav left %q, nav %q; want fr/b.md left (en/e.md is in no navigation)", r.NavLeft, r.Nav)
	}
}

// TestSourceOnlyFromConfig: the profile's keys, or .langref.yml's.
func TestSourceOnlyFromConfig(t *testing.T) {
	b := page("b", "permalink: /b/\n", "lang-niv: 2\n")
	_, r, err := build(t, siteFiles("en/b.md", b), create.Options{Lang: "fr", Pages: []string{"en/b.md"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(planned(t, r, "fr/b.md")); strings.Contains(got, "permalink") || !strings.Contains(got, "lang-niv: 2") {
		t.Errorf("Jekyll's defaults: got\n%s", got)
	}
	files := siteFiles("en/b.md", b, ".langref.yml", "source_only_keys: [lang-niv]\n")
	_, r, err = build(t, files, create.Options{Lang: "fr", Pages: []string{"en/b.md"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(planned(t, r, "fr/b.md")); !strings.Contains(got, "permalink") || strings.Contains(got, "lang-niv") {
		t.Errorf(".langref.yml's list: got\n%s", got)
	}
	if !slices.Equal(r.Pages[0].Left, []string{"lang-niv"}) {
		t.Errorf("left %q", r.Pages[0].Left)
	}
}
