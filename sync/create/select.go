package create

import (
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/plan"
)

// selectSources returns the source pages to start translations of, in
// the order of the source navigation.
func selectSources(g *graph.Graph, o Options) ([]*graph.Page, error) {
	if o.Missing {
		return missing(g, o), nil
	}
	var out []*graph.Page
	seen := map[string]bool{}
	for _, arg := range o.Pages {
		e := find(g, arg)
		if e == nil {
			return nil, &NotSourceError{Arg: arg}
		}
		if c := g.Cell(e, o.Lang); c != nil && c.Page != nil && !o.Force {
			return nil, &plan.ExistsError{Path: c.Page.Path()}
		}
		if !seen[e.Key] {
			seen[e.Key] = true
			out = append(out, e.Source)
		}
	}
	return out, nil
}

// missing returns the source pages lang lacks, limited to the folders and
// chapters of o.Pages when there are some.
func missing(g *graph.Graph, o Options) []*graph.Page {
	var out []*graph.Page
	for _, e := range g.Entries {
		if e.Source == nil || e.IsFile() || e.Source.File.Plain() {
			continue
		}
		if c := g.Cell(e, o.Lang); c == nil || c.State != graph.Missing || !selected(g, e, o.Pages) {
			continue
		}
		out = append(out, e.Source)
	}
	return out
}

func selected(g *graph.Graph, e *graph.Entry, sels []string) bool {
	if len(sels) == 0 {
		return true
	}
	for _, sel := range sels {
		if under(g.Site, e, sel) {
			return true
		}
	}
	return false
}

// find returns the entry whose source page is at path arg, or whose key is
// arg.
func find(g *graph.Graph, arg string) *graph.Entry {
	var byKey *graph.Entry
	for _, e := range g.Entries {
		if e.Source == nil || e.IsFile() {
			continue
		}
		if e.Source.Path() == arg {
			return e
		}
		if e.Key == arg && byKey == nil {
			byKey = e
		}
	}
	return byKey
}
