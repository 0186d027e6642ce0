package stale

import (
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// lineage follows the blocks of a source page through its versions since
// a baseline, to tell which commit made each change: version 0 is the
// page at the baseline, version k the page after commits[k-1].
type lineage struct {
	// commits holds the commit of each version after the first; "" for
	// the working tree.
	commits []string
	steps   []lineStep // steps[k] leads from version k to version k+1
	// ignored holds the commits that need no translation (see
	// ignore.go): their changes are none a translation must follow.
	ignored map[string]bool
}

// lineStep is what one commit did to the blocks of the page.
type lineStep struct {
	fwd  []int // old block → the block it became, or -1 (removed)
	back []int // new block → the block it was, or -1 (added)
	// touched holds, by old block, the class of the change this step
	// made to it (modified or removed), or -1.
	touched []change.Class
}

// newLineage compares each version of a page with the next, with step.
func newLineage(versions [][]byte, commits []string, step func(old, new []byte) lineStep) *lineage {
	l := &lineage{commits: commits}
	for k := 1; k < len(versions); k++ {
		l.steps = append(l.steps, step(versions[k-1], versions[k]))
	}
	return l
}

func newLineStep(old, new []blocks.Block, m *change.Memo) lineStep {
	s := lineStep{fwd: make([]int, len(old)), back: make([]int, len(new)), touched: make([]change.Class, len(old))}
	for i := range s.touched {
		s.touched[i] = -1
	}
	oi, ni := pointerIndex(old), pointerIndex(new)
	removed, added := make([]bool, len(old)), make([]bool, len(new))
	for _, c := range m.CompareBlocks(old, new) {
		switch {
		case c.New == nil:
			removed[oi[c.Old]] = true
			s.touched[oi[c.Old]] = c.Class
		case c.Old == nil:
			added[ni[c.New]] = true
		default:
			s.touched[oi[c.Old]] = c.Class
		}
	}
	// Blocks that stay or are modified keep their order (as align.Matched
	// has it): pair them up in turn.
	for i := range s.back {
		s.back[i] = -1
	}
	j := 0
	for i := range old {
		s.fwd[i] = -1
		if removed[i] {
			continue
		}
		for j < len(new) && added[j] {
			j++
		}
		if j < len(new) {
			s.fwd[i], s.back[j] = j, i
			j++
		}
	}
	return s
}

func pointerIndex(bs []blocks.Block) map[*blocks.Block]int {
	m := make(map[*blocks.Block]int, len(bs))
	for i := range bs {
		m[&bs[i]] = i
	}
	return m
}

// touchedAt returns the version (1 and up) whose commit first changed
// block i of the first version at class least or more, or, when no step
// did, the first that changed it at all; 0 when none did. Commits that
// need no translation change nothing here.
func (l *lineage) touchedAt(i int, least change.Class) int {
	first := 0
	for k, s := range l.steps {
		if i < 0 {
			break
		}
		if cl := s.touched[i]; cl >= 0 && !l.ignored[l.commit(k+1)] {
			if cl >= least {
				return k + 1
			}
			if first == 0 {
				first = k + 1
			}
		}
		i = s.fwd[i]
	}
	return first
}

// addedAt returns the version (1 and up) whose commit added block j of
// the last version, or 0 when it was there from the first.
func (l *lineage) addedAt(j int) int {
	for k := len(l.steps) - 1; k >= 0; k-- {
		if j = l.steps[k].back[j]; j < 0 {
			return k + 1
		}
	}
	return 0
}

// changedAt returns the version (1 and up) whose commit last changed
// block j of the last version at class least or more, or added it; 0
// when it was there from the first unchanged. Commits that need no
// translation change nothing here.
func (l *lineage) changedAt(j int, least change.Class) int {
	for k := len(l.steps) - 1; k >= 0; k-- {
		s := l.steps[k]
		if j = s.back[j]; j < 0 || (s.touched[j] >= least && !l.ignored[l.commit(k+1)]) {
			return k + 1
		}
	}
	return 0
}

// commit returns the commit of version k (1 and up), "" for the working
// tree or an unknown version.
func (l *lineage) commit(k int) string {
	if k < 1 || k > len(l.commits) {
		return ""
	}
	return l.commits[k-1]
}
