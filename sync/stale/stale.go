// Package stale finds the translations that no longer say what their source
// page says: for every translated page, the source revision it was made
// from (its baseline), the source changes since, and how much they matter.
//
// Baselines come, in this order, from a commit recorded in the
// translation's front matter, from the git history of both files, or, when
// there is no usable history, from the page contents themselves. The whole
// analysis runs a fixed number of git processes, however large the site.
package stale

import (
	"github.com/langref/langref/internal/par"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// Source says where a baseline comes from. Its values are part of
// langref's JSON output.
type Source string

// The sources of a baseline, from most to least trustworthy.
const (
	// Recorded: a commit named in the translation's front matter.
	Recorded Source = "recorded"
	// History: the source page as it was when the translation was last
	// really translated, found in git history.
	History Source = "history"
	// Content: no usable history; the translation's structure, and the
	// source text it keeps in HTML comments, against the source page.
	Content Source = "content"
)

// Note ids say why a page's baseline is less precise than it could be.
// They are part of langref's JSON output.
const (
	NoteNoGit     = "no-git"       // git is missing, or the site is not in a work tree
	NoteShallow   = "shallow"      // a shallow clone lacks the commits needed
	NoteUntracked = "untracked"    // the translation or source page is not committed
	NoteBadRecord = "bad-baseline" // the recorded baseline is unusable
)

// DefaultStaleOn is the least change class that makes a page stale unless
// Options say otherwise: verbatim material or content changed.
const DefaultStaleOn = change.Verbatim

// Options tune the analysis.
type Options struct {
	// StaleOn is the least class of source change that makes a page stale;
	// smaller changes are minor drift. Use DefaultStaleOn unless the user
	// asks otherwise.
	StaleOn change.Class
	// BaselineKey is the front matter key recording the source commit,
	// dotted for nested keys ("l10n.sourceCommit"); "" records none.
	BaselineKey string
	// NoGit ignores git history even when there is some.
	NoGit bool
	// SaveLater writes the cache of results in the background, beside
	// the caller's next work: call Result.Wait before the program ends.
	SaveLater bool
	// Prefetch, when not nil, is the site's history as
	// PrefetchHistory(root) started reading it before the site was
	// loaded; otherwise Analyze reads it.
	Prefetch *Prefetch
	// NoCache neither reads nor writes the results of earlier runs, which
	// Analyze otherwise keeps in the git directory
	// ($(git rev-parse --git-common-dir)/langref/stale-v4.bin) to answer
	// quickly for the pages whose files and history did not change.
	NoCache bool
	// Release drops the front matter fields of the pages it analyses
	// once it has read them (Doc.Fields), and each page's contents
	// (File.Src and Doc.Body) once the last translation that needs them
	// is analysed, so that a large site is never held whole. Only for
	// callers that read neither after Analyze (or the contents only:
	// see KeepFields); Site.Contents reads a lean site's pages again.
	Release bool
	// KeepFields, with Release, keeps the front matter fields, for
	// callers that read them after Analyze (reports); only the pages'
	// contents are dropped.
	KeepFields bool
	// Verify checks every translation with a baseline against the source
	// at that baseline (Page.Suspect), not only those with changes to
	// judge: it reads and parses every translation.
	Verify bool
	// LineModeBytes is the size of a source page (at the baseline or
	// now) or translation over which a page is judged as a whole, line by
	// line, without parsing it into blocks (NoteLineMode); 0 means
	// diff.LineModeBytes, the bound of diff's line mode.
	LineModeBytes int
	// Progress, when not nil, is told how the analysis goes, for a
	// progress line (see Progress); also while it reads the history, when
	// it reads it itself rather than through Prefetch.
	Progress Progress
}

// DefaultOptions returns the options the site's configuration asks for.
func DefaultOptions(g *graph.Graph) Options {
	return Options{StaleOn: DefaultStaleOn, BaselineKey: g.Site.BaselineKey}
}

// Result is the staleness of every translated page of a site.
type Result struct {
	// Pages holds one entry per translated page, by its path relative to
	// the site root.
	Pages map[string]*Page
	// Shallow is true when the history comes from a shallow clone.
	Shallow bool
	// NoGit is true when there was no history to read.
	NoGit bool
	// Repeatable is true when every result is keyed on the run (see
	// runKey): a later run at the same HEAD, with the same options, on
	// pages with the same contents, gives the same results. Callers may
	// then keep what they make of them on the same terms.
	Repeatable bool

	saved chan struct{} // closed once the cache is written (SaveLater)
}

// Page returns the staleness of the translation at path (relative to the
// site root), or nil.
func (r *Result) Page(path string) *Page {
	if r == nil {
		return nil
	}
	return r.Pages[path]
}

// Page is the staleness of one translation.
type Page struct {
	// Path and SourcePath are relative to the site root.
	Path, SourcePath string
	// Baseline is the source commit the translation corresponds to, or, for
	// content baselines, "" .
	Baseline       string
	BaselineSource Source
	// SourceCommitsSince counts the commits that changed the source page
	// after the baseline.
	SourceCommitsSince int
	// Changes are the source changes since the baseline, in page order.
	Changes []Change
	// Class is the most severe class of Changes (Cosmetic when none).
	Class change.Class
	// Stale is true when a change reaches Options.StaleOn and the
	// translation does not reflect it (State.Stale).
	Stale bool
	// Minor is true when there are changes and all are below StaleOn.
	Minor bool
	// Structure lists the structural differences with the source page.
	Structure []Mismatch
	// Notes are Note ids, sorted, that qualify the baseline.
	Notes []string
	// BadBaseline, when not nil, says why the recorded baseline is unusable.
	BadBaseline *BadBaseline
	// Suspect is true when the translation lacks structure (headings,
	// code blocks, display math, list items, images, tables) that the
	// source had at the baseline and still has: the baseline may not be
	// what the translation was made from. Unverified lists what is
	// missing, counted against the source at the baseline. Pages are
	// verified when their changes are judged or their baseline is
	// recorded, and all of them with Options.Verify.
	Suspect    bool
	Unverified []Mismatch
}

// Change is one source change since the baseline: one block added,
// removed or modified, and where the translation stands on it.
type Change struct {
	Class change.Class
	// Kind is "added", "removed" or "modified".
	Kind string
	// Line and EndLine are the block's first and last lines in the current
	// source page, 0 for removed blocks; OldLine and OldEndLine its lines
	// in the source at the baseline, 0 for added blocks (and for changes
	// found from content).
	Line, EndLine, OldLine, OldEndLine int
	// Text is the start of the block's readable text.
	Text string
	// State says whether the translation reflects the change (see State);
	// Evidence what showed it, and Commit, for Rewritten evidence, the
	// translation's commit that rewrote the block ("" for the working
	// tree).
	State    State
	Evidence Evidence
	Commit   string
	// TrLine and TrEndLine are the lines of the translation that hold the
	// block, 0 when it has none or was not aligned (changes below
	// Options.StaleOn are not); Alignment is how they were found (see
	// package align: comment, anchor, order, unsure, none).
	TrLine, TrEndLine int
	Alignment         string
}

// BadBaseline describes an unusable recorded baseline.
type BadBaseline struct {
	// Reason is "not-commit" (git resolves it to no commit),
	// "not-in-history" (a commit, but not one in the history of HEAD) or
	// "source-absent" (the source page did not exist in that commit). Any
	// revision git resolves to a commit of HEAD's history is a baseline: a
	// hash, full or abbreviated, of any commit (one that changed no page
	// too), a tag, a branch, HEAD~1.
	Reason string
	// Key is the front matter key, Value its value.
	Key, Value string
	// Line and Col locate the key.
	Line, Col int
	// Suggest is the source page's last commit, a good value to record;
	// "" when the value names it already.
	Suggest string
}

// Analyze computes the staleness of every translated page of g.
func Analyze(g *graph.Graph, o Options) (*Result, error) {
	a := newAnalysis(g, o)
	a.progress = newTally(o.Progress, len(a.items))
	if err := a.history(); err != nil {
		return nil, err
	}
	par.Do(len(a.items), func(i int) {
		if it := a.items[i]; !it.finished {
			it.finish(o.StaleOn)
		}
	})
	if a.err != nil {
		return nil, a.err
	}
	a.res.Repeatable = a.repeatable()
	if !o.SaveLater {
		a.saveCache()
		return a.res, nil
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		a.saveCache()
	}()
	a.res.saved = done
	return a.res, nil
}

// Wait returns once the cache holds the results, which Analyze writes in
// the background with Options.SaveLater. The pages must not change
// before.
func (r *Result) Wait() {
	if r != nil && r.saved != nil {
		<-r.saved
	}
}

// unjudged is the state of a change that nothing could be compared with:
// found from content, or from a structure.
func unjudged(c Change, staleOn change.Class) State {
	switch {
	case c.Class < staleOn:
		return Cosmetic
	case c.Kind == "added":
		return New
	}
	return Outdated
}

// fromBlocks turns block changes into reported changes.
func fromBlocks(cs []change.Change) []Change {
	out := make([]Change, 0, len(cs))
	for _, c := range cs {
		x := Change{Class: c.Class, Kind: c.Kind}
		if c.New != nil {
			x.Line, x.EndLine, x.Text = c.New.Line, c.New.EndLine, short(c.New)
		}
		if c.Old != nil {
			x.OldLine, x.OldEndLine = c.Old.Line, c.Old.EndLine
			if x.Text == "" {
				x.Text = short(c.Old)
			}
		}
		out = append(out, x)
	}
	return out
}

// short returns the first words of a block's text.
func short(b *blocks.Block) string {
	t := b.Text
	if t == "" {
		t = b.Raw
	}
	r := []rune(t)
	if len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return t
}
