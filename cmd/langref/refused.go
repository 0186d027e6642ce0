package main

import (
	"errors"
	"fmt"

	"github.com/langref/langref/sync/history"
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
