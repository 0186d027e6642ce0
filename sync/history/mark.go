package history

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ErrUnknownRev reports a revision that names no commit.
var ErrUnknownRev = errors.New("names no commit")

// ErrNotAncestor reports a commit that is not in the history of HEAD.
var ErrNotAncestor = errors.New("is not in the history of HEAD")

// BaselineCommit resolves rev, which must name a commit in HEAD's history,
// and returns its full hash and the newest commit at or before it that
// changed a file under pathspec (rev itself when it did): the commit that
// a History loaded with that pathspec knows, and whose files under it are
// those of rev. It runs at most three git processes.
func (r *Repo) BaselineCommit(rev, pathspec string) (commit, site string, err error) {
	out, err := r.run("rev-parse", "-q", "--verify", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", "", fmt.Errorf("%q %w", rev, ErrUnknownRev)
	}
	commit = strings.TrimSpace(string(out))
	if commit != r.Head {
		if _, err := r.run("merge-base", "--is-ancestor", commit, "HEAD"); err != nil {
			var ee *exec.ExitError
			if errors.As(err, &ee) && ee.ExitCode() == 1 {
				return "", "", fmt.Errorf("%q %w", rev, ErrNotAncestor)
			}
			return "", "", err
		}
	}
	out, err = r.run("rev-list", "-1", commit, "--", pathspec)
	if err != nil {
		return "", "", err
	}
	site = strings.TrimSpace(string(out))
	if site == "" {
		site = commit
	}
	return commit, site, nil
}
