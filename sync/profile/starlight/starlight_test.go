package starlight

import (
	"reflect"
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/profile"
)

func TestScanConfig(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		want   []locale
		defLoc string
	}{
		{"inline in defineConfig", `export default defineConfig({ integrations: [starlight({
	title: 'Docs',
	defaultLocale: 'root',
	locales: {
		root: { label: 'English', lang: 'en' },
		fr: { label: 'Français' },
		'zh-cn': { label: '简体中文', lang: 'zh-CN' },
		"pt-br": { label: "Português", lang: "pt-BR" },
	},
})]});`, []locale{{"root", "en"}, {"fr", ""}, {"zh-cn", "zh-CN"}, {"pt-br", "pt-BR"}}, "root"},
		{"a constant, comments and strings with braces", `// locales: { xx: {} }
/* locales = { yy: { lang: 'yy' } } */
export const locales = {
	root: { label: 'English {root}', lang: 'en' }, // de: { lang: 'de' }
	ja: { label: '日本語', lang: 'ja' },
};
export default defineConfig({ integrations: [starlight({ locales })] });`, []locale{{"root", "en"}, {"ja", "ja"}}, ""},
		{"no locales", `export default defineConfig({ integrations: [starlight({ title: 'x' })] });`, nil, ""},
		{"a default locale in a folder", `starlight({ defaultLocale: 'en', locales: { en: { label: 'English' }, de: { label: 'Deutsch' } } })`,
			[]locale{{"en", ""}, {"de", ""}}, "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := scanConfig(tt.src)
			if !reflect.DeepEqual(c.locales, tt.want) || c.defaultLocale != tt.defLoc {
				t.Errorf("scanConfig = %+v %q, want %+v %q", c.locales, c.defaultLocale, tt.want, tt.defLoc)
			}
		})
	}
}

func TestLayout(t *testing.T) {
	root := newLayout(astroConfig{locales: []locale{{"root", "en"}, {"fr", "fr"}, {"zh-cn", "zh-CN"}}})
	folders := newLayout(astroConfig{defaultLocale: "en", locales: []locale{{"en", "en"}, {"de", "de"}}})
	tests := []struct {
		name       string
		l          *layout
		rel        string
		lang, path string
		ok         bool
	}{
		{"root locale", root, "src/content/docs/guides/a.mdx", "en", "guides/a.mdx", true},
		{"a locale folder", root, "src/content/docs/zh-cn/guides/a.mdx", "zh-cn", "guides/a.mdx", true},
		{"a folder that is no locale is the root's", root, "src/content/docs/components/x.md", "en", "components/x.md", true},
		{"outside the docs", root, "src/pages/a.md", "", "", false},
		{"the default locale in a folder", folders, "src/content/docs/en/a.md", "en", "a.md", true},
		{"no root locale: top-level pages are nobody's", folders, "src/content/docs/a.md", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang, p, ok := tt.l.Match(tt.rel)
			if lang != tt.lang || p != tt.path || ok != tt.ok {
				t.Fatalf("Match = %q, %q, %v; want %q, %q, %v", lang, p, ok, tt.lang, tt.path, tt.ok)
			}
			if ok && tt.l.Path(lang, p) != tt.rel {
				t.Errorf("Path(%q, %q) = %q, want %q", lang, p, tt.l.Path(lang, p), tt.rel)
			}
		})
	}
	if got := root.languages(); !reflect.DeepEqual(got, []string{"en", "fr", "zh-cn"}) {
		t.Errorf("languages = %q", got)
	}
}

func TestSkip(t *testing.T) {
	l := newLayout(astroConfig{locales: []locale{{"root", "en"}, {"fr", "fr"}}})
	tests := []struct {
		rel   string
		isDir bool
		want  profile.Reason
	}{
		{"src", true, profile.Kept},
		{"src/content", true, profile.Kept},
		{"src/content/i18n", true, profile.OutsideContent},
		{"public", true, profile.OutsideContent},
		{"README.md", false, profile.OutsideContent},
		{"src/content/docs/a.mdx", false, profile.Kept},
		{"src/content/docs/fr/a.md", false, profile.Kept},
		{"src/content/docs/_draft.md", false, profile.Underscore},
		{"src/content/docs/img.png", false, profile.NotContent},
	}
	for _, tt := range tests {
		if got := l.skip(tt.rel, tt.isDir); got != tt.want {
			t.Errorf("skip(%q) = %q, want %q", tt.rel, got, tt.want)
		}
	}
}

func FuzzScanConfig(f *testing.F) {
	for _, s := range []string{
		"locales: { root: { lang: 'en' }, fr: {} }",
		"const locales = { 'a': { lang: \"x\" }, // c\n b: {`}`} }",
		"locales = {", "locales: { a: { /* ", "'", "locales:{x:{lang:'",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		c := scanConfig(src)
		for _, l := range c.locales {
			if l.key == "" && l.lang != "" {
				t.Fatalf("locale without a key: %+v", l)
			}
		}
	})
}

func TestUIStringTables(t *testing.T) {
	root := testfs.Dir(t, map[string]string{
		"astro.config.mjs":            "starlight({ locales: { root: { lang: 'en' }, 'zh-cn': { lang: 'zh-CN' }, fr: {} } })",
		"src/content/i18n/en.json":    "{}",
		"src/content/i18n/zh-CN.json": "{}",
		"src/content/i18n/fr.yml":     "{}",
		"src/content/i18n/de.json":    "{}",
		"src/content/i18n/README.txt": "",
	})
	r, err := Profile{}.Read(root)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"en": "src/content/i18n/en.json", "zh-cn": "src/content/i18n/zh-CN.json", "fr": "src/content/i18n/fr.yml"}
	if !reflect.DeepEqual(r.UIStrings, want) {
		t.Errorf("UIStrings = %q, want %q", r.UIStrings, want)
	}
}
