package refresh

import (
	"slices"
	"sort"
	"strings"

	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// marker is one note left for the translator before a block.
type marker struct {
	kind       Kind
	sourceLine int
	text       string // "outdated: …", "removed: …"
}

// mark plans a marker before block at of all (before its list, for a list
// item, so that the list stays one).
func (p *planner) mark(at int, k Kind, sourceLine int, text string) {
	for at > 0 && (inList(p.all[at]) && inList(p.all[at-1]) || p.tight(at) || indented(p.all[at])) {
		at--
	}
	for _, m := range p.markers[at] {
		if m.text == text {
			return
		}
	}
	p.markers[at] = append(p.markers[at], marker{k, sourceLine, text})
}

// tight reports whether block at of all follows the block before it with
// no blank line between, so that nothing can go between them without
// changing how the first one reads (a lazy continuation, a list item's
// quote).
func (p *planner) tight(at int) bool {
	return at > 0 && at < len(p.all) && p.all[at].Line <= p.all[at-1].EndLine+1
}

// indented reports whether block b starts with spaces or a tab: it belongs
// to the list item or block before it (an indented figure of a list item),
// and a marker in column 0 before it would end that list and change how
// the block reads.
func indented(b blocks.Block) bool {
	return b.Raw != "" && (b.Raw[0] == ' ' || b.Raw[0] == '\t')
}

// isStateMarker reports whether b is a marker that mark writes.
func isStateMarker(b blocks.Block) bool {
	if !isMarker(b) {
		return false
	}
	rest := strings.TrimPrefix(strings.TrimSpace(b.Raw), MarkerPrefix)
	return strings.HasPrefix(rest, "outdated:") || strings.HasPrefix(rest, "removed:")
}

// flushMarkers writes the planned markers. A marker already in front of a
// block gets the notes it lacks rather than a second marker; it loses
// none, so that a second run, which plans only some of them, changes
// nothing.
func (p *planner) flushMarkers() {
	for _, at := range sortedKeys(p.markers) {
		var have []string
		if at > 0 && isStateMarker(p.all[at-1]) {
			have = markerLines(p.all[at-1])
		}
		var ms []marker
		texts := have
		for _, m := range p.markers[at] {
			if t := escapeComment(m.text); !slices.Contains(texts, t) {
				texts = append(texts, t)
				ms = append(ms, m)
			}
		}
		if len(ms) == 0 {
			continue // the marker says it all already
		}
		full := p.eol(MarkerPrefix + strings.Join(texts, "\nlangref: ") + " -->")
		b, done := p.all[at], false
		if have != nil {
			from, to := p.text.span(p.all[at-1])
			done = p.edit(from, to, full)
		} else {
			off := p.text.lineStart(b)
			done = p.edit(off, off, full+p.text.eol+p.text.eol)
		}
		if done {
			for _, m := range ms {
				p.act(Action{Kind: m.kind, Line: b.Line, SourceLine: m.sourceLine})
			}
		}
	}
}

// markerLines returns the notes of marker b, one per line it holds.
func markerLines(b blocks.Block) []string {
	t := strings.ReplaceAll(strings.TrimSpace(b.Raw), "\r\n", "\n")
	t = strings.TrimSuffix(strings.TrimPrefix(t, MarkerPrefix), " -->")
	return strings.Split(t, "\nlangref: ")
}

// flushInserts writes the stubs of new source blocks, unless an earlier
// run already did.
func (p *planner) flushInserts() {
	for _, at := range sortedKeys(p.inserts) {
		cursor := at
		for _, j := range p.inserts[at] {
			st := p.stub(j)
			if n := p.present(cursor, st); n > 0 {
				cursor += n
				continue
			}
			if c, _, synced, _ := p.keptIn(-1, j); synced {
				// The translator put the English in a comment already.
				if c >= cursor && c <= cursor+1 {
					for cursor = c + 1; cursor < len(p.all) && blocks.Translatable(p.all[cursor]); cursor++ {
					}
				}
				continue
			}
			p.insert(cursor, st, j)
		}
	}
}

// present returns how many blocks of all, from at, are stub st, or 0.
func (p *planner) present(at int, st string) int {
	sb := blocks.Parse([]byte(st), 1)
	if len(sb) == 0 || at+len(sb) > len(p.all) {
		return 0
	}
	for k, b := range sb {
		if !sameText(p.all[at+k].Raw, b.Raw) {
			return 0
		}
	}
	return len(sb)
}

// insert writes stub st of new block j before block at of all.
func (p *planner) insert(at int, st string, j int) {
	eol := p.text.eol
	if at < len(p.all) {
		off := p.text.lineStart(p.all[at])
		if p.edit(off, off, st+eol+eol) {
			p.act(Action{Kind: Inserted, Line: p.all[at].Line, SourceLine: p.new[j].Line})
		}
		return
	}
	src := string(p.text.src)
	sep := eol
	switch {
	case src == "" || strings.HasSuffix(src, eol+eol):
		sep = ""
	case !strings.HasSuffix(src, "\n"):
		sep = eol + eol
	}
	if p.edit(len(src), len(src), sep+st+eol) {
		p.act(Action{Kind: Inserted, Line: p.text.first + len(p.text.start), SourceLine: p.new[j].Line})
	}
}

// stub is what stands for new source block j in the translation: the
// block itself for what translations copy, else a marker with the
// English, followed by the English in a comment on pages that keep it so.
func (p *planner) stub(j int) string {
	n := p.new[j]
	raw := strings.ReplaceAll(n.Raw, "\r\n", "\n")
	switch {
	case !blocks.Translatable(n):
		return p.eol(raw)
	case p.comments:
		return p.eol(MarkerPrefix + "new: translate the English below -->\n\n<!--\n" + escapeComment(raw) + "\n-->")
	}
	return p.eol(MarkerPrefix + "new: the English added:\n" + escapeComment(raw) + "\n-->")
}

func sortedKeys[V any](m map[int]V) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// context is how many unchanged words a word diff keeps around a change.
const context = 4

// wordDiff writes the word diff from a to b as git's --word-diff does,
// [-removed-] {+added+}, keeping a few unchanged words around each change
// and the texts' own spacing.
func wordDiff(a, b string) string {
	ta, tb := tokens(a), tokens(b)
	ds := diffWords(words(ta), words(tb))
	var out strings.Builder
	i, j := 0, 0 // tokens of a and b used so far
	for k, d := range ds {
		n := len(d.words)
		switch d.op {
		case diffmatchpatch.DiffDelete:
			writeRun(&out, a, ta[i:i+n], "[-", "-]")
			i += n
		case diffmatchpatch.DiffInsert:
			writeRun(&out, b, tb[j:j+n], "{+", "+}")
			j += n
		default:
			keep := trimContext(ta[i:i+n], k > 0, k < len(ds)-1)
			for _, part := range keep {
				if part == nil {
					out.WriteString(" …")
					continue
				}
				writeRun(&out, a, part, "", "")
			}
			i, j = i+n, j+n
		}
	}
	return strings.TrimSpace(out.String())
}

// token is one word of a text and where it is.
type token struct {
	word       string
	start, end int
}

// tokens splits s into the words change.Words finds, with their places.
func tokens(s string) []token {
	var out []token
	at := 0
	for _, w := range change.Words(s) {
		i := strings.Index(s[at:], w)
		if i < 0 {
			i = 0 // Words changed the text (invalid UTF-8): no places
		}
		out = append(out, token{w, at + i, at + i + len(w)})
		at += i + len(w)
	}
	return out
}

func words(ts []token) []string {
	out := make([]string, len(ts))
	for k, t := range ts {
		out[k] = t.word
	}
	return out
}

// writeRun writes the text of src that tokens ts span, between open and
// close, after a space when src has one before it.
func writeRun(out *strings.Builder, src string, ts []token, open, close string) {
	if len(ts) == 0 {
		return
	}
	if ts[0].start > 0 && strings.ContainsAny(src[ts[0].start-1:ts[0].start], " \t\n") && out.Len() > 0 {
		out.WriteString(" ")
	}
	out.WriteString(open + src[ts[0].start:ts[len(ts)-1].end] + close)
}

// trimContext keeps the tokens of an unchanged run that lie next to a
// change: after one (after) and before one (before); a nil part stands for
// the tokens left out.
func trimContext(ts []token, after, before bool) [][]token {
	switch {
	case after && before && len(ts) > 2*context+1:
		return [][]token{ts[:context], nil, ts[len(ts)-context:]}
	case after && !before && len(ts) > context:
		return [][]token{ts[:context], nil}
	case !after && before && len(ts) > context:
		return [][]token{nil, ts[len(ts)-context:]}
	case !after && !before:
		return nil
	}
	return [][]token{ts}
}

// wordRun is a run of words a diff keeps, removes or adds.
type wordRun struct {
	op    diffmatchpatch.Operation
	words []string
}

// diffWords diffs two word lists, deterministically.
func diffWords(a, b []string) []wordRun {
	ids := map[string]rune{}
	var words []string
	enc := func(ws []string) string {
		rs := make([]rune, len(ws))
		for k, w := range ws {
			r, ok := ids[w]
			if !ok {
				r = wordRune(len(words))
				ids[w] = r
				words = append(words, w)
			}
			rs[k] = r
		}
		return string(rs)
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	ea, eb := enc(a), enc(b)
	var out []wordRun
	for _, d := range dmp.DiffMain(ea, eb, false) {
		var ws []string
		for _, r := range d.Text {
			ws = append(ws, words[runeIndex(r)])
		}
		out = append(out, wordRun{d.Type, ws})
	}
	return out
}

// wordRune maps word number i to a rune outside the surrogate range.
func wordRune(i int) rune {
	if i+1 < 0xD800 {
		return rune(i + 1)
	}
	return rune(i + 1 + 0x800)
}

func runeIndex(r rune) int {
	if r < 0xD800 {
		return int(r) - 1
	}
	return int(r) - 1 - 0x800
}
