package blocks

import "bytes"

// lines indexes the line starts of a source so that byte offsets map to
// file lines.
type lines struct {
	src   []byte
	str   string // src as a string, which block sources share
	start []int  // byte offset of each line
	first int    // file line of line 0
}

// newLines indexes src, whose text str is (string(src), or src itself
// when it never changes).
func newLines(src []byte, str string, first int) *lines {
	start := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := bytes.IndexByte(src, '\n'); i >= 0 && i+1 < len(src); {
		start = append(start, i+1)
		j := bytes.IndexByte(src[i+1:], '\n')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return &lines{src: src, str: str, start: start, first: first}
}

func (l *lines) n() int { return len(l.start) }

// of returns the line index holding byte offset off.
func (l *lines) of(off int) int {
	lo, hi := 0, len(l.start) // the first line starting after off is in [lo, hi]
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if l.start[m] > off {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo - 1
}

// end returns the offset just past line i, excluding its line break.
func (l *lines) end(i int) int {
	e := len(l.src)
	if i+1 < len(l.start) {
		e = l.start[i+1] - 1
	} else if e > l.start[i] && l.src[e-1] == '\n' {
		e--
	}
	if e > l.start[i] && l.src[e-1] == '\r' {
		e--
	}
	return e
}

// text returns line i without its line break.
func (l *lines) text(i int) []byte { return l.src[l.start[i]:l.end(i)] }

// raw returns lines a..b inclusive without the final line break.
func (l *lines) raw(a, b int) string { return l.str[l.start[a]:l.end(b)] }

// blank reports whether line i holds only spaces and tabs.
func (l *lines) blank(i int) bool { return len(trimLeft(l.text(i))) == 0 }

// block makes a block spanning lines a..b.
func (l *lines) block(k Kind, a, b int) Block {
	return Block{Kind: k, Line: a + l.first, EndLine: b + l.first, Raw: l.raw(a, b)}
}

func trimLeft(b []byte) []byte { return bytes.TrimLeft(b, " \t") }

func trimSpace(b []byte) []byte { return bytes.Trim(b, " \t\r") }
