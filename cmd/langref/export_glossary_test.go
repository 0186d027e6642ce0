package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
)

// glossaryLayout is the scratch layout of the glossary clone (its Docsy
// theme is a Hugo module, not in the bundle): the banner partial, and the
// key the partial looks the page up by, which lets the test find each
// page's output.
const glossaryLayout = `<html><body>
<meta name="langref-key" content="{{ with .File }}{{ $.Lang }}/{{ .Path }}{{ end }}">
{{ partial "langref-banner.html" . }}
<main>{{ .Content }}</main>
</body></html>
`

// TestExportHugoGlossaryBanner: Debian's hugo builds a clone of the CNCF
// glossary (a content folder per language, content/<lang>/...) with the
// exported data and the shipped partial; every page `status` calls stale
// shows the banner in its language and no other page does. The export's
// keys are the language and .File.Path, as the partial looks them up.
func TestExportHugoGlossaryBanner(t *testing.T) {
	slow(t)
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo not found (apt-get install hugo; .ci/run installs it)")
	}
	root := testcorpus.CloneBundle(t, testcorpus.Glossary)
	glossarySite(t, root)
	langrefOK(t, "--root", root, "export")
	var st struct {
		Pages []struct{ Path, State, Lang string }
	}
	if err := json.Unmarshal(langrefOK(t, "--root", root, "status", "--format", "json"), &st); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if b, err := exec.Command(hugo, "--quiet", "-s", root, "-d", out).CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, b)
	}
	pages := builtByKey(t, out)
	data := readExport(t, filepath.Join(root, "data", "langref.json"))
	stale, current := 0, 0
	for _, p := range st.Pages {
		if p.State != "translated" && p.State != "stale" {
			continue
		}
		// The glossary's config.toml gives language L the contentDir
		// content/L: .File.Path is the path below it.
		key := p.Lang + "/" + strings.TrimPrefix(p.Path, "content/"+p.Lang+"/")
		if _, ok := data.Pages[key]; !ok {
			t.Errorf("%s: the export has no page %q", p.Path, key)
		}
		html, ok := pages[key]
		if !ok {
			t.Errorf("%s: Hugo built no page with key %q", p.Path, key)
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
		default:
			current++
		}
	}
	if len(data.Pages) != stale+current {
		t.Errorf("the export has %d pages, status %d translated ones", len(data.Pages), stale+current)
	}
	// At the bundle's HEAD: 799 translated pages, 288 of them stale.
	if stale < 100 || current < 300 {
		t.Errorf("%d stale and %d current pages: the clone should have about 288 and 511", stale, current)
	}
	t.Logf("%d stale pages with their banner, %d current without", stale, current)
}

// glossarySite makes the clone buildable by Debian's hugo without its
// theme, as shared/corpora/README says: no [module] tables, an empty
// template for every shortcode the content uses, and a layout with the
// shipped partial.
func glossarySite(t *testing.T, root string) {
	t.Helper()
	cfg := filepath.Join(root, "config.toml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"config.toml": dropModule(string(b)),
		"layouts/_default/single.html": glossaryLayout, "layouts/_default/list.html": glossaryLayout}
	b, err = os.ReadFile(filepath.Join("..", "..", "docs", "templates", "hugo", "langref-banner.html"))
	if err != nil {
		t.Fatal(err)
	}
	files["layouts/partials/langref-banner.html"] = string(b)
	for _, name := range shortcodes(t, filepath.Join(root, "content")) {
		files["layouts/shortcodes/"+name+".html"] = ""
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var tableRE = regexp.MustCompile(`^\s*\[\[?\s*([^\]\s]+)\s*\]\]?`)

// dropModule removes the [module] table and its sub-tables from a TOML
// configuration.
func dropModule(cfg string) string {
	var out []string
	skip := false
	for _, l := range strings.Split(cfg, "\n") {
		if m := tableRE.FindStringSubmatch(l); m != nil {
			skip = strings.Split(m[1], ".")[0] == "module"
		}
		if !skip {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

var shortcodeRE = regexp.MustCompile(`\{\{[<%]\s*([A-Za-z0-9_-]+)`)

// shortcodes lists the shortcodes the pages under dir use.
func shortcodes(t *testing.T, dir string) []string {
	t.Helper()
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range shortcodeRE.FindAllSubmatch(b, -1) {
			seen[string(m[1])] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var keyMeta = regexp.MustCompile(`<meta name="langref-key" content="([^"]*)">`)

// builtByKey maps each page's key (language and .File.Path) to the HTML
// Hugo built; a page built at several addresses keeps the first.
func builtByKey(t *testing.T, out string) map[string]string {
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
		if m := keyMeta.FindSubmatch(b); m != nil && len(m[1]) > 0 {
			if _, ok := pages[string(m[1])]; !ok {
				pages[string(m[1])] = string(b)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatalf("Hugo built no page with a key in %s", out)
	}
	return pages
}
