package integration_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/check"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/sync/status"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	testcorpus.Cleanup()
	os.Exit(code)
}

// siteRoot returns the site root of the shared corpus clone.
func siteRoot(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(testcorpus.Shared(tb), "docs")
}

// load reads the corpus and pairs its pages.
func load(t *testing.T) (*site.Site, *graph.Graph) {
	t.Helper()
	s, err := site.Load(siteRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	return s, graph.Build(s)
}

// TestPagesMatchJekyll checks that langref takes for pages exactly the
// files Jekyll 4.3.1 renders as pages, with the lang and lang-ref values
// Jekyll's Ruby YAML reader gives them (see bench/jekyll-pages.sh).
func TestPagesMatchJekyll(t *testing.T) {
	slow(t)
	s, _ := load(t)
	want := readLines(t, filepath.Join("testdata", "dlsp20-jekyll-pages.tsv"))
	var got []string
	for _, f := range s.Files {
		if f.Doc != nil && f.Doc.Page {
			got = append(got, f.Path+"\t"+value(f.Doc, "lang")+"\t"+value(f.Doc, s.Key))
		}
	}
	slices.Sort(got)
	if missing, extra := diffSets(want, got); len(missing)+len(extra) > 0 {
		t.Errorf("langref and Jekyll disagree on %d pages\nJekyll only:\n%s\nlangref only:\n%s",
			len(missing)+len(extra), strings.Join(missing, "\n"), strings.Join(extra, "\n"))
	}
}

// value is key's value as Jekyll's Ruby prints it: "" for nil.
func value(d *frontmatter.Doc, key string) string {
	f, ok := d.Get(key)
	if !ok || f.Value.Kind == frontmatter.Null {
		return ""
	}
	return f.Value.Text
}

// TestMeantPagesAreReported checks that every file that meant to be a page
// but that Jekyll copies as a static file is reported at the right line.
func TestMeantPagesAreReported(t *testing.T) {
	slow(t)
	want := map[string]struct {
		kind frontmatter.ProblemKind
		line int
	}{
		"ko/week11/11.md": {frontmatter.BOM, 1},         // EF BB BF before ---
		"tr/week13/13.md": {frontmatter.MissingOpen, 2}, // blank line 1, keys from line 2, no opening ---
	}
	s, g := load(t)
	findings := check.Run(g)
	var meant []string
	for _, f := range s.Files {
		if f.Doc != nil && !f.Doc.Page {
			meant = append(meant, f.Path)
		}
	}
	if got := slices.Sorted(maps.Keys(want)); !slices.Equal(meant, got) {
		t.Fatalf("files that meant to be pages = %q, want %q", meant, got)
	}
	for path, w := range want {
		t.Run(path, func(t *testing.T) {
			if p := s.Lookup(path).Doc.Problem; p == nil || p.Kind != w.kind {
				t.Errorf("problem = %+v, want kind %q", p, w.kind)
			}
			i := slices.IndexFunc(findings, func(f check.Finding) bool {
				return f.Path == path && f.Rule == check.FrontmatterInvalid
			})
			if i < 0 {
				t.Fatalf("no %s finding", check.FrontmatterInvalid)
			}
			if f := findings[i]; f.Line != w.line || f.Col != 1 || f.Variant != string(w.kind) || f.Severity != check.Error {
				t.Errorf("finding = %s %s %s %d:%d, want %s error %s %d:1",
					f.Rule, f.Variant, f.Severity, f.Line, f.Col, check.FrontmatterInvalid, w.kind, w.line)
			}
		})
	}
}

// TestFindings compares every finding of check on the corpus, one line
// each: rule severity path:line:col, paths relative to the repository as
// `langref check` prints them.
func TestFindings(t *testing.T) {
	slow(t)
	s, g := load(t)
	var b strings.Builder
	for _, f := range check.Run(g) {
		fmt.Fprintf(&b, "%s %s %s:%d:%d\n", f.Rule, f.Severity, s.RepoPath(f.Path), f.Line, f.Col)
	}
	golden(t, "dlsp20-findings.txt", []byte(b.String()))
}

// TestStatusLanguages compares the per-language counts of the status
// report, staleness included.
func TestStatusLanguages(t *testing.T) {
	slow(t)
	_, g := load(t)
	st, err := stale.Analyze(g, stale.DefaultOptions(g))
	if err != nil {
		t.Fatal(err)
	}
	r := status.Build(g, status.Options{Stale: st})
	b, err := json.MarshalIndent(r.Languages, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "dlsp20-status-languages.json", append(b, '\n'))
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	missing, extra := diffSets(splitLines(want), splitLines(got))
	t.Errorf("%s differs (go test -update rewrites it)\nwant only:\n%s\ngot only:\n%s",
		p, strings.Join(missing, "\n"), strings.Join(extra, "\n"))
}

// readLines returns the lines of a TSV file, less comments.
func readLines(t *testing.T, p string) []string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range splitLines(b) {
		if !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func splitLines(b []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

// diffSets returns the lines of want that got lacks and those of got that
// want lacks, as multisets, in their original order.
func diffSets(want, got []string) (missing, extra []string) {
	n := map[string]int{}
	for _, l := range got {
		n[l]++
	}
	for _, l := range want {
		if n[l] > 0 {
			n[l]--
			continue
		}
		missing = append(missing, l)
	}
	for _, l := range got {
		if n[l] > 0 {
			n[l]--
			extra = append(extra, l)
		}
	}
	return missing, extra
}
