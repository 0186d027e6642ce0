// Package align pairs the blocks of a source page with the blocks of its
// translation, so that a change to a source block can be shown next to the
// translation lines it concerns.
//
// Alignment is anchored on what translations keep: headings (their order
// and level), code blocks, display math, images, tables and link targets,
// and on the source text some translations keep in HTML comments above
// each translated passage. Between anchors, blocks pair up in order when
// both sides hold as many blocks of the same kinds; otherwise the match is
// unsure, and says so, rather than guess. Everything here is a pure
// function of parsed blocks.
package align

import "github.com/langref/langref/translate/blocks"

// Method says how a source block was matched.
type Method string

// The ways a source block can be matched.
const (
	// Comment: the source text is kept in a comment above the translation.
	Comment Method = "comment"
	// Anchor: both blocks carry the same structure (heading level, code,
	// math, image, table shape, link targets) at the same point in order.
	Anchor Method = "anchor"
	// Order: between two anchors both sides hold blocks of the same kinds
	// one for one, or the source holds a single block (whose translation
	// is then all the translation blocks there).
	Order Method = "order"
	// Unsure: between two anchors the blocks do not correspond one for
	// one; Target holds every translation block of the stretch.
	Unsure Method = "unsure"
	// None: the translation has nothing at that point.
	None Method = "none"
)

// Match is where one source block lives in the translation.
type Match struct {
	// Target lists the indices of the translation blocks, in order.
	Target []int
	Method Method
}

// Sure reports whether the match can be trusted as it is.
func (m Match) Sure() bool { return m.Method != Unsure && m.Method != None }

// Alignment is the match of every block of a source page.
type Alignment struct {
	Source, Target []blocks.Block
	// Matches holds one match per source block; comments in the source
	// match nothing.
	Matches []Match
}

// Align matches the blocks of a source page with those of its translation.
// Comment pairs (see blocks.Pairs) decide where they apply; structure and
// order decide elsewhere.
func Align(src, tgt []blocks.Block) *Alignment {
	return NewTarget(tgt, blocks.Pairs(tgt)).Align(src)
}

// Target is a translation prepared for alignment with one or more
// versions of its source page: what Align computes of the translation
// alone, once.
type Target struct {
	blocks []blocks.Block
	idx    []int    // the blocks that take part (keep)
	keys   []string // their anchor keys
	pairs  []blocks.CommentPair
	inner  [][]Match // each pair's originals matched within the pair
}

// NewTarget prepares the blocks tgt of a translation, whose comment pairs
// are pairs (blocks.Pairs(tgt), or blocks.PairsWith).
func NewTarget(tgt []blocks.Block, pairs []blocks.CommentPair) *Target {
	t := &Target{blocks: tgt, idx: indices(tgt, keep), pairs: pairs}
	t.keys = anchorKeys(tgt, t.idx)
	t.inner = make([][]Match, len(pairs))
	for p, cp := range pairs {
		t.inner[p] = withinPair(tgt, cp)
	}
	return t
}

// Align is Align(src, the translation). It is safe for concurrent use.
func (t *Target) Align(src []blocks.Block) *Alignment {
	si := indices(src, keep)
	a := &Alignment{Source: src, Target: t.blocks, Matches: sequenceKeyed(src, t.blocks, si, t.idx, anchorKeys(src, si), t.keys)}
	byComments(a, t.pairs, t.inner)
	return a
}

// Lines returns the first and last translation line of source block i, and
// false when it has no translation block.
func (a *Alignment) Lines(i int) (first, last int, ok bool) {
	t := a.Matches[i].Target
	if len(t) == 0 {
		return 0, 0, false
	}
	return a.Target[t[0]].Line, a.Target[t[len(t)-1]].EndLine, true
}

// keep tells the blocks that take part in alignment: everything a reader
// sees, so not comments.
func keep(b blocks.Block) bool { return b.Kind != blocks.Comment }

func indices(bs []blocks.Block, ok func(blocks.Block) bool) []int {
	var out []int
	for i, b := range bs {
		if ok(b) {
			out = append(out, i)
		}
	}
	return out
}
