// Package frontmatter reads the YAML front matter of a Jekyll page exactly as
// Jekyll 4 does: whether the file is a page at all, where the block ends, and
// what each key means under Ruby's YAML 1.1 rules.
package frontmatter

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Doc is what Jekyll sees at the top of one file.
type Doc struct {
	// Page is true when Jekyll renders the file as a page: its first line is
	// "---" followed only by whitespace. Otherwise it is a static file.
	Page bool
	// Fields holds every top-level key in file order, duplicates included.
	// For files that are not pages, Fields holds what the author meant to
	// write (read leniently) so that the file can still be paired.
	Fields []Field
	// Problem says why the front matter cannot be used as written, or is
	// nil when Jekyll reads it fine.
	Problem *Problem
	// BodyLine is the 1-based line where the content after the block starts.
	BodyLine int
	// Body is the content after the front matter (the whole file when
	// there is none).
	Body []byte
	// Close is the 1-based line of the closing "---", or 0.
	Close int
}

// Field is one top-level key of the front matter.
type Field struct {
	Key       string
	Line, Col int // position of the key
	Value     Value
	// Node is the parsed value, for callers that need nested keys. It is
	// nil for one-line values, plain or quoted without escapes, which are
	// read without the YAML parser: YAML returns a node for every field.
	Node *yaml.Node

	raw      string // a one-line value without Node, as written, quotes included
	valueCol int    // and its column
}

// YAML returns the parsed value: Node, or for a one-line value read
// without the YAML parser the node the parser would have built.
func (f Field) YAML() *yaml.Node {
	if f.Node != nil || f.valueCol == 0 {
		return f.Node
	}
	return simpleNode(f)
}

// Problem describes front matter that Jekyll cannot use as the author meant.
type Problem struct {
	Kind      ProblemKind
	Line, Col int
	Detail    string // the parser's own words, when there are some
}

// ProblemKind names one way front matter can go wrong.
type ProblemKind string

// The kinds of front matter problems.
const (
	// BOM: a UTF-8 byte-order mark precedes the opening "---"; Jekyll
	// copies the file as a static file.
	BOM ProblemKind = "bom"
	// LeadingBlank: blank lines or spaces precede the opening "---".
	LeadingBlank ProblemKind = "leading-blank"
	// MissingOpen: the file starts with key: value lines closed by "---"
	// but has no opening "---".
	MissingOpen ProblemKind = "missing-open"
	// Unterminated: the block never closes, so the whole file is content.
	Unterminated ProblemKind = "unterminated"
	// Syntax: the YAML does not parse; Jekyll warns and uses empty data.
	Syntax ProblemKind = "syntax"
	// NotMapping: the YAML is a list or scalar; Jekyll aborts the build.
	NotMapping ProblemKind = "not-mapping"
	// InvalidUTF8: the file is not UTF-8; Jekyll gives it empty data and
	// kramdown then fails the build.
	InvalidUTF8 ProblemKind = "invalid-utf8"
)

// Usable reports whether Jekyll reads the fields of d: the file is a page and
// its front matter parsed.
func (d *Doc) Usable() bool {
	return d.Page && d.Problem == nil
}

// Get returns the value Jekyll uses for key: the last occurrence wins.
func (d *Doc) Get(key string) (Field, bool) {
	for i := len(d.Fields) - 1; i >= 0; i-- {
		if d.Fields[i].Key == key {
			return d.Fields[i], true
		}
	}
	return Field{}, false
}

// Duplicates returns, for each key that occurs more than once, all its
// occurrences in file order.
func (d *Doc) Duplicates() [][]Field {
	seen := map[string]int{}
	var out [][]Field
	for _, f := range d.Fields {
		i, ok := seen[f.Key]
		if !ok {
			seen[f.Key] = len(out)
			out = append(out, []Field{f})
			continue
		}
		out[i] = append(out[i], f)
	}
	dups := out[:0]
	for _, fs := range out {
		if len(fs) > 1 {
			dups = append(dups, fs)
		}
	}
	return dups
}

var bom = []byte("\xef\xbb\xbf")

// SplitBody returns the body of a page and the line it starts on, without
// reading the front matter's fields: Parse(src).Body and BodyLine for YAML
// front matter, and the same for TOML (+++) and JSON front matter at the
// start of the file (pages of Hugo), which Parse does not read.
func SplitBody(src []byte) ([]byte, int) {
	if !isHeader(src) {
		if f, ok := FormatOf(src); ok && f != YAML {
			d := ParseWith(src, Rules{Formats: []Format{f}, Optional: true})
			if d.Problem == nil {
				return d.Body, d.BodyLine
			}
		}
		return src, 1
	}
	yamlText, bodyLine, ok := cut(src)
	if !ok {
		return src, 1
	}
	return src[len(yamlText)+lineLen(src[len(yamlText):]):], bodyLine
}

// Parse reads the front matter of src. Only the Doc's Body refers to
// src: callers may reuse src once they have dropped the Body.
func Parse(src []byte) *Doc {
	if isHeader(src) {
		return parsePage(src)
	}
	d := &Doc{Body: src, BodyLine: 1}
	d.Problem, d.Fields = meantFrontMatter(src)
	return d
}

// isHeader is Jekyll's Utils.has_yaml_header?: the first line matches
// \A---\s*\r?\n.
func isHeader(src []byte) bool {
	if !bytes.HasPrefix(src, []byte("---")) {
		return false
	}
	for _, c := range src[3:] {
		switch c {
		case '\n':
			return true
		case ' ', '\t', '\r', '\f', '\v':
		default:
			return false
		}
	}
	return false
}

func parsePage(src []byte) *Doc {
	d := &Doc{Page: true}
	yamlText, bodyLine, ok := cut(src)
	if !ok {
		d.Body, d.BodyLine = src, 1
		d.Problem = &Problem{Kind: Unterminated, Line: 1, Col: 1}
		d.Fields = lenientFields(src, 0)
		return d
	}
	d.Close = bodyLine - 1
	d.Body, d.BodyLine = src[len(yamlText)+lineLen(src[len(yamlText):]):], bodyLine
	if !utf8.Valid(src) {
		d.Problem = &Problem{Kind: InvalidUTF8, Line: invalidLine(src), Col: 1}
		return d
	}
	if fields, ok := simpleFields(yamlText); ok {
		d.Fields = fields
		return d
	}
	d.Fields, d.Problem = parseYAML(yamlText, 0)
	if d.Problem != nil && d.Problem.Kind == Syntax {
		d.Fields = lenientFields(yamlText, 0)
	}
	return d
}

// cut finds the closing line of the block the way Jekyll's
// YAML_FRONT_MATTER_REGEXP does: the first later line that is "---" or
// "..." followed only by whitespace. It returns the YAML text (opening line
// included) and the line where the body starts.
func cut(src []byte) (yamlText []byte, bodyLine int, ok bool) {
	off := bytes.IndexByte(src, '\n') + 1
	line := 2
	for off < len(src) {
		n := lineLen(src[off:])
		if isCloser(src[off : off+n]) {
			return src[:off], line + 1, true
		}
		off += n
		line++
	}
	return nil, 0, false
}

func lineLen(b []byte) int {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return i + 1
	}
	return len(b)
}

func isCloser(line []byte) bool {
	t := bytes.TrimRight(line, " \t\r\n\f\v")
	return bytes.Equal(t, []byte("---")) || bytes.Equal(t, []byte("..."))
}

func invalidLine(src []byte) int {
	line := 1
	for len(src) > 0 {
		r, n := utf8.DecodeRune(src)
		if r == utf8.RuneError && n == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		src = src[n:]
	}
	return line
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses a front matter block; lineOffset is added to the YAML
// parser's line numbers to make them file lines.
func parseYAML(text []byte, lineOffset int) ([]Field, *Problem) {
	var root yaml.Node
	if err := yaml.Unmarshal(text, &root); err != nil {
		return nil, syntaxProblem(text, err, lineOffset)
	}
	if len(root.Content) == 0 {
		return nil, nil // empty front matter is an empty mapping
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		if doc.Kind == yaml.ScalarNode && resolve(doc).Kind == Null {
			return nil, nil
		}
		return nil, &Problem{Kind: NotMapping, Line: doc.Line + lineOffset, Col: doc.Column}
	}
	fields := make([]Field, 0, len(doc.Content)/2)
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		fields = append(fields, Field{
			Key: k.Value, Line: k.Line + lineOffset, Col: k.Column,
			Value: resolve(v), Node: v,
		})
	}
	return fields, nil
}

func syntaxProblem(text []byte, err error, lineOffset int) *Problem {
	msg := err.Error()
	p := &Problem{Kind: Syntax, Line: 1 + lineOffset, Col: 1, Detail: strings.TrimPrefix(msg, "yaml: ")}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		p.Detail = m[2]
	}
	p.Line = ErrorLine(text, err) + lineOffset
	return p
}

// ErrorLine returns the 1-based line of text where a YAML syntax error
// is. The parser often reports the line of the enclosing block instead, so
// this finds the shortest run of leading lines that already fails to parse
// for a reason other than ending early; it falls back to the parser's line.
func ErrorLine(text []byte, err error) int {
	off := 0
	for line := 1; off < len(text); line++ {
		off += lineLen(text[off:])
		var n yaml.Node
		e := yaml.Unmarshal(text[:off], &n)
		if e != nil && !strings.Contains(e.Error(), "end of stream") && !strings.Contains(e.Error(), "could not find expected") {
			return line
		}
	}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return max(n, 1)
	}
	return 1
}

// meantFrontMatter looks at a file Jekyll treats as static and decides
// whether its author clearly meant it to have front matter. It returns the
// problem and the fields the author meant.
func meantFrontMatter(src []byte) (*Problem, []Field) {
	if bytes.HasPrefix(src, bom) && isHeader(src[len(bom):]) {
		return &Problem{Kind: BOM, Line: 1, Col: 1}, meantFields(src[len(bom):], 0)
	}
	trimmed := bytes.TrimLeft(src, " \t\r\n")
	if len(trimmed) < len(src) && isHeader(trimmed) {
		skipped := bytes.Count(src[:len(src)-len(trimmed)], []byte("\n"))
		return &Problem{Kind: LeadingBlank, Line: 1, Col: 1}, meantFields(trimmed, skipped)
	}
	return missingOpen(src)
}

func meantFields(src []byte, lineOffset int) []Field {
	text, _, ok := cut(src)
	if !ok {
		return nil
	}
	fields, p := parseYAML(text, lineOffset)
	if p != nil {
		return lenientFields(text, lineOffset)
	}
	return fields
}

// missingOpen recognises a file whose first lines are key: value pairs
// closed by "---" with the opening line lost. At least two keys are needed,
// so that prose followed by a thematic break is not mistaken for it.
func missingOpen(src []byte) (*Problem, []Field) {
	off, line, start := 0, 1, 0
	for off < len(src) && len(bytes.TrimSpace(src[off:off+lineLen(src[off:])])) == 0 {
		off += lineLen(src[off:])
		line++
	}
	start = line
	begin := off
	if off >= len(src) || !keyLine.Match(bytes.TrimRight(src[off:off+lineLen(src[off:])], "\r\n")) {
		return nil, nil
	}
	for off < len(src) && line-start < 40 {
		n := lineLen(src[off:])
		if isCloser(src[off : off+n]) {
			fields, p := parseYAML(src[begin:off], start-1)
			if p != nil || len(fields) < 2 {
				return nil, nil
			}
			return &Problem{Kind: MissingOpen, Line: start, Col: 1}, fields
		}
		off += n
		line++
	}
	return nil, nil
}

var keyLine = regexp.MustCompile(`^([A-Za-z_][\w.\- ]*?)\s*:(?:\s+(.*?))?\s*$`)

// lenientFields reads top-level "key: value" lines one by one, for front
// matter that does not parse as a whole. Values are read as YAML scalars
// where possible.
func lenientFields(text []byte, lineOffset int) []Field {
	var fields []Field
	for i, line := range strings.Split(string(text), "\n") {
		m := keyLine.FindStringSubmatch(strings.TrimRight(line, "\r"))
		if m == nil {
			continue
		}
		v := Value{Kind: Null}
		var node yaml.Node
		if yaml.Unmarshal([]byte(m[2]), &node) == nil && len(node.Content) == 1 {
			v = resolve(node.Content[0])
		} else if m[2] != "" {
			v = Value{Kind: String, Text: m[2]}
		}
		fields = append(fields, Field{Key: m[1], Line: i + 1 + lineOffset, Col: 1, Value: v})
	}
	return fields
}
