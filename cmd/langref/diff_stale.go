package main

import (
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/translate/diff"
)

func init() { staleCells = staleFromEngine }

// staleFromEngine takes the baselines of cells from the staleness
// analysis and returns the cells it finds stale; content baselines (no usable history)
// are left to the baseliner's own rules.
func staleFromEngine(g *graph.Graph, b *baseliner, cells []*graph.Cell) ([]*graph.Cell, bool) {
	o := stale.DefaultOptions(g)
	// The diff reads the pages again (Site.Contents) and their front
	// matter: only the contents may go as the analysis proceeds.
	o.Prefetch, o.Release, o.KeepFields = b.pre, true, true
	res, err := stale.Analyze(g, o)
	if err != nil || res.NoGit {
		return nil, false
	}
	b.known = map[string]diff.Baseline{}
	b.states = map[string][]diff.BlockState{}
	var out []*graph.Cell
	for _, c := range cells {
		p := res.Page(c.Page.Path())
		if p == nil {
			continue
		}
		if p.Baseline != "" {
			b.known[c.Page.Path()] = diff.Baseline{Rev: p.Baseline, Source: string(p.BaselineSource)}
			b.states[c.Page.Path()] = blockStates(p.Changes)
		}
		if p.Stale {
			out = append(out, c)
		}
	}
	return out, true
}

// blockStates passes the analysis's judgement of each change to the diff.
func blockStates(cs []stale.Change) []diff.BlockState {
	out := make([]diff.BlockState, 0, len(cs))
	for _, c := range cs {
		out = append(out, diff.BlockState{OldLine: c.OldLine, Line: c.Line, State: string(c.State), Evidence: string(c.Evidence), Commit: c.Commit})
	}
	return out
}
