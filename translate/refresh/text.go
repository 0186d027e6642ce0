package refresh

import (
	"bytes"
	"sort"
	"strings"

	"github.com/langref/langref/translate/blocks"
)

// text locates the lines of the translation body.
type text struct {
	src   []byte
	start []int // byte offset of each line
	first int   // file line of line 0
	eol   string
}

func newText(src []byte, first int) *text {
	t := &text{src: src, start: []int{0}, first: first, eol: "\n"}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			t.start = append(t.start, i+1)
		}
	}
	if bytes.Count(src, []byte("\r\n"))*2 > bytes.Count(src, []byte("\n")) {
		t.eol = "\r\n"
	}
	return t
}

// span returns the byte range of block b's source.
func (t *text) span(b blocks.Block) (int, int) {
	from := t.start[b.Line-t.first]
	return from, from + len(b.Raw)
}

// lineStart returns the offset where block b's first line starts.
func (t *text) lineStart(b blocks.Block) int { return t.start[b.Line-t.first] }

// edit is one replacement of src[from:to].
type edit struct {
	from, to int
	text     string
	seq      int // order among insertions at one offset
}

// edit records a replacement unless it overlaps one already planned.
func (p *planner) edit(from, to int, s string) bool {
	for _, e := range p.edits {
		if from < e.to && e.from < to || from == to && e.from < from && from < e.to || e.from == e.to && from < e.from && e.from < to {
			return false
		}
	}
	p.edits = append(p.edits, edit{from, to, s, len(p.edits)})
	return true
}

// apply returns the body with every edit made.
func (p *planner) apply() []byte {
	es := p.edits
	sort.SliceStable(es, func(a, b int) bool {
		x, y := es[a], es[b]
		if x.from != y.from {
			return x.from < y.from
		}
		if (x.from == x.to) != (y.from == y.to) {
			return x.from == x.to // insertions go before a replacement there
		}
		return x.seq < y.seq
	})
	src := p.text.src
	var out bytes.Buffer
	at := 0
	for _, e := range es {
		out.Write(src[at:e.from])
		out.WriteString(e.text)
		at = e.to
	}
	out.Write(src[at:])
	return out.Bytes()
}

// eol writes s with the translation's line ends.
func (p *planner) eol(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if p.text.eol == "\n" {
		return s
	}
	return strings.ReplaceAll(s, "\n", p.text.eol)
}
