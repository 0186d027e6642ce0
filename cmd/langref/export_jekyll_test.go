package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
)

// jekyllLayout is the scratch layout of the DLSP20 clone (the corpus has
// no theme): the banner, the content with its section markers, and the
// page's path, which lets the test find each page's output.
const jekyllLayout = `<!DOCTYPE html>
<html lang="{{ page.lang | default: site.default_lang }}"><head><meta charset="utf-8">
<meta name="langref-path" content="{{ page.path }}"><title>{{ page.title }}</title></head>
<body>
{% include langref-banner.html %}
<main>{% include langref-content.html content=content %}</main>
</body></html>
`

// TestExportJekyllBanner: Jekyll builds a DLSP20 clone with the exported
// data and the shipped include; a page shows the banner, in its language,
// exactly when `status` says it is stale, and the changed sections link
// to headings Jekyll made.
func TestExportJekyllBanner(t *testing.T) {
	slow(t)
	jekyll, err := exec.LookPath("jekyll")
	if err != nil {
		t.Skip("jekyll not found (apt-get install jekyll; .ci/run installs it)")
	}
	root := filepath.Join(testcorpus.Clone(t), "docs")
	jekyllSite(t, root)
	langrefOK(t, "--root", root, "export")
	var st struct {
		Pages []struct{ Path, State, Lang string }
	}
	if err := json.Unmarshal(langrefOK(t, "--root", root, "status", "--format", "json"), &st); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	if b, err := exec.Command(jekyll, "build", "-q", "-s", root, "-d", out).CombinedOutput(); err != nil {
		t.Fatalf("jekyll build: %v\n%s", err, b)
	}
	pages := builtPages(t, out)
	data := readExport(t, filepath.Join(root, "_data", "langref.json"))
	stale, current := 0, 0
	for _, p := range st.Pages {
		if p.State != "translated" && p.State != "stale" {
			continue
		}
		key := strings.TrimPrefix(p.Path, "docs/")
		html, ok := pages[key]
		if !ok {
			t.Errorf("%s: Jekyll built no page", key)
			continue
		}
		banner := bannerOf(html)
		switch {
		case p.State == "stale" && banner == "":
			t.Errorf("%s: stale, but no banner", key)
		case p.State != "stale" && banner != "":
			t.Errorf("%s: current, but a banner: %s", key, banner)
		case p.State == "stale":
			stale++
			if !strings.Contains(banner, `lang="`+p.Lang+`"`) {
				t.Errorf("%s: the banner is not in %s: %s", key, p.Lang, banner)
			}
			behindShown(t, key, banner, data.Pages[key])
			sectionsLinked(t, key, html, data.Pages[key])
			sourceAnchors(t, pages, data.Pages[key])
		default:
			current++
		}
	}
	if stale < 50 || current < 300 {
		t.Errorf("%d stale and %d current pages: the clone should have about 95 and 388", stale, current)
	}
	t.Run("french", func(t *testing.T) {
		// git log docs/en/week07/07-1.md since the translation was made
		// (64ffa53, 2020-09-11): 08c3f7f (2020-10-25, "Typo fix", which
		// the translation already carries: applied) and b292f6c
		// (2022-11-04, the \beta paragraph, outdated). Only the second
		// counts, and its date is the "since".
		b := bannerOf(pages["fr/week07/07-1.md"])
		for _, want := range []string{"Cette traduction a 1 modification de retard sur la page anglaise depuis le 2022-11-04.",
			// The French page's headings do not match the English ones one
			// to one: the link goes to the English section.
			`<a href="/NYU-DLSP20/en/week07/07-1/#energy-based-models-vs-probabilistic-models">`} {
			if !strings.Contains(b, want) {
				t.Errorf("fr/week07/07-1.md: the banner lacks %q:\n%s", want, b)
			}
		}
	})
}

// jekyllSite gives the clone a layout that uses the shipped includes.
func jekyllSite(t *testing.T, root string) {
	t.Helper()
	for _, dir := range []string{"_layouts", "_includes"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{"_layouts/default.html": jekyllLayout, "_layouts/custom.html": jekyllLayout}
	for _, name := range []string{"langref-banner.html", "langref-content.html"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "docs", "templates", "jekyll", name))
		if err != nil {
			t.Fatal(err)
		}
		files["_includes/"+name] = string(b)
	}
	cfg, err := os.ReadFile(filepath.Join(root, "_config.yml"))
	if err != nil {
		t.Fatal(err)
	}
	// Every page in the scratch layout, whatever the corpus says.
	files["_config.yml"] = strings.Replace(string(cfg), `layout: "custom"`, `layout: "default"`, 1)
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var pathMeta = regexp.MustCompile(`<meta name="langref-path" content="([^"]*)">`)

// builtPages maps each page's path (page.path) to the HTML Jekyll built.
func builtPages(t *testing.T, out string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if m := pathMeta.FindSubmatch(b); m != nil {
			pages[string(m[1])] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

var bannerRE = regexp.MustCompile(`(?s)<div class="langref-banner".*?</div>`)

func bannerOf(html string) string { return bannerRE.FindString(html) }

type exportData struct {
	Langref string
	Pages   map[string]exportPage
}

type exportPage struct {
	Stale    bool
	Source   string
	Behind   int
	Since    string
	Commits  []struct{ Hash, Date string }
	Sections []struct {
		Anchor       string
		SourceAnchor string `json:"source_anchor"`
	}
}

func readExport(t *testing.T, path string) exportData {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d exportData
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// behindShown checks that the banner shows the data's count and date, and
// that the data agree with themselves: as many commits as behind, since
// the oldest of them.
func behindShown(t *testing.T, key, banner string, p exportPage) {
	t.Helper()
	if want := fmt.Sprintf(`data-langref-behind="%d" data-langref-since="%s"`, p.Behind, p.Since); !strings.Contains(banner, want) {
		t.Errorf("%s: the banner lacks %s: %s", key, want, banner)
	}
	if len(p.Commits) != p.Behind {
		t.Errorf("%s: behind %d, but %d commits", key, p.Behind, len(p.Commits))
	}
	if n := len(p.Commits); n > 0 && p.Since != p.Commits[n-1].Date {
		t.Errorf("%s: since %s, but the oldest commit is of %s", key, p.Since, p.Commits[n-1].Date)
	}
}

// sectionsLinked checks that the banner's section links and markers land
// on headings: every anchor of the data that the page has is marked.
func sectionsLinked(t *testing.T, key, html string, p exportPage) {
	t.Helper()
	for _, s := range p.Sections {
		if s.Anchor == "" {
			continue
		}
		if strings.Contains(html, `id="`+s.Anchor+`"`) && !strings.Contains(html, `id="`+s.Anchor+`" data-langref-changed=`) {
			t.Errorf("%s: heading #%s is not marked", key, s.Anchor)
		}
	}
}

// sourceAnchors checks that every changed section's anchor is an id of a
// heading of the English page as Jekyll built it.
func sourceAnchors(t *testing.T, pages map[string]string, p exportPage) {
	t.Helper()
	for _, s := range p.Sections {
		if !strings.Contains(pages[p.Source], `id="`+s.SourceAnchor+`"`) {
			t.Errorf("%s: Jekyll gave no heading the id %q", p.Source, s.SourceAnchor)
		}
	}
}
