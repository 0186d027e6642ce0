package stub

import (
	"fmt"
	"strings"

	"github.com/langref/langref/translate/blocks"
)

// Memory maps English text to a translation made elsewhere in the site:
// the translation memory a stub is pre-filled from.
type Memory struct {
	memos map[string]Memo
}

// Memo is one remembered translation.
type Memo struct {
	// Text is the translation, as written in its page.
	Text string
	// Where is the page and line of the English comment, "fr/a.md:42".
	Where string
}

// NewMemory returns an empty memory.
func NewMemory() *Memory { return &Memory{memos: map[string]Memo{}} }

// Len returns the number of English texts the memory knows.
func (m *Memory) Len() int {
	if m == nil {
		return 0
	}
	return len(m.memos)
}

// Add learns the pairs of commented English and translation in one page;
// body is the page after its front matter, starting at file line first.
// The first translation learnt for an English text is kept.
func (m *Memory) Add(path string, body []byte, first int) {
	src := strings.ReplaceAll(string(body), "\r\n", "\n")
	lines := splitLines([]byte(src))
	for _, p := range blocks.Pairs(blocks.Parse([]byte(src), first)) {
		key := normalize(commentText(p.Comment.Raw))
		tr := trimTranslation(p.Translation)
		if key == "" || len(tr) == 0 {
			continue
		}
		text := strings.TrimSuffix(strings.Join(lines[tr[0].Line-first:tr[len(tr)-1].EndLine-first+1], ""), "\n")
		if _, seen := m.memos[key]; seen || normalize(text) == key {
			continue
		}
		m.memos[key] = Memo{Text: text, Where: fmt.Sprintf("%s:%d", path, p.Comment.Line)}
	}
}

// Lookup returns the translation of english, a unit of a source page.
func (m *Memory) Lookup(english string) (Memo, bool) {
	if m == nil {
		return Memo{}, false
	}
	memo, ok := m.memos[normalize(english)]
	return memo, ok
}

// trimTranslation drops the verbatim blocks that follow a translation at
// the top level: they belong to the page, not to the translation.
func trimTranslation(bs []blocks.Block) []blocks.Block {
	for len(bs) > 0 {
		b := bs[len(bs)-1]
		if blocks.Translatable(b) && !copyOnce(b.Kind) || inList(b) && len(bs) > 1 && bs[0].Kind == blocks.ListItem {
			break
		}
		bs = bs[:len(bs)-1]
	}
	return bs
}

// commentText returns what a comment holds between <!-- and -->.
func commentText(raw string) string {
	if i := strings.Index(raw, "<!--"); i >= 0 {
		raw = raw[i+4:]
	}
	if j := strings.LastIndex(raw, "-->"); j >= 0 {
		raw = raw[:j]
	}
	return strings.ReplaceAll(raw, "--&gt;", "-->")
}

// normalize collapses white space, so that re-wrapped text still matches.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }
