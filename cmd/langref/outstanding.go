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
// source page now: the markers sync left, and the blocks the staleness
// analysis judges stale (copy, outdated, new). It is the one place where
// mark decides, so mark and status agree block by block.
func outstanding(ps pageState) []refresh.Action {
	out := refresh.Pending(ps.source, ps.source, ps.tr, nil) // the markers left
	if ps.page == nil {
		return out
	}
	for _, c := range ps.page.Changes {
		if c.State.Stale() {
			out = append(out, refresh.Action{Kind: blockAction(c.State), Line: c.TrLine, SourceLine: max(c.Line, c.OldLine)})
		}
	}
	return out
}

// blockAction is the sync action that stands for a stale block state.
func blockAction(s stale.State) refresh.Kind {
	switch s {
	case stale.Copy:
		return refresh.Fixed
	case stale.New:
		return refresh.Inserted
	case stale.Outdated:
		return refresh.Marked
	}
	return refresh.Left
}
