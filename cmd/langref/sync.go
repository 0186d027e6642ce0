package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/pin"
	"github.com/langref/langref/sync/plan"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/translate/refresh"
	"github.com/urfave/cli/v2"
)

func (e *env) syncCommand() *cli.Command {
	return &cli.Command{
		Name:      "sync",
		Usage:     e.p.T("sync.usage"),
		ArgsUsage: e.p.T("sync.args"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Required: true, Usage: e.p.T("sync.flag.lang")},
			&cli.BoolFlag{Name: "mark", Usage: e.p.T("sync.flag.mark")},
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: e.p.T("sync.flag.dry-run")},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: e.p.T("flag.format", map[string]any{"Formats": "text, json"})},
		},
		Action: e.sync,
	}
}

// syncKinds are the actions sync reports, in the order it reports them.
var syncKinds = []refresh.Kind{refresh.Fixed, refresh.Replaced, refresh.Comment, refresh.Marked,
	refresh.Inserted, refresh.Removed, refresh.Left}

// synced is one page sync changes or leaves.
type synced struct {
	cell   *graph.Cell
	r      refresh.Result
	marked bool
	// pinned is the baseline found in the history that sync recorded in
	// the page, or "".
	pinned string
	// commit is what sync --mark records in the pages it marks; changed
	// is true when sync writes the page.
	commit  string
	changed bool
}

// newValue is the baseline the page records once sync wrote it, old
// before.
func (sp synced) newValue(old string) string {
	switch {
	case sp.marked:
		return sp.commit
	case sp.pinned != "":
		return sp.pinned
	}
	return old
}

func (e *env) sync(c *cli.Context) error {
	lang, format := c.String("lang"), c.String("format")
	if format != "text" && format != "json" {
		return usageErr(fmt.Errorf("%s", e.p.T("error.format", map[string]any{"Format": format, "Formats": "text, json"})))
	}
	if !c.Bool("dry-run") { // as new: runs take turns, and an interrupted one is cleaned up
		release, err := e.lockWrites(c)
		if err != nil {
			return err
		}
		defer release()
	}
	w, err := e.openWork(c, lang)
	if err != nil {
		return err
	}
	cells, err := e.cells(w, c.Args().Slice())
	if err != nil {
		return err
	}
	states, err := w.states(cells)
	if err != nil {
		return err
	}
	commit := ""
	if c.Bool("mark") {
		if w.s.BaselineKey == "" {
			return usageErr(fmt.Errorf("%s", e.p.T("mark.error.no-key")))
		}
		if commit, err = e.baseline(w, "HEAD"); err != nil {
			return err
		}
	}
	p, pages, skipped, err := e.syncPlan(w, cells, states, commit)
	if err != nil {
		return err
	}
	if format == "json" {
		var paths []string
		for _, c := range skipped {
			paths = append(paths, w.s.RepoPath(c.Page.Path()))
		}
		if !c.Bool("dry-run") {
			if _, err := p.Apply(plan.Options{}); err != nil {
				return e.writeError(w.s, err)
			}
		}
		return e.json(w.syncJSONOf(pages, paths, c.Bool("dry-run")))
	}
	if c.Bool("dry-run") {
		return p.Diff(e.stdout, repoPrefix(w.s))
	}
	if _, err := p.Apply(plan.Options{}); err != nil {
		return e.writeError(w.s, err)
	}
	e.syncReport(w, pages, skipped)
	return nil
}

// syncPlan refreshes every stale page of cells; with commit, it also marks
// the pages that are left with nothing for the translator. skipped lists
// the stale pages whose baseline git does not have.
func (e *env) syncPlan(w *work, cells []*graph.Cell, states []pageState, commit string) (*plan.Plan, []synced, []*graph.Cell, error) {
	p := &plan.Plan{Root: w.s.Root}
	var pages []synced
	var skipped []*graph.Cell
	for i, c := range cells {
		st := states[i]
		if st.page == nil || !st.page.Stale {
			continue
		}
		if st.oldSource == nil {
			skipped = append(skipped, c)
			continue
		}
		r := refresh.PlanPageOnly(st.oldSource, st.source, st.tr, needsWork(st.page))
		sp := synced{cell: c, r: r, commit: commit}
		out := w.pinBaseline(st, r.Body, commit, &sp)
		sp.changed = !bytes.Equal(out, st.tr)
		pages = append(pages, sp)
		if sp.changed {
			if err := p.Add(c.Page.Path(), st.tr, out); err != nil {
				return nil, nil, nil, err
			}
		}
	}
	return p, pages, skipped, nil
}

// pinBaseline records a baseline in page out, the page st refreshed: with
// commit, when nothing is left for the translator, commit (as mark does);
// else, when sync changed the page, the baseline the history gave, so
// that committing the page does not pass for its translation and it stays
// stale until it is marked.
func (w *work) pinBaseline(st pageState, out []byte, commit string, sp *synced) []byte {
	if w.s.BaselineKey == "" {
		return out
	}
	// The run acted on every stale block, and a mechanical run left no
	// marker: the page follows its source when no earlier marker is left.
	if commit != "" && mechanical(sp.r) && len(refresh.Pending(st.source, st.source, out, nil)) == 0 {
		if marked, err := pin.Set(out, w.s.BaselineKey, commit, w.s.Key); err == nil {
			sp.marked = true
			return marked
		}
	}
	if bytes.Equal(out, st.tr) || st.page.BaselineSource != stale.History {
		return out
	}
	if pinned, err := pin.Set(out, w.s.BaselineKey, st.page.Baseline, w.s.Key); err == nil {
		sp.pinned = st.page.Baseline
		return pinned
	}
	return out
}

// mechanical reports whether a refresh did nothing but copy: verbatim
// fixes, code and math, the English in comments.
func mechanical(r refresh.Result) bool {
	for _, a := range r.Actions {
		if a.Kind != refresh.Fixed && a.Kind != refresh.Replaced && a.Kind != refresh.Comment {
			return false
		}
	}
	return true
}

// syncReport prints one line per page and the totals.
func (e *env) syncReport(w *work, pages []synced, skipped []*graph.Cell) {
	total := map[refresh.Kind]int{}
	for _, sp := range pages {
		var parts []string
		for _, k := range syncKinds {
			if n := sp.r.Count(k); n > 0 {
				total[k] += n
				parts = append(parts, e.p.N("sync.count."+string(k), n, nil))
			}
		}
		if len(parts) == 0 {
			parts = append(parts, e.p.T("sync.count.none"))
		}
		line := w.s.RepoPath(sp.cell.Page.Path()) + ": " + strings.Join(parts, ", ")
		if sp.marked {
			line += " " + e.p.T("sync.marked")
		}
		if sp.pinned != "" {
			line += " " + e.p.T("sync.pinned", map[string]any{"Commit": short(sp.pinned), "Key": w.s.BaselineKey})
		}
		fmt.Fprintln(e.stdout, line)
	}
	for _, c := range skipped {
		fmt.Fprintln(e.stdout, e.p.T("sync.skipped", map[string]any{"Path": w.s.RepoPath(c.Page.Path())}))
	}
	var parts []string
	for _, k := range syncKinds {
		parts = append(parts, e.p.N("sync.count."+string(k), total[k], nil))
	}
	fmt.Fprintln(e.stdout, e.p.N("sync.total", len(pages), map[string]any{"Lang": w.lang, "Counts": strings.Join(parts, ", ")}))
}

// needsWork selects the source changes sync acts on: the blocks the
// staleness analysis calls stale (copy, outdated, new) and the removed
// ones. Blocks the translation already reflects (applied) and cosmetic
// changes are left alone, so that sync and status agree and a second run
// finds nothing to do.
func needsWork(p *stale.Page) *refresh.Only {
	o := &refresh.Only{Lines: map[int]bool{}, OldLines: map[int]bool{}}
	for _, c := range p.Changes {
		switch {
		case c.State.Stale() && c.Line > 0:
			o.Lines[c.Line] = true
		case c.State == stale.Removed && c.OldLine > 0:
			o.OldLines[c.OldLine] = true
		}
	}
	return o
}
