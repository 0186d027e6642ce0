package change

import (
	"slices"
	"strings"

	"github.com/langref/langref/translate/blocks"
)

// Change is one difference between two versions of a page's blocks.
type Change struct {
	Class Class
	Old   *blocks.Block // nil when the block was added
	New   *blocks.Block // nil when the block was removed
	Kind  string        // "added", "removed" or "modified"
}

// Max returns the most severe class of cs, or Cosmetic when cs is empty.
func Max(cs []Change) Class {
	c := Cosmetic
	for _, x := range cs {
		c = max(c, x.Class)
	}
	return c
}

// CompareBlocks aligns two versions of the blocks of one English page and
// returns their differences in page order. Blocks with equal kind, text and
// verbatim material are matched first (a longest common subsequence);
// between matches, removed and added blocks of the same kind are paired by
// word similarity and classified with Classify. Unpaired blocks are added
// or removed: Content for blocks with prose, Cosmetic for comments and
// Verbatim for the rest (code, math, Liquid tags, rules).
func CompareBlocks(old, new []blocks.Block) []Change { return compareBlocks(old, new, nil) }

// Pair is CompareBlocks without Classify: the same changes, of the same
// blocks in the same order, but that modified blocks are left Cosmetic.
// It is for callers that only need to know which block became which.
func Pair(old, new []blocks.Block) []Change { return compareBlocks(old, new, unclassified) }

// unclassified is the Memo with which compareBlocks classifies nothing.
var unclassified = new(Memo)

// compareBlocks is CompareBlocks, classifying through m (see Memo).
func compareBlocks(old, new []blocks.Block, m *Memo) []Change {
	var out []Change
	i, j := 0, 0
	for _, h := range runeSpans(blockRunes(old, new)) {
		for ; i < h.oldStart; i, j = i+1, j+1 {
			if old[i].Raw != new[j].Raw {
				out = append(out, m.modified(&old[i], &new[j]))
			}
		}
		out = append(out, m.pairUp(old, new, i, h.oldEnd, j, h.newEnd)...)
		i, j = h.oldEnd, h.newEnd
	}
	for ; i < len(old) && j < len(new); i, j = i+1, j+1 {
		if old[i].Raw != new[j].Raw {
			out = append(out, m.modified(&old[i], &new[j]))
		}
	}
	return out
}

// blockRunes maps the blocks of old and new to runes for alignment, as
// wordRunes maps their keys (see keys): blocks of equal kind, text and
// verbatim material are one rune. It compares the blocks' fields rather
// than make their keys, unless a NUL byte in them could make two keys of
// different fields equal.
func blockRunes(old, new []blocks.Block) (ra, rb []rune) {
	if hasNUL(old) || hasNUL(new) {
		return wordRunes(keys(old), keys(new))
	}
	type seen struct {
		b *blocks.Block
		r rune
	}
	byText := make(map[string][]seen, len(old))
	n := 0
	encode := func(bs []blocks.Block) []rune {
		rs := make([]rune, len(bs))
		for i := range bs {
			b := &bs[i]
			same := byText[b.Text]
			r := rune(-1)
			for _, s := range same {
				if s.b.Kind.String() == b.Kind.String() && slices.Equal(s.b.Verbatim, b.Verbatim) {
					r = s.r
					break
				}
			}
			if r < 0 {
				r = wordRune(n)
				n++
				byText[b.Text] = append(same, seen{b, r})
			}
			rs[i] = r
		}
		return rs
	}
	return encode(old), encode(new)
}

// hasNUL reports whether the text or verbatim material of a block of bs
// holds a NUL byte, the separator of keys.
func hasNUL(bs []blocks.Block) bool {
	for i := range bs {
		if strings.IndexByte(bs[i].Text, 0) >= 0 {
			return true
		}
		for _, v := range bs[i].Verbatim {
			if strings.IndexByte(v, 0) >= 0 {
				return true
			}
		}
	}
	return false
}

// keys identifies blocks for alignment.
func keys(bs []blocks.Block) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Kind.String() + "\x00" + b.Text + "\x00" + strings.Join(b.Verbatim, "\x00")
	}
	return out
}

func (m *Memo) modified(a, b *blocks.Block) Change {
	if m == unclassified {
		return Change{Old: a, New: b, Kind: "modified"}
	}
	return Change{Class: m.Classify(dedent(a.Raw), dedent(b.Raw)), Old: a, New: b, Kind: "modified"}
}

func lone(b *blocks.Block, kind string) Change {
	c := Verbatim
	switch {
	case b.Kind == blocks.Comment:
		c = Cosmetic
	case blocks.Translatable(*b):
		c = Content
	}
	ch := Change{Class: c, Kind: kind}
	if kind == "added" {
		ch.New = b
	} else {
		ch.Old = b
	}
	return ch
}

// pairUp aligns old[i0:i1] with new[j0:j1] by similarity, keeping order.
func (memo *Memo) pairUp(old, new []blocks.Block, i0, i1, j0, j1 int) []Change {
	n, m := i1-i0, j1-j0
	sims := similarities(old[i0:i1], new[j0:j1])
	sim := func(x, y int) float64 { return sims[x*m+y] }
	cells := make([]float64, (n+1)*(m+1))
	score := make([][]float64, n+1)
	for x := range score {
		score[x] = cells[x*(m+1) : (x+1)*(m+1)]
	}
	for x := n - 1; x >= 0; x-- {
		for y := m - 1; y >= 0; y-- {
			score[x][y] = max(score[x+1][y], score[x][y+1])
			if s := sim(x, y); s >= minSimilarity {
				score[x][y] = max(score[x][y], score[x+1][y+1]+s)
			}
		}
	}
	var out []Change
	x, y := 0, 0
	for x < n && y < m {
		s := sim(x, y)
		switch {
		case s >= minSimilarity && score[x][y] == score[x+1][y+1]+s:
			out = append(out, memo.modified(&old[i0+x], &new[j0+y]))
			x, y = x+1, y+1
		case score[x][y] == score[x+1][y]:
			out = append(out, lone(&old[i0+x], "removed"))
			x++
		default:
			out = append(out, lone(&new[j0+y], "added"))
			y++
		}
	}
	for ; x < n; x++ {
		out = append(out, lone(&old[i0+x], "removed"))
	}
	for ; y < m; y++ {
		out = append(out, lone(&new[j0+y], "added"))
	}
	return out
}

// minSimilarity is the least similarity for two blocks to count as one
// modified block rather than a removal and an addition.
const minSimilarity = 0.4

// similarities returns the similarity of every block of a with every block
// of b, row by row, splitting each block into words once.
func similarities(a, b []blocks.Block) []float64 {
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	wb := make([]wordBag, len(b))
	for y := range b {
		wb[y] = newWordBag(&b[y])
	}
	out := make([]float64, len(a)*len(b))
	for x := range a {
		wa := newWordBag(&a[x])
		for y := range b {
			out[x*len(b)+y] = bagSimilarity(&a[x], &b[y], wa, wb[y])
		}
	}
	return out
}

// wordBag is the multiset of a block's words, as a sorted list.
type wordBag []string

func newWordBag(b *blocks.Block) wordBag {
	ws := blockWords(b)
	slices.Sort(ws)
	return ws
}

// common returns the size of the intersection of two multisets.
func common(a, b wordBag) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch c := strings.Compare(a[0], b[0]); {
		case c < 0:
			a = a[1:]
		case c > 0:
			b = b[1:]
		default:
			n++
			a, b = a[1:], b[1:]
		}
	}
	return n
}

// bagSimilarity is the Dice coefficient of the word multisets of two blocks
// of the same kind (text and verbatim material), 0 for different kinds. Two
// blocks without prose (code, math) are always similar enough to pair.
func bagSimilarity(a, b *blocks.Block, wa, wb wordBag) float64 {
	if a.Kind != b.Kind {
		return 0
	}
	if len(wa)+len(wb) == 0 {
		return 1
	}
	d := 2 * float64(common(wa, wb)) / float64(len(wa)+len(wb))
	if !blocks.Translatable(*a) && !blocks.Translatable(*b) {
		// code, math and the like in the same place are one edited block
		d = max(d, minSimilarity)
	}
	return d
}

func blockWords(b *blocks.Block) []string {
	ws := Words(b.Text)
	if len(b.Verbatim) == 0 {
		return ws
	}
	return append(ws, Words(strings.Join(b.Verbatim, " "))...)
}

// dedent removes the indentation common to all non-blank lines of s, so
// that a block nested in a list parses alone as it did in place.
func dedent(s string) string {
	ls := strings.Split(s, "\n")
	indent := -1
	for _, l := range ls {
		if t := strings.TrimLeft(l, " \t"); t != "" {
			indent = minIndent(indent, len(l)-len(t))
		}
	}
	if indent <= 0 {
		return s
	}
	for i, l := range ls {
		ls[i] = l[min(indent, len(l)-len(strings.TrimLeft(l, " \t"))):]
	}
	return strings.Join(ls, "\n")
}

func minIndent(cur, n int) int {
	if cur < 0 {
		return n
	}
	return min(cur, n)
}
