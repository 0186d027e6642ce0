package align

import (
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// origin is one source block kept in a comment of the translation.
type origin struct {
	pair  int // index in the pairs
	block int // index in the pair's Original
}

// byComments overrides the matches of the source blocks that a comment of
// the translation keeps (unchanged, or changed but still recognisable):
// their translation is what follows the comment.
// inner holds withinPair of each pair.
func byComments(a *Alignment, pairs []blocks.CommentPair, inner [][]Match) {
	if len(pairs) == 0 {
		return
	}
	n := 0
	for _, cp := range pairs {
		n += len(cp.Original)
	}
	kept, from := make([]blocks.Block, 0, n), make([]origin, 0, n)
	for p, cp := range pairs {
		for k, b := range cp.Original {
			if b.Kind != blocks.Comment {
				kept = append(kept, b)
				from = append(from, origin{p, k})
			}
		}
	}
	src := indices(a.Source, keep)
	for k, i := range Matched(kept, pick(a.Source, src)) {
		if i < 0 {
			continue
		}
		o := from[k]
		m := inner[o.pair][o.block]
		if len(m.Target) == 0 {
			m.Target = offsets(a.Target, pairs[o.pair].Translation)
		}
		a.Matches[src[i]] = Match{Target: m.Target, Method: Comment}
	}
}

// withinPair aligns a comment's original blocks with the translation that
// follows it, in indices of all, the translation page's blocks.
func withinPair(all []blocks.Block, cp blocks.CommentPair) []Match {
	tr := offsets(all, cp.Translation)
	sub := make([]blocks.Block, len(tr))
	for k, i := range tr {
		sub[k] = all[i]
	}
	ms := sequence(cp.Original, sub, indices(cp.Original, keep), indices(sub, keep))
	for k := range ms {
		global := make([]int, len(ms[k].Target))
		for x, t := range ms[k].Target {
			global[x] = tr[t]
		}
		ms[k].Target = global
	}
	return ms
}

// offsets returns the indices in all of the blocks of part, a run of all.
func offsets(all, part []blocks.Block) []int {
	if len(part) == 0 {
		return nil
	}
	start := -1
	for i, b := range all {
		if b.Line == part[0].Line && b.Kind == part[0].Kind {
			start = i
			break
		}
	}
	if start < 0 {
		return nil
	}
	out := make([]int, 0, len(part))
	for k := range part {
		out = append(out, start+k)
	}
	return out
}

func pick(bs []blocks.Block, idx []int) []blocks.Block {
	out := make([]blocks.Block, len(idx))
	for k, i := range idx {
		out[k] = bs[i]
	}
	return out
}

// Matched pairs two versions of the same text's blocks, as change.
// CompareBlocks does: for each block of old, the index of the block of new
// it became (unchanged or modified), or -1 when it was removed.
func Matched(old, new []blocks.Block) []int {
	removed, added := map[*blocks.Block]bool{}, map[*blocks.Block]bool{}
	for _, c := range change.Pair(old, new) {
		switch c.Kind {
		case "removed":
			removed[c.Old] = true
		case "added":
			added[c.New] = true
		}
	}
	out := make([]int, len(old))
	j := 0
	for i := range old {
		out[i] = -1
		if removed[&old[i]] {
			continue
		}
		for j < len(new) && added[&new[j]] {
			j++
		}
		if j < len(new) {
			out[i] = j
			j++
		}
	}
	return out
}
