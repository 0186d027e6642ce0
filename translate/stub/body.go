package stub

import (
	"regexp"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
)

// unit is a run of blocks that a stub comments out and copies as a whole:
// a heading, a paragraph, a table, a quote, a whole list with what its
// items hold (a comment inside a list would end it), and whatever follows
// a block on the very next line (kramdown may read it as the same block:
// a lazy continuation, a "1)" line, "$$" math inside a paragraph).
type unit struct {
	line, end int // file lines, inclusive
	translate bool
}

// units groups the blocks of a body into units.
func units(bs []blocks.Block) []unit {
	var out []unit
	for i := 0; i < len(bs); i++ {
		u := unit{line: bs[i].Line, end: bs[i].EndLine, translate: translatable(bs[i])}
		list := bs[i].Kind == blocks.ListItem
		for i+1 < len(bs) && (bs[i+1].Line <= u.end+1 || list && inList(bs[i+1])) {
			i++
			u.end = max(u.end, bs[i].EndLine)
			u.translate = u.translate || translatable(bs[i])
			list = list || bs[i].Kind == blocks.ListItem
		}
		out = append(out, u)
	}
	return out
}

// translatable reports whether b is prose a stub comments out and copies.
func translatable(b blocks.Block) bool {
	return blocks.Translatable(b) && !copyOnce(b.Kind)
}

// inList reports whether b continues the list before it: another item, or
// anything indented under an item.
func inList(b blocks.Block) bool {
	return b.Kind == blocks.ListItem || b.Level > 0 || strings.HasPrefix(b.Raw, " ") || strings.HasPrefix(b.Raw, "\t")
}

// copyOnce reports whether blocks of kind k are copied once, outside
// comments: verbatim material and figures.
func copyOnce(k blocks.Kind) bool {
	switch k {
	case blocks.Code, blocks.Math, blocks.HTML, blocks.Liquid, blocks.Image, blocks.Comment, blocks.ThematicBreak, blocks.Other:
		return true
	}
	return false
}

// liquidBlockTag finds the Liquid tags that change how the text after them
// is read ({% raw %}, {% comment %}): a unit holding one is copied once, as
// a commented copy would unbalance them.
var liquidBlockTag = regexp.MustCompile(`\{%-?\s*(end)?(raw|comment|highlight)\b`)

// body lays out the body of a stub.
type body struct {
	lines      []string // the source page, LF line ends, with line breaks
	out        strings.Builder
	o          Options
	remembered int
}

func makeBody(doc *frontmatter.Doc, o Options) ([]byte, int, int) {
	src := strings.ReplaceAll(string(doc.Body), "\r\n", "\n")
	b := &body{lines: make([]string, doc.BodyLine-1), o: o}
	b.lines = append(b.lines, splitLines([]byte(src))...)
	us := units(blocks.Parse([]byte(src), doc.BodyLine))
	next, n := doc.BodyLine, 0
	for _, u := range us {
		b.copyLines(next, u.line-1)
		if u.translate && !liquidBlockTag.MatchString(b.text(u.line, u.end)) {
			b.unit(u)
			n++
		} else {
			b.copyLines(u.line, u.end)
		}
		next = u.end + 1
	}
	b.copyLines(next, len(b.lines))
	return []byte(b.out.String()), n, b.remembered
}

// text returns file lines a..b without the final line break.
func (b *body) text(a, z int) string {
	return strings.TrimSuffix(strings.Join(b.lines[a-1:z], ""), "\n")
}

func (b *body) copyLines(a, z int) {
	for n := a; n <= z && n <= len(b.lines); n++ {
		b.out.WriteString(ensureNewline(b.lines[n-1]))
	}
}

// unit writes a translatable unit: the English in a comment, then the text
// to overwrite, or its translation from memory, each set off by blank
// lines so that kramdown reads the comment as a block of its own.
func (b *body) unit(u unit) {
	raw := b.text(u.line, u.end)
	text := raw
	if m, ok := b.o.Memory.Lookup(raw); ok {
		b.blankLine()
		b.out.WriteString("<!-- langref: from memory, " + m.Where + " -->\n")
		text = m.Text
		b.remembered++
	}
	if b.o.Style != Plain {
		b.blankLine()
		b.out.WriteString("<!--\n" + escapeComment(raw) + "\n-->\n\n")
	} else if text != raw {
		b.out.WriteString("\n")
	}
	b.out.WriteString(text + "\n")
}

// blankLine ends the output so far with an empty line, unless it is empty.
func (b *body) blankLine() {
	s := b.out.String()
	switch {
	case s == "" || strings.HasSuffix(s, "\n\n"):
	case strings.HasSuffix(s, "\n"):
		b.out.WriteString("\n")
	default:
		b.out.WriteString("\n\n")
	}
}

// escapeComment keeps text from closing the comment it is put in.
func escapeComment(s string) string {
	return strings.ReplaceAll(s, "-->", "--&gt;")
}
