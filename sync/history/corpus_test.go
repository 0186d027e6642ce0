package history

import (
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/langref/langref/internal/testcorpus"
)

// cloneCorpus clones the course docs corpus into a temporary folder and
// returns the clone, or skips the test when the corpus is absent.
func cloneCorpus(tb testing.TB) string { return testcorpus.Clone(tb) }

// gitLines runs git in dir and splits its output on NUL.
func gitLines(tb testing.TB, dir string, args ...string) []string {
	tb.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("git %s: %v", strings.Join(args, " "), err)
	}
	return strings.FieldsFunc(string(out), func(r rune) bool { return r == 0 || r == '\n' })
}

func loadCorpus(t *testing.T) (string, *Repo, *History) {
	dir := cloneCorpus(t)
	repo, err := Open(filepath.Join(dir, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	h, err := repo.Load("docs")
	if err != nil {
		t.Fatal(err)
	}
	return dir, repo, h
}

func TestCorpus(t *testing.T) {
	dir, repo, h := loadCorpus(t)
	if len(h.Commits) != 961 {
		t.Errorf("got %d commits; want 961", len(h.Commits))
	}
	files := gitLines(t, dir, "ls-files", "-z", "docs")

	t.Run("events are changes of their commit", func(t *testing.T) {
		log := h.FileLog("docs/fr/week01/01-1.md")
		if len(log) == 0 {
			t.Fatal("empty log")
		}
		for _, e := range log {
			if !slices.Contains(e.Commit.Changes, *e.FileChange) {
				t.Errorf("%s %q: %c %q not among its changes", e.Commit.Hash[:8], e.Commit.Subject, e.Status, e.Path)
			}
		}
	})

	t.Run("every file starts with its addition", func(t *testing.T) {
		for _, f := range files {
			log := h.FileLog(f)
			if len(log) == 0 || log[len(log)-1].Status != 'A' || h.Truncated(f) {
				t.Errorf("%s: log of %d ends with %v", f, len(log), describe(log[max(len(log)-1, 0):]))
			}
		}
	})

	// Without renames, FileLog must list the commits git log lists for the
	// path: a merge shows there only when the file differs from every parent.
	t.Run("same commits as git log", func(t *testing.T) {
		for i, f := range files {
			log := h.FileLog(f)
			if i%7 != 0 || slices.ContainsFunc(log, func(e FileEvent) bool { return e.Status == 'R' }) {
				continue
			}
			var got []string
			for _, e := range log {
				got = append(got, e.Commit.Hash)
			}
			want := gitLines(t, dir, "log", "--format=%H", "--", f)
			if !slices.Equal(got, want) {
				t.Errorf("%s:\ngot  %v\nwant %v", f, got, want)
			}
		}
	})

	t.Run("blobs of every version", func(t *testing.T) {
		var specs []string
		for _, e := range h.FileLog("docs/en/week01/01-1.md") {
			specs = append(specs, e.Commit.Hash+":"+e.Path)
		}
		blobs, missing, err := repo.Blobs(specs)
		if err != nil || len(missing) != 0 || len(blobs) != len(specs) {
			t.Errorf("got %d blobs, missing %q, error %v; want %d", len(blobs), missing, err, len(specs))
		}
	})

	t.Run("abbreviated hashes", func(t *testing.T) {
		var revs []string
		for _, c := range h.Commits {
			revs = append(revs, c.Hash[:10])
		}
		got, err := repo.ResolveCommits(revs)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range h.Commits {
			if got[c.Hash[:10]] != c.Hash {
				t.Errorf("%s resolved to %q", c.Hash[:10], got[c.Hash[:10]])
			}
		}
	})
}

// BenchmarkLoad compares Load with a bare git log that prints the same
// changes, in the same run: the "load/bare" metric is the cost of Load as
// a multiple of git's own.
func BenchmarkLoad(b *testing.B) {
	dir := cloneCorpus(b)
	repo, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	var bare, load time.Duration
	for b.Loop() {
		start := time.Now()
		cmd := exec.Command("git", "log", "--name-status", "-z", "-M", "--", "docs")
		cmd.Dir = dir
		if _, err := cmd.Output(); err != nil {
			b.Fatal(err)
		}
		bare += time.Since(start)
		start = time.Now()
		if _, err := repo.Load("docs"); err != nil {
			b.Fatal(err)
		}
		load += time.Since(start)
	}
	b.ReportMetric(float64(bare)/1e6/float64(b.N), "bare-ms/op")
	b.ReportMetric(float64(load)/1e6/float64(b.N), "load-ms/op")
	b.ReportMetric(float64(load)/float64(bare), "load/bare")
}

// BenchmarkFileLogAll measures following every file of the corpus.
func BenchmarkFileLogAll(b *testing.B) {
	dir := cloneCorpus(b)
	repo, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	h, err := repo.Load("docs")
	if err != nil {
		b.Fatal(err)
	}
	files := gitLines(b, dir, "ls-files", "-z", "docs")
	for b.Loop() {
		for _, f := range files {
			h.FileLog(f)
		}
	}
	b.ReportMetric(float64(len(files)), "files")
}
