package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/site"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// dlsp20MissingVi is how many pages the DLSP20 corpus has in English and
// not in Vietnamese.
const dlsp20MissingVi = 54

// TestNewCorpusMissing runs `langref new --missing --lang vi` on a clone of
// DLSP20 and checks what the issue asks for: a stub that is a Vietnamese
// page for every missing page, navigation entries and nothing else changed
// in _config.yml, no new check error, stubs in status, and nothing left to
// do on a second run. With jekyll on PATH, the site also builds with every
// stub as a page.
func TestNewCorpusMissing(t *testing.T) {
	slow(t)
	root := filepath.Join(testcorpus.Clone(t), "docs")
	before := load(t, root)
	cfgBefore := readFile(t, filepath.Join(root, before.ConfigFile))
	errorsBefore := checkErrors(t, root)
	viBefore := viFiles(t, root)

	out := runOK(t, root, "new", "--missing", "--lang", "vi", "--date", "2020-08-01")

	viAfter := viFiles(t, root)
	created := newFiles(viBefore, viAfter)
	if len(created) != dlsp20MissingVi {
		t.Fatalf("created %d files, want %d:\n%s", len(created), dlsp20MissingVi, out)
	}
	if n := strings.Count(out, "\ncreated ") + btoi(strings.HasPrefix(out, "created ")); n != dlsp20MissingVi {
		t.Errorf("new reports %d created files, want %d:\n%s", n, dlsp20MissingVi, out)
	}
	sources := sourcesOf(before, "vi")
	checkStubs(t, root, before, sources, created)
	checkConfig(t, cfgBefore, readFile(t, filepath.Join(root, before.ConfigFile)), created)
	for _, f := range newFindings(errorsBefore, checkErrors(t, root)) {
		t.Errorf("new check error after langref new: %+v", f)
	}
	checkStatus(t, root, before, created)

	cfgAfter := readFile(t, filepath.Join(root, before.ConfigFile))
	t.Run("second run", func(t *testing.T) {
		out := runOK(t, root, "new", "--missing", "--lang", "vi")
		if !strings.Contains(out, "nothing to create") {
			t.Errorf("second run: %s", out)
		}
		code, _, stderr := runCode(root, "new", "--lang", "vi", sources[created[0]].Path)
		if code != exitFindings || !strings.Contains(stderr, before.RepoPath(created[0])+" already exists") {
			t.Errorf("new of an existing stub: exit %d, %s", code, stderr)
		}
		if !slices.Equal(viFiles(t, root), viAfter) {
			t.Errorf("the second run changed the Vietnamese files")
		}
		if readFile(t, filepath.Join(root, before.ConfigFile)) != cfgAfter {
			t.Error("the second run changed _config.yml")
		}
	})
	t.Run("jekyll", func(t *testing.T) { checkJekyll(t, root, created) })
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func load(t *testing.T, root string) *site.Site {
	t.Helper()
	s, err := site.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func runCode(root string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(append([]string{"--root", root}, args...), strings.NewReader(""), &out, &errb, fakeEnv("LANG", "C"))
	return code, out.String(), errb.String()
}

func runOK(t *testing.T, root string, args ...string) string {
	t.Helper()
	code, out, errb := runCode(root, args...)
	if code != 0 {
		t.Fatalf("langref %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errb)
	}
	return out
}

// viFiles lists the files of the Vietnamese tree, relative to root.
func viFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(root, "vi"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// newFiles returns the paths of after that are not in before, sorted.
func newFiles(before, after []string) []string {
	var out []string
	for _, p := range after {
		if !slices.Contains(before, p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// sourcesOf maps the paths of lang's mirrors of the source pages of s to
// these pages.
func sourcesOf(s *site.Site, lang string) map[string]*site.File {
	sources := map[string]*site.File{}
	for _, f := range s.Files {
		if f.Folder == s.SourceLang && f.Doc != nil && f.Doc.Page {
			sources[s.Mirror(f.Path, lang)] = f
		}
	}
	return sources
}

// checkStubs checks that each stub is a page Jekyll reads without trouble,
// in Vietnamese, with the key of the English page it mirrors.
func checkStubs(t *testing.T, root string, before *site.Site, sources map[string]*site.File, created []string) {
	t.Helper()
	for _, p := range created {
		src, ok := sources[p]
		if !ok {
			t.Errorf("%s mirrors no English page", p)
			continue
		}
		d := frontmatter.Parse([]byte(readFile(t, filepath.Join(root, p))))
		if !d.Page || d.Problem != nil {
			t.Errorf("%s: not a usable page (page %v, problem %v)", p, d.Page, d.Problem)
			continue
		}
		if got := fieldText(d, "lang"); got != "vi" {
			t.Errorf("%s: lang %q", p, got)
		}
		if got, want := fieldText(d, before.Key), fieldText(src.Doc, before.Key); got != want || got == "" {
			t.Errorf("%s: %s %q, want %q from %s", p, before.Key, got, want, src.Path)
		}
	}
}

func fieldText(d *frontmatter.Doc, key string) string {
	f, ok := d.Get(key)
	if !ok || f.Value.Kind == frontmatter.Null {
		return ""
	}
	return f.Value.Text
}

var (
	navEntry = regexp.MustCompile(`^ *- path: (\S+)\n$`)
	navKey   = regexp.MustCompile(`^ *(sections|prologues|chapters|epilogues):\n$`)
)

// checkConfig checks that _config.yml only gained lines: one navigation
// entry for each stub, and the list keys that hold them; every line it had
// is still there, byte for byte and in order.
func checkConfig(t *testing.T, old, new string, created []string) {
	t.Helper()
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	a, b, lines := dmp.DiffLinesToChars(old, new)
	var entries []string
	for _, d := range dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines) {
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			t.Errorf("_config.yml lost or changed lines:\n%s", d.Text)
		case diffmatchpatch.DiffInsert:
			for _, l := range strings.SplitAfter(d.Text, "\n") {
				if m := navEntry.FindStringSubmatch(l); m != nil {
					entries = append(entries, m[1])
				} else if l != "" && !navKey.MatchString(l) {
					t.Errorf("_config.yml gained a line that is no navigation entry: %q", l)
				}
			}
		}
	}
	slices.Sort(entries)
	if !slices.Equal(entries, created) {
		t.Errorf("_config.yml gained the entries\n%s\nwant\n%s", strings.Join(entries, "\n"), strings.Join(created, "\n"))
	}
	if !strings.Contains(new, "\nvi:\n") || strings.Count(new, "\nvi:\n") != strings.Count(old, "\nvi:\n") {
		t.Error("the entries are not in the one vi block")
	}
}

// errFinding is what tells check's errors apart.
type errFinding struct {
	Rule, Severity, Path string
	Line                 int
}

// checkErrors returns the errors `langref check` reports.
func checkErrors(t *testing.T, root string) []errFinding {
	t.Helper()
	code, out, errb := runCode(root, "check", "--format", "json")
	if code != 0 && code != exitFindings {
		t.Fatalf("check: exit %d: %s", code, errb)
	}
	var r struct{ Findings []errFinding }
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	var errs []errFinding
	for _, f := range r.Findings {
		if f.Severity == "error" {
			f.Severity = ""
			errs = append(errs, f)
		}
	}
	return errs
}

func newFindings(before, after []errFinding) []errFinding {
	var out []errFinding
	for _, f := range after {
		if !slices.Contains(before, f) {
			out = append(out, f)
		}
	}
	return out
}

// checkStatus checks that `status --lang vi` lists every stub, and only
// them, as stub.
func checkStatus(t *testing.T, root string, s *site.Site, created []string) {
	t.Helper()
	out := runOK(t, root, "status", "--lang", "vi", "--format", "tsv")
	var stubs []string
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) > 3 && cols[1] == "stub" {
			stubs = append(stubs, cols[3])
		}
	}
	var want []string
	for _, p := range created {
		want = append(want, s.RepoPath(p))
	}
	slices.Sort(stubs)
	slices.Sort(want)
	if len(stubs) != dlsp20MissingVi || !slices.Equal(stubs, want) {
		t.Errorf("status shows %d stubs, want the %d created:\n%s", len(stubs), len(want), out)
	}
}

// jekyllDump is bench/jekyll-pages.sh's plugin: it writes what Jekyll
// takes for pages, with their lang and lang-ref, as TSV.
const jekyllDump = `Jekyll::Hooks.register :site, :post_read do |site|
  File.open(ENV.fetch("LANGREF_DUMP"), "w") do |f|
    site.pages.each do |p|
      f.puts [p.relative_path, p.data["lang"].to_s, p.data["lang-ref"].to_s].join("\t")
    end
  end
end
`

// checkJekyll builds the site with Jekyll and checks that every stub is
// one of its pages, in Vietnamese.
func checkJekyll(t *testing.T, root string, created []string) {
	jekyll, err := exec.LookPath("jekyll")
	if err != nil {
		t.Skip("jekyll is not on PATH (Debian: apt-get install jekyll): the build of the stubs is not checked")
	}
	// The corpus has no theme; its defaults ask for layout "custom".
	testfs.Write(t, root, map[string]string{"_layouts/custom.html": "{{ content }}\n", "_plugins/langref_dump.rb": jekyllDump})
	tmp := t.TempDir()
	dump := filepath.Join(tmp, "pages.tsv")
	cmd := exec.Command(jekyll, "build", "--quiet", "--source", root, "--destination", filepath.Join(tmp, "_site"))
	cmd.Env = append(os.Environ(), "LANGREF_DUMP="+dump)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("jekyll build: %v\n%s", err, out)
	}
	pages := map[string]string{}
	for _, l := range strings.Split(readFile(t, dump), "\n") {
		if cols := strings.Split(l, "\t"); len(cols) == 3 {
			pages[cols[0]] = cols[1]
		}
	}
	for _, p := range created {
		if lang, ok := pages[p]; !ok || lang != "vi" {
			t.Errorf("%s: Jekyll page %v, lang %q", p, ok, lang)
		}
		// The corpus has pretty permalinks: vi/a/b.md is vi/a/b/index.html.
		html := filepath.Join(tmp, "_site", strings.TrimSuffix(filepath.FromSlash(p), ".md"), "index.html")
		if _, err := os.Stat(html); err != nil {
			t.Errorf("%s: not rendered: %v", p, err)
		}
	}
}
