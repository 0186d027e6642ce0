package stale

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/langref/langref/internal/gittest"
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

// TestPinsCorpus records, in every French and Chinese page of DLSP20, a
// baseline as other sites do: French pages the hash of a commit on top of
// HEAD that changed no page (OpenTelemetry pins the main branch's HEAD),
// Chinese pages a tag. Every one is a good baseline, judged from the
// site's last commit, so no page is stale; all are resolved with one git
// cat-file --batch-check and one git rev-list.
func TestPinsCorpus(t *testing.T) {
	dir := testcorpus.Clone(t)
	site0 := strings.TrimSpace(gitOut(t, dir, "rev-parse", "HEAD"))
	gittest.Run(t, dir, 1, "commit", "-q", "--allow-empty", "-m", "changes no page")
	pin := strings.TrimSpace(gitOut(t, dir, "rev-parse", "HEAD"))
	gittest.Run(t, dir, 1, "tag", "v-pin", site0)
	values := map[string]string{"fr": pin, "zh": "v-pin"}
	for lang, value := range values {
		files, _ := filepath.Glob(filepath.Join(dir, "docs", lang, "*", "*.md"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.HasPrefix(b, []byte("---\n")) {
				b = append([]byte("---\nsource-commit: "+value+"\n"), b[4:]...)
				if err := os.WriteFile(f, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	log := countGit(t)
	s, err := site.LoadLean(filepath.Join(dir, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(s)
	o := DefaultOptions(g)
	o.NoCache = true
	res, err := Analyze(g, o)
	if err != nil {
		t.Fatal(err)
	}
	recorded := map[string]int{}
	for path, p := range res.Pages {
		lang, _, _ := strings.Cut(path, "/")
		if values[lang] == "" {
			continue
		}
		if p.BadBaseline != nil {
			t.Errorf("%s: %+v", path, p.BadBaseline)
		}
		if p.BaselineSource == Recorded {
			recorded[lang]++
			if p.Baseline != site0 || p.Stale {
				t.Errorf("%s: baseline %.7s, stale %v; want %.7s, not stale", path, p.Baseline, p.Stale, site0)
			}
		}
	}
	if recorded["fr"] < 50 || recorded["zh"] < 50 {
		t.Errorf("recorded baselines: %v, want 50 or more per language", recorded)
	}
	b, _ := os.ReadFile(log)
	calls := string(b)
	if n := strings.Count(calls, "cat-file --batch-check"); n != 1 {
		t.Errorf("%d git cat-file --batch-check, want 1", n)
	}
	if n := strings.Count(calls, " rev-list "); n != 1 {
		t.Errorf("%d git rev-list, want 1", n)
	}
	t.Logf("%v recorded baselines; %d git processes:\n%s", recorded, strings.Count(calls, "\n"), calls)
}
