package status

import (
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
func markStub(p *Page, c *graph.Cell, prose map[*graph.Page][]string) {
	if p.State != string(graph.Translated) && p.State != Stale || c.Page == nil || c.Entry.Source == nil || c.Page.File.Src == nil {
		return
	}
	src := c.Entry.Source
	lines, ok := prose[src]
	if !ok {
		lines = stub.ProseLines(src.File.Doc.Body)
		prose[src] = lines
	}
	if !stub.MayBeStub(lines, c.Page.File.Doc.Body) {
		return
	}
	tr, total := stub.Progress(c.Entry.Source.File.Src, c.Page.File.Src)
	if stub.IsStub(tr, total) {
		p.State, p.Progress = Stub, &Progress{Translated: tr, Total: total}
	}
}
