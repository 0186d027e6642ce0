package stub

import (
	"bytes"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// ProseLines returns the openings (first minWords+1 words, single-spaced)
// of the lines of an English body that a stub would keep and a
// translation would not: prose outside code, math, HTML and tables. An
// opening is enough to find a kept line, and cheaper than the whole.
func ProseLines(body []byte) []string {
	var out []string
	eachProseLine(body, func(l []byte) {
		out = append(out, firstWords(collapse(string(l))))
	})
	return out
}

// eachProseLine calls f with each line of body whose opening ProseLines
// returns, whitespace around it trimmed.
func eachProseLine(body []byte, f func(line []byte)) {
	eachProseLineAt(body, func(l []byte, _ int) { f(l) })
}

// eachProseLineAt is eachProseLine with the index of each line in body,
// from 0.
func eachProseLineAt(body []byte, f func(line []byte, i int)) {
	fenced, math := false, false
	for n := 0; len(body) > 0; n++ {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		l := trimSpace(line)
		if bytes.HasPrefix(l, fenceBackticks) || bytes.HasPrefix(l, fenceTildes) {
			fenced = !fenced
		}
		if bytes.Count(l, dollars)%2 == 1 {
			math = !math
		}
		if !fenced && !math && !copied(l) && proseWords(l) >= minWords {
			f(l, n)
		}
	}
}

var fenceBackticks, fenceTildes, dollars = []byte("```"), []byte("~~~"), []byte("$$")

// trimSpace trims what strings.Fields takes for space.
func trimSpace(l []byte) []byte {
	if isASCII(l) {
		return bytes.Trim(l, " \t\n\v\f\r")
	}
	return bytes.TrimSpace(l)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// proseWords counts the words of l that look like prose (letters, maybe
// between brackets or followed by punctuation), or 0 when they are not two
// thirds of the line: a formula or a line of code says nothing about a
// translation's prose. Words are strings.Fields'.
func proseWords(l []byte) int {
	if !isASCII(l) {
		return countProse(strings.Fields(string(l)))
	}
	n, all := 0, 0
	for i := 0; i < len(l); {
		for i < len(l) && isSpace[l[i]] {
			i++
		}
		j := i
		for j < len(l) && !isSpace[l[j]] {
			j++
		}
		if j > i {
			all++
			if isProseWord(unsafe.String(&l[i], j-i)) {
				n++
			}
		}
		i = j
	}
	return prose(n, all)
}

func countProse(fields []string) int {
	n := 0
	for _, f := range fields {
		if isProseWord(f) {
			n++
		}
	}
	return prose(n, len(fields))
}

func prose(n, all int) int {
	if n*3 < all*2 {
		return 0
	}
	return n
}

// isSpace holds the ASCII bytes strings.Fields takes for space.
var isSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

func isProseWord(f string) bool {
	for len(f) > 0 && (f[0] == '(' || f[0] == '"') {
		f = f[1:]
	}
	for len(f) > 0 && strings.IndexByte(")\",.;:!?", f[len(f)-1]) >= 0 {
		f = f[:len(f)-1]
	}
	if f == "" || !isASCIILetter(f[0]) {
		return false
	}
	for _, r := range f {
		if r > 127 {
			if r != '’' {
				return false
			}
			continue
		}
		if !isASCIILetter(byte(r)) && r != '\'' && r != '-' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// copied reports whether a trimmed line is one translations copy as it is
// (display math, HTML, table rows, Liquid tags, images), so that finding
// it in a translation says nothing about its prose.
func copied(l []byte) bool {
	return len(l) > 0 && (l[0] == '<' || l[0] == '|') || bytes.HasPrefix(l, liquidTag) ||
		bytes.HasPrefix(l, image) || bytes.Contains(l, dollars)
}

var liquidTag, image = []byte("{%"), []byte("![")

// firstWords returns the first minWords+1 words of a collapsed line.
func firstWords(l string) string {
	n := 0
	for i, c := range l {
		if c == ' ' {
			if n++; n == minWords+1 {
				return l[:i]
			}
		}
	}
	return l
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
