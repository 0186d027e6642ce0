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

// ErrBeforeHistory reports a commit in HEAD's history that is older than
// every commit of the History: the files it follows did not exist yet (or a
// shallow clone cut off the commits that made them).
var ErrBeforeHistory = errors.New("is older than the history of the site")

// Baseline is what a revision recorded as a baseline resolves to.
type Baseline struct {
	// Commit is the full hash of the commit the revision names, "" when it
	// names none.
	Commit string
	// Site is the newest commit of the History at or before Commit, whose
	// files under the History's pathspecs are Commit's: Commit itself when
	// it changed one of them. It is "" when Err is set.
	Site string
	// Err is nil, or wraps ErrUnknownRev, ErrNotAncestor or
	// ErrBeforeHistory.
	Err error
}

// BaselineCommits resolves many revisions at once, each as BaselineCommit
// resolves one, against h, a History loaded from this Repo: it runs one git
// cat-file --batch-check for all of them when some is not the hash of one
// of h's commits, and one git rev-list --parents from HEAD, read only as
// far as the commits it is asked about and their nearest commits of h,
// when some of them is not in h. The error is git's own, when git fails.
func (r *Repo) BaselineCommits(h *History, revs []string) (map[string]Baseline, error) {
	out := make(map[string]Baseline, len(revs))
	var names []string
	for _, rev := range revs {
		if c := h.Commit(rev); c != nil && c.Hash == rev {
			out[rev] = Baseline{Commit: c.Hash, Site: c.Hash}
		} else {
			names = append(names, rev)
		}
	}
	hashes, err := r.ResolveCommits(names)
	if err != nil {
		return nil, err
	}
	var walk []string
	for _, rev := range names {
		hash, ok := hashes[rev]
		switch {
		case !ok:
			out[rev] = Baseline{Err: fmt.Errorf("%q %w", rev, ErrUnknownRev)}
		case h.Commit(hash) != nil && h.Commit(hash).Hash == hash:
			out[rev] = Baseline{Commit: hash, Site: hash}
		default:
			out[rev] = Baseline{Commit: hash}
			walk = append(walk, hash)
		}
	}
	if len(walk) == 0 {
		return out, nil
	}
	sites, err := r.nearestSites(h, walk)
	if err != nil {
		return nil, err
	}
	for rev, b := range out {
		if b.Err != nil || b.Site != "" {
			continue
		}
		site, err := sites[b.Commit], error(nil)
		switch site {
		case notAncestor:
			err = fmt.Errorf("%q %w", rev, ErrNotAncestor)
		case "":
			err = fmt.Errorf("%q %w", rev, ErrBeforeHistory)
		}
		if err != nil {
			site = ""
		}
		out[rev] = Baseline{Commit: b.Commit, Site: site, Err: err}
	}
	return out, nil
}

// notAncestor marks, in nearestSites' answer, a commit that HEAD does not
// reach.
const notAncestor = "-"

// nearestSites returns, for each of commits (none of them h's), the newest
// commit of h that it reaches through commits that are not h's; "" when it
// reaches none, notAncestor when HEAD does not reach it. It reads one git
// rev-list --parents from HEAD, and stops it as soon as the answer is
// known: a walk from HEAD lists every commit after all its children.
func (r *Repo) nearestSites(h *History, commits []string) (map[string]string, error) {
	out := make(map[string]string, len(commits))
	if r.Head == "" {
		for _, c := range commits {
			out[c] = notAncestor
		}
		return out, nil
	}
	w := &siteWalk{h: h, parents: map[string][]string{}, need: map[string]bool{}, reached: map[string]bool{}}
	for _, c := range commits {
		w.reached[c], w.need[c] = true, true
	}
	if err := r.lines(w.read, "rev-list", "--parents", r.Head); err != nil {
		return nil, err
	}
	for _, c := range commits {
		if _, seen := w.parents[c]; !seen {
			out[c] = notAncestor
		} else {
			out[c] = w.newest(c)
		}
	}
	return out, nil
}

// siteWalk follows the commits rev-list lists, from those it is asked
// about down to the commits of h.
type siteWalk struct {
	h       *History
	parents map[string][]string // the commits listed so far
	need    map[string]bool     // commits reached whose line is still to come
	reached map[string]bool
}

// read takes one line of rev-list --parents; it returns false once every
// commit reached is listed.
func (w *siteWalk) read(line string) bool {
	f := strings.Fields(line)
	if len(f) == 0 {
		return true
	}
	w.parents[f[0]] = f[1:]
	if w.need[f[0]] {
		delete(w.need, f[0])
		w.expand(f[0])
	}
	return len(w.need) > 0
}

// expand reaches the parents of listed commit c, unless c is h's.
func (w *siteWalk) expand(c string) {
	if w.isSite(c) {
		return
	}
	for _, p := range w.parents[c] {
		if w.reached[p] {
			continue
		}
		w.reached[p] = true
		if w.isSite(p) {
			continue
		}
		if _, seen := w.parents[p]; seen {
			w.expand(p)
		} else {
			w.need[p] = true
		}
	}
}

func (w *siteWalk) isSite(c string) bool {
	_, ok := w.h.byHash[c]
	return ok
}

// newest returns the newest commit of h that c reaches through commits
// that are not h's, or "".
func (w *siteWalk) newest(c string) string {
	best, bestAt := "", -1
	seen := map[string]bool{c: true}
	queue := []string{c}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		if i, ok := w.h.byHash[x]; ok {
			if bestAt < 0 || i < bestAt {
				best, bestAt = x, i
			}
			continue
		}
		for _, p := range w.parents[x] {
			if !seen[p] {
				seen[p] = true
				queue = append(queue, p)
			}
		}
	}
	return best
}
