// Package pin records in a translation's front matter the source commit it
// follows (its baseline), changing no other byte of the file: key order,
// comments, quoting and line endings stay as they were. YAML front matter,
// TOML front matter (+++) and JSON front matter (Hugo's) keep their format.
package pin

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/langref/langref/sync/frontmatter"
	"go.yaml.in/yaml/v3"
)

// Error says why a file's front matter cannot be edited; Line is the
// 1-based file line it concerns.
type Error struct {
	Line   int
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// Set returns src with the front matter key (dotted for nested keys,
// "l10n.sourceCommit") set to value. An existing value is replaced in
// place, in its own quoting style; an absent key is added after the
// top-level key after (such as "lang-ref") or, when there is none, after
// the last key; absent nested mappings are created.
func Set(src []byte, key, value, after string) ([]byte, error) {
	if !keyName.MatchString(key) {
		return nil, &Error{Line: 1, Reason: fmt.Sprintf("%q is not a key langref can write (letters, digits, _ and -, dotted for nested keys)", key)}
	}
	if f := formatOf(src); f != frontmatter.YAML {
		var out []byte
		var err error
		if f == frontmatter.TOML {
			out, err = setTOML(src, key, value, after)
		} else {
			out, err = setJSON(src, key, value)
		}
		if err == nil && readBackAny(out, key) != value {
			return nil, &Error{Line: 1, Reason: fmt.Sprintf("langref cannot add %s to this front matter safely; add it by hand", key)}
		}
		return out, err
	}
	e, err := newEditor(src)
	if err != nil {
		return nil, err
	}
	path := strings.Split(key, ".")
	out, err := e.set(path, value, after)
	if err == nil && readBack(out, path) != value {
		// A layout this editor does not understand: refuse rather than
		// write front matter that says something else.
		return nil, &Error{Line: 1, Reason: fmt.Sprintf("langref cannot add %s to this front matter safely; add it by hand", key)}
	}
	return out, err
}

// readBack returns the value at path in src's front matter, as Jekyll
// reads it, or "".
func readBack(src []byte, path []string) string {
	d := frontmatter.Parse(src)
	if !d.Usable() {
		return ""
	}
	f, ok := d.Get(path[0])
	n := f.YAML()
	for _, k := range path[1:] {
		if !ok || n == nil || n.Kind != yaml.MappingNode {
			return ""
		}
		_, n = lookup(n, k)
		ok = n != nil
	}
	if !ok || n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// editor is one file's front matter, split in lines.
type editor struct {
	src   []byte
	start []int // byte offset of each line; line n starts at start[n-1]
	close int   // line of the closing ---
	eol   string
	doc   *yaml.Node // the top mapping, nil when the front matter is empty
}

func newEditor(src []byte) (*editor, error) {
	d := frontmatter.Parse(src)
	switch {
	case !d.Page:
		return nil, &Error{Line: 1, Reason: "the file has no front matter (its first line is not ---)"}
	case d.Problem != nil:
		return nil, &Error{Line: d.Problem.Line, Reason: "the front matter cannot be read (" + string(d.Problem.Kind) + ")"}
	}
	e := &editor{src: src, close: d.Close, eol: "\n"}
	for i := 0; i < len(src); {
		e.start = append(e.start, i)
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	if bytes.HasPrefix(src[:e.lineEnd(1)+1], []byte("---")) && bytes.HasSuffix(src[:e.lineEnd(1)], []byte("\r")) {
		e.eol = "\r\n"
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src[:e.start[e.close-1]], &root); err != nil {
		return nil, &Error{Line: 1, Reason: err.Error()}
	}
	if len(root.Content) > 0 && root.Content[0].Kind == yaml.MappingNode {
		e.doc = root.Content[0]
	}
	return e, nil
}

// line returns line n without its line break.
func (e *editor) line(n int) string {
	return strings.TrimSuffix(string(e.src[e.start[n-1]:e.lineEnd(n)]), "\r")
}

// lineEnd is the offset of line n's line break (or of the end of src).
func (e *editor) lineEnd(n int) int {
	if n < len(e.start) {
		return e.start[n] - 1
	}
	return len(e.src)
}

func (e *editor) set(path []string, value, after string) ([]byte, error) {
	m, depth := e.doc, 0
	for ; m != nil; depth++ {
		k, v := lookup(m, path[depth])
		if k == nil {
			break
		}
		if depth == len(path)-1 {
			return e.replace(k, v, value)
		}
		switch {
		case v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0:
			m = v
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" && emptyValue(afterColon(e.line(k.Line), k)):
			// "l10n:" with nothing under it yet.
			return e.insert(k.Line, k.Column-1+2, path[depth+1:], value), nil
		default:
			return nil, &Error{Line: k.Line, Reason: fmt.Sprintf("%s is not a block mapping that langref can add %s to", strings.Join(path[:depth+1], "."), path[depth+1])}
		}
	}
	if m == nil || m == e.doc {
		indent := 0
		if e.doc != nil && len(e.doc.Content) > 0 {
			indent = e.doc.Content[0].Column - 1
		}
		return e.insert(e.topPlace(after), indent, path[depth:], value), nil
	}
	last := m.Content[len(m.Content)-2]
	return e.insert(e.entryEnd(last), m.Content[0].Column-1, path[depth:], value), nil
}

// lookup returns the last key node named key in mapping m, and its value.
func lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			k, v = m.Content[i], m.Content[i+1]
		}
	}
	return k, v
}

// topPlace returns the line after which a new top-level key goes: the end
// of the entry after, else of the last entry, else the opening ---.
func (e *editor) topPlace(after string) int {
	if e.doc == nil || len(e.doc.Content) == 0 {
		return 1
	}
	if k, _ := lookup(e.doc, after); k != nil && after != "" {
		return e.entryEnd(k)
	}
	return e.entryEnd(e.doc.Content[len(e.doc.Content)-2])
}

// entryEnd returns the last line of the entry whose key is k: the lines
// after it that are blank or indented deeper belong to it, trailing blank
// lines aside.
func (e *editor) entryEnd(k *yaml.Node) int {
	end := k.Line
	for n := k.Line + 1; n < e.close; n++ {
		l := e.line(n)
		t := strings.TrimLeft(l, " \t")
		if t == "" {
			continue
		}
		if in := len(l) - len(t); in < k.Column-1 || in == k.Column-1 && !strings.HasPrefix(t, "-") {
			break
		}
		end = n
	}
	return end
}

// insert adds the nested keys path, the last set to value, after line n,
// indented by indent spaces.
func (e *editor) insert(n, indent int, path []string, value string) []byte {
	var b strings.Builder
	for i, k := range path {
		b.WriteString(strings.Repeat(" ", indent+2*i) + k + ":")
		if i == len(path)-1 {
			b.WriteString(" " + plain(value))
		}
		b.WriteString(e.eol)
	}
	at := e.start[n] // line n+1 exists: the closing --- is after n
	out := make([]byte, 0, len(e.src)+b.Len())
	out = append(append(append(out, e.src[:at]...), b.String()...), e.src[at:]...)
	return out
}

// replace sets the value v of key k, keeping its quoting style.
func (e *editor) replace(k, v *yaml.Node, value string) ([]byte, error) {
	if v.Kind != yaml.ScalarNode {
		return nil, &Error{Line: k.Line, Reason: fmt.Sprintf("%s holds a %s, not one value", k.Value, kindName(v.Kind))}
	}
	if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || v.Line != k.Line && v.Value != "" || strings.Contains(v.Value, "\n") {
		return nil, &Error{Line: k.Line, Reason: fmt.Sprintf("the value of %s spans several lines; write it on the key's line", k.Value)}
	}
	if e.entryEnd(k) != k.Line {
		return nil, &Error{Line: k.Line, Reason: fmt.Sprintf("the value of %s spans several lines; write it on the key's line", k.Value)}
	}
	lineStart := e.start[k.Line-1]
	text := e.line(k.Line)
	if emptyValue(afterColon(text, k)) {
		// "key:" with no value: add one after the colon.
		at := lineStart + colonAt(text, k) + 1
		return splice(e.src, at, at, " "+plain(value)), nil
	}
	from := byteCol(text, v.Column)
	to, err := valueEnd(text, from, v)
	if err != nil {
		return nil, &Error{Line: k.Line, Reason: err.Error()}
	}
	return splice(e.src, lineStart+from, lineStart+to, styled(v.Style, value)), nil
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

// colonAt returns the byte offset of the colon that ends key k on its line.
func colonAt(text string, k *yaml.Node) int {
	from := byteCol(text, k.Column)
	end := from + len(k.Value) // a plain key as written
	if q := text[from]; q == '"' || q == '\'' {
		end = from + 1 + strings.IndexByte(text[from+1:], q) + 1
	}
	return end + strings.IndexByte(text[end:], ':')
}

func afterColon(text string, k *yaml.Node) string { return text[colonAt(text, k)+1:] }

// emptyValue reports whether the text after a key's colon holds no value.
func emptyValue(s string) bool {
	t := strings.TrimSpace(s)
	return t == "" || strings.HasPrefix(t, "#")
}

// byteCol returns the byte offset of 1-based rune column col in text.
func byteCol(text string, col int) int {
	off := 0
	for i := 1; i < col && off < len(text); i++ {
		_, n := utf8.DecodeRuneInString(text[off:])
		off += n
	}
	return off
}

// valueEnd returns the offset just past the scalar that starts at from.
func valueEnd(text string, from int, v *yaml.Node) (int, error) {
	switch {
	case v.Style&yaml.DoubleQuotedStyle != 0:
		for i := from + 1; i < len(text); i++ {
			switch text[i] {
			case '\\':
				i++
			case '"':
				return i + 1, nil
			}
		}
	case v.Style&yaml.SingleQuotedStyle != 0:
		for i := from + 1; i < len(text); i++ {
			if text[i] == '\'' {
				if i+1 < len(text) && text[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, nil
			}
		}
	default:
		end := len(text)
		if i := strings.Index(text[from:], " #"); i >= 0 {
			end = from + i
		}
		if i := strings.Index(text[from:], "\t#"); i >= 0 && from+i < end {
			end = from + i
		}
		return len(strings.TrimRight(text[:end], " \t")), nil
	}
	return 0, fmt.Errorf("the quoted value does not end on its line")
}

// styled writes value as the style asks.
func styled(s yaml.Style, value string) string {
	switch {
	case s&yaml.DoubleQuotedStyle != 0:
		return `"` + value + `"`
	case s&yaml.SingleQuotedStyle != 0:
		return "'" + value + "'"
	}
	return plain(value)
}

// keyName matches the keys Set writes.
var keyName = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_-]*(\.[A-Za-z0-9_][A-Za-z0-9_-]*)*$`)

// numeric matches values YAML would read as a number rather than a string.
var numeric = regexp.MustCompile(`^[0-9]+([eE][0-9]+)?$`)

// plain writes value unquoted when YAML reads it back as the same string,
// else in double quotes. Commit hashes are hexadecimal.
func plain(value string) string {
	if numeric.MatchString(value) || value == "" || strings.ContainsAny(value, ":#'\"{}[],&*!|>%@`") {
		return `"` + value + `"`
	}
	return value
}

func splice(src []byte, from, to int, s string) []byte {
	out := make([]byte, 0, len(src)-(to-from)+len(s))
	return append(append(append(out, src[:from]...), s...), src[to:]...)
}
