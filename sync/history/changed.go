package history

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Changed is a file a change set touched, relative to the repository
// root, with its contents where the change set started from.
type Changed struct {
	Path string
	// Old is the file at the merge base of the revision and HEAD; nil when
	// the file did not exist there.
	Old []byte
}

// ChangedSince lists the files changed since rev as a pull request sees
// them: committed since the merge base of rev and HEAD
// (git diff --name-only rev...HEAD), changed in the index or the work
// tree, and untracked but not ignored. Renames count as a deletion and an
// addition. It runs five git processes however many files changed.
func (r *Repo) ChangedSince(rev string) ([]Changed, error) {
	base, err := r.run("merge-base", rev, "HEAD")
	if err != nil {
		return nil, fmt.Errorf("changes since %q: %w", rev, err)
	}
	mb := strings.TrimSpace(string(base))
	set := map[string]bool{}
	for _, args := range [][]string{
		{"diff", "--name-only", "--no-renames", "-z", mb, "HEAD"},
		{"diff", "--name-only", "--no-renames", "-z", "HEAD"},
		{"ls-files", "--others", "--exclude-standard", "-z", "--full-name"},
	} {
		out, err := r.run(args...)
		if err != nil {
			return nil, fmt.Errorf("changes since %q: %w", rev, err)
		}
		for _, p := range bytes.Split(out, []byte{0}) {
			if len(p) > 0 {
				set[string(p)] = true
			}
		}
	}
	paths := make([]string, 0, len(set))
	specs := make([]string, 0, len(set))
	for p := range set {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		specs = append(specs, mb+":"+p)
	}
	blobs, _, err := r.Blobs(specs)
	if err != nil {
		return nil, fmt.Errorf("changes since %q: %w", rev, err)
	}
	out := make([]Changed, len(paths))
	for i, p := range paths {
		out[i] = Changed{Path: p, Old: blobs[specs[i]]}
	}
	return out, nil
}
