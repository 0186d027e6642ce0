package history

import (
	"errors"
	"testing"
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
