package main

import (
	"bytes"
	"errors"

	"github.com/langref/langref/locales"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/translate/diff"
)

// staleCells, when set, records in b the baselines the staleness engine
// finds for cells, and returns the stale ones; ok is false when the engine
// could not run, and langref diff falls back to its own baselines.
var staleCells func(g *graph.Graph, b *baseliner, cells []*graph.Cell) (stale []*graph.Cell, ok bool)

// baseliner finds, for each translation, the source revision it was made
// from and the source versions since, with a fixed number of git
// processes for any number of pages.
type baseliner struct {
	g     *graph.Graph
	repo  *history.Repo
	h     *history.History
	pre   *stale.Prefetch // the history h came from, for the staleness engine
	since string
	p     *locales.Printer
	// known holds baselines found by the staleness engine, by the
	// translation's site path, and states the block states it judged.
	known  map[string]diff.Baseline
	states map[string][]diff.BlockState
	index  map[string]int // position of each commit in h.Commits
}

// diffPlan is one page to diff and the blobs it needs.
type diffPlan struct {
	cell    *graph.Cell
	in      diff.Input
	specs   []string // one "rev:path" per version
	current []byte   // the source page in the working tree
}

// pages builds the diff of every cell; in a digest, pages whose baseline
// cannot be read are left out.
func (b *baseliner) pages(cells []*graph.Cell, o diffOptions) ([]*diff.Page, error) {
	b.indexCommits()
	var plans []*diffPlan
	var specs []string
	for _, c := range cells {
		pl, err := b.plan(c, o)
		if err != nil {
			return nil, err
		}
		plans = append(plans, pl)
		specs = append(specs, pl.fetch()...)
	}
	blobs, _, err := b.repo.Blobs(specs)
	if err != nil {
		return nil, err
	}
	out := []*diff.Page{}
	for _, pl := range plans {
		if !b.fill(pl, blobs) {
			if !o.stale { // a source or translation not committed yet lands here too
				return nil, errors.New(b.p.T("diff.error.not-at-since", map[string]any{"Path": pl.in.SourcePath, "Rev": short(pl.in.Baseline.Rev)}))
			}
			continue
		}
		out = append(out, diff.Build(pl.in))
	}
	return out, nil
}

func (b *baseliner) indexCommits() {
	b.index = make(map[string]int, len(b.h.Commits))
	for i, c := range b.h.Commits {
		b.index[c.Hash] = i
	}
}

// plan finds a cell's baseline and the source commits since.
func (b *baseliner) plan(c *graph.Cell, o diffOptions) (*diffPlan, error) {
	s := b.g.Site
	base, err := b.baseline(c)
	if err != nil {
		return nil, err
	}
	// The pages as loaded; a lean site (site.LoadLean) reads them again.
	// A line diff reads no translation (see diff.LineModeBytes).
	var tr []byte
	if !lineMode(c) {
		tr, err = s.Contents(c.Page.File)
	}
	if err != nil {
		return nil, err
	}
	cur, err := s.Contents(c.Entry.Source.File)
	if err != nil {
		return nil, err
	}
	src := s.RepoPath(c.Entry.Source.Path())
	pl := &diffPlan{cell: c, current: cur, in: diff.Input{Lang: c.Lang, Key: c.Entry.Key, SourcePath: src,
		TranslationPath: s.RepoPath(c.Page.Path()), Baseline: base, Translation: tr, AllChanges: o.all,
		States: b.states[c.Page.Path()], LineMode: lineMode(c)}}
	at := b.h.PathAt(src, base.Rev)
	if at == "" {
		at = src
	}
	pl.in.Versions = []diff.Version{{Rev: base.Rev}}
	pl.specs = []string{base.Rev + ":" + at}
	for _, ev := range b.since_(src, base.Rev) {
		pl.in.Versions = append(pl.in.Versions, diff.Version{Rev: ev.Commit.Hash, Title: ev.Commit.Subject})
		pl.specs = append(pl.specs, ev.Commit.Hash+":"+ev.Path)
	}
	return pl, nil
}

// fetch returns the blobs the plan reads: every version, or for a line
// diff (see diff.LineModeBytes) the first and the last, the commits
// between listed but not read.
func (pl *diffPlan) fetch() []string {
	if pl.in.LineMode && len(pl.specs) > 2 {
		return []string{pl.specs[0], pl.specs[len(pl.specs)-1]}
	}
	return pl.specs
}

// since_ returns the source file's commits after rev, oldest first. A
// commit of the loaded history is "after" when git log lists it first; a
// rev outside it (a --since that changed nothing under the site) is
// placed by content later, in fill.
func (b *baseliner) since_(src, rev string) []history.FileEvent {
	bi, inHistory := b.index[rev]
	var out []history.FileEvent
	for _, ev := range b.h.FileLog(src) {
		if ev.Status == 'D' || (inHistory && b.index[ev.Commit.Hash] >= bi) {
			continue
		}
		out = append([]history.FileEvent{ev}, out...)
	}
	return out
}

// fill sets the source of each version from blobs, and adds the working
// tree when it differs from the last commit. It reports false when the
// source did not exist at the baseline.
func (b *baseliner) fill(pl *diffPlan, blobs map[string][]byte) bool {
	base, ok := blobs[pl.specs[0]]
	if !ok {
		return false
	}
	vs := pl.in.Versions[:1]
	vs[0].Src = base
	for i, v := range pl.in.Versions[1:] {
		v.Src = blobs[pl.specs[i+1]]
		if _, in := b.index[pl.in.Baseline.Rev]; !in && bytes.Equal(v.Src, base) {
			vs = vs[:1] // the baseline is at least as new as this commit
			continue
		}
		vs = append(vs, v)
	}
	if cur := pl.current; !bytes.Equal(cur, vs[len(vs)-1].Src) {
		vs = append(vs, diff.Version{Title: b.p.T("diff.working-tree"), Src: cur})
	}
	pl.in.Versions = vs
	return true
}

// baseline finds the source revision a translation corresponds to:
// --since, else what the staleness engine found, else the revision
// recorded in its front matter, else its last commit.
func (b *baseliner) baseline(c *graph.Cell) (diff.Baseline, error) {
	if b.since != "" {
		hashes, err := b.repo.ResolveCommits([]string{b.since})
		if err != nil {
			return diff.Baseline{}, err
		}
		h, ok := hashes[b.since]
		if !ok {
			return diff.Baseline{}, usageErr(errors.New(b.p.T("diff.error.bad-since", map[string]any{"Rev": b.since})))
		}
		return diff.Baseline{Rev: h, Source: "since"}, nil
	}
	if base, ok := b.known[c.Page.Path()]; ok {
		return base, nil
	}
	if rev := b.recorded(c); rev != "" {
		return diff.Baseline{Rev: rev, Source: "recorded"}, nil
	}
	if log := b.h.FileLog(b.g.Site.RepoPath(c.Page.Path())); len(log) > 0 {
		return diff.Baseline{Rev: log[0].Commit.Hash, Source: "last-commit"}, nil
	}
	return diff.Baseline{Rev: b.repo.Head, Source: "last-commit"}, nil
}

// recorded returns the commit of the history that the translation's
// baseline key names, or "".
func (b *baseliner) recorded(c *graph.Cell) string {
	if c.Page.File.Doc == nil {
		return ""
	}
	if commit := b.h.Commit(stale.RecordedBaseline(c.Page.File.Doc, b.g.Site.BaselineKey)); commit != nil {
		return commit.Hash
	}
	return ""
}

// short abbreviates a commit hash for messages.
func short(rev string) string { return rev[:min(len(rev), 7)] }
