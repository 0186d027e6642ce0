package blocks

import (
	"fmt"
	"strings"
)

// Shape is one structural element of a page. Two language versions of a
// page that agree have equal skeletons: translation changes prose, never
// shapes.
type Shape struct {
	Kind  Kind
	Level int    // heading level or list depth
	Rows  int    // tables only
	Cols  int    // tables only
	Sig   string // verbatim signature: the block's non-numeric verbatim items joined by " | "
}

// String renders s on one line for reports, e.g. "heading 2 [https://...]".
func (s Shape) String() string {
	out := s.Kind.String()
	if s.Level > 0 {
		out += fmt.Sprintf(" %d", s.Level)
	}
	if s.Kind == Table {
		out += fmt.Sprintf(" %dx%d", s.Rows, s.Cols)
	}
	if s.Sig != "" {
		out += " [" + s.Sig + "]"
	}
	return out
}

// Skeleton returns the structure of a page body: headings, list items,
// tables, code, display math, images, Liquid tags, rules and quotes, plus
// the paragraphs and HTML blocks that hold verbatim material (links, math).
// Comments and numbers are left out, as translations may reword them.
func Skeleton(bs []Block) []Shape {
	var out []Shape
	for _, b := range bs {
		s := Shape{Kind: b.Kind, Level: b.Level, Sig: signature(b.Verbatim)}
		switch b.Kind {
		case Comment, Other:
			continue
		case Paragraph, HTML:
			if s.Sig == "" {
				continue
			}
			s.Level = 0
		case Table:
			s.Rows, s.Cols = TableShape(b.Raw)
		}
		out = append(out, s)
	}
	return out
}

func signature(verb []string) string {
	var keep []string
	for _, v := range verb {
		if !isNumber(v) {
			keep = append(keep, v)
		}
	}
	return strings.Join(keep, " | ")
}

func isNumber(s string) bool {
	ns := numbers(s)
	return len(ns) == 1 && ns[0] == s
}

// TableShape returns the rows and columns of a pipe table's source; the
// delimiter row does not count.
func TableShape(raw string) (rows, cols int) {
	for _, line := range strings.Split(raw, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || isDelimiterRow([]byte(t)) || isIAL([]byte(t)) {
			continue
		}
		rows++
		cols = max(cols, len(cells(t)))
	}
	return rows, cols
}

// cells splits a table row on pipes outside code spans and escapes.
func cells(row string) []string {
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var out []string
	start, code := 0, false
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '`':
			code = !code
		case '|':
			if !code {
				out = append(out, row[start:i])
				start = i + 1
			}
		}
	}
	return append(out, row[start:])
}

// tableText joins the non-empty cells of a table's text with " | ".
func tableText(s string) string {
	var keep []string
	for _, c := range strings.Split(s, "|") {
		if c = strings.TrimSpace(c); c != "" {
			keep = append(keep, c)
		}
	}
	return strings.Join(keep, " | ")
}
