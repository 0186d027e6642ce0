package report

import (
	"bytes"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
	"github.com/langref/langref/translate/diff"
)

// pageWords counts the words a translator translates in a page: the prose
// of its translatable blocks.
func pageWords(src []byte) int {
	body, line := frontmatter.SplitBody(src)
	if len(src) > diff.LineModeBytes {
		return lineWords(body, line, nil) // too large to parse: see stale.NoteLineMode
	}
	n := 0
	for _, b := range blocks.Parse(body, line) {
		if blocks.Translatable(b) {
			n += len(change.Words(b.Prose))
		}
	}
	return n
}

// LineChange is a source change as status reports it: its class and its
// line in the current source page (0 for a removed block).
type LineChange struct {
	Class string
	Line  int
	// EndLine is the change's last line, for changes of pages judged
	// line by line (see changedLines).
	EndLine int
}

// changedWords counts the words of the current source page's blocks that
// changed since a baseline in a way that reaches staleOn: what a
// translator reads again. Removed blocks count nothing.
func changedWords(src []byte, cs []LineChange, staleOn change.Class) int {
	lines := map[int]bool{}
	for _, c := range cs {
		cl, err := change.ParseClass(c.Class)
		if c.Line > 0 && (err != nil || cl >= staleOn) {
			lines[c.Line] = true
		}
	}
	if len(lines) == 0 {
		return 0
	}
	body, line := frontmatter.SplitBody(src)
	n := 0
	for _, b := range blocks.Parse(body, line) {
		if lines[b.Line] {
			n += len(change.Words(b.Prose))
		}
	}
	return n
}

// changedLines counts the words of the current source page's lines that
// changed since a baseline in a way that reaches staleOn, for a page that
// was judged line by line (stale.NoteLineMode), without parsing it into
// blocks.
func changedLines(src []byte, cs []LineChange, staleOn change.Class) int {
	var keep [][2]int
	for _, c := range cs {
		cl, err := change.ParseClass(c.Class)
		if c.Line > 0 && (err != nil || cl >= staleOn) {
			keep = append(keep, [2]int{c.Line, max(c.EndLine, c.Line)})
		}
	}
	if len(keep) == 0 {
		return 0
	}
	return lineWords(src, 1, keep)
}

// lineWords counts the words of the lines of text, whose first line is
// line first of its file, that fall in one of the ranges of file lines
// (first and last, in order), or of all of them when ranges is nil: raw
// lines, their markup counted with their words.
func lineWords(text []byte, first int, ranges [][2]int) int {
	n := 0
	for k := first; len(text) > 0; k++ {
		end := bytes.IndexByte(text, '\n') + 1
		if end == 0 {
			end = len(text)
		}
		for len(ranges) > 0 && ranges[0][1] < k {
			ranges = ranges[1:]
		}
		if ranges == nil || len(ranges) > 0 && ranges[0][0] <= k {
			n += len(change.Words(string(text[:end])))
		}
		if ranges != nil && len(ranges) == 0 {
			break
		}
		text = text[end:]
	}
	return n
}
