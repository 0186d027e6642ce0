package blocks

import (
	"bytes"
	"strings"
)

// prescan finds the kramdown and Liquid constructs goldmark does not know:
// $$ display math blocks, Liquid tag lines, {% highlight %} code and {: IAL}
// lines. It returns them as blocks, the IAL line indexes, and a copy of the
// source in which their lines are blanked (offsets unchanged).
type prescan struct {
	l      *lines
	sc     *scratch
	blocks []Block
	ials   []int
	masked []byte
	// deep is the index of the first line nested deeper than MaxPrefix,
	// or -1.
	deep int
}

func scan(l *lines, sc *scratch) *prescan {
	p := &prescan{l: l, sc: sc, deep: -1}
	var fence []byte
	inComment := false
	for i := 0; i < l.n(); i++ {
		t := trimSpace(l.text(i))
		switch {
		case fence != nil:
			if isFenceClose(t, fence) {
				fence = nil
			}
		case inComment:
			inComment = !bytes.Contains(t, []byte("-->"))
		case tooDeep(l.text(i)):
			i = p.tooDeep(i)
		case openFence(t) != nil:
			fence = openFence(t)
		case bytes.HasPrefix(t, []byte("<!--")):
			inComment = !bytes.Contains(t[4:], []byte("-->"))
		default:
			i = p.line(i, t)
		}
	}
	return p
}

// line handles line i (trimmed t) outside code and comments and returns the
// last line it consumed.
func (p *prescan) line(i int, t []byte) int {
	switch {
	case bytes.HasPrefix(t, []byte("$$")):
		return p.math(i, t)
	case isLiquidTag(t) && liquidName(t) == "highlight":
		return p.highlight(i)
	case isLiquidTag(t):
		b := p.l.block(Liquid, i, i)
		b.Verbatim = []string{canonLiquid(string(t))}
		p.add(b, i, i)
	case isIAL(t):
		p.ials = append(p.ials, i)
		p.mask(i, i)
	}
	return i
}

// math recognises a $$ block starting on line i: either one line holding
// only $$...$$ (an IAL may follow), or $$ lines up to a line holding the
// closing $$ with no blank line in between.
func (p *prescan) math(i int, t []byte) int {
	rest := t[2:]
	if j := bytes.Index(rest, []byte("$$")); j >= 0 {
		after := trimSpace(rest[j+2:])
		if len(after) > 0 && !isIAL(after) {
			return i // inline math at the start of a paragraph
		}
		p.addMath(i, i, string(rest[:j]))
		return i
	}
	var content strings.Builder
	content.Write(rest)
	for k := i + 1; k < p.l.n() && !p.l.blank(k); k++ {
		t := p.l.text(k)
		if j := bytes.Index(t, []byte("$$")); j >= 0 {
			content.WriteByte('\n')
			content.Write(t[:j])
			p.addMath(i, k, content.String())
			return k
		}
		content.WriteByte('\n')
		content.Write(t)
	}
	return i
}

func (p *prescan) addMath(a, b int, content string) {
	blk := p.l.block(Math, a, b)
	blk.Verbatim = []string{collapse(content)}
	p.add(blk, a, b)
}

// highlight turns {% highlight lang %} ... {% endhighlight %} into a Code block.
func (p *prescan) highlight(i int) int {
	var code []string
	for k := i + 1; k < p.l.n(); k++ {
		t := trimSpace(p.l.text(k))
		if isLiquidTag(t) && liquidName(t) == "endhighlight" {
			b := p.l.block(Code, i, k)
			b.Verbatim = []string{strings.Join(code, "\n")}
			p.add(b, i, k)
			return k
		}
		code = append(code, p.l.str[p.l.start[k]:p.l.end(k)])
	}
	return i
}

func (p *prescan) add(b Block, first, last int) {
	p.blocks = append(p.blocks, b)
	p.mask(first, last)
}

// mask blanks lines a..b in the copy given to goldmark.
func (p *prescan) mask(a, b int) {
	if p.masked == nil {
		p.masked = append(p.sc.masked[:0], p.l.src...)
		p.sc.masked = p.masked
	}
	for i := p.l.start[a]; i < p.l.end(b); i++ {
		if p.masked[i] != '\n' {
			p.masked[i] = ' '
		}
	}
}

// source returns what goldmark should parse.
func (p *prescan) source() []byte {
	if p.masked == nil {
		return p.l.src
	}
	return p.masked
}

// openFence returns the fence run (``` or ~~~, at least 3) opening a fenced
// code block on trimmed line t, or nil.
func openFence(t []byte) []byte {
	if len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && bytes.IndexByte(t[n:], '`') >= 0) {
		return nil
	}
	return t[:n]
}

func isFenceClose(t, fence []byte) bool {
	n := 0
	for n < len(t) && t[n] == fence[0] {
		n++
	}
	return n >= len(fence) && len(trimSpace(t[n:])) == 0
}

func isLiquidTag(t []byte) bool {
	return bytes.HasPrefix(t, []byte("{%")) && bytes.HasSuffix(t, []byte("%}")) && len(t) >= 4 &&
		bytes.Count(t, []byte("{%")) == 1
}

// liquidName returns the tag name of a Liquid tag such as {% include x %}.
func liquidName(t []byte) string {
	f := strings.Fields(strings.Trim(string(t), "{}%-"))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// isIAL reports whether t is a kramdown attribute list or extension such as
// {: .class} or {::options ...}.
func isIAL(t []byte) bool {
	return bytes.HasPrefix(t, []byte("{:")) && bytes.HasSuffix(t, []byte("}"))
}

// MaxPrefix is the widest container prefix (indentation, block quote
// markers and list markers in front of a line's content, a tab counting
// 4) that Parse hands to goldmark. Goldmark's work on a line grows with
// the number of lists and quotes it is nested in times the line's
// length, so a page nested deeper (a list 65 levels deep, say) would take
// time that grows with the square of its size. Parse keeps such lines
// out of goldmark's way, as one Other block per run of them, and
// TooDeep says where the first one is.
const MaxPrefix = 128

// tooDeep reports whether line t is nested deeper than MaxPrefix.
func tooDeep(t []byte) bool {
	if len(t) <= MaxPrefix/4 {
		return false
	}
	rest := stripContainer(t)
	w := len(t) - len(rest)
	if w <= MaxPrefix/4 {
		return false
	}
	return w+3*bytes.Count(t[:w], []byte{'\t'}) > MaxPrefix
}

// tooDeep takes the run of lines from i nested deeper than MaxPrefix as
// one Other block and returns its last line.
func (p *prescan) tooDeep(i int) int {
	if p.deep < 0 {
		p.deep = i
	}
	k := i
	for k+1 < p.l.n() && tooDeep(p.l.text(k+1)) {
		k++
	}
	b := p.l.block(Other, i, k)
	b.Text = collapse(b.Raw)
	b.Prose = b.Text
	p.add(b, i, k)
	return k
}

// TooDeep returns the file line of the first line of body nested deeper
// than MaxPrefix, or 0 when there is none: the place Parse could not
// split into blocks. firstLine is the file line of body's first byte.
func TooDeep(body []byte, firstLine int) int {
	p := scan(newLines(body, string(body), firstLine), &scratch{})
	if p.deep < 0 {
		return 0
	}
	return p.deep + firstLine
}
