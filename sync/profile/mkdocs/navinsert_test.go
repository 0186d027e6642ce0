package mkdocs

import (
	"strings"
	"testing"
)

func TestInsertNav(t *testing.T) {
	const head = "nav:\n  - Home: index.md\n  - a.md\n  - B: b.md\nplugins:\n  - i18n:\n      languages:\n        - locale: en\n          default: true\n        - locale: fr\n"
	l := &layout{docs: "docs", source: "en", langs: []string{"en", "fr"}}
	tests := []struct {
		name, fr string
		paths    []string
		want     string // fr's settings after the edit; "" for no edit
		err      bool
	}{
		{"no nav of its own: the plugin derives it", "          name: Français\n", []string{"docs/b.fr.md"}, "", false},
		{"after the nearest entry before it", "          nav:\n            - Accueil: index.md\n", []string{"docs/b.fr.md", "docs/a.fr.md"},
			"          nav:\n            - Accueil: index.md\n            - a.md\n            - B: b.md\n", false},
		{"first when none before it is there", "          nav:\n            - B: b.md\n", []string{"docs/index.fr.md"},
			"          nav:\n            - Home: index.md\n            - B: b.md\n", false},
		{"already listed", "          nav:\n            - a.md\n", []string{"docs/a.fr.md"}, "", false},
		{"flow style", "          nav: [index.md]\n", []string{"docs/a.fr.md"}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := head + tt.fr
			out, added, err := l.insertNav([]byte(src), "fr", tt.paths)
			if (err != nil) != tt.err {
				t.Fatalf("err = %v", err)
			}
			if tt.want == "" {
				if len(added) != 0 || err == nil && string(out) != src {
					t.Errorf("added %v:\n%s", added, out)
				}
				return
			}
			if got := strings.TrimPrefix(string(out), head); got != tt.want || len(added) != len(tt.paths) {
				t.Errorf("added %v, got\n%s\nwant\n%s", added, got, tt.want)
			}
		})
	}
}

// TestInsertNavSections: a translation's entry goes into the section of
// the language's nav that matches the source section (one listing a page
// the source section lists, else one with its title), which is created,
// titled and nested as the source's, when the language's nav lacks it.
func TestInsertNavSections(t *testing.T) {
	const head = "nav:\n  - Home: index.md\n  - Guide:\n      - guide/setup.md\n      - Next: guide/next.md\n      - Deep:\n          - guide/deep/a.md\n  - About: about.md\nplugins:\n  - i18n:\n      languages:\n        - locale: en\n          default: true\n        - locale: fr\n          nav:\n"
	l := &layout{docs: "docs", source: "en", langs: []string{"en", "fr"}}
	tests := []struct {
		name, fr string
		paths    []string
		want     string
	}{
		{"into the section holding a sibling, before it",
			"            - Accueil: index.md\n            - Mode d'emploi:\n                - Suite: guide/next.md\n            - about.md\n",
			[]string{"docs/guide/setup.fr.md"},
			"            - Accueil: index.md\n            - Mode d'emploi:\n                - guide/setup.md\n                - Suite: guide/next.md\n            - about.md\n"},
		{"into the section with the source's title, after a sibling",
			"            - Guide:\n                - guide/setup.md\n            - about.md\n",
			[]string{"docs/guide/next.fr.md"},
			"            - Guide:\n                - guide/setup.md\n                - Next: guide/next.md\n            - about.md\n"},
		{"a missing section is created after the item before it",
			"            - Accueil: index.md\n            - about.md\n",
			[]string{"docs/guide/next.fr.md"},
			"            - Accueil: index.md\n            - Guide:\n                - Next: guide/next.md\n            - about.md\n"},
		{"a missing nested section, then a page beside the first",
			"            - Accueil: index.md\n            - Guide:\n                - guide/setup.md\n",
			[]string{"docs/guide/deep/a.fr.md", "docs/guide/next.fr.md"},
			"            - Accueil: index.md\n            - Guide:\n                - guide/setup.md\n                - Next: guide/next.md\n                - Deep:\n                    - guide/deep/a.md\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := head + tt.fr
			out, added, err := l.insertNav([]byte(src), "fr", tt.paths)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimPrefix(string(out), head); got != tt.want || len(added) != len(tt.paths) {
				t.Errorf("added %v, got\n%s\nwant\n%s", added, got, tt.want)
			}
		})
	}
}
