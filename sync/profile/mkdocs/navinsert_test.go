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
