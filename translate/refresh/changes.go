package refresh

import (
	"strings"

	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// modified plans the edits for source block i of the old page that became
// block j of the new one.
func (p *planner) modified(i, j int, class change.Class) {
	if class == change.Cosmetic || i < 0 || j < 0 {
		return
	}
	o, n := p.old[i], p.new[j]
	if whole(o.Kind) && o.Kind == n.Kind {
		p.whole(i, j)
		return
	}
	c, orig, synced, kept := p.keptIn(i, j)
	if synced {
		return // an earlier run, or the translator, brought it up to date
	}
	edits, verbatimOnly := verbatimEdits(o, n)
	fixed := verbatimOnly && p.fixVerbatim(i, j, edits)
	if kept {
		p.updateComment(c, orig, n)
	}
	switch {
	case fixed:
		return
	case !verbatimOnly && class < change.Verbatim:
		return // a typo fix: the comment, if any, is all that changes
	}
	at := c
	if !kept {
		ts := p.targets(i, j)
		if len(ts) == 0 {
			p.act(Action{Kind: Left, SourceLine: n.Line})
			return
		}
		at = ts[0]
	}
	p.mark(at, Marked, n.Line, "outdated: "+wordDiff(o.Text, n.Text))
}

// whole reports whether blocks of kind k are copied whole by translations.
func whole(k blocks.Kind) bool { return k == blocks.Code || k == blocks.Math }

// whole replaces the translation's copy of a code or display math block.
func (p *planner) whole(i, j int) {
	o, n := p.old[i], p.new[j]
	ts := p.targets(i, j)
	if len(ts) != 1 || p.all[ts[0]].Kind != o.Kind {
		p.act(Action{Kind: Left, SourceLine: n.Line})
		return
	}
	t := p.all[ts[0]]
	switch {
	case sameText(t.Raw, n.Raw):
		return
	case sameText(t.Raw, o.Raw):
		from, to := p.text.span(t)
		if p.edit(from, to, p.eol(n.Raw)) {
			p.act(Action{Kind: Replaced, Line: t.Line, SourceLine: n.Line})
			return
		}
	}
	// The translation changed its copy (translated code comments): the
	// translator merges by hand.
	p.mark(ts[0], Marked, n.Line, "outdated: "+wordDiff(strings.Join(o.Verbatim, " "), strings.Join(n.Verbatim, " ")))
}

// sameText compares two block sources, whatever their line ends.
func sameText(a, b string) bool {
	return strings.ReplaceAll(a, "\r\n", "\n") == strings.ReplaceAll(b, "\r\n", "\n")
}

// added plans a stub for new source block j.
func (p *planner) added(j int) {
	n := p.new[j]
	if n.Kind == blocks.Comment {
		return
	}
	at, ok := p.insertPoint(j)
	if !ok {
		p.act(Action{Kind: Left, SourceLine: n.Line})
		return
	}
	p.inserts[at] = append(p.inserts[at], j)
}

// insertPoint returns where the translation of new block j goes: before
// the block of all at the index returned (len(all): at the end), after the
// translation of the nearest source block before it, or at the top.
func (p *planner) insertPoint(j int) (int, bool) {
	for k := j - 1; k >= 0; k-- {
		if p.new[k].Kind == blocks.Comment || p.newToOld[k] < 0 {
			continue // added blocks go in at the same place, in order
		}
		ts := p.translationOf(p.newToOld[k], k)
		if _, _, _, kept := p.keptIn(p.newToOld[k], k); !kept {
			if nt := p.sure(p.alNew, p.new, k); len(nt) > 0 {
				ts = nt // the new page's alignment: a run's copies follow it
			}
		}
		if len(ts) == 0 {
			return 0, false
		}
		at := ts[len(ts)-1] + 1
		for at < len(p.all) && at > 0 && (inList(p.all[at]) && inList(p.all[at-1]) || p.tight(at) || indented(p.all[at])) {
			at++ // never split a list, or blocks that hold together
		}
		return at, true
	}
	return 0, true // at the top
}

// translationOf returns the translation blocks (indices in all) of old
// source block i, which is new block j: the comment keeping it and what
// follows, or the aligned blocks.
func (p *planner) translationOf(i, j int) []int {
	if c, _, _, ok := p.keptIn(i, j); ok {
		out := []int{c}
		for k := c + 1; k < len(p.all) && blocks.Translatable(p.all[k]); k++ {
			if p.all[k].Kind == blocks.Heading && k > c+1 {
				break
			}
			out = append(out, k)
		}
		return out
	}
	return p.targets(i, j)
}

// inList reports whether b is part of a list.
func inList(b blocks.Block) bool { return b.Kind == blocks.ListItem || b.Level > 0 }

// removed marks the translation of old block i, whose source is gone.
func (p *planner) removed(i int) {
	o := p.old[i]
	if o.Kind == blocks.Comment {
		return
	}
	at := -1
	if c, _, _, ok := p.keptIn(i, -1); ok {
		at = c
	} else if ts := p.targets(i, -1); len(ts) > 0 {
		at = ts[0]
	}
	if at < 0 {
		p.act(Action{Kind: Left, SourceLine: o.Line})
		return
	}
	p.mark(at, Removed, o.Line, "removed: the English no longer has “"+short(o)+"”")
}

// short returns the first words of a block.
func short(b blocks.Block) string {
	t := b.Text
	if t == "" {
		t = strings.Join(strings.Fields(b.Raw), " ")
	}
	if r := []rune(t); len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return t
}
