package hugo

import (
	"reflect"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
)

func read(t *testing.T, files map[string]string) *profile.Rules {
	t.Helper()
	r, err := Profile{}.Read(testfs.Dir(t, files))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReadConfig(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		source string
		langs  []string
		file   string
	}{
		{"no configuration", map[string]string{"content/a.md": ""}, "en", []string{"en"}, ""},
		{"hugo.toml with languages", map[string]string{
			"hugo.toml": "defaultContentLanguage = 'fr'\n[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n",
		}, "fr", []string{"en", "fr"}, "hugo.toml"},
		{"hugo.yaml, region codes lower-cased as Hugo does", map[string]string{
			"hugo.yaml": "languages:\n  en: {weight: 1}\n  pt-BR: {weight: 2}\n",
		}, "en", []string{"en", "pt-br"}, "hugo.yaml"},
		{"config.json", map[string]string{
			"config.json": `{"defaultContentLanguage": "de", "languages": {"de": {}, "it": {}}}`,
		}, "de", []string{"de", "it"}, "config.json"},
		{"config/_default with languages.toml", map[string]string{
			"config/_default/hugo.toml":      "title = 'x'\n",
			"config/_default/languages.toml": "[en]\ncontentDir = 'content/en'\n[zh-cn]\ncontentDir = 'content/zh-cn'\n",
		}, "en", []string{"en", "zh-cn"}, "config/_default/hugo.toml"},
		{"a disabled language is not a language", map[string]string{
			"hugo.toml": "disableLanguages = ['de']\n[languages.en]\n[languages.de]\n[languages.ja]\ndisabled = true\n",
		}, "en", []string{"en"}, "hugo.toml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, tt.files)
			if r.SourceLang != tt.source || !reflect.DeepEqual(r.Languages, tt.langs) || r.ConfigFile != tt.file {
				t.Errorf("source %q langs %q file %q; want %q %q %q", r.SourceLang, r.Languages, r.ConfigFile, tt.source, tt.langs, tt.file)
			}
			if r.BaselineKey != "default_lang_commit" || r.TranslationKey != "translationKey" {
				t.Errorf("baseline key %q, translation key %q", r.BaselineKey, r.TranslationKey)
			}
		})
	}
}

func TestReadConfigError(t *testing.T) {
	_, err := Profile{}.Read(testfs.Dir(t, map[string]string{"hugo.toml": "title = 'x'\nlanguages = [\n"}))
	ce, ok := err.(*profile.ConfigError)
	if !ok || ce.File != "hugo.toml" || ce.Line < 2 {
		t.Fatalf("error = %v, want a *ConfigError at hugo.toml:2 or after", err)
	}
}

// contentDirs is a site where each language has its own content folder.
var contentDirs = map[string]string{
	"hugo.toml": "contentDir = 'content/en'\n[languages.en]\n[languages.fr]\ncontentDir = 'content/fr'\n[languages.pt-br]\ncontentDir = 'content/pt-br'\n",
}

// suffixes is a site where the languages share one content folder.
var suffixes = map[string]string{
	"hugo.toml": "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
}

func TestLayout(t *testing.T) {
	tests := []struct {
		name, rel  string
		files      map[string]string
		lang, path string
		ok         bool
	}{
		{"a page of a content folder", "content/fr/a/b.md", contentDirs, "fr", "a/b.md", true},
		{"a section page", "content/pt-br/_index.md", contentDirs, "pt-br", "_index.md", true},
		{"outside content", "archetypes/default.md", contentDirs, "", "", false},
		{"a language suffix", "content/about.fr.md", suffixes, "fr", "about.md", true},
		{"no suffix: the default language", "content/about.md", suffixes, "en", "about.md", true},
		{"a bundle's index with a suffix", "content/post/index.fr.md", suffixes, "fr", "post/index.md", true},
		{"a suffix that is no language", "content/v1.2.md", suffixes, "en", "v1.2.md", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, tt.files)
			lang, p, ok := r.Layout.Match(tt.rel)
			if lang != tt.lang || p != tt.path || ok != tt.ok {
				t.Fatalf("Match(%q) = %q, %q, %v; want %q, %q, %v", tt.rel, lang, p, ok, tt.lang, tt.path, tt.ok)
			}
			if ok {
				if back := r.Layout.Path(lang, p); back != tt.rel {
					t.Errorf("Path(%q, %q) = %q, want %q", lang, p, back, tt.rel)
				}
			}
		})
	}
}

func TestPathForANewTranslation(t *testing.T) {
	if got := read(t, contentDirs).Layout.Path("fr", "a/b.md"); got != "content/fr/a/b.md" {
		t.Errorf("content folders: Path = %q", got)
	}
	if got := read(t, suffixes).Layout.Path("fr", "a/_index.md"); got != "content/a/_index.fr.md" {
		t.Errorf("shared folder: Path = %q", got)
	}
}

func TestSkip(t *testing.T) {
	files := map[string]string{
		"hugo.toml":                      "",
		"content/post/index.md":          "",
		"content/post/notes.md":          "",
		"content/post/deep/more.md":      "",
		"content/docs/_index.md":         "",
		"content/docs/page.md":           "",
		"content/docs/guide/index.fr.md": "",
		"content/docs/guide/extra.md":    "",
	}
	r := read(t, files)
	tests := []struct {
		rel   string
		isDir bool
		want  profile.Reason
	}{
		{"content", true, profile.Kept},
		{"archetypes", true, profile.OutsideContent},
		{"layouts", true, profile.OutsideContent},
		{"content/post/index.md", false, profile.Kept},
		{"content/post/notes.md", false, profile.BundleResource},
		{"content/post/deep/more.md", false, profile.BundleResource},
		{"content/docs/_index.md", false, profile.Kept},
		{"content/docs/page.md", false, profile.Kept},
		{"content/docs/guide/index.fr.md", false, profile.Kept},
		{"content/docs/guide/extra.md", false, profile.BundleResource},
		{"content/docs/logo.png", false, profile.NotContent},
		{"content/docs/.hidden.md", false, profile.Underscore},
		{"content/docs/_partial.md", false, profile.Kept},
	}
	for _, tt := range tests {
		if got := r.Skip(tt.rel, tt.isDir); got != tt.want {
			t.Errorf("Skip(%q) = %q, want %q", tt.rel, got, tt.want)
		}
	}
}

func TestDrop(t *testing.T) {
	hugoFM := frontmatter.Rules{Formats: []frontmatter.Format{frontmatter.YAML, frontmatter.TOML, frontmatter.JSON}, Optional: true}
	tests := []struct {
		name, src string
		want      profile.Reason
	}{
		{"a page", "---\ntitle: A\n---\n", profile.Kept},
		{"headless means nothing to a section", "---\nheadless: true\n---\n", profile.Kept},
		{"no front matter", "# A\n", profile.Kept},
		{"draft", "---\ndraft: true\n---\n", profile.Draft},
		{"draft false", "+++\ndraft = false\n+++\n", profile.Kept},
		{"headless", "+++\nheadless = true\n+++\n", profile.Headless},
		{"_build render never", "---\n_build:\n  render: never\n  list: never\n---\n", profile.Headless},
		{"build render false (json)", "{\"build\": {\"render\": false}}\n", profile.Headless},
		{"build list only", "---\nbuild:\n  list: never\n---\n", profile.Kept},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rel := "post/index.md"
			if strings.HasPrefix(tt.name, "headless means") {
				rel = "docs/_index.md"
			}
			cs := &cascades{layout: newLayout(&config{defaultLang: "en", langs: []language{{code: "en"}}}), byFile: map[string][]cascade{}}
			if got := cs.drop(rel, frontmatter.ParseWith([]byte(tt.src), hugoFM)); got != tt.want {
				t.Errorf("drop = %q, want %q", got, tt.want)
			}
		})
	}
}
