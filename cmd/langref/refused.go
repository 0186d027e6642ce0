package main

import (
	"errors"
	"fmt"

	"github.com/langref/langref/sync/create"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/plan"
	"github.com/langref/langref/sync/site"
)

// refusedHint says, under an error, how to get past git's refusal of the
// repository, and reports whether git refused it.
func (e *env) refusedHint(err error) bool {
	var refused *history.RefusedError
	if !errors.As(err, &refused) {
		return false
	}
	id := "git.hint.refused"
	if refused.Dubious() {
		id = "git.hint.refused-dubious"
	}
	fmt.Fprintf(e.stderr, "langref: %s: %s\n", e.p.T("hint"), e.p.T(id))
	return true
}

// historyWarning says on stderr, even with -q, that git failed where new
// reads the source pages' commits, and what was recorded instead.
func (e *env) historyWarning(err error) {
	if err == nil {
		return
	}
	fmt.Fprintf(e.stderr, "langref: %s: %s\n", e.p.T("warning"), e.p.T("new.warning.no-history", map[string]any{"Detail": err.Error()}))
	e.refusedHint(err)
}

// newJSON applies new's plan unless dryRun, and prints it as JSON.
func (e *env) newJSON(s *site.Site, r *create.Result, o create.Options, dryRun bool) error {
	if !dryRun {
		if _, err := r.Plan.Apply(plan.Options{Force: o.Force}); err != nil {
			return e.newError(s, err)
		}
	}
	doc := newJSONDoc{Lang: o.Lang, DryRun: dryRun, Pages: []newPageJSON{}, Nav: []string{}}
	for _, pg := range r.Pages {
		doc.Pages = append(doc.Pages, newPageJSON{Page: s.RepoPath(pg.Path), Source: s.RepoPath(pg.Source),
			Blocks: pg.Blocks, Remembered: pg.Remembered, Baseline: pg.Baseline})
	}
	for _, p := range r.Nav {
		doc.Nav = append(doc.Nav, s.RepoPath(p))
	}
	if r.HistoryErr != nil {
		doc.HistoryError = r.HistoryErr.Error()
	}
	return e.json(doc)
}
