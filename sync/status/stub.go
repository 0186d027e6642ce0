package status

import (
	"errors"

	"github.com/langref/langref/internal/par"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
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

// StubOptions tune stub detection.
type StubOptions struct {
	// CacheDir is the folder where stub detection keeps its results
	// between runs (see cachefile.Dir), by the contents of each
	// translation and its source page, so that it reads again only the
	// pages that changed; "" keeps none.
	CacheDir string
	// Scan, when not nil, ran the quick test while the site was read:
	// the translations it rules out are not read again.
	Scan *StubScan
}

// DetectStubs is DetectStubsWith without a cache.
func DetectStubs(g *graph.Graph) (Stubs, error) {
	return DetectStubsWith(g, StubOptions{})
}

// DetectStubsWith finds the translations that are still stubs, on every
// processor; each source page is prepared once for all its languages. It
// reads the pages' contents (Site.Contents) whose results are not in the
// cache: from disk again on a lean site (site.LoadLean), otherwise from
// File.Src, so that it runs before anything releases them.
func DetectStubsWith(g *graph.Graph, o StubOptions) (Stubs, error) {
	d := &detection{g: g, pairs: translatedPairs(g), scan: o.Scan}
	if o.CacheDir != "" {
		d.useCache(o.CacheDir)
	}
	if err := d.detect(); err != nil {
		return nil, err
	}
	d.saveCache()
	out := Stubs{}
	for _, p := range d.pairs {
		if stub.IsStub(int(p.result.translated), int(p.result.total)) {
			out[p.cell.Page] = &Progress{Translated: int(p.result.translated), Total: int(p.result.total)}
		}
	}
	return out, nil
}

// detection is one run of stub detection.
type detection struct {
	g     *graph.Graph
	scan  *StubScan // nil without one
	pairs []*pair
	cache *stubCache // nil without a cache
	path  string
}

// pair is a translated page and its source page.
type pair struct {
	cell   *graph.Cell
	key    stubKey
	keyed  bool // key is known: the result may be cached
	cached bool // result comes from the cache
	result stubResult
}

// stubResult is the progress of a stub, or zero for any other page.
type stubResult struct{ translated, total uint32 }

// translatedPairs lists the translated pages of g with their source pages.
func translatedPairs(g *graph.Graph) []*pair {
	var out []*pair
	for _, e := range g.Entries {
		if e.Source == nil || e.Source.File.Doc == nil {
			continue
		}
		for _, lang := range g.Langs {
			if c := g.Cell(e, lang); c != nil && c.Page != nil && c.Page.File.Doc != nil && c.State == graph.Translated {
				out = append(out, &pair{cell: c})
			}
		}
	}
	return out
}

// detect finds the results of the pairs the cache did not hold and the
// scan (when there is one) did not rule out, reading and preparing only
// the source pages they need.
func (d *detection) detect() error {
	var todo []*pair
	need := map[*graph.Page]int{}
	var srcs []*graph.Page
	for _, p := range d.pairs {
		if p.cached {
			continue
		}
		if may, known := d.scan.mayBeStub(p.cell.Entry.Source.File, p.cell.Page.File); known && !may {
			continue // not a stub: its result is zero
		}
		todo = append(todo, p)
		if _, ok := need[p.cell.Entry.Source]; !ok {
			need[p.cell.Entry.Source] = len(srcs)
			srcs = append(srcs, p.cell.Entry.Source)
		}
	}
	prepared := make([]*stub.Source, len(srcs))
	errs := make([]error, len(srcs)+len(todo))
	par.Do(len(srcs), func(i int) {
		var src []byte
		if src, errs[i] = d.read(srcs[i].File); src != nil {
			prepared[i] = stub.NewSource(src)
		}
	})
	par.Do(len(todo), func(i int) {
		p := todo[i]
		errs[len(srcs)+i] = d.compare(p, prepared[need[p.cell.Entry.Source]])
	})
	return errors.Join(errs...)
}

// compare sets the result of p, whose source page is src.
func (d *detection) compare(p *pair, src *stub.Source) error {
	tr, err := d.read(p.cell.Page.File)
	if src == nil || tr == nil {
		return err
	}
	if body, _ := frontmatter.SplitBody(tr); !src.MayBeStub(body) {
		return err
	}
	if done, total := src.Progress(tr); stub.IsStub(done, total) {
		p.result = stubResult{uint32(done), uint32(total)}
	}
	return err
}

// read returns the contents of f: the ones hashed when the site was
// loaded, by which results are cached (Site.Contents checks).
func (d *detection) read(f *site.File) ([]byte, error) { return d.g.Site.Contents(f) }
