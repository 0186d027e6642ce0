package report

import (
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// pageWords counts the words a translator translates in a page: the prose
// of its translatable blocks.
func pageWords(src []byte) int {
	body, line := frontmatter.SplitBody(src)
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
