package diff

import (
	"slices"

	"github.com/langref/langref/translate/align"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// lineage follows blocks from version to version of the source, to tell
// which commits made each change.
type lineage struct {
	versions []Version
	steps    []step // steps[k] leads from version k to version k+1
}

// step is what one commit did to the blocks.
type step struct {
	fwd     []int                // old block → new block, or -1
	back    []int                // new block → old block, or -1
	changed map[int]change.Class // new blocks modified or added, by class
	edited  map[int]change.Class // old blocks modified, by class
}

func newLineage(vs []Version) *lineage {
	l := &lineage{versions: vs}
	prev := Parse(vs[0].Src)
	for _, v := range vs[1:] {
		cur := Parse(v.Src)
		l.steps = append(l.steps, newStep(prev, cur))
		prev = cur
	}
	return l
}

func newStep(old, new []blocks.Block) step {
	s := step{fwd: align.Matched(old, new), changed: map[int]change.Class{}, edited: map[int]change.Class{}}
	s.back = invert(s.fwd, len(new))
	oi, ni := indexOf(old), indexOf(new)
	for _, c := range change.CompareBlocks(old, new) {
		if c.New != nil {
			s.changed[ni[c.New]] = c.Class
		}
		if c.Old != nil && c.New != nil {
			s.edited[oi[c.Old]] = c.Class
		}
	}
	return s
}

// commits returns the commits that made change c, oldest first: those
// that touched the block at the same or a higher class than the cosmetic
// one, or at any class for a cosmetic change.
func (l *lineage) commits(c change.Change, oldIndex, newIndex map[*blocks.Block]int) []Commit {
	var ks []int
	if c.New != nil {
		ks = l.backward(newIndex[c.New], c.Class)
	} else {
		ks = l.forward(oldIndex[c.Old], c.Class)
	}
	slices.Sort(ks)
	out := []Commit{}
	for _, k := range ks {
		v := l.versions[k+1]
		out = append(out, Commit{Rev: v.Rev, Title: v.Title})
	}
	return out
}

// counts reports whether a step's change of class got matters for a final
// change of class want.
func counts(got, want change.Class) bool {
	return got > change.Cosmetic || want == change.Cosmetic
}

// backward follows block j of the last version back to where it appeared.
func (l *lineage) backward(j int, want change.Class) []int {
	var ks []int
	for k := len(l.steps) - 1; k >= 0 && j >= 0; k-- {
		if cl, ok := l.steps[k].changed[j]; ok && counts(cl, want) {
			ks = append(ks, k)
		}
		j = l.steps[k].back[j]
	}
	return ks
}

// forward follows block i of the first version to where it was removed.
func (l *lineage) forward(i int, want change.Class) []int {
	var ks []int
	for k := 0; k < len(l.steps) && i >= 0; k++ {
		s := l.steps[k]
		if cl, ok := s.edited[i]; ok && counts(cl, want) {
			ks = append(ks, k)
		}
		if s.fwd[i] < 0 {
			ks = append(ks, k)
		}
		i = s.fwd[i]
	}
	return ks
}
