package export

import (
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
)

// heading is one heading of a page with its id.
type heading struct {
	line  int
	title string
	id    string
}

// headings lists the headings of a page with the ids the generator gives
// them.
func headings(src []byte, a Anchors) []heading {
	body, line := frontmatter.SplitBody(src)
	var out []heading
	for _, b := range blocks.Parse(body, line) {
		if b.Kind != blocks.Heading {
			continue
		}
		title, _ := rawHeading(b.Raw)
		if b.Heading != "" {
			title = b.Heading
		}
		out = append(out, heading{line: b.Line, title: title, id: a.Next(b.Raw, b.Text)})
	}
	return out
}

// sections returns the sections of the source page src that hold the
// changed lines, in page order, each with the matching heading of the
// translation tr when both pages have as many headings.
func sections(src, tr []byte, lines []int, newAnchors func() Anchors) []Section {
	hs := headings(src, newAnchors())
	var ths []heading
	if tr != nil {
		ths = headings(tr, newAnchors())
	}
	hit := make([]bool, len(hs))
	for _, l := range lines {
		if i := enclosing(hs, l); i >= 0 {
			hit[i] = true
		}
	}
	out := []Section{}
	for i, h := range hs {
		if !hit[i] {
			continue
		}
		s := Section{Title: h.title, SourceTitle: h.title, SourceAnchor: h.id, Line: h.line}
		if len(ths) == len(hs) {
			s.Title, s.Anchor = ths[i].title, ths[i].id
		}
		out = append(out, s)
	}
	return out
}

// enclosing returns the index of the last heading at or above line, -1
// when the line comes before every heading.
func enclosing(hs []heading, line int) int {
	at := -1
	for i, h := range hs {
		if h.line > line {
			break
		}
		at = i
	}
	return at
}
