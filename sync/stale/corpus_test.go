package stale

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// TestBulkFixesCorpus: on DLSP20, three commits fixed the English and
// some translations together (a missing \log, a URL, a formula). The
// translations they fixed are not stale for that fix: no change of theirs
// that makes a page stale lies on English lines the commit last changed.
// The two whose visible text lacks the fix are stale.
func TestBulkFixesCorpus(t *testing.T) {
	dir := testcorpus.Clone(t)
	s, err := site.LoadLean(filepath.Join(dir, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(s)
	o := DefaultOptions(g)
	o.NoCache, o.Release = true, true
	res, err := Analyze(g, o)
	if err != nil {
		t.Fatal(err)
	}
	// Translations whose visible text the commits left as it was: Korean
	// 13-1 undid f48b037's fix later, Portuguese 07-2 got 06974aa's fix
	// in its commented English only.
	undone := map[string]bool{"docs/ko/week13/13-1.md": true, "docs/pt/week07/07-2.md": true}
	fixed := map[string]bool{}
	for _, commit := range []string{"06974aa", "d615943", "f48b037"} {
		files := strings.Fields(gitOut(t, dir, "show", "--format=", "--name-only", commit))
		var en string
		for _, f := range files {
			if strings.HasPrefix(f, "docs/en/") {
				en = f
			}
		}
		lines := blamed(t, dir, en, commit)
		for _, f := range files {
			if f == en || undone[f] {
				continue
			}
			p := page(t, res, strings.TrimPrefix(f, "docs/"))
			fixed[p.Path] = true
			for _, c := range p.Changes {
				if c.State.Stale() && overlaps(c, lines) {
					t.Errorf("%s: %s's fix, in the translation since, is %s at English line %d (%s)", f, commit, c.State, c.Line, c.Text)
				}
			}
		}
	}
	if len(fixed) < 15 {
		t.Errorf("%d translations fixed by the three commits, want 15 or more", len(fixed))
	}
	for f := range undone {
		if p := page(t, res, strings.TrimPrefix(f, "docs/")); !p.Stale {
			t.Errorf("%s is not stale, although its visible text lacks the fix: %+v", f, p.Changes)
		}
	}
}

// blamed returns the lines of file at HEAD that commit last changed.
func blamed(t *testing.T, dir, file, commit string) map[int]bool {
	out := map[int]bool{}
	// Lines read "hash [path] line) text".
	for _, l := range strings.Split(gitOut(t, dir, "blame", "-s", "-l", file), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 || !strings.HasPrefix(strings.TrimPrefix(f[0], "^"), commit) {
			continue
		}
		for _, x := range f[1:] {
			if n, err := strconv.Atoi(strings.TrimSuffix(x, ")")); err == nil && strings.HasSuffix(x, ")") {
				out[n] = true
				break
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s: no line of %s from %s at HEAD", commit, file, commit)
	}
	return out
}

func overlaps(c Change, lines map[int]bool) bool {
	for l := c.Line; l <= max(c.Line, c.EndLine); l++ {
		if lines[l] {
			return true
		}
	}
	return false
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %s: %v", strings.Join(args, " "), err)
	}
	return string(b)
}
