package blocks

import (
	"html"
	"strings"
	"unsafe"
)

// byteSeq is text held as a string or as bytes.
type byteSeq interface{ ~string | ~[]byte }

// collapse trims s and replaces every run of white space by one space.
func collapse(s string) string {
	if collapsed(s) {
		return s
	}
	return ownString(appendCollapsed(make([]byte, 0, len(s)), s))
}

// collapseBytes is collapse for bytes, which it copies.
func collapseBytes(b []byte) string {
	return ownString(appendCollapsed(make([]byte, 0, collapsedLen(b)), b))
}

// collapsedLen returns the length of b collapsed, or a little more: b
// less its leading and trailing white space.
func collapsedLen(b []byte) int {
	i, j := 0, len(b)
	for i < j && maySpace[b[i]] && b[i] <= ' ' {
		i++
	}
	for j > i && maySpace[b[j-1]] && b[j-1] <= ' ' {
		j--
	}
	return j - i
}

// ownString returns b as a string without copying it; b must never change
// again (strings.Builder does the same).
func ownString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// appendCollapsed appends the words of s to dst, separated by one space
// (and from what dst holds already, if anything). Runs of words that one
// space ' ' separates already are appended at once.
func appendCollapsed[S byteSeq](dst []byte, s S) []byte {
	sep := len(dst) > 0
	i := skipSpaces(s, 0)
	for i < len(s) {
		// s[run:j] is a run of words, each followed by one ' '
		run, j := i, i
		for {
			for j < len(s) && !maySpace[s[j]] {
				j++
			}
			if j == len(s) {
				break
			}
			if n := spaceLen(s, j); n == 0 {
				j++ // a lead byte of no white space: the word goes on
				continue
			}
			if s[j] == ' ' && j+1 < len(s) && !maySpace[s[j+1]] {
				j++ // one ' ' before another word: the run goes on
				continue
			}
			break
		}
		if sep {
			dst = append(dst, ' ')
		}
		dst = append(dst, s[run:j]...)
		sep = true
		i = skipSpaces(s, j)
	}
	return dst
}

// skipSpaces returns the index of the first byte of s at or after i that
// starts no white space character.
func skipSpaces[S byteSeq](s S, i int) int {
	for i < len(s) {
		n := spaceLen(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// collapsed reports whether s is collapsed already: no leading, trailing
// or double spaces and no other white space.
func collapsed[S byteSeq](s S) bool {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if maySpace[c] && (c == ' ' && prev == ' ' || c != ' ' && spaceLen(s, i) > 0) || c < ' ' {
			return false
		}
		prev = c
	}
	return prev != ' '
}

// maySpace marks the bytes that can start a white space character.
var maySpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true, 0xc2: true, 0xe1: true, 0xe2: true, 0xe3: true}

func appendWord[S byteSeq](dst []byte, w S) []byte {
	if len(dst) > 0 {
		dst = append(dst, ' ')
	}
	return append(dst, w...)
}

// spaceLen returns the length of the white space character (unicode.IsSpace)
// starting at s[i], or 0 if there is none. Only a few lead bytes can start
// one, and continuation bytes never do, so callers may step byte by byte.
func spaceLen[S byteSeq](s S, i int) int {
	c := s[i]
	switch {
	case !maySpace[c]:
		return 0
	case c <= ' ':
		return 1
	case c == 0xc2: // U+0085, U+00A0
		if i+1 < len(s) && (s[i+1] == 0x85 || s[i+1] == 0xa0) {
			return 2
		}
		return 0
	case i+2 >= len(s):
		return 0
	}
	c1, c2 := s[i+1], s[i+2]
	switch {
	case c == 0xe1 && c1 == 0x9a && c2 == 0x80, // U+1680
		c == 0xe2 && c1 == 0x80 && (c2 <= 0x8a || c2 == 0xa8 || c2 == 0xa9 || c2 == 0xaf) && c2 >= 0x80, // U+2000-200A, U+2028, U+2029, U+202F
		c == 0xe2 && c1 == 0x81 && c2 == 0x9f, // U+205F
		c == 0xe3 && c1 == 0x80 && c2 == 0x80: // U+3000
		return 3
	}
	return 0
}

// NormalizeLiquid rewrites every Liquid tag and output in s to one spacing,
// "{{ x }}" and "{% include x %}", so that delimiter spacing never counts as
// a change.
func NormalizeLiquid(s string) string {
	if !strings.Contains(s, "{{") && !strings.Contains(s, "{%") {
		return s
	}
	var b strings.Builder
	for {
		i := liquidOpen(s)
		if i < 0 {
			break
		}
		closer := "}}"
		if s[i+1] == '%' {
			closer = "%}"
		}
		j := strings.Index(s[i+2:], closer)
		if j < 0 {
			break
		}
		b.WriteString(s[:i+2])
		b.WriteString(canonInner(s[i+2 : i+2+j]))
		b.WriteString(closer)
		s = s[i+2+j+2:]
	}
	b.WriteString(s)
	return b.String()
}

func liquidOpen(s string) int {
	a, b := strings.Index(s, "{{"), strings.Index(s, "{%")
	if a < 0 || (b >= 0 && b < a) {
		return b
	}
	return a
}

// canonInner spaces the inside of a Liquid delimiter pair, keeping the
// whitespace-control dashes of {%- x -%}.
func canonInner(in string) string {
	left, right := "", ""
	if strings.HasPrefix(in, "-") {
		left, in = "-", in[1:]
	}
	if strings.HasSuffix(in, "-") {
		right, in = "-", in[:len(in)-1]
	}
	return left + " " + collapse(in) + " " + right
}

// canonLiquid is NormalizeLiquid for a single tag.
func canonLiquid(s string) string { return NormalizeLiquid(strings.TrimSpace(s)) }

// stripIAL replaces inline kramdown attribute lists such as {: width="50%"}
// by a space.
func stripIAL(s string) string {
	if !strings.Contains(s, "{:") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "{:")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+2:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		s = s[i+2+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// numbers returns the numbers in s: digit runs, with inner . or , separators.
func numbers(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && (isDigit(s[j]) || ((s[j] == '.' || s[j] == ',') && j+1 < len(s) && isDigit(s[j+1]))) {
			j++
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// inlineTags are the tags that do not separate words when removed.
var inlineTags = map[string]bool{
	"a": true, "b": true, "i": true, "em": true, "strong": true, "span": true,
	"sub": true, "sup": true, "code": true, "u": true, "s": true, "small": true, "mark": true,
}

// stripTags removes HTML comments and tags from s; the values of their
// attributes, except the translatable alt and title, go to verb.
func stripTags(s string, verb []string) (string, []string) {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		n, sep := tagLen(s)
		if n == 0 {
			b.WriteByte('<')
			s = s[1:]
			continue
		}
		if strings.IndexByte(s[:n], '=') >= 0 {
			verb = append(verb, attrValues(s[:n])...)
		}
		if sep {
			b.WriteByte(' ')
		}
		s = s[n:]
	}
	b.WriteString(s)
	return b.String(), verb
}

// tagLen returns the length of the comment or tag at the start of s (0 if
// there is none) and whether removing it separates words.
func tagLen(s string) (int, bool) {
	if strings.HasPrefix(s, "<!--") {
		if j := strings.Index(s[4:], "-->"); j >= 0 {
			return j + 7, true
		}
		return 0, false
	}
	k := 1
	if k < len(s) && s[k] == '/' {
		k++
	}
	start := k
	for k < len(s) && (isLetter(s[k]) || (k > start && (isDigit(s[k]) || s[k] == '-'))) {
		k++
	}
	j := strings.IndexByte(s, '>')
	if k == start || j < 0 {
		return 0, false
	}
	return j + 1, !inlineTags[strings.ToLower(s[start:k])]
}

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// attrValues returns the verbatim attribute values of one tag: those of
// every name=value pair, as the regular expression
// ([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))
// finds them, except alt and title.
func attrValues(tag string) []string {
	var out []string
	for i := 0; i < len(tag); {
		name, value, next := attrAt(tag, i)
		i = next
		if name == "" || strings.EqualFold(name, "alt") || strings.EqualFold(name, "title") {
			continue
		}
		out = append(out, NormalizeLiquid(html.UnescapeString(value)))
	}
	return out
}

// attrAt reads the name=value pair starting at s[i]. It returns the offset
// to look at next, and an empty name if no pair starts at i. When a name
// starts at i but no value follows, no pair starts inside the name either.
func attrAt(s string, i int) (name, value string, next int) {
	if !isNameStart(s[i]) {
		return "", "", i + 1
	}
	j := i + 1
	for j < len(s) && (isNameStart(s[j]) || isDigit(s[j]) || s[j] == '-' || s[j] == '.') {
		j++
	}
	k := skipSpace(s, j)
	if k == len(s) || s[k] != '=' {
		return "", "", j
	}
	k = skipSpace(s, k+1)
	if k == len(s) {
		return "", "", j
	}
	if q := s[k]; q == '"' || q == '\'' {
		e := strings.IndexByte(s[k+1:], q)
		if e < 0 {
			return "", "", j
		}
		return s[i:j], s[k+1 : k+1+e], k + e + 2
	}
	e := k
	for e < len(s) && !isSpaceRE(s[e]) && strings.IndexByte("\"'=<>`", s[e]) < 0 {
		e++
	}
	if e == k {
		return "", "", j
	}
	return s[i:j], s[k:e], e
}

func isNameStart(c byte) bool { return isLetter(c) || c == '_' || c == ':' }

// isSpaceRE reports whether c is white space to regexp's \s.
func isSpaceRE(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func skipSpace(s string, i int) int {
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	return i
}
