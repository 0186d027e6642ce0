package main

import (
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/translate/refresh"
)

// markJSON is `langref mark --format json`: the baselines mark wrote, or
// would write with --dry-run.
type markJSON struct {
	Lang string `json:"lang"`
	// Key is the front matter key that records baselines.
	Key string `json:"key"`
	// Commit is the full hash recorded: the newest commit of the site at or
	// before --rev.
	Commit string `json:"commit"`
	// DryRun is true when nothing was written.
	DryRun bool      `json:"dry_run"`
	Pages  []pinJSON `json:"pages"`
}

// pinJSON is one page whose baseline mark or sync writes.
type pinJSON struct {
	// Page and Source are paths relative to the top of the repository.
	Page   string `json:"page"`
	Source string `json:"source"`
	Lang   string `json:"lang"`
	Key    string `json:"key"`
	// Old is the value the page recorded before ("" when none), New the
	// value it records after.
	Old string `json:"old"`
	New string `json:"new"`
}

// syncJSON is `langref sync --format json`: what sync wrote in each stale
// page, or would write with --dry-run.
type syncJSON struct {
	Lang   string         `json:"lang"`
	DryRun bool           `json:"dry_run"`
	Pages  []syncPageJSON `json:"pages"`
	// Skipped lists the stale pages whose baseline git does not have.
	Skipped []string   `json:"skipped"`
	Totals  syncTotals `json:"totals"`
}

// syncPageJSON is one stale page sync looked at.
type syncPageJSON struct {
	pinJSON
	// Changed is true when sync writes the page.
	Changed bool       `json:"changed"`
	Counts  syncCounts `json:"counts"`
	// Marked is true when sync --mark recorded that the page follows its
	// source now; Pinned when sync recorded the baseline the history gave,
	// so that the page stays stale until it is marked.
	Marked bool `json:"marked"`
	Pinned bool `json:"pinned"`
}

// syncCounts counts sync's actions on one page, or on all of them.
type syncCounts struct {
	Fixes    int `json:"fixes"`    // verbatim parts corrected (formulas, link targets, numbers)
	Replaced int `json:"replaced"` // code and math blocks replaced
	Comments int `json:"comments"` // English kept in comments updated
	Markers  int `json:"markers"`  // blocks marked outdated for the translator
	Inserted int `json:"inserted"` // new blocks inserted (the English, marked)
	Removed  int `json:"removed"`  // blocks marked removed
	Left     int `json:"left"`     // changes left alone
}

// syncTotals adds the number of pages to the counts of all pages.
type syncTotals struct {
	Pages  int `json:"pages"`
	Marked int `json:"marked"` // pages sync --mark marked
	syncCounts
}

// countsOf counts the actions of one refresh.
func countsOf(r refresh.Result) syncCounts {
	return syncCounts{Fixes: r.Count(refresh.Fixed), Replaced: r.Count(refresh.Replaced), Comments: r.Count(refresh.Comment),
		Markers: r.Count(refresh.Marked), Inserted: r.Count(refresh.Inserted), Removed: r.Count(refresh.Removed), Left: r.Count(refresh.Left)}
}

func (c *syncCounts) add(d syncCounts) {
	c.Fixes += d.Fixes
	c.Replaced += d.Replaced
	c.Comments += d.Comments
	c.Markers += d.Markers
	c.Inserted += d.Inserted
	c.Removed += d.Removed
	c.Left += d.Left
}

// syncJSONOf gathers sync's JSON from the pages it planned.
func (w *work) syncJSONOf(pages []synced, skipped []string, dryRun bool) syncJSON {
	out := syncJSON{Lang: w.lang, DryRun: dryRun, Pages: []syncPageJSON{}, Skipped: skipped}
	if out.Skipped == nil {
		out.Skipped = []string{}
	}
	for _, sp := range pages {
		pj := syncPageJSON{pinJSON: w.pin(sp.cell.Page.Path(), sp.cell.Entry.Source.Path(), stale.RecordedBaseline(sp.cell.Page.File.Doc, w.s.BaselineKey)),
			Changed: sp.changed, Counts: countsOf(sp.r), Marked: sp.marked, Pinned: sp.pinned != ""}
		pj.New = sp.newValue(pj.Old)
		out.Totals.add(pj.Counts)
		out.Totals.Pages++
		if sp.marked {
			out.Totals.Marked++
		}
		out.Pages = append(out.Pages, pj)
	}
	return out
}

// pin describes a page of w.lang whose baseline is old.
func (w *work) pin(page, source, old string) pinJSON {
	return pinJSON{Page: w.s.RepoPath(page), Source: w.s.RepoPath(source), Lang: w.lang, Key: w.s.BaselineKey, Old: old, New: old}
}

// newJSONDoc is `langref new --format json`: the stubs new wrote, or
// would write with --dry-run.
type newJSONDoc struct {
	Lang   string        `json:"lang"`
	DryRun bool          `json:"dry_run"`
	Pages  []newPageJSON `json:"pages"`
	// Nav lists the pages added to the language's navigation.
	Nav []string `json:"nav"`
	// HistoryError says why git could not give the source pages' commits
	// (it refuses the repository, say), so that the baselines recorded
	// are content hashes; "" when git gave them or there is no git.
	HistoryError string `json:"history_error"`
}

// newPageJSON is one stub.
type newPageJSON struct {
	Page       string `json:"page"`
	Source     string `json:"source"`
	Blocks     int    `json:"blocks"`
	Remembered int    `json:"remembered"`
	// Baseline is the source commit recorded, or "sha256:" and a content
	// hash.
	Baseline string `json:"baseline"`
}
