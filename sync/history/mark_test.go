package history

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/langref/langref/internal/gittest"
)

func TestBaselineCommit(t *testing.T) {
	r := newTestRepo(t)
	r.Write("docs/en/a.md", "a\n")
	first := r.Commit("add a")
	r.Write("README.md", "outside the site\n")
	outside := r.Commit("readme")
	r.Git("checkout", "-q", "-b", "side")
	r.Write("docs/en/b.md", "b\n")
	side := r.Commit("side branch")
	r.Git("checkout", "-q", "-")
	r.Write("docs/en/a.md", "a2\n")
	head := r.Commit("change a")
	repo, _ := r.load("docs")

	tests := []struct {
		name, rev, commit, site string
		err                     error
	}{
		{"HEAD", "HEAD", head, head, nil},
		{"an ancestor that changed the site", first[:7], first, first, nil},
		{"an ancestor outside the site", outside, outside, first, nil},
		{"a relative revision", "HEAD~1", outside, first, nil},
		{"not in HEAD's history", side, "", "", ErrNotAncestor},
		{"no commit", "nope", "", "", ErrUnknownRev},
		{"a tree is no commit", "HEAD^{tree}", "", "", ErrUnknownRev},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, s, err := repo.BaselineCommit(tt.rev, "docs")
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if c != tt.commit || s != tt.site {
				t.Errorf("got %s, %s; want %s, %s", c, s, tt.commit, tt.site)
			}
		})
	}
}

// TestBaselineCommits checks that resolving many recorded baselines at
// once gives, value by value, BaselineCommit's answer, with at most two
// git processes: one cat-file --batch-check for the names, one rev-list
// walk from HEAD for the commits that changed no file of the site.
func TestBaselineCommits(t *testing.T) {
	r := newTestRepo(t)
	r.Write("README.md", "before the site\n")
	before := r.Commit("readme")
	r.Write("docs/en/a.md", "a\n")
	first := r.Commit("add a")
	r.Git("tag", "v1")
	r.Git("tag", "-a", "-m", "annotated", "v1a")
	r.Write("README.md", "outside the site\n")
	outside := r.Commit("readme again")
	r.Git("checkout", "-q", "-b", "side")
	r.Write("docs/en/b.md", "b\n")
	side := r.Commit("side branch")
	r.Git("checkout", "-q", "-b", "topic", outside)
	r.Write("docs/en/c.md", "c\n")
	topic := r.Commit("topic")
	r.Write("NOTES", "outside, on the topic branch\n")
	r.Commit("topic notes")
	r.Git("checkout", "-q", "main")
	r.Write("docs/en/a.md", "a2\n")
	changed := r.Commit("change a")
	r.Git("merge", "-q", "--no-ff", "-m", "merge topic", "topic")
	merged := r.Git("rev-parse", "HEAD")
	r.Tick++
	r.Write("LICENSE", "outside\n")
	head := r.Commit("license")
	r.Git("branch", "stable", outside)

	tests := []struct {
		name, rev, commit, site string
		err                     error
	}{
		{"a full hash of the site's history", first, first, first, nil},
		{"HEAD, which changed no page", "HEAD", head, merged, nil},
		{"a full hash that changed no page", outside, outside, first, nil},
		{"an abbreviated hash", outside[:8], outside, first, nil},
		{"a lightweight tag", "v1", first, first, nil},
		{"an annotated tag", "v1a", first, first, nil},
		{"a branch name", "stable", outside, first, nil},
		{"a relative revision", "HEAD~1", merged, merged, nil},
		{"a commit on a merged branch that changed no page", "topic", r.Hash["topic notes"], topic, nil},
		{"the merge's first parent", "HEAD~1^1", changed, changed, nil},
		{"older than the site", before, "", "", ErrBeforeHistory},
		{"not in HEAD's history", side, "", "", ErrNotAncestor},
		{"a branch not merged", "side", "", "", ErrNotAncestor},
		{"no commit", "nope", "", "", ErrUnknownRev},
		{"a tree is no commit", "HEAD^{tree}", "", "", ErrUnknownRev},
	}
	calls := countCalls(t)
	repo, h := r.load("docs")
	calls()
	var revs []string
	for _, tt := range tests {
		revs = append(revs, tt.rev)
	}
	got, err := repo.BaselineCommits(h, revs)
	if err != nil {
		t.Fatal(err)
	}
	if n := calls(); len(n) != 2 {
		t.Errorf("%d git processes, want 2: %q", len(n), n)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := got[tt.rev]
			if !errors.Is(b.Err, tt.err) {
				t.Fatalf("err = %v, want %v", b.Err, tt.err)
			}
			if tt.err == nil && (b.Commit != tt.commit || b.Site != tt.site) {
				t.Errorf("got %.7s, %.7s; want %.7s, %.7s", b.Commit, b.Site, tt.commit, tt.site)
			}
			if tt.err == ErrBeforeHistory || tt.err == ErrNotAncestor || tt.err == ErrUnknownRev {
				return
			}
			c, s, err := repo.BaselineCommit(tt.rev, "docs")
			if err != nil || c != b.Commit || s != b.Site {
				t.Errorf("BaselineCommit: %.7s, %.7s, %v; BaselineCommits: %.7s, %.7s", c, s, err, b.Commit, b.Site)
			}
		})
	}
}

// TestBaselineCommitsProcesses checks that values the site's history
// knows need no git process, and that a walk stops early.
func TestBaselineCommitsProcesses(t *testing.T) {
	r := newTestRepo(t)
	r.Write("docs/en/a.md", "a\n")
	first := r.Commit("add a")
	for i := range 3 {
		r.Write("README.md", fmt.Sprint(i))
		r.Commit(fmt.Sprint("readme ", i))
	}
	calls := countCalls(t)
	repo, h := r.load("docs")
	calls()
	if _, err := repo.BaselineCommits(h, []string{first}); err != nil {
		t.Fatal(err)
	}
	if n := calls(); len(n) != 0 {
		t.Errorf("known hash: git ran %q", n)
	}
	got, err := repo.BaselineCommits(h, []string{r.Hash["readme 2"], "HEAD", "HEAD~2"})
	if err != nil {
		t.Fatal(err)
	}
	for rev, b := range got {
		if b.Site != first {
			t.Errorf("%s: site %.7s, want %.7s", rev, b.Site, first)
		}
	}
	if n := calls(); len(n) != 2 {
		t.Errorf("%d git processes for three values, want 2: %q", len(n), n)
	}
}

// countCalls puts a git on PATH that logs its command lines, and returns a
// function that reads and clears the log.
func countCalls(t *testing.T) func() []string {
	t.Helper()
	log := gittest.LogCalls(t)
	return func() []string {
		b, _ := os.ReadFile(log)
		os.Remove(log)
		return strings.Fields(strings.ReplaceAll(strings.TrimSpace(string(b)), " ", "_"))
	}
}
