package blocks

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inlineText gathers the readable text, prose and verbatim material of the
// inline content of goldmark nodes. Its buffers may be reused (see reset).
type inlineText struct {
	src         []byte
	text, prose []byte
	out         []byte // text collapsed (see result)
	outProse    []byte // prose collapsed
	split       bool   // prose differs from text
	verb        []string
}

// reset empties x for the inlines of src, keeping its buffers.
func (x *inlineText) reset(src []byte, verb []string) {
	*x = inlineText{src: src, text: x.text[:0], prose: x.prose[:0], out: x.out, outProse: x.outProse, verb: verb}
}

func (x *inlineText) both(b []byte) {
	x.text = append(x.text, b...)
	x.prose = append(x.prose, b...)
}

func (x *inlineText) bothString(s string) {
	x.text = append(x.text, s...)
	x.prose = append(x.prose, s...)
}

// textOnly writes s to the text and t to the prose.
func (x *inlineText) textOnly(s, t string) {
	x.text = append(x.text, s...)
	x.prose = append(x.prose, t...)
	x.split = true
}

func (x *inlineText) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		x.node(c)
	}
}

func (x *inlineText) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		x.both(unescape(n.Segment.Value(x.src)))
		if n.SoftLineBreak() || n.HardLineBreak() {
			x.bothString(" ")
		}
	case *ast.String:
		x.both(n.Value)
	case *ast.CodeSpan:
		code := rawText(n, x.src)
		x.textOnly("`", " ")
		x.textOnly(code, "")
		x.textOnly("`", "")
		x.verb = append(x.verb, code)
	case *mathSpan:
		x.math(n)
	case *ast.Link:
		x.children(n)
		x.verb = append(x.verb, NormalizeLiquid(string(n.Destination)))
	case *ast.Image:
		x.children(n)
		x.verb = append(x.verb, NormalizeLiquid(string(n.Destination)))
	case *ast.AutoLink:
		url := string(n.URL(x.src))
		x.textOnly(url, "")
		x.verb = append(x.verb, url)
	case *ast.RawHTML:
		x.rawHTML(n)
	case *east.TableCell:
		x.children(n)
		x.bothString(" | ")
	default:
		x.children(n)
		if n.Type() == ast.TypeBlock {
			x.bothString(" ")
		}
	}
}

func (x *inlineText) math(n *mathSpan) {
	d := "$"
	if n.display {
		d = "$$"
	}
	m := collapseBytes(n.content)
	x.textOnly(d, " ")
	x.textOnly(m, "")
	x.textOnly(d, "")
	x.verb = append(x.verb, m)
}

func (x *inlineText) rawHTML(n *ast.RawHTML) {
	var tag strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		tag.Write(seg.Value(x.src))
	}
	s, verb := stripTags(tag.String(), x.verb)
	x.verb = verb
	x.bothString(s)
}

// result returns the collapsed text and prose; the numbers of the prose are
// appended to the verbatim list.
func (x *inlineText) result() (text, prose string, verb []string) {
	if !x.split && !needsFinish(x.text) {
		text = collapseBytes(x.text)
		return text, text, append(x.verb, numbers(text)...)
	}
	if !x.split || needsFinish(x.text) || needsFinish(x.prose) {
		text = finish(x.text)
		prose = text
		if x.split {
			prose = finish(x.prose)
		}
		return text, prose, append(x.verb, numbers(prose)...)
	}
	// Both collapsed into one buffer: one allocation for the two.
	x.out = appendCollapsed(x.out[:0], x.text)
	x.outProse = appendCollapsed(x.outProse[:0], x.prose)
	both := make([]byte, 0, len(x.out)+len(x.outProse))
	both = append(append(both, x.out...), x.outProse...)
	text, prose = ownString(both[:len(x.out)]), ""
	if len(both) > len(x.out) {
		prose = ownString(both[len(x.out):])
	}
	return text, prose, append(x.verb, numbers(prose)...)
}

// needsFinish reports whether finish must normalise gathered text b
// beyond collapsing it: it holds an inline attribute list or Liquid.
func needsFinish(b []byte) bool {
	return bytes.Contains(b, []byte("{:")) || bytes.Contains(b, []byte("{{")) || bytes.Contains(b, []byte("{%"))
}

// finish collapses gathered text, its Liquid normalised and its inline
// attribute lists removed.
func finish(b []byte) string {
	if needsFinish(b) {
		return collapse(NormalizeLiquid(stripIAL(string(b))))
	}
	return collapseBytes(b)
}

// rawText concatenates the raw text children of n (a code span).
func rawText(n ast.Node, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Segment.Value(src))
		}
	}
	return b.String()
}

// unescape resolves backslash escapes and character references; the
// result may be b itself.
func unescape(b []byte) []byte {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 {
		return b
	}
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	return util.ResolveEntityNames(b)
}

// onlyImage reports whether paragraph p holds one image (possibly linked)
// and nothing else but white space and attribute lists.
func onlyImage(p ast.Node, src []byte) bool {
	images := 0
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			images++
		case *ast.Link:
			if _, ok := c.FirstChild().(*ast.Image); !ok || c.ChildCount() != 1 {
				return false
			}
			images++
		case *ast.Text:
		default:
			return false
		}
	}
	if images != 1 {
		return false // most paragraphs: their text is not read
	}
	var rest strings.Builder
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			rest.Write(t.Segment.Value(src))
		}
	}
	return strings.TrimSpace(stripIAL(rest.String())) == ""
}
