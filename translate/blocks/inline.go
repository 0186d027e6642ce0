package blocks

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inlineText gathers the readable text, prose and verbatim material of the
// inline content of goldmark nodes.
type inlineText struct {
	src         []byte
	text, prose strings.Builder
	verb        []string
}

func (x *inlineText) both(s string) {
	x.text.WriteString(s)
	x.prose.WriteString(s)
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
			x.both(" ")
		}
	case *ast.String:
		x.both(string(n.Value))
	case *ast.CodeSpan:
		code := rawText(n, x.src)
		x.text.WriteString("`" + code + "`")
		x.prose.WriteString(" ")
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
		x.text.WriteString(string(n.URL(x.src)))
		x.verb = append(x.verb, string(n.URL(x.src)))
	case *ast.RawHTML:
		x.rawHTML(n)
	case *east.TableCell:
		x.children(n)
		x.both(" | ")
	default:
		x.children(n)
		if n.Type() == ast.TypeBlock {
			x.both(" ")
		}
	}
}

func (x *inlineText) math(n *mathSpan) {
	d := "$"
	if n.display {
		d = "$$"
	}
	m := collapse(string(n.content))
	x.text.WriteString(d + m + d)
	x.prose.WriteString(" ")
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
	x.both(s)
}

// result returns the collapsed text and prose; the numbers of the prose are
// appended to the verbatim list.
func (x *inlineText) result() (text, prose string, verb []string) {
	text = collapse(NormalizeLiquid(stripIAL(x.text.String())))
	prose = collapse(NormalizeLiquid(stripIAL(x.prose.String())))
	return text, prose, append(x.verb, numbers(prose)...)
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

func unescape(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	return string(util.ResolveEntityNames(b))
}

// onlyImage reports whether paragraph p holds one image (possibly linked)
// and nothing else but white space and attribute lists.
func onlyImage(p ast.Node, src []byte) bool {
	images := 0
	var rest strings.Builder
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
			rest.Write(c.Segment.Value(src))
		default:
			return false
		}
	}
	return images == 1 && strings.TrimSpace(stripIAL(rest.String())) == ""
}
