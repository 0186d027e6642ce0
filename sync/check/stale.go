package check

import (
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/stale"
)

// The rule ids of staleness. They are part of langref's interface.
const (
	// BadBaseline: the source commit recorded in a translation's front
	// matter is unusable.
	BadBaseline = "bad-baseline"
	// StructureMismatch: a translation's structure (headings, code, math,
	// images, links, list items, tables) differs from its source page's.
	StructureMismatch = "structure-mismatch"
	// BaselineUnverified: a translation lacks structure that its source
	// page had at the translation's baseline, recorded or from history,
	// and still has: the baseline may not be what it was made from.
	BaselineUnverified = "baseline-unverified"
)

func init() {
	Rules[BadBaseline] = Error
	Rules[StructureMismatch] = Warning
	Rules[BaselineUnverified] = Warning
	site.KnownRules[BadBaseline] = true
	site.KnownRules[StructureMismatch] = true
	site.KnownRules[BaselineUnverified] = true
}

// RunStale applies every rule to g, and bad-baseline to the staleness st
// found (none when st is nil). Its error is one reading the pages'
// contents again, on a lean site (site.LoadLean).
func RunStale(g *graph.Graph, st *stale.Result) ([]Finding, error) {
	r := &run{g: g, s: g.Site}
	r.all()
	r.badBaselines(st)
	r.unverified(st)
	return r.sorted(), r.err
}

// unverified reports translations whose baseline their text does not
// bear out (stale.Page.Suspect), at the first line where they differ.
func (r *run) unverified(st *stale.Result) {
	if st == nil {
		return
	}
	for p, sp := range st.Pages {
		if !sp.Suspect {
			continue
		}
		line := 0
		for _, m := range sp.Unverified {
			if m.Line > 0 && (line == 0 || m.Line < line) {
				line = m.Line
			}
		}
		r.add(BaselineUnverified, "", p, max(line, 1), 1, map[string]any{
			"SourcePath": sp.SourcePath, "Baseline": sp.Baseline[:min(len(sp.Baseline), 7)],
			"BaselineSource": string(sp.BaselineSource), "Mismatches": sp.Unverified,
		})
	}
}

// structure reports translations whose structure differs from their
// source page's, once per page, at the first line that differs.
func (r *run) structure() {
	pss, err := stale.Structures(r.g)
	r.err = err
	for _, ps := range pss {
		line := 0
		for _, m := range ps.Mismatches {
			if m.Line > 0 && (line == 0 || m.Line < line) {
				line = m.Line
			}
		}
		r.add(StructureMismatch, "", ps.Path, line, 1, map[string]any{
			"SourcePath": ps.SourcePath, "Mismatches": ps.Mismatches,
		})
	}
}

// badBaselines reports recorded baselines that name no usable commit.
func (r *run) badBaselines(st *stale.Result) {
	if st == nil {
		return
	}
	for p, sp := range st.Pages {
		b := sp.BadBaseline
		if b == nil {
			continue
		}
		r.add(BadBaseline, b.Reason, p, b.Line, b.Col, map[string]any{
			"Key": b.Key, "Value": b.Value, "SourcePath": sp.SourcePath, "Suggest": b.Suggest,
		})
	}
}
