package integration_test

import (
	"encoding/csv"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/profile"
	"github.com/langref/langref/sync/site"
)

// hugoOracle is what Hugo itself says of the glossary corpus.
type hugoOracle struct {
	// listed are `hugo list all`'s rows: the regular pages, drafts
	// included, with the language their permalink gives and their draft flag.
	listed map[string][2]string
	// built are the pages a build without drafts makes from a file:
	// their language, and the group of files that are translations of
	// each other, sorted and joined by spaces.
	built map[string][2]string
}

// TestHugoPagesMatchHugo checks that on the Hugo corpus langref takes for
// pages the files Hugo 0.111 builds, in the languages Hugo gives them, and
// pairs them as Hugo's .Translations does.
func TestHugoPagesMatchHugo(t *testing.T) {
	slow(t)
	if _, err := exec.LookPath("hugo"); err != nil {
		t.Skip("hugo not found: the Hugo profile's oracle needs it (apt-get install hugo)")
	}
	root := testcorpus.CloneBundle(t, testcorpus.Glossary)
	o := runHugo(t, testcorpus.CloneBundle(t, testcorpus.Glossary))
	s, err := site.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	if s.Generator != "hugo" {
		t.Fatalf("generator = %q, want hugo", s.Generator)
	}
	g := graph.Build(s)
	t.Run("list all", func(t *testing.T) { compareListed(t, s, o.listed) })
	t.Run("build", func(t *testing.T) { compareBuilt(t, s, g, o.built) })
}

// compareListed compares the regular pages (not _index.md) langref
// reads or leaves out as drafts with `hugo list all`.
func compareListed(t *testing.T, s *site.Site, listed map[string][2]string) {
	got := map[string][2]string{}
	for _, f := range s.Files {
		if filepath.Base(f.Path) != "_index.md" {
			got[f.Path] = [2]string{f.Folder, "false"}
		}
	}
	for _, l := range s.Left {
		if l.Reason == profile.Draft {
			got[l.Path] = [2]string{s.FolderLang(l.Path), "true"}
		}
	}
	if len(listed) != 895 {
		t.Errorf("hugo list all lists %d pages, want 895 (the corpus changed?)", len(listed))
	}
	diffMaps(t, "hugo list all", got, listed)
}

func compareBuilt(t *testing.T, s *site.Site, g *graph.Graph, built map[string][2]string) {
	groups := translationGroups(g)
	got := map[string][2]string{}
	for _, f := range s.Files {
		got[f.Path] = [2]string{f.Folder, groups[f.Path]}
	}
	diffMaps(t, "hugo build", got, built)
	t.Logf("%d pages built by Hugo and read by langref, in %d languages", len(built), len(s.Languages))
}

// translationGroups gives every page the group of pages langref pairs it
// with, itself included.
func translationGroups(g *graph.Graph) map[string]string {
	out := map[string]string{}
	for _, e := range g.Entries {
		var paths []string
		if e.Source != nil {
			paths = append(paths, e.Source.Path())
		}
		for _, lang := range g.Langs {
			if c := g.Cell(e, lang); c != nil && c.Page != nil {
				paths = append(paths, c.Page.Path())
			}
		}
		slices.Sort(paths)
		for _, p := range paths {
			out[p] = strings.Join(paths, " ")
		}
	}
	return out
}

func diffMaps(t *testing.T, what string, got, want map[string][2]string) {
	t.Helper()
	n := 0
	for p, w := range want {
		if g, ok := got[p]; !ok {
			t.Errorf("%s: %s (%s) is a page for Hugo, not for langref", what, p, w[0])
			n++
		} else if g != w {
			t.Errorf("%s: %s: langref has %q, Hugo %q", what, p, g, w)
			n++
		}
		if n > 20 {
			t.Fatal("too many differences")
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s is a page for langref, not for Hugo", what, p)
		}
	}
}

var shortcodeName = regexp.MustCompile(`\{\{[<%]\s*/?\s*([\w-]+)`)

// runHugo prepares the scratch clone as the corpus README says (no
// [module] tables, an empty template for every shortcode), adds a home
// template that prints every page with its language and translations, and
// runs Hugo.
func runHugo(t *testing.T, scratch string) hugoOracle {
	t.Helper()
	dropModuleTables(t, filepath.Join(scratch, "config.toml"))
	writeFile(t, filepath.Join(scratch, "layouts", "index.html"),
		"{{ range .Site.AllPages }}{{ with .File }}{{ .Filename }}{{ end }}|{{ .Lang }}|{{ range .Translations }}{{ with .File }}{{ .Filename }};{{ end }}{{ end }}\n{{ end }}")
	writeFile(t, filepath.Join(scratch, "layouts", "_default", "single.html"), "")
	writeFile(t, filepath.Join(scratch, "layouts", "_default", "list.html"), "")
	for _, name := range shortcodes(t, filepath.Join(scratch, "content")) {
		writeFile(t, filepath.Join(scratch, "layouts", "shortcodes", name+".html"), "")
	}
	return hugoOracle{listed: hugoList(t, scratch), built: hugoBuild(t, scratch)}
}

func hugoList(t *testing.T, scratch string) map[string][2]string {
	out := hugo(t, scratch, "list", "all")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][0] != "path" || rows[0][6] != "draft" || rows[0][7] != "permalink" {
		t.Fatalf("hugo list all: unexpected output (%v): %.200s", err, out)
	}
	langs := configLangs(t, scratch)
	listed := map[string][2]string{}
	for _, r := range rows[1:] {
		listed[r[0]] = [2]string{permalinkLang(r[7], langs), r[6]}
	}
	return listed
}

// configLangs returns the languages a plain load of the scratch copy
// finds, the default first.
func configLangs(t *testing.T, scratch string) []string {
	s, err := site.LoadConfig(scratch)
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{s.SourceLang}, s.Languages...)
}

// permalinkLang is the language a permalink's first folder names, or the
// default language (langs[0]) which has no folder.
func permalinkLang(permalink string, langs []string) string {
	u, err := url.Parse(permalink)
	if err != nil {
		return ""
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	if slices.Contains(langs[1:], first) {
		return first
	}
	return langs[0]
}

func hugoBuild(t *testing.T, scratch string) map[string][2]string {
	dest := filepath.Join(t.TempDir(), "public")
	hugo(t, scratch, "--quiet", "-d", dest)
	b, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	prefix := scratch + string(filepath.Separator)
	built := map[string][2]string{}
	for _, line := range strings.Split(string(b), "\n") {
		parts := strings.Split(line, "|")
		if len(parts) != 3 || parts[0] == "" {
			continue
		}
		self := filepath.ToSlash(strings.TrimPrefix(parts[0], prefix))
		group := []string{self}
		for _, tr := range strings.Split(strings.TrimSuffix(parts[2], ";"), ";") {
			if tr != "" {
				group = append(group, filepath.ToSlash(strings.TrimPrefix(tr, prefix)))
			}
		}
		slices.Sort(group)
		built[self] = [2]string{parts[1], strings.Join(group, " ")}
	}
	return built
}

func hugo(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("hugo", append([]string{"-s", dir}, args...)...)
	cmd.Env = append(os.Environ(), "HUGO_ENVIRONMENT=production")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("hugo %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// dropModuleTables removes the [module] tables (Docsy, a Hugo module the
// corpus does not hold) from a TOML file.
func dropModuleTables(t *testing.T, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	header := regexp.MustCompile(`^\s*\[\[?\s*([^\]\s]+)`)
	var out []string
	skip := false
	for _, line := range strings.Split(string(b), "\n") {
		if m := header.FindStringSubmatch(line); m != nil {
			skip = m[1] == "module" || strings.HasPrefix(m[1], "module.")
		}
		if !skip {
			out = append(out, line)
		}
	}
	writeFile(t, path, strings.Join(out, "\n"))
}

func shortcodes(t *testing.T, content string) []string {
	set := map[string]bool{}
	err := filepath.WalkDir(content, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		for _, m := range shortcodeName.FindAllSubmatch(b, -1) {
			set[string(m[1])] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for n := range set {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
