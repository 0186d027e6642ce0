package hugo

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
)

// menuSite declares menus every way Hugo reads them: top-level menu:
// entries in hugo.toml (which config/_default/menus.toml's menus: beat),
// a language's own menus in hugo.toml and in config/_default/menus.ja.toml,
// and front matter menu: as a name, a list and a mapping with weight,
// name and parent; pageRef with and without extension, to a section, to
// no page; an entry with a url only; a parent no entry names.
var menuSite = map[string]string{
	"hugo.toml": `baseURL = "https://example.org/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "404"]
[[menu.main]]
name = "Beaten"
pageRef = "/docs/c"
[languages.en]
contentDir = "content/en"
weight = 1
[languages.fr]
contentDir = "content/fr"
weight = 2
[languages.de]
contentDir = "content/de"
weight = 3
[[languages.de.menus.main]]
name = "Start"
pageRef = "docs/a.md"
weight = 2
[[languages.de.menus.main]]
name = "Sektion"
pageRef = "/docs"
weight = 1
[languages.ja]
contentDir = "content/ja"
weight = 4
`,
	"config/_default/menus.toml": `[[main]]
name = "Guide"
identifier = "guide"
pageRef = "/docs"
weight = 10
[[main]]
name = "Gone"
pageRef = "/docs/gone"
weight = 20
[[main]]
name = "Site"
url = "https://example.com/"
weight = 5
[[footer]]
name = "Install"
pageRef = "docs/b"
`,
	"config/_default/menus.ja.toml": "[[main]]\nname = \"A\"\npageRef = \"/docs/a\"\n",
	"content/en/_index.md":          "---\ntitle: Home\n---\n",
	"content/en/docs/_index.md":     "---\ntitle: Docs\n---\n",
	"content/en/docs/a.md":          "---\ntitle: Alpha\nmenu: main\n---\n",
	"content/en/docs/b.md":          "---\ntitle: Beta\nmenu:\n  main:\n    parent: guide\n    weight: 3\n  side: {}\n---\n",
	"content/en/docs/c.md":          "+++\ntitle = \"Gamma\"\nmenu = [\"main\", \"side\"]\n+++\n",
	"content/en/docs/d.md":          "{\"title\": \"Delta\", \"menus\": {\"main\": {\"parent\": \"Nowhere\", \"name\": \"D\"}}}\n",
	"content/en/docs/e.md":          "---\ntitle: Epsilon\nmenu:\n  main:\n    weight: -1\n---\n",
	"content/fr/_index.md":          "---\ntitle: Accueil\n---\n",
	"content/fr/docs/_index.md":     "---\ntitle: Docs\n---\n",
	"content/fr/docs/a.md":          "---\ntitle: Alpha\nmenu: main\n---\n",
	"content/fr/docs/b.md":          "---\ntitle: Bêta\n---\n",
	"content/de/docs/_index.md":     "---\ntitle: Doku\n---\n",
	"content/de/docs/a.md":          "---\ntitle: Alpha\nmenus: side\n---\n",
	"content/ja/docs/a.md":          "---\ntitle: アルファ\n---\n",
}

// menuTemplate prints every entry of every menu that links a page, each
// followed by its children: "menu|file".
const menuTemplate = `{{ range $name, $m := .Site.Menus }}{{ range $m }}{{ partial "inline/e.html" (dict "e" . "menu" $name) }}{{ end }}{{ end }}
{{- define "partials/inline/e.html" }}{{ with .e.Page }}{{ with .File }}{{ $.menu }}|{{ .Filename }}
{{ end }}{{ end }}{{ range .e.Children }}{{ partial "inline/e.html" (dict "e" . "menu" $.menu) }}{{ end }}{{ end }}`

// menuNavs reads the site at root and returns each language's navigation,
// front matter menus included.
func menuNavs(t *testing.T, root string) (*profile.Rules, map[string]*profile.Nav) {
	t.Helper()
	r, err := Profile{}.Read(root)
	if err != nil {
		t.Fatal(err)
	}
	var rels []string
	filepath.WalkDir(filepath.Join(root, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rels = append(rels, filepath.ToSlash(p[len(root)+1:]))
		}
		return nil
	})
	slices.Sort(rels)
	nav := r.PageNav(r.Nav, func(yield func(string, *frontmatter.Doc) bool) {
		for _, rel := range rels {
			src, _ := os.ReadFile(filepath.Join(root, rel))
			if !yield(rel, frontmatter.ParseWith(src, r.FrontMatter)) {
				return
			}
		}
	})
	return r, nav
}

// lines renders a navigation as the template does, menus by name.
func lines(nav *profile.Nav) []string {
	var out []string
	for _, it := range nav.Items {
		out = append(out, it.Menu+"|"+it.Path)
	}
	slices.SortStableFunc(out, func(a, b string) int {
		return strings.Compare(strings.SplitN(a, "|", 2)[0], strings.SplitN(b, "|", 2)[0])
	})
	return out
}

func TestMenus(t *testing.T) {
	root := testfs.Dir(t, menuSite)
	r, nav := menuNavs(t, root)
	want := map[string][]string{
		"en": {
			"main|content/en/docs/e.md", "main|content/en/docs/_index.md", "main|content/en/docs/b.md",
			"main|content/en/docs/gone.md", "main|content/en/docs/a.md", "main|content/en/docs/c.md", "main|content/en/docs/d.md",
			"footer|content/en/docs/b.md", "side|content/en/docs/b.md", "side|content/en/docs/c.md",
		},
		"fr": {"main|content/fr/docs/_index.md", "main|content/fr/docs/gone.md", "main|content/fr/docs/a.md", "footer|content/fr/docs/b.md"},
		"de": {"main|content/de/docs/_index.md", "main|content/de/docs/a.md", "side|content/de/docs/a.md"},
		"ja": {"main|content/ja/docs/a.md"},
	}
	for lang, w := range want {
		var got []string
		for _, it := range nav[lang].Items {
			got = append(got, it.Menu+"|"+it.Path)
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s navigation:\n got %q\nwant %q", lang, got, w)
		}
	}
	// Entries keep where they are written: the configuration's line of
	// their pageRef, or the page's menu key.
	en := nav["en"]
	if it := en.Items[en.Index("content/en/docs/gone.md")]; it.File != "config/_default/menus.toml" || it.Line != 8 || it.Col != 12 {
		t.Errorf("Gone entry at %s:%d:%d", it.File, it.Line, it.Col)
	}
	if it := en.Items[en.Index("content/en/docs/e.md")]; it.File != "content/en/docs/e.md" || it.Line != 3 {
		t.Errorf("e.md's own entry at %s:%d", it.File, it.Line)
	}
	if it := en.Items[en.Index("content/en/docs/b.md")]; it.Parent != "content/en/docs/_index.md" {
		t.Errorf("b.md's parent %q", it.Parent)
	}
	if f := nav["de"].File; f != "hugo.toml" {
		t.Errorf("de's menus are in %q", f)
	}
	// Read alone knows the configured entries.
	if r.Nav["ja"] == nil || len(r.Nav["ja"].Items) != 1 || r.Nav["ja"].File != "config/_default/menus.ja.toml" {
		t.Errorf("configured ja navigation %+v", r.Nav["ja"])
	}
}

// TestMenusAgainstHugo builds menuSite with Hugo and compares the pages
// of each language's menus, in Hugo's order, with langref's navigation
// less the entries that link no page.
func TestMenusAgainstHugo(t *testing.T) {
	if _, err := exec.LookPath("hugo"); err != nil {
		t.Skip("hugo is not installed (.ci/run installs Debian's)")
	}
	files := map[string]string{"layouts/index.html": menuTemplate, "layouts/_default/list.html": menuTemplate, "layouts/_default/single.html": "x"}
	for k, v := range menuSite {
		files[k] = v
	}
	root := testfs.Dir(t, files)
	out := t.TempDir()
	cmd := exec.Command("hugo", "--quiet", "--destination", out, "--source", root)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, b)
	}
	_, nav := menuNavs(t, root)
	for _, lang := range []string{"en", "fr", "de", "ja"} {
		page := filepath.Join(out, lang, "index.html")
		if lang == "en" {
			page = filepath.Join(out, "index.html")
		}
		b, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		var hugo []string
		for _, ln := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if menu, file, ok := strings.Cut(ln, "|"); ok {
				rel, _ := filepath.Rel(root, file)
				hugo = append(hugo, menu+"|"+filepath.ToSlash(rel))
			}
		}
		var ours []string
		for _, l := range lines(nav[lang]) {
			if _, err := os.Stat(filepath.Join(root, strings.SplitN(l, "|", 2)[1])); err == nil {
				ours = append(ours, l)
			}
		}
		if !reflect.DeepEqual(ours, hugo) {
			t.Errorf("%s: langref\n%s\nHugo\n%s", lang, strings.Join(ours, "\n"), strings.Join(hugo, "\n"))
		}
		if lang == "en" {
			t.Logf("%s: %d menu entries linking pages, as Hugo builds them", lang, len(hugo))
		}
	}
}
