package starlight

import (
	"errors"
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/profile"
)

func TestLunariaIgnoreCommit(t *testing.T) {
	const astro = "starlight({ locales: { root: { lang: 'en' }, fr: {} } })"
	starlightDocs := `{"repository": {"name": "withastro/starlight", "rootDir": "docs"},
  "ignoreKeywords": ["lunaria-ignore", "typo", "en-only", "broken link", "i18nReady", "i18nIgnore"]}`
	type commit struct {
		subject, body, rel string
		want               bool
	}
	const page, fr = "src/content/docs/guides/a.mdx", "src/content/docs/fr/guides/a.mdx"
	tests := []struct {
		name    string
		config  string // "" for no lunaria.config.json
		commits []commit
	}{
		{"no Lunaria: no rule", "", nil},
		{"the Starlight docs' keywords, in any case, anywhere in the subject", starlightDocs, []commit{
			{"[i18nIgnore] docs: disable last update dates (#3089)", "", page, true},
			{"Fix TYPO in the sidebar guide", "", page, true},
			{"Removed Broken Link (#4042)", "", page, true},
			{"docs: fix aside type (#3310)", "", page, false},
			{"docs: fix aside type (#3310)", "mentions i18nIgnore in the body only", page, false},
		}},
		{"Lunaria's default keywords", `{"repository": {"name": "a/b"}}`, []commit{
			{"fix typo in a.md", "", page, true},
			{"[i18nIgnore] x", "", page, false},
			{"lunaria-ignore: x", "", page, true},
		}},
		{"an empty list ignores no subject", `{"ignoreKeywords": []}`, []commit{
			{"fix typo", "", page, false},
		}},
		{"@lunaria-ignore globs, relative to the repository or the site", starlightDocs, []commit{
			{"docs: update branding (#4001)", "body\n\n@lunaria-ignore:docs/src/content/docs/**/guides/a.mdx", fr, true},
			{"docs: update branding (#4001)", "@lunaria-ignore:docs/src/content/docs/**/guides/a.mdx", "src/content/docs/fr/guides/b.mdx", false},
			{"Components (#2121)", "@lunaria-ignore:src/content/docs/de/x.mdx;src/content/docs/fr/guides/a.mdx", fr, true},
		}},
		{"@lunaria-track and the older @tracker-minor", starlightDocs, []commit{
			{"x", "@lunaria-track:src/content/docs/guides/*.mdx", page, false},
			{"x", "@lunaria-track:src/content/docs/guides/*.mdx", fr, true},
			{"[docs] (#1357)", "@tracker-minor:./src/content/docs/(es|fr|ja)/guides/*.mdx", fr, true},
			{"[docs] (#1357)", "@tracker-minor:./src/content/docs/(es|fr|ja)/guides/*.mdx", page, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"astro.config.mjs": astro}
			if tt.config != "" {
				files[LunariaConfig] = tt.config
			}
			r, err := Profile{}.Read(testfs.Dir(t, files))
			if err != nil {
				t.Fatal(err)
			}
			if tt.config == "" {
				if r.IgnoreCommit != nil {
					t.Fatal("IgnoreCommit set without lunaria.config.json")
				}
				return
			}
			for _, c := range tt.commits {
				if got := r.IgnoreCommit(c.subject, c.body, c.rel); got != c.want {
					t.Errorf("IgnoreCommit(%q, %q, %q) = %v, want %v", c.subject, c.body, c.rel, got, c.want)
				}
			}
		})
	}
}

func TestLunariaConfigErrors(t *testing.T) {
	tests := []struct {
		name, config string
		line         int
	}{
		{"bad JSON names its line", "{\n  \"ignoreKeywords\": [\"a\",]\n}", 2},
		{"a keyword that is no regular expression", `{"ignoreKeywords": ["(unclosed"]}`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Profile{}.Read(testfs.Dir(t, map[string]string{
				"astro.config.mjs": "starlight({})", LunariaConfig: tt.config,
			}))
			var ce *profile.ConfigError
			if !errors.As(err, &ce) || ce.File != LunariaConfig || ce.Line != tt.line {
				t.Fatalf("Read error = %v; want a ConfigError in %s at line %d", err, LunariaConfig, tt.line)
			}
		})
	}
}
