package status

import (
	"github.com/langref/langref/internal/par"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/translate/stub"
)

// Stub is the state of a translated page that is still mostly the English
// stub `langref new` made: see stub.IsStub.
const Stub = "stub"

// Progress is how much of a stub is translated, in blocks.
type Progress struct {
	Translated int `json:"translated"`
	Total      int `json:"total"`
}

// markStub turns the row of a translated page that is still a stub into a
// stub row with its progress. It is the whole of stub detection's hook into
// status, kept apart from the staleness code.
func markStub(p *Page, c *graph.Cell, stubs Stubs) {
	if p.State != string(graph.Translated) && p.State != Stale || c.Page == nil {
		return
	}
	if pr := stubs[c.Page]; pr != nil {
		p.State, p.Progress = Stub, pr
	}
}

// Stubs holds the progress of the translations that are still stubs.
type Stubs map[*graph.Page]*Progress

// DetectStubs finds the translations that are still stubs, on every
// processor; each source page is prepared once for all its languages. It
// reads the pages' contents, so it runs before anything releases them.
func DetectStubs(g *graph.Graph) Stubs {
	var cells []*graph.Cell
	sources := map[*graph.Page]*stub.Source{}
	for _, e := range g.Entries {
		if e.Source == nil || e.Source.File.Src == nil {
			continue
		}
		sources[e.Source] = stub.NewSource(e.Source.File.Src)
		for _, lang := range g.Langs {
			if c := g.Cell(e, lang); c != nil && c.Page != nil && c.Page.File.Src != nil && c.State == graph.Translated {
				cells = append(cells, c)
			}
		}
	}
	found := make([]*Progress, len(cells))
	par.Do(len(cells), func(i int) {
		c := cells[i]
		src := sources[c.Entry.Source]
		if !src.MayBeStub(c.Page.File.Doc.Body) {
			return
		}
		if tr, total := src.Progress(c.Page.File.Src); stub.IsStub(tr, total) {
			found[i] = &Progress{Translated: tr, Total: total}
		}
	})
	out := Stubs{}
	for i, pr := range found {
		if pr != nil {
			out[cells[i].Page] = pr
		}
	}
	return out
}
