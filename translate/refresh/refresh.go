// Package refresh plans what `langref sync` does to one translation whose
// source page changed: it copies the changes a translator would copy by
// hand (a corrected formula, code line, link target or number), keeps the
// English that some translations hold in HTML comments up to date, and
// leaves a marker comment where the translator has work to do. It never
// deletes or alters the translator's prose, and a second run on its own
// result changes nothing.
//
// Plan is a pure function of three markdown bodies: the source page at the
// translation's baseline, the source page now, and the translation.
package refresh

import (
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/align"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// Kind says what one action does. Its values are part of langref's JSON
// output.
type Kind string

// The actions of a plan.
const (
	// Fixed: a verbatim part (formula, link target, image source, number,
	// inline code) replaced inside a translated block.
	Fixed Kind = "fixed"
	// Replaced: a code or display math block replaced whole.
	Replaced Kind = "replaced"
	// Comment: the English kept in an HTML comment brought up to date.
	Comment Kind = "comment"
	// Marked: an "outdated" marker left before a block whose English
	// changed in prose.
	Marked Kind = "marked"
	// Inserted: a new source block inserted (a stub for prose, a copy for
	// code, math and figures).
	Inserted Kind = "inserted"
	// Removed: a "removed" marker left before a block whose English was
	// removed; the block itself stays.
	Removed Kind = "removed"
	// Left: a change that refresh could not place with confidence; the
	// translator must find it (`langref diff` shows it).
	Left Kind = "left"
)

// MarkerPrefix starts every marker comment refresh writes; the state
// (outdated, new, removed) follows.
const MarkerPrefix = "<!-- langref: "

// Input is the three bodies a plan is made from, without front matter,
// each with the file line it starts at.
type Input struct {
	Old, New               []byte // the source page at the baseline, and now
	Translation            []byte
	OldLine, NewLine, Line int
	// Only, when not nil, limits the plan to the source changes it
	// selects (see Only); nil plans every change.
	Only *Only
}

// Only selects the source changes a plan acts on, by file line: a change
// to a block of the current source page that starts on a line of Lines,
// or a removed block of the source at the baseline that starts on a line
// of OldLines. Sync passes the blocks the staleness analysis calls stale
// or removed, so that sync and status agree on what needs work.
type Only struct {
	Lines, OldLines map[int]bool
}

// wants reports whether the plan acts on change c.
func (o *Only) wants(c change.Change) bool {
	switch {
	case o == nil:
		return true
	case c.New != nil:
		return o.Lines[c.New.Line]
	case c.Old != nil:
		return o.OldLines[c.Old.Line]
	}
	return false
}

// Action is one edit of a plan, or one change it left alone.
type Action struct {
	Kind Kind
	// Line is the line of the translation (as it was) the action is at;
	// SourceLine the line of the source block in the current source page
	// (in the source at the baseline for removed blocks).
	Line, SourceLine int
	// Old and New are the verbatim part before and after, for Fixed.
	Old, New string
}

// Result is a plan: the new translation body and what changed.
type Result struct {
	Body    []byte
	Actions []Action
}

// Changed reports whether the plan changes the translation.
func (r Result) Changed(in Input) bool { return string(r.Body) != string(in.Translation) }

// Count returns how many actions of kind k the plan holds.
func (r Result) Count(k Kind) int {
	n := 0
	for _, a := range r.Actions {
		if a.Kind == k {
			n++
		}
	}
	return n
}

// Plan computes the refreshed translation.
func Plan(in Input) Result {
	p := newPlanner(in)
	for _, c := range change.CompareBlocks(p.old, p.new) {
		if in.Only.wants(c) {
			p.change(c)
		}
	}
	p.flushInserts()
	p.flushMarkers()
	return Result{Body: p.apply(), Actions: p.acts}
}

// planner holds one plan in progress.
type planner struct {
	in            Input
	old, new, all []blocks.Block
	view          []int // indices in all of the blocks that are not markers
	viewBlocks    []blocks.Block
	alOld, alNew  *align.Alignment
	pairs         []blocks.CommentPair
	origin        map[int]origin // old source block → the comment keeping it
	newToOld      []int          // new source block → old, -1 when added
	text          *text
	edits         []edit
	acts          []Action
	markers       map[int][]marker // by index in all of the block they go before
	inserts       map[int][]int    // by index in all of the block they go before (len(all): the end)
	comments      bool             // the translation keeps the English in comments
}

// origin is where a comment of the translation keeps a source block.
type origin struct{ pair, block int }

func newPlanner(in Input) *planner {
	p := &planner{in: in, markers: map[int][]marker{}, inserts: map[int][]int{}}
	p.old = blocks.Parse(in.Old, max(in.OldLine, 1))
	p.new = blocks.Parse(in.New, max(in.NewLine, 1))
	p.all = blocks.Parse(in.Translation, max(in.Line, 1))
	p.text = newText(in.Translation, max(in.Line, 1))
	for i, b := range p.all {
		if !isMarker(b) {
			p.view = append(p.view, i)
			p.viewBlocks = append(p.viewBlocks, b)
		}
	}
	p.alOld = align.Align(p.old, p.viewBlocks)
	p.alNew = align.Align(p.new, p.viewBlocks)
	p.pairs = blocks.Pairs(p.viewBlocks)
	p.comments = len(p.pairs) > 0
	p.origins()
	p.newToOld = inverse(align.Matched(p.old, p.new), len(p.new))
	return p
}

// isMarker reports whether b is a comment langref wrote (a marker, or a
// note of `langref new`), which alignment must not see.
func isMarker(b blocks.Block) bool {
	return b.Kind == blocks.Comment && strings.HasPrefix(strings.TrimSpace(b.Raw), MarkerPrefix)
}

// origins finds, for each old source block kept in a comment of the
// translation, that comment.
func (p *planner) origins() {
	p.origin = map[int]origin{}
	var kept []blocks.Block
	var from []origin
	for i, cp := range p.pairs {
		for k, b := range cp.Original {
			if b.Kind != blocks.Comment {
				kept = append(kept, b)
				from = append(from, origin{i, k})
			}
		}
	}
	var src []int
	for i, b := range p.old {
		if b.Kind != blocks.Comment {
			src = append(src, i)
		}
	}
	pick := make([]blocks.Block, len(src))
	for k, i := range src {
		pick[k] = p.old[i]
	}
	for k, i := range align.Matched(kept, pick) {
		if i >= 0 {
			p.origin[src[i]] = from[k]
		}
	}
}

func inverse(m []int, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	for i, j := range m {
		if j >= 0 {
			out[j] = i
		}
	}
	return out
}

// index returns the position of b in bs, found by address.
func index(bs []blocks.Block, b *blocks.Block) int {
	for i := range bs {
		if &bs[i] == b {
			return i
		}
	}
	return -1
}

func (p *planner) act(a Action) { p.acts = append(p.acts, a) }

// change plans the edits for one source change.
func (p *planner) change(c change.Change) {
	switch c.Kind {
	case "modified":
		p.modified(index(p.old, c.Old), index(p.new, c.New), c.Class)
	case "added":
		p.added(index(p.new, c.New))
	case "removed":
		p.removed(index(p.old, c.Old))
	}
}

// targets returns the translation blocks (indices in all) of source block
// i of the old page, or j of the new one, where the alignment is sure:
// the old page's alignment first, as the translation was made from it.
func (p *planner) targets(i, j int) []int {
	if ts := p.sure(p.alOld, p.old, i); ts != nil {
		return ts
	}
	return p.sure(p.alNew, p.new, j)
}

// sure returns the translation blocks (indices in all) that alignment a
// matches with source block i of src, or nil when it is not sure. A prose
// block is never translated by a code or math block.
func (p *planner) sure(a *align.Alignment, src []blocks.Block, i int) []int {
	if i < 0 || !a.Matches[i].Sure() {
		return nil
	}
	var out []int
	for _, t := range a.Matches[i].Target {
		if whole(p.viewBlocks[t].Kind) && p.viewBlocks[t].Kind != src[i].Kind {
			continue
		}
		out = append(out, p.view[t])
	}
	return out
}

// keptIn returns the comment block (index in all) and its original block
// that keep the new source block j already, or, failing that, the old
// block i; synced is true in the first case.
func (p *planner) keptIn(i, j int) (c int, orig blocks.Block, synced, ok bool) {
	if j >= 0 {
		for _, k := range p.view {
			c := p.all[k]
			if c.Kind != blocks.Comment {
				continue
			}
			for _, b := range blocks.Parse([]byte(c.Comment), c.Line) {
				if b.Kind != blocks.Comment && b.Text == p.new[j].Text && b.Kind == p.new[j].Kind {
					return k, b, true, true
				}
			}
		}
	}
	if o, found := p.origin[i]; found && i >= 0 {
		cp := p.pairs[o.pair]
		return p.allIndex(cp.Comment), cp.Original[o.block], false, true
	}
	return 0, blocks.Block{}, false, false
}

// allIndex returns the index in all of a block of the view, by its line.
func (p *planner) allIndex(b blocks.Block) int {
	for i, x := range p.all {
		if x.Line == b.Line && x.Kind == b.Kind {
			return i
		}
	}
	return -1
}

// PlanPage is Plan for whole files: the source page at the baseline and
// now, and the translation, each with its front matter, which stays as it
// is. It returns the new translation file.
func PlanPage(old, new, translation []byte) Result {
	return PlanPageOnly(old, new, translation, nil)
}

// PlanPageOnly is PlanPage limited to the source changes only selects
// (nil: all of them).
func PlanPageOnly(old, new, translation []byte, only *Only) Result {
	ob, ol := frontmatter.SplitBody(old)
	nb, nl := frontmatter.SplitBody(new)
	tb, tl := frontmatter.SplitBody(translation)
	r := Plan(Input{Old: ob, New: nb, Translation: tb, OldLine: ol, NewLine: nl, Line: tl, Only: only})
	head := translation[:len(translation)-len(tb)]
	r.Body = append(append([]byte{}, head...), r.Body...)
	return r
}
