// Package blocks splits the markdown body of a Jekyll page (kramdown flavour)
// into a flat sequence of blocks with file line numbers, readable text and
// the verbatim material a translation must copy unchanged.
//
// Block structure comes from goldmark; kramdown features goldmark does not
// know ($$ display math, {: IAL} lines, Liquid tag lines, inline $ math) are
// recognised by a line pre-scan and a custom inline parser.
package blocks

// Kind says what a block is.
type Kind int

// Block kinds. Other is the zero value: anything not recognised below.
const (
	Other         Kind = iota // unrecognised block
	Heading                   // ATX or setext heading
	Paragraph                 // prose paragraph
	ListItem                  // first paragraph of a list item
	Code                      // fenced, indented or {% highlight %} code
	Math                      // display math: a $$ ... $$ block
	HTML                      // raw HTML block (<center>, <div>, <figure>, ...)
	Liquid                    // a line holding only a Liquid {% ... %} tag
	Table                     // pipe table (GFM or kramdown)
	Quote                     // block quote, as one block
	Image                     // a paragraph holding only an image
	Comment                   // an HTML comment <!-- ... --> block
	ThematicBreak             // --- or *** rule
)

var kindNames = [...]string{
	Other:         "other",
	Heading:       "heading",
	Paragraph:     "paragraph",
	ListItem:      "list_item",
	Code:          "code",
	Math:          "math",
	HTML:          "html",
	Liquid:        "liquid",
	Table:         "table",
	Quote:         "quote",
	Image:         "image",
	Comment:       "comment",
	ThematicBreak: "thematic_break",
}

// String returns the snake_case name of k, as used in reports.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "other"
	}
	return kindNames[k]
}

// Block is one segment of a page body, as a translator sees it.
type Block struct {
	Kind    Kind
	Level   int    // heading level; list nesting depth (1 = top level) for list items and paragraphs inside lists
	Line    int    // first file line, 1-based
	EndLine int    // last file line, inclusive
	Raw     string // exact source text of the lines Line..EndLine
	// Text is the readable text: markup removed, whitespace collapsed.
	// Inline code and math stay in it with their delimiters.
	Text string
	// Prose is Text without inline code and math: the words a translator rewrites.
	Prose string
	// Verbatim lists, in order, what a translation copies unchanged: code and
	// math content, link targets, image sources, HTML attribute values,
	// Liquid tags and numbers.
	Verbatim []string
	Heading  string // heading text, for headings
	Comment  string // inner text, trimmed, for comments
}
