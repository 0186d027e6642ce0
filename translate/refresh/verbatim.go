package refresh

import (
	"slices"
	"strings"

	"github.com/langref/langref/translate/blocks"
)

// swap is one verbatim part of a source block replaced by another.
type swap struct{ old, new string }

// verbatimEdits returns the verbatim parts that changed from o to n, and
// whether they are all that changed: putting each new part in place of the
// old one in o's source gives n's (spacing aside).
func verbatimEdits(o, n blocks.Block) ([]swap, bool) {
	if len(o.Verbatim) != len(n.Verbatim) || o.Kind != n.Kind {
		return nil, false
	}
	var out []swap
	for k := range o.Verbatim {
		if o.Verbatim[k] != n.Verbatim[k] {
			out = append(out, swap{o.Verbatim[k], n.Verbatim[k]})
		}
	}
	if len(out) == 0 {
		return nil, false
	}
	var b strings.Builder
	rest := o.Raw
	for _, s := range out {
		at := strings.Index(rest, s.old)
		if at < 0 {
			return nil, false
		}
		b.WriteString(rest[:at] + s.new)
		rest = rest[at+len(s.old):]
	}
	b.WriteString(rest)
	return out, strings.Join(strings.Fields(b.String()), " ") == strings.Join(strings.Fields(n.Raw), " ")
}

// fixVerbatim makes the swaps in the translation of source block i (old)
// or j (new), each where the translation holds the old part exactly once;
// it reports whether every swap is made or was made before.
func (p *planner) fixVerbatim(i, j int, swaps []swap) bool {
	ts := p.translationOf(i, j)
	if c, _, _, ok := p.keptIn(i, j); ok && len(ts) > 0 && ts[0] == c {
		ts = ts[1:] // the comment is updated on its own
	}
	if len(ts) == 0 {
		return false
	}
	all := true
	for _, s := range swaps {
		if !p.swap(ts, s) {
			all = false
		}
	}
	return all
}

// swap replaces s.old by s.new in the blocks ts when exactly one of them
// holds s.old, once, among its verbatim parts; it reports whether the
// translation holds s.new afterwards.
func (p *planner) swap(ts []int, s swap) bool {
	found, holdsNew := -1, false
	for _, t := range ts {
		b := p.all[t]
		if b.Kind == blocks.Comment {
			continue
		}
		if slices.Contains(b.Verbatim, s.old) {
			if found >= 0 || strings.Count(b.Raw, s.old) != 1 {
				return false // ambiguous
			}
			found = t
		}
		holdsNew = holdsNew || slices.Contains(b.Verbatim, s.new)
	}
	if found < 0 {
		return holdsNew
	}
	b := p.all[found]
	from, _ := p.text.span(b)
	at := from + strings.Index(b.Raw, s.old)
	if !p.edit(at, at+len(s.old), s.new) {
		return false
	}
	p.act(Action{Kind: Fixed, Line: b.Line, Old: s.old, New: s.new})
	return true
}

// updateComment puts the new source block n in place of orig, its old
// version, in comment block c of the translation.
func (p *planner) updateComment(c int, orig, n blocks.Block) {
	cb := p.all[c]
	old := strings.TrimSpace(orig.Raw)
	if old == "" || strings.Count(cb.Raw, old) != 1 {
		return
	}
	from, _ := p.text.span(cb)
	at := from + strings.Index(cb.Raw, old)
	if p.edit(at, at+len(old), p.eol(escapeComment(strings.TrimSpace(n.Raw)))) {
		p.act(Action{Kind: Comment, Line: cb.Line, SourceLine: n.Line})
	}
}

// escapeComment keeps text from closing the comment it is put in, as
// `langref new` does.
func escapeComment(s string) string { return strings.ReplaceAll(s, "-->", "--&gt;") }
