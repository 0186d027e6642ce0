package frontmatter

import (
	"bytes"
	"strings"
)

// Format is a front matter language, told apart by the block's opening
// delimiter, as Hugo's parser/metadecoders does.
type Format string

// The front matter formats.
const (
	YAML Format = "yaml" // between "---" lines
	TOML Format = "toml" // between "+++" lines
	JSON Format = "json" // a JSON object starting the file
)

// Rules say how a generator reads the top of a file.
type Rules struct {
	// Formats are the front matter formats the generator reads; YAML
	// alone, or no formats, means YAML only.
	Formats []Format
	// Optional is true when a file without front matter is still a page
	// (Hugo, Astro), and leading blank lines and a byte-order mark are
	// skipped before the block, as Hugo's page parser does. When false,
	// Jekyll's rules apply exactly: see Parse.
	Optional bool
}

// Jekyll are Jekyll's rules: YAML front matter that must start the file.
var Jekyll = Rules{Formats: []Format{YAML}}

// FormatOf returns the format whose opening delimiter starts src, and
// whether one does: "---" for YAML, "+++" for TOML, "{" for JSON.
func FormatOf(src []byte) (Format, bool) {
	switch {
	case delimLine(src, "---"):
		return YAML, true
	case delimLine(src, "+++"):
		return TOML, true
	case len(src) > 0 && src[0] == '{':
		return JSON, true
	}
	return "", false
}

// delimLine reports whether src's first line is delim followed only by
// spaces.
func delimLine(src []byte, delim string) bool {
	if !bytes.HasPrefix(src, []byte(delim)) {
		return false
	}
	rest := src[len(delim):]
	line := rest[:lineLen(rest)]
	return len(bytes.TrimRight(line, " \t\r\n")) == 0 && (len(line) > 0 && line[len(line)-1] == '\n' || len(rest) == len(line))
}

func (r Rules) reads(f Format) bool {
	if len(r.Formats) == 0 {
		return f == YAML
	}
	for _, x := range r.Formats {
		if x == f {
			return true
		}
	}
	return false
}

// ParseWith reads the front matter of src under r. With Jekyll's rules it
// is Parse.
func ParseWith(src []byte, r Rules) *Doc {
	if !r.Optional {
		return Parse(src)
	}
	start := skipIntro(src)
	skipped := bytes.Count(src[:start], []byte("\n"))
	text := src[start:]
	f, ok := FormatOf(text)
	if !ok || !r.reads(f) {
		return &Doc{Page: true, Body: src, BodyLine: 1}
	}
	var d *Doc
	switch f {
	case TOML:
		d = parseDelimited(text, "+++", parseTOML)
	case JSON:
		d = parseJSON(text)
	default:
		d = parseDelimited(text, "---", yamlFields)
	}
	d.shift(skipped)
	return d
}

// skipIntro returns the length of the byte-order mark and blank lines that
// Hugo's page parser ignores before front matter.
func skipIntro(src []byte) int {
	i := 0
	if bytes.HasPrefix(src, bom) {
		i = len(bom)
	}
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r' || src[i] == '\n') {
		i++
	}
	// Keep the indentation of the first line that is not blank.
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	return i
}

// shift moves d's lines down by n, for front matter found n lines into the
// file.
func (d *Doc) shift(n int) {
	if n == 0 {
		return
	}
	for i := range d.Fields {
		d.Fields[i].Line += n
	}
	if d.Problem != nil {
		d.Problem.Line += n
	}
	d.BodyLine += n
	if d.Close > 0 {
		d.Close += n
	}
}

// parseDelimited reads a block that opens and closes with a delim line
// and decodes its inside with decode, whose lines it offsets by one (the
// opening line).
func parseDelimited(src []byte, delim string, decode func(text []byte, lineOffset int) ([]Field, *Problem)) *Doc {
	d := &Doc{Page: true}
	off := lineLen(src)
	line := 2
	for off < len(src) {
		n := lineLen(src[off:])
		if string(bytes.TrimRight(src[off:off+n], " \t\r\n")) == delim {
			d.Close = line
			d.Body, d.BodyLine = src[off+n:], line+1
			d.Fields, d.Problem = decode(src[lineLen(src):off], 1)
			return d
		}
		off += n
		line++
	}
	d.Body, d.BodyLine = src, 1
	d.Problem = &Problem{Kind: Unterminated, Line: 1, Col: 1}
	return d
}

// yamlFields decodes a YAML block, leniently when it does not parse.
func yamlFields(text []byte, lineOffset int) ([]Field, *Problem) {
	fields, p := parseYAML(text, lineOffset)
	if p != nil && p.Kind == Syntax {
		fields = lenientFields(text, lineOffset)
	}
	return fields, p
}

// FormatOfExt returns the format of a data file by its extension (".toml",
// ".yaml", ".yml", ".json"), and whether it is one.
func FormatOfExt(ext string) (Format, bool) {
	switch strings.ToLower(ext) {
	case ".toml":
		return TOML, true
	case ".yaml", ".yml":
		return YAML, true
	case ".json":
		return JSON, true
	}
	return "", false
}

// DecodeData reads a whole data file in format f (a string table, say):
// its top-level keys in file order with their lines, as front matter's.
func DecodeData(f Format, src []byte) ([]Field, *Problem) {
	switch f {
	case TOML:
		return parseTOML(src, 0)
	case JSON:
		d := parseJSON(bytes.TrimPrefix(src, bom))
		return d.Fields, d.Problem
	}
	return parseYAML(src, 0)
}
