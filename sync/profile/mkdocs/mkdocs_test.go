package mkdocs

import (
	"reflect"
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/profile"
)

const suffixConfig = `site_name: Docs
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - i18n:
      languages:
        - locale: en
          default: true
          name: English
        - locale: fr
          name: Français
`

func TestReadSuffix(t *testing.T) {
	r, err := Profile{}.Read(testfs.Dir(t, map[string]string{"mkdocs.yml": suffixConfig}))
	if err != nil {
		t.Fatal(err)
	}
	if r.SourceLang != "en" || !reflect.DeepEqual(r.Languages, []string{"en", "fr"}) {
		t.Fatalf("source %q, languages %q", r.SourceLang, r.Languages)
	}
	tests := []struct{ rel, lang, path string }{
		{"docs/index.md", "en", "index.md"},
		{"docs/guide/setup.fr.md", "fr", "guide/setup.md"},
		{"docs/v1.2.md", "en", "v1.2.md"},
	}
	for _, tt := range tests {
		lang, p, ok := r.Layout.Match(tt.rel)
		if !ok || lang != tt.lang || p != tt.path {
			t.Errorf("Match(%q) = %q, %q, %v", tt.rel, lang, p, ok)
		}
		if r.Layout.Path(lang, p) != tt.rel {
			t.Errorf("Path(%q, %q) = %q, want %q", lang, p, r.Layout.Path(lang, p), tt.rel)
		}
	}
}

func TestReadFolder(t *testing.T) {
	r, err := Profile{}.Read(testfs.Dir(t, map[string]string{"mkdocs.yml": "docs_dir: src\nplugins:\n  - i18n:\n      docs_structure: folder\n      languages:\n        - locale: de\n          default: true\n        - locale: en\n"}))
	if err != nil {
		t.Fatal(err)
	}
	if r.SourceLang != "de" {
		t.Fatalf("source %q", r.SourceLang)
	}
	if lang, p, ok := r.Layout.Match("src/en/a/b.md"); !ok || lang != "en" || p != "a/b.md" {
		t.Errorf("Match = %q, %q, %v", lang, p, ok)
	}
	if got := r.Layout.Path("de", "a/b.md"); got != "src/de/a/b.md" {
		t.Errorf("Path = %q", got)
	}
	for rel, want := range map[string]profile.Reason{"src": profile.Kept, "src/en": profile.Kept, "src/assets": profile.OutsideContent, "site": profile.OutsideContent} {
		if got := r.Skip(rel, true); got != want {
			t.Errorf("Skip(%q) = %q, want %q", rel, got, want)
		}
	}
}
