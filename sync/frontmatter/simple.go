package frontmatter

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// simpleFields reads front matter made only of "key: value" lines, with
// plain keys and one-line values that are plain or quoted without escapes,
// as parseYAML would, without the YAML parser: most pages have nothing
// else, and a site has thousands of them. text starts with the opening
// "---" line. It reports false for anything else, which parseYAML must
// read. The fields' strings share one copy of text.
func simpleFields(text []byte) ([]Field, bool) {
	if len(text) < 4 || string(text[:4]) != "---\n" {
		return nil, false
	}
	rest := string(text[4:])
	fields := make([]Field, 0, strings.Count(rest, "\n"))
	for line := 2; len(rest) > 0; line++ {
		n := strings.IndexByte(rest, '\n')
		if n < 0 {
			return nil, false
		}
		f, ok := simpleField(rest[:n], line)
		if !ok || hasKey(fields, f.Key) {
			return nil, false
		}
		fields = append(fields, f)
		rest = rest[n+1:]
	}
	if len(fields) == 0 {
		return nil, false
	}
	return fields, true
}

func hasKey(fields []Field, key string) bool {
	for _, f := range fields {
		if f.Key == key {
			return true
		}
	}
	return false
}

// maxKey is the length of the longest key read without the YAML parser,
// which refuses keys of more than 1024 characters.
const maxKey = 1000

// simpleField reads one "key: value" line, the line-th of the YAML text.
func simpleField(s string, line int) (Field, bool) {
	k := 0
	for k < len(s) && isKeyByte(s[k], k == 0) {
		k++
	}
	if k == 0 || k > maxKey || k+1 >= len(s) || s[k] != ':' || s[k+1] != ' ' {
		return Field{}, false
	}
	v := k + 1
	for v < len(s) && s[v] == ' ' {
		v++
	}
	raw := s[v:]
	f := Field{Key: s[:k], Line: line, Col: 1, raw: raw, valueCol: v + 1}
	if text, ok := quotedValue(raw); ok {
		f.Value = Value{Kind: String, Text: text}
		return f, true
	}
	if !plainValue(raw) {
		return Field{}, false
	}
	f.Value = resolvePlain(raw)
	return f, true
}

// simpleNode builds the node the YAML parser builds for the value of a
// field read by simpleField.
func simpleNode(f Field) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: f.raw, Line: f.Line, Column: f.valueCol}
	switch f.raw[0] {
	case '\'':
		n.Style, n.Tag, n.Value = yaml.SingleQuotedStyle, "!!str", f.Value.Text
	case '"':
		n.Style, n.Tag, n.Value = yaml.DoubleQuotedStyle, "!!str", f.Value.Text
	default:
		n.Tag = n.ShortTag() // yaml's own resolution of plain scalars
	}
	return n
}

func isKeyByte(c byte, first bool) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		return true
	case first:
		return false
	}
	return '0' <= c && c <= '9' || c == '_' || c == '-'
}

// plainValue reports whether v is a plain scalar that YAML reads as it is
// written: no indicator first, no comment, no nested mapping, no space at
// its end, only printable characters that are no line breaks.
func plainValue(v string) bool {
	if len(v) == 0 || v[len(v)-1] == ' ' || v[len(v)-1] == ':' {
		return false
	}
	switch v[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if (c == ':' && i+1 < len(v) && v[i+1] == ' ') || (c == '#' && i > 0 && v[i-1] == ' ') {
			return false
		}
	}
	return printable(v)
}

// quotedValue returns the string a quoted scalar v that ends the line
// stands for: single-quoted, where a doubled quote stands for one, or
// double-quoted without escapes.
func quotedValue(v string) (string, bool) {
	if len(v) < 2 || (v[0] != '\'' && v[0] != '"') || v[len(v)-1] != v[0] {
		return "", false
	}
	in := v[1 : len(v)-1]
	if !printable(in) {
		return "", false
	}
	if v[0] == '"' {
		return in, !strings.ContainsAny(in, `"\`)
	}
	quotes := strings.Count(in, "'")
	if quotes == 0 {
		return in, true
	}
	if quotes%2 != 0 || strings.Count(in, "''")*2 != quotes {
		return "", false
	}
	return strings.ReplaceAll(in, "''", "'"), true
}

// printable reports whether s holds only characters of YAML's printable
// set that are no line breaks, tabs or byte order marks.
func printable(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !printableRune(r) {
			return false
		}
		i += n
	}
	return true
}

// printableRune is YAML's printable set above ASCII, less its line breaks
// (U+0085, U+2028, U+2029) and the byte order mark.
func printableRune(r rune) bool {
	switch {
	case r == utf8.RuneError, r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
		return false
	}
	return true
}
