package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/langref/langref/sync/history"
	"github.com/urfave/cli/v2"
)

// inspectHistory tells how complete the history of the site's repository
// is, says on stderr what it lacks and how to fix it, and fails with
// --require-history when anything is missing. Commands that read history
// call it once the site is found.
func (e *env) inspectHistory(c *cli.Context) (*history.Completeness, error) {
	if err := e.rootError(c); err != nil {
		return nil, err
	}
	h, err := history.Inspect(siteRoot(c))
	if err != nil {
		return nil, &exitError{code: exitFindings, err: err}
	}
	e.hist = &h
	e.verbose("verbose.history", map[string]any{"What": e.historyWhat(h)})
	if e.requireHistory && !h.Complete() {
		msg := e.p.T("error.require-history", map[string]any{"What": e.historyWhat(h)})
		return &h, usageErr(e.withHint(msg, e.historyHint(h)))
	}
	if h.Shallow {
		e.warn(e.p.T("warning.shallow"))
	}
	if h.Partial {
		e.warn(e.p.T("warning.partial", map[string]any{"Remote": h.Remote, "Filter": h.Filter}))
	}
	if (h.Shallow || h.Partial) && !e.quiet {
		fmt.Fprintf(e.stderr, "langref: %s: %s\n", e.p.T("hint"), e.historyHint(h))
	}
	return &h, nil
}

// historyWhat names what the history lacks, or says it is complete.
func (e *env) historyWhat(h history.Completeness) string {
	var parts []string
	if h.NoGit {
		parts = append(parts, e.p.T("history.no-git"))
	}
	if h.Shallow {
		parts = append(parts, e.p.T("history.shallow"))
	}
	if h.Partial {
		parts = append(parts, e.p.T("history.partial"))
	}
	if len(parts) == 0 {
		return e.p.T("history.complete")
	}
	return strings.Join(parts, e.p.T("stale.list-sep"))
}

// historyHint says how to get the whole history.
func (e *env) historyHint(h history.Completeness) string {
	switch {
	case h.NoGit:
		return e.p.T("hint.no-git")
	case h.Shallow:
		return e.p.T("hint.shallow")
	}
	return e.p.T("hint.partial")
}

// errHistoryGate is returned by gates that refuse to judge on history
// that is not all there.
var errHistoryGate = errors.New("incomplete history")
