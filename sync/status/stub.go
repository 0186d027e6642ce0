package status

import (
	"errors"

	"github.com/langref/langref/internal/par"
	"github.com/langref/langref/sync/frontmatter"
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
// reads the pages' contents (Site.Contents), so it runs before anything
// releases them.
func DetectStubs(g *graph.Graph) (Stubs, error) {
	var cells []*graph.Cell
	var srcs []*graph.Page
	for _, e := range g.Entries {
		if e.Source == nil || e.Source.File.Doc == nil {
			continue
		}
		srcs = append(srcs, e.Source)
		for _, lang := range g.Langs {
			if c := g.Cell(e, lang); c != nil && c.Page != nil && c.Page.File.Doc != nil && c.State == graph.Translated {
				cells = append(cells, c)
			}
		}
	}
	prepared := make([]*stub.Source, len(srcs))
	errs := make([]error, len(srcs)+len(cells))
	par.Do(len(srcs), func(i int) {
		var src []byte
		if src, errs[i] = g.Site.Contents(srcs[i].File); src != nil {
			prepared[i] = stub.NewSource(src)
		}
	})
	sources := make(map[*graph.Page]*stub.Source, len(srcs))
	for i, p := range srcs {
		sources[p] = prepared[i]
	}
	found := make([]*Progress, len(cells))
	par.Do(len(cells), func(i int) {
		c := cells[i]
		src := sources[c.Entry.Source]
		tr, err := g.Site.Contents(c.Page.File)
		if errs[len(srcs)+i] = err; src == nil || tr == nil {
			return
		}
		if body, _ := frontmatter.SplitBody(tr); !src.MayBeStub(body) {
			return
		}
		if done, total := src.Progress(tr); stub.IsStub(done, total) {
			found[i] = &Progress{Translated: done, Total: total}
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	out := Stubs{}
	for i, pr := range found {
		if pr != nil {
			out[cells[i].Page] = pr
		}
	}
	return out, nil
}
