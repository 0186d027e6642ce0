package main

import (
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/translate/refresh"
)

// pageState is what mark and sync know of one translation: its staleness,
// and the files at its baseline when the history has them.
type pageState struct {
	page *stale.Page
	// oldSource is the source page at the baseline, before the
	// translation at the baseline; nil when the baseline is not a commit
	// or the file did not exist then.
	oldSource, before []byte
	source, tr        []byte // the files now
}

// outstanding lists the blocks that keep a translation from following the
// source page now: the markers sync left, and the changes since the
// baseline that the translation does not show yet (what sync would copy,
// or mark). It is the one place where mark decides, so that it can read
// block states from the staleness analysis instead once it reports them.
func outstanding(ps pageState) []refresh.Action {
	isStale := ps.page != nil && ps.page.Stale
	if !isStale || ps.oldSource == nil {
		// The markers left; for a stale page with no source at its
		// baseline to compare with, the staleness analysis's changes.
		out := refresh.Pending(ps.source, ps.source, ps.tr, nil)
		if isStale {
			for _, c := range ps.page.Changes {
				if c.Class >= stale.DefaultStaleOn {
					out = append(out, refresh.Action{Kind: refresh.Left, SourceLine: max(c.Line, c.OldLine)})
				}
			}
		}
		return out
	}
	return refresh.Pending(ps.oldSource, ps.source, ps.tr, ps.before)
}
