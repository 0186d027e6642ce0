package stale

import (
	"path/filepath"

	"github.com/langref/langref/sync/history"
)

// Prefetch is the git history of a site, read in the background by
// PrefetchHistory while the caller loads the site: git log then runs
// beside the reading of the pages rather than after it.
type Prefetch struct {
	root string // absolute
	done chan struct{}
	repo *history.Repo
	h    *history.History
	// prefix is the site root relative to the work tree ("." at its top).
	prefix string
	err    error
}

// PrefetchHistory starts reading the history of the site whose root is
// root, for Options.Prefetch.
func PrefetchHistory(root string) *Prefetch {
	p := &Prefetch{root: root, done: make(chan struct{})}
	if abs, err := filepath.Abs(root); err == nil {
		p.root = abs
	}
	go func() {
		defer close(p.done)
		p.repo, p.prefix, p.h, p.err = readHistory(p.root)
	}()
	return p
}

// readHistory opens the repository holding root and reads the history of
// the site: two git processes for Open, one git log.
func readHistory(root string) (*history.Repo, string, *history.History, error) {
	repo, err := history.Open(root)
	if err != nil {
		return nil, "", nil, err
	}
	prefix, err := repo.Rel(root)
	if err != nil {
		return nil, "", nil, err
	}
	h, err := repo.Load(prefix)
	return repo, prefix, h, err
}

// wait returns what PrefetchHistory read, once it has.
func (p *Prefetch) wait() (*history.Repo, string, *history.History, error) {
	<-p.done
	return p.repo, p.prefix, p.h, p.err
}
