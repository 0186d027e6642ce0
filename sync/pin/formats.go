package pin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/stub"
	"github.com/pelletier/go-toml/v2"
)

// Hugo's front matter may be TOML between +++ lines or a JSON object, as
// new writes stubs (translate/stub); Set edits those in their own format,
// changing no byte but the key's value or the one line (member) it adds.

// hugoRules read every front matter format.
var hugoRules = frontmatter.Rules{Formats: []frontmatter.Format{frontmatter.YAML, frontmatter.TOML, frontmatter.JSON}, Optional: true}

// formatOf returns the format of the front matter that starts src, after
// the blank lines and byte-order mark Hugo skips.
func formatOf(src []byte) frontmatter.Format {
	t := bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), " \t\r\n")
	if f, ok := frontmatter.FormatOf(t); ok && f != frontmatter.YAML {
		return f
	}
	return frontmatter.YAML
}

// readDoc reads src's front matter in format f, or says why it cannot be
// edited.
func readDoc(src []byte, f frontmatter.Format, key string) (*frontmatter.Doc, error) {
	if strings.Contains(key, ".") {
		return nil, &Error{Line: 1, Reason: fmt.Sprintf("langref writes the nested key %s in YAML front matter only; add it to this %s front matter by hand", key, f)}
	}
	d := frontmatter.ParseWith(src, hugoRules)
	if d.Problem != nil {
		return nil, &Error{Line: d.Problem.Line, Reason: "the front matter cannot be read (" + string(d.Problem.Kind) + ")"}
	}
	return d, nil
}

// readBackAny returns the value of key in src's front matter, in any
// format, or "".
func readBackAny(src []byte, key string) string {
	d := frontmatter.ParseWith(src, hugoRules)
	if d.Problem != nil {
		return ""
	}
	f, ok := d.Get(key)
	if !ok || f.Value.Kind != frontmatter.String {
		return ""
	}
	return f.Value.Text
}

// lines splits src in lines, line breaks kept.
func lines(src []byte) []string {
	return strings.SplitAfter(string(src), "\n")
}

// setTOML sets key to value among the top-level keys of TOML front
// matter: in place when the key is there (a one-line string), else on a
// line of its own after the key after, or after the last top-level key,
// or before the first table.
func setTOML(src []byte, key, value, after string) ([]byte, error) {
	d, err := readDoc(src, frontmatter.TOML, key)
	if err != nil {
		return nil, err
	}
	ls := lines(src)
	isTable := func(f frontmatter.Field) bool {
		return strings.HasPrefix(strings.TrimSpace(ls[f.Line-1]), "[")
	}
	var lastKV, afterKV *frontmatter.Field
	firstTable := d.Close
	for i := range d.Fields {
		f := &d.Fields[i]
		switch {
		case isTable(*f):
			firstTable = min(firstTable, f.Line)
		case f.Line < firstTable:
			if f.Key == key {
				return replaceTOML(src, ls, f, value)
			}
			lastKV = f
			if f.Key == after && after != "" {
				afterKV = f
			}
		}
	}
	if f, ok := d.Get(key); ok {
		return nil, &Error{Line: f.Line, Reason: fmt.Sprintf("%s is a table, not one value", key)}
	}
	eol := "\n"
	if strings.HasSuffix(ls[0], "\r\n") {
		eol = "\r\n"
	}
	at := firstTable // insert before this 1-based line
	for at > 2 && strings.TrimSpace(ls[at-2]) != "" && strings.HasPrefix(strings.TrimSpace(ls[at-2]), "#") {
		at-- // a comment above the table belongs to it
	}
	for _, f := range []*frontmatter.Field{afterKV, lastKV} {
		if f != nil && oneLineTOML(ls[f.Line-1]) {
			at = f.Line + 1
			break
		}
	}
	text := key + " = " + stub.TOMLString(value) + eol
	return []byte(strings.Join(ls[:at-1], "") + text + strings.Join(ls[at-1:], "")), nil
}

// oneLineTOML reports whether line holds a whole key = value.
func oneLineTOML(line string) bool {
	var m map[string]any
	return toml.Unmarshal([]byte(line), &m) == nil && len(m) == 1
}

// replaceTOML replaces the one-line string value of field f.
func replaceTOML(src []byte, ls []string, f *frontmatter.Field, value string) ([]byte, error) {
	line := ls[f.Line-1]
	eq := strings.IndexByte(line, '=')
	if eq < 0 || !oneLineTOML(line) {
		return nil, &Error{Line: f.Line, Reason: fmt.Sprintf("the value of %s is not written on the key's line; write it there", f.Key)}
	}
	rest := line[eq+1:]
	from := eq + 1 + len(rest) - len(strings.TrimLeft(rest, " \t"))
	var to int
	quoted := stub.TOMLString(value)
	switch {
	case strings.HasPrefix(line[from:], `"""`) || strings.HasPrefix(line[from:], `'''`):
		return nil, &Error{Line: f.Line, Reason: fmt.Sprintf("%s holds a multi-line string; write it as one quoted value", f.Key)}
	case strings.HasPrefix(line[from:], `"`):
		to = from + 1
		for ; to < len(line) && line[to] != '"'; to++ {
			if line[to] == '\\' {
				to++
			}
		}
		to++
	case strings.HasPrefix(line[from:], `'`):
		to = from + 1 + strings.IndexByte(line[from+1:], '\'') + 1
		if !strings.ContainsAny(value, "'\n") {
			quoted = "'" + value + "'"
		}
	default:
		return nil, &Error{Line: f.Line, Reason: fmt.Sprintf("the value of %s is no string (%s); write it in quotes", f.Key, f.Value.Kind)}
	}
	start := 0
	for _, l := range ls[:f.Line-1] {
		start += len(l)
	}
	return splice(src, start+from, start+to, quoted), nil
}

// setJSON sets key to value among the members of JSON front matter: in
// place when the key is there (a string), else as a member of its own
// after the last, indented as the first.
func setJSON(src []byte, key, value string) ([]byte, error) {
	if _, err := readDoc(src, frontmatter.JSON, key); err != nil {
		return nil, err
	}
	start := len(src) - len(bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), " \t\r\n"))
	dec := json.NewDecoder(bytes.NewReader(src[start:]))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, &Error{Line: 1, Reason: "the front matter is not a JSON object"}
	}
	open := start + int(dec.InputOffset())
	last, firstKey := -1, -1
	for dec.More() {
		keyAt := start + int(dec.InputOffset())
		t, err := dec.Token()
		if err != nil {
			return nil, &Error{Line: 1, Reason: err.Error()}
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, &Error{Line: 1, Reason: err.Error()}
		}
		end := start + int(dec.InputOffset())
		if firstKey < 0 {
			firstKey = keyAt + bytes.IndexByte(src[keyAt:], '"')
		}
		if k, _ := t.(string); k == key {
			if len(raw) == 0 || raw[0] != '"' {
				return nil, &Error{Line: bytes.Count(src[:end], []byte("\n")) + 1, Reason: fmt.Sprintf("%s holds no string", key)}
			}
			return splice(src, end-len(raw), end, stub.JSONString(value)), nil
		}
		last = end
	}
	eol := "\n"
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		eol = "\r\n"
	}
	indent := "  "
	member := stub.JSONString(key) + ": " + stub.JSONString(value)
	if firstKey < 0 {
		return splice(src, open, open, eol+indent+member+eol), nil
	}
	ls := bytes.LastIndexByte(src[:firstKey], '\n') + 1
	if ws := src[ls:firstKey]; len(bytes.TrimLeft(ws, " \t")) == 0 {
		indent = string(ws)
		return splice(src, last, last, ","+eol+indent+member), nil
	}
	return splice(src, last, last, ", "+member), nil // all on one line
}
