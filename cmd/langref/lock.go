package main

import (
	"errors"
	"path/filepath"

	"github.com/langref/langref/internal/cachefile"
	"github.com/langref/langref/sync/plan"
	"github.com/urfave/cli/v2"
)

// lockWrites takes the site's write lock for a command that writes (new,
// sync), so that concurrent runs take turns, and removes the temporary
// files an interrupted run left (killed, out of disk space). The caller
// calls release when its plan is applied.
func (e *env) lockWrites(c *cli.Context) (release func() error, err error) {
	root, err := filepath.Abs(siteRoot(c))
	if err != nil {
		return nil, usageErr(err)
	}
	release, err = plan.Lock(cachefile.LockFile(root))
	if err != nil {
		return nil, &exitError{code: exitFindings, err: errors.New(e.p.T("new.error.lock", map[string]any{"Detail": err.Error()}))}
	}
	if _, err := plan.CleanTemps(root); err != nil {
		release()
		return nil, &exitError{code: exitFindings, err: err}
	}
	return release, nil
}
