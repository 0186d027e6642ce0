package frontmatter

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// simpleFields reads front matter made only of "key: value" lines, with
// plain keys and plain one-line values, as parseYAML would, without the
// YAML parser: most pages have nothing else, and a site has thousands of
// them. text starts with the opening "---" line. It reports false for
// anything else, which parseYAML must read.
func simpleFields(text []byte) ([]Field, bool) {
	rest, ok := cutPrefix(text, "---\n")
	if !ok {
		return nil, false
	}
	fields := make([]Field, 0, bytes.Count(rest, []byte("\n")))
	for line := 2; len(rest) > 0; line++ {
		n := lineLen(rest)
		if rest[n-1] != '\n' {
			return nil, false
		}
		f, ok := simpleField(rest[:n-1], line)
		if !ok || hasKey(fields, f.Key) {
			return nil, false
		}
		fields = append(fields, f)
		rest = rest[n:]
	}
	if len(fields) == 0 {
		return nil, false
	}
	return fields, true
}

func cutPrefix(b []byte, prefix string) ([]byte, bool) {
	if len(b) < len(prefix) || string(b[:len(prefix)]) != prefix {
		return nil, false
	}
	return b[len(prefix):], true
}

func hasKey(fields []Field, key string) bool {
	for _, f := range fields {
		if f.Key == key {
			return true
		}
	}
	return false
}

// simpleField reads one "key: value" line, the line-th of the YAML text.
func simpleField(b []byte, line int) (Field, bool) {
	k := 0
	for k < len(b) && isKeyByte(b[k], k == 0) {
		k++
	}
	if k == 0 || k+1 >= len(b) || b[k] != ':' || b[k+1] != ' ' {
		return Field{}, false
	}
	v := k + 1
	for v < len(b) && b[v] == ' ' {
		v++
	}
	value := b[v:]
	if !plainValue(value) {
		return Field{}, false
	}
	raw := string(value)
	return Field{Key: string(b[:k]), Line: line, Col: 1, Value: resolvePlain(raw), raw: raw, valueCol: v + 1}, true
}

// plainNode builds the node of a plain scalar as the YAML parser does.
func plainNode(value string, line, col int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: value, Line: line, Column: col}
	n.Tag = n.ShortTag() // yaml's own resolution of plain scalars
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
func plainValue(v []byte) bool {
	if len(v) == 0 || v[len(v)-1] == ' ' || v[len(v)-1] == ':' {
		return false
	}
	switch v[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	for i := 0; i < len(v); {
		c := v[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || (c == ':' && i+1 < len(v) && v[i+1] == ' ') || (c == '#' && v[i-1] == ' ') {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(v[i:])
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
