package diff

import (
	"bytes"
	"hash/maphash"
	"strings"
	"unicode/utf8"

	"github.com/langref/langref/translate/change"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// LineModeBytes is the size of a source version or translation above
// which Build compares the source line by line instead of block by block:
// parsing a page into blocks, classifying and aligning them takes some
// thirty times the page's size in memory, where a line diff takes little
// more than the two versions. A page over it gets a Page with LineMode
// set: its changes are runs of lines, with no class finer than content,
// no place in the translation, and the nearest heading above as section.
const LineModeBytes = 4 << 20

// LineMode reports whether a page with a source of srcSize bytes and a
// translation of trSize bytes is diffed line by line (see LineModeBytes).
func LineMode(srcSize, trSize int) bool {
	return srcSize > LineModeBytes || trSize > LineModeBytes
}

// maxLineIDs is how many distinct lines the line diff can tell apart: go-diff
// compares runes, and only valid ones survive its clean-up.
const maxLineIDs = 0x10FFFF + 1 - 0x800

// buildLines fills p with the line diff of the first and last versions.
func buildLines(p *Page, old, new []byte) {
	p.LineMode = true
	a, b := splitLines(old), splitLines(new)
	ra, rb, ok := lineRunes(a, b)
	if !ok { // too many distinct lines: the page as one change
		if !bytes.Equal(old, new) {
			p.Changes = append(p.Changes, lineChange(a, b, 0, len(a), 0, len(b), nil))
		}
		return
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // the same diff every time
	var i, j int        // lines of old and new before the current op
	var hunk [2][2]int  // old and new lines of the current run of changes
	open := false
	heads := newHeadings(b)
	flush := func() {
		if open {
			p.Changes = append(p.Changes, lineChange(a, b, hunk[0][0], hunk[0][1], hunk[1][0], hunk[1][1], heads.above(hunk[1][0])))
			open = false
		}
	}
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := utf8.RuneCountInString(d.Text)
		if d.Type == diffmatchpatch.DiffEqual {
			flush()
			i, j = i+n, j+n
			continue
		}
		if !open {
			hunk, open = [2][2]int{{i, i}, {j, j}}, true
		}
		if d.Type == diffmatchpatch.DiffDelete {
			i += n
			hunk[0][1] = i
		} else {
			j += n
			hunk[1][1] = j
		}
	}
	flush()
}

// splitLines cuts src into lines, each with its line end.
func splitLines(src []byte) [][]byte {
	out := make([][]byte, 0, bytes.Count(src, []byte{'\n'})+1) // no regrowth on large pages
	for len(src) > 0 {
		k := bytes.IndexByte(src, '\n') + 1
		if k == 0 {
			k = len(src)
		}
		out = append(out, src[:k])
		src = src[k:]
	}
	return out
}

// lineRunes gives each distinct line a rune, the same in a and b; ok is
// false when there are more distinct lines than runes. Lines are told
// apart by a 64-bit hash, so that no line is copied.
func lineRunes(a, b [][]byte) (ra, rb []rune, ok bool) {
	seed := maphash.MakeSeed()
	ids := map[uint64]rune{}
	conv := func(ls [][]byte) []rune {
		out := make([]rune, len(ls))
		for k, l := range ls {
			h := maphash.Bytes(seed, l)
			r, seen := ids[h]
			if !seen {
				r = idRune(len(ids))
				ids[h] = r
			}
			out[k] = r
		}
		return out
	}
	ra, rb = conv(a), conv(b)
	return ra, rb, len(ids) <= maxLineIDs
}

// idRune is the n-th valid rune, surrogates skipped.
func idRune(n int) rune {
	if n >= 0xD800 {
		n += 0x800
	}
	return rune(n)
}

// lineChange is the change of old lines [i0, i1) into new lines [j0, j1).
func lineChange(a, b [][]byte, i0, i1, j0, j1 int, section []string) Change {
	c := Change{Class: change.Content, Block: "lines", Section: section, Commits: []Commit{},
		Translation: Place{Where: "unplaced", Method: "none"}}
	if section == nil {
		c.Section = []string{}
	}
	switch {
	case i0 == i1:
		c.Kind = "added"
	case j0 == j1:
		c.Kind = "removed"
	default:
		c.Kind = "modified"
	}
	var oldText, newText string
	if i1 > i0 {
		c.Old, oldText = &Lines{i0 + 1, i1}, joinLines(a[i0:i1])
	}
	if j1 > j0 {
		c.New, newText = &Lines{j0 + 1, j1}, joinLines(b[j0:j1])
	}
	c.Words = lineWords(oldText, newText)
	return c
}

// maxWordDiff is the largest change, both sides together, that a line
// diff shows word by word; larger ones show the old and new lines whole.
const maxWordDiff = 64 << 10

// lineWords is the word diff of a run of changed lines, or, over
// maxWordDiff, the old lines deleted and the new ones inserted.
func lineWords(oldText, newText string) []Op {
	if len(oldText)+len(newText) <= maxWordDiff {
		return wordDiff(oldText, newText)
	}
	var ops []Op
	if oldText != "" {
		ops = append(ops, Op{Op: "-", Text: oldText})
	}
	if newText != "" {
		ops = append(ops, Op{Op: "+", Text: newText})
	}
	return ops
}

// joinLines returns lines as one text, without its last line end.
func joinLines(ls [][]byte) string {
	n := 0
	for _, l := range ls {
		n += len(l)
	}
	var s strings.Builder
	s.Grow(n) // one copy, however large the run
	for _, l := range ls {
		s.Write(l)
	}
	return strings.TrimSuffix(s.String(), "\n")
}

// headings finds the nearest ATX heading above a line, in one pass over
// the lines in order.
type headings struct {
	lines [][]byte
	at    int    // lines before at were read
	last  string // the last heading among them
}

func newHeadings(ls [][]byte) *headings { return &headings{lines: ls} }

// above returns the nearest heading above line k (0-based), as a section
// path of one heading, or nil; k never decreases from call to call.
func (h *headings) above(k int) []string {
	for ; h.at < k && h.at < len(h.lines); h.at++ {
		l := bytes.TrimRight(h.lines[h.at], "\r\n")
		if t := bytes.TrimLeft(l, "#"); len(t) < len(l) && len(l)-len(t) <= 6 && (len(t) == 0 || t[0] == ' ') {
			h.last = string(bytes.TrimSpace(t))
		}
	}
	if h.last == "" {
		return nil
	}
	return []string{h.last}
}
