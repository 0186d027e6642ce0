package stale

import (
	"bytes"
	"runtime"
	"sort"
	"strconv"
	gosync "sync"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// analysis is one run of Analyze.
type analysis struct {
	g      *graph.Graph
	o      Options
	res    *Result
	items  []*item
	mu     gosync.Mutex
	parsed map[string][]blocks.Block // file contents → body blocks
}

// item is one translated page under analysis.
type item struct {
	a       *analysis
	page    *Page
	lang    string
	tr, src []byte  // the files' contents
	rec     *record // the recorded baseline, nil when none
	notes   map[string]bool
	// old is the source page at the baseline; nil for content baselines.
	old     []byte
	changes []Change
}

func newAnalysis(g *graph.Graph, o Options) *analysis {
	a := &analysis{g: g, o: o, res: &Result{Pages: map[string]*Page{}}, parsed: map[string][]blocks.Block{}}
	for _, e := range g.Entries {
		if e.Source == nil || e.Source.File.Doc == nil {
			continue
		}
		for _, lang := range g.Langs {
			c := g.Cell(e, lang)
			if c == nil || c.State != graph.Translated || c.Page.File.Doc == nil {
				continue
			}
			it := &item{a: a, lang: lang, tr: c.Page.File.Src, src: e.Source.File.Src, notes: map[string]bool{},
				page: &Page{Path: c.Page.Path(), SourcePath: e.Source.Path()}}
			it.rec = readRecord(c.Page.File.Doc, o.BaselineKey)
			a.items = append(a.items, it)
			a.res.Pages[it.page.Path] = it.page
		}
	}
	return a
}

// body returns the blocks of the body of a file with the given contents,
// parsing each distinct contents once. It is safe for concurrent use.
func (a *analysis) body(src []byte) []blocks.Block {
	k := string(src)
	a.mu.Lock()
	bs, ok := a.parsed[k]
	a.mu.Unlock()
	if ok {
		return bs
	}
	d := frontmatter.Parse(src)
	bs = blocks.Parse(d.Body, d.BodyLine)
	a.mu.Lock()
	a.parsed[k] = bs
	a.mu.Unlock()
	return bs
}

// structure compares the structure of the item's translation with its
// source page's.
func (it *item) structure() []Mismatch {
	if it.page.Structure == nil {
		it.page.Structure = Compare(it.a.body(it.src), it.a.body(it.tr), it.a.g.Site.SourceLang, it.lang)
	}
	return it.page.Structure
}

// parallel calls f(0) to f(n-1) on all processors.
func parallel(n int, f func(int)) {
	work := make(chan int)
	var wg gosync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				f(i)
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}

// note records a note on the item.
func (it *item) note(id string) { it.notes[id] = true }

// content makes the item's baseline its own contents: the source text
// kept in comments when the translation keeps all of it, else structure.
func (it *item) content() {
	it.page.Baseline, it.page.BaselineSource = "", Content
	if old, ok := reconstruct(it.a.body(it.tr)); ok {
		it.changes = []Change{}
		for _, c := range fromBlocks(change.CompareBlocks(old, it.a.body(it.src))) {
			// Comments reflow what they keep: only visible changes count.
			if c.Class > change.Cosmetic {
				c.OldLine = 0
				it.changes = append(it.changes, c)
			}
		}
		return
	}
	it.changes = fromStructure(it.structure())
}

// finish settles the item's changes, class and flags.
func (it *item) finish(staleOn change.Class) {
	p := it.page
	switch p.BaselineSource {
	case "":
		it.content()
	case Recorded, History:
		it.changes = []Change{}
		if !bytes.Equal(it.old, it.src) {
			it.changes = fromBlocks(change.CompareBlocks(it.a.body(it.old), it.a.body(it.src)))
		}
	}
	p.Changes = it.changes
	for _, c := range p.Changes {
		p.Class = max(p.Class, c.Class)
		if c.Class >= staleOn {
			p.Stale = true
		}
	}
	p.Minor = len(p.Changes) > 0 && !p.Stale
	for n := range it.notes {
		p.Notes = append(p.Notes, n)
	}
	sort.Strings(p.Notes)
}

// reconstruct returns the source text a translation keeps in HTML comments,
// with the blocks translations copy (code, math) in place: the source page
// as it was translated. It fails unless every translated block follows a
// comment.
func reconstruct(tr []blocks.Block) ([]blocks.Block, bool) {
	pairs := blocks.Pairs(tr)
	if len(pairs) == 0 {
		return nil, false
	}
	start := map[int]blocks.CommentPair{}
	covered := map[int]bool{}
	for _, p := range pairs {
		start[p.Comment.Line] = p
		for _, b := range p.Translation {
			covered[b.Line] = blocks.Translatable(b)
		}
	}
	var out []blocks.Block
	for _, b := range tr {
		switch {
		case b.Kind == blocks.Comment:
			if p, ok := start[b.Line]; ok {
				out = append(out, p.Original...)
			}
		case covered[b.Line]:
		case blocks.Translatable(b):
			return nil, false
		default:
			out = append(out, b)
		}
	}
	return out, true
}

// structureClass is the class of a source change that a structural
// difference stands for.
var structureClass = map[Aspect]change.Class{
	Headings: change.Content, ListItems: change.Content, Tables: change.Content,
	CodeBlock: change.Verbatim, MathBlock: change.Verbatim, Images: change.Verbatim, Links: change.Verbatim,
}

// fromStructure turns structural differences into changes.
func fromStructure(ms []Mismatch) []Change {
	out := []Change{}
	for _, m := range ms {
		out = append(out, Change{Class: structureClass[m.Aspect], Kind: "modified", Line: m.SourceLine,
			Text: string(m.Aspect) + ": " + strconv.Itoa(m.Source) + " → " + strconv.Itoa(m.Translation)})
	}
	return out
}
