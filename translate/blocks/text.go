package blocks

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// collapse trims s and replaces every run of white space by one space.
func collapse(s string) string {
	if collapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // start of the current run of non-space bytes
	for i := 0; i < len(s); {
		n, space := spaceAt(s, i)
		switch {
		case !space && word < 0:
			word = i
		case space && word >= 0:
			appendWord(&b, s[word:i])
			word = -1
		}
		i += n
	}
	if word >= 0 {
		appendWord(&b, s[word:])
	}
	return b.String()
}

// collapsed reports whether s is ASCII-spaced already: no leading,
// trailing or double spaces and no other white space.
func collapsed(s string) bool {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' && prev == ' ' || c < ' ' || c >= utf8.RuneSelf {
			return false
		}
		prev = c
	}
	return prev != ' '
}

func appendWord(b *strings.Builder, w string) {
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(w)
}

// spaceAt returns the length of the character at s[i] and whether it is
// white space.
func spaceAt(s string, i int) (int, bool) {
	c := s[i]
	if c < utf8.RuneSelf {
		return 1, c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return n, unicode.IsSpace(r)
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

var ialRe = regexp.MustCompile(`\{:[^}]*\}`)

// stripIAL removes inline kramdown attribute lists such as {: width="50%"}.
func stripIAL(s string) string {
	if !strings.Contains(s, "{:") {
		return s
	}
	return ialRe.ReplaceAllString(s, " ")
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

var attrRe = regexp.MustCompile(`([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)

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

// attrValues returns the verbatim attribute values of one tag.
func attrValues(tag string) []string {
	var out []string
	for _, m := range attrRe.FindAllStringSubmatch(tag, -1) {
		name := strings.ToLower(m[1])
		if name == "alt" || name == "title" {
			continue
		}
		out = append(out, NormalizeLiquid(html.UnescapeString(m[2]+m[3]+m[4])))
	}
	return out
}
