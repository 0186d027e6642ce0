package locales

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// unmarshal is yaml.Unmarshal for the message files, with a fast path for
// the shape they are written in: comments, blank lines, `id: "text"`,
// `id:` followed by indented `form: "text"` lines (plural forms), and
// literal blocks (`id: |-`, lines indented by two spaces), the texts
// double-quoted with no escape but \" and \\. Parsing the English
// messages with the YAML parser cost a tenth of a repeated `langref
// status`. Anything else, in any line, sends the whole file to the YAML
// parser; a test checks that both read every embedded file alike.
func unmarshal(data []byte, v any) error {
	if p, ok := v.(*any); ok {
		if m, ok := fastMessages(data); ok {
			*p = m
			return nil
		}
	}
	return yaml.Unmarshal(data, v)
}

// fastMessages reads data in the fast path's shape, or reports false.
func fastMessages(data []byte) (map[string]any, bool) {
	r := fastReader{top: map[string]any{}}
	for line := range bytes.Lines(data) {
		if !r.line(strings.TrimRight(string(line), "\r\n")) {
			return nil, false
		}
	}
	if !r.end() {
		return nil, false
	}
	return r.top, true
}

// fastReader reads a message file line by line.
type fastReader struct {
	top map[string]any
	// forms are the plural forms of the last id, while they are read.
	forms map[string]any
	// block is the id of a literal block (`id: |-` or `id: |`) being
	// read, its lines and whether its text ends with a newline (|).
	block     string
	lines     []string
	keepFinal bool
}

// line reads one line, reporting false when it is not in the shape.
func (r *fastReader) line(s string) bool {
	if r.block != "" {
		if text, ok := strings.CutPrefix(s, "  "); ok && strings.TrimSpace(s) != "" {
			if len(r.lines) == 0 && text[0] == ' ' {
				return false // the block is indented deeper than two spaces
			}
			r.lines = append(r.lines, text)
			return true
		}
		if !r.endBlock() {
			return false
		}
	}
	switch {
	case strings.TrimSpace(s) == "" || s[0] == '#':
		return true
	case strings.HasPrefix(s, "  ") && r.forms != nil:
		key, val, ok := keyValue(s[2:])
		if _, dup := r.forms[key]; !ok || val == nil || *val == "|" || *val == "|-" || dup {
			return false
		}
		r.forms[key] = *val
		return true
	}
	if !r.end() {
		return false
	}
	key, val, ok := keyValue(s)
	if _, dup := r.top[key]; !ok || dup {
		return false
	}
	switch {
	case val == nil:
		r.forms = map[string]any{}
		r.top[key] = r.forms
	case *val == "|" || *val == "|-":
		r.block, r.lines, r.keepFinal = key, nil, *val == "|"
	default:
		r.top[key] = *val
	}
	return true
}

// endBlock ends a literal block, which must have lines.
func (r *fastReader) endBlock() bool {
	if len(r.lines) == 0 {
		return false
	}
	text := strings.Join(r.lines, "\n")
	if r.keepFinal {
		text += "\n"
	}
	r.top[r.block] = text
	r.block = ""
	return true
}

// end ends what the last id started: it must have a value.
func (r *fastReader) end() bool {
	if r.block != "" && !r.endBlock() {
		return false
	}
	if r.forms != nil && len(r.forms) == 0 {
		return false // an id with no value and no forms: null
	}
	r.forms = nil
	return true
}

// keyValue reads `key: "text"` (val set) or `key:` (val nil), where the
// key is a plain word and nothing follows but the end of the line.
func keyValue(s string) (key string, val *string, ok bool) {
	i := strings.Index(s, ":")
	if i <= 0 || !plainKey(s[:i]) {
		return "", nil, false
	}
	key, rest := s[:i], s[i+1:]
	if rest == "" {
		return key, nil, true
	}
	if rest[0] != ' ' {
		return "", nil, false
	}
	if rest == " |" || rest == " |-" {
		text := rest[1:] // the start of a literal block
		return key, &text, true
	}
	text, ok := quoted(rest[1:])
	return key, &text, ok
}

// plainKey reports whether k is a key YAML reads as the string it is:
// letters, digits, '.', '-' and '_', starting with a letter, and not a
// word YAML 1.1 reads as a boolean or null (the message ids never are).
func plainKey(k string) bool {
	if !('a' <= k[0] && k[0] <= 'z' || 'A' <= k[0] && k[0] <= 'Z') {
		return false
	}
	for _, c := range k {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == '_') {
			return false
		}
	}
	switch strings.ToLower(k) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return false
	}
	return true
}

// quoted reads s, a whole double-quoted YAML string whose only escapes
// are \" and \\.
func quoted(s string) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", false
	}
	s = s[1 : len(s)-1]
	if !strings.ContainsAny(s, `\"`) {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			return "", false // the string ended before the end of the line
		case '\\':
			if i+1 == len(s) || s[i+1] != '"' && s[i+1] != '\\' {
				return "", false
			}
			i++
			b.WriteByte(s[i])
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}
