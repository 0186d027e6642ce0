package docusaurus

import (
	"reflect"
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/profile"
)

func TestRead(t *testing.T) {
	r, err := Profile{}.Read(testfs.Dir(t, map[string]string{
		"docusaurus.config.ts": "export default { i18n: { defaultLocale: 'fr', locales: ['fr', 'en'] } };",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if r.SourceLang != "fr" || !reflect.DeepEqual(r.Languages, []string{"en", "fr"}) || r.ConfigFile != "docusaurus.config.ts" {
		t.Errorf("source %q, languages %q, config %q", r.SourceLang, r.Languages, r.ConfigFile)
	}
}

func TestLayout(t *testing.T) {
	l := &layout{source: "en", locales: []string{"en", "fr", "pt-BR"}}
	tests := []struct {
		rel, lang, path string
		ok              bool
	}{
		{"docs/a/b.md", "en", "docs/a/b.md", true},
		{"blog/2024-01-01-x.md", "en", "blog/2024-01-01-x.md", true},
		{"src/pages/about.mdx", "en", "pages/about.mdx", true},
		{"i18n/fr/docusaurus-plugin-content-docs/current/a/b.md", "fr", "docs/a/b.md", true},
		{"i18n/pt-BR/docusaurus-plugin-content-blog/x.md", "pt-BR", "blog/x.md", true},
		{"i18n/fr/docusaurus-plugin-content-pages/about.md", "fr", "pages/about.md", true},
		{"i18n/fr/docusaurus-plugin-content-docs/version-1.0/a.md", "", "", false},
		{"i18n/de/docusaurus-plugin-content-docs/current/a.md", "", "", false},
		{"versioned_docs/version-1.0/a.md", "", "", false},
	}
	for _, tt := range tests {
		lang, p, ok := l.Match(tt.rel)
		if lang != tt.lang || p != tt.path || ok != tt.ok {
			t.Errorf("Match(%q) = %q, %q, %v; want %q, %q, %v", tt.rel, lang, p, ok, tt.lang, tt.path, tt.ok)
		}
		if ok && l.Path(lang, p) != tt.rel {
			t.Errorf("Path(%q, %q) = %q, want %q", lang, p, l.Path(lang, p), tt.rel)
		}
	}
}

func TestSkip(t *testing.T) {
	l := &layout{source: "en", locales: []string{"en", "fr"}}
	tests := []struct {
		rel   string
		isDir bool
		want  profile.Reason
	}{
		{"docs", true, profile.Kept},
		{"src", true, profile.Kept},
		{"src/components", true, profile.OutsideContent},
		{"i18n", true, profile.Kept},
		{"i18n/fr/docusaurus-plugin-content-docs", true, profile.Kept},
		{"i18n/fr/code.json", false, profile.OutsideContent},
		{"node_modules", true, profile.OutsideContent},
		{"docs/_partials", true, profile.Underscore},
		{"docs/_note.mdx", false, profile.Underscore},
		{"docs/img.png", false, profile.NotContent},
		{"src/pages/index.js", false, profile.NotContent},
		{"docs/a.mdx", false, profile.Kept},
	}
	for _, tt := range tests {
		if got := l.skip(tt.rel, tt.isDir); got != tt.want {
			t.Errorf("skip(%q) = %q, want %q", tt.rel, got, tt.want)
		}
	}
}
