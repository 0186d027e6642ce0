package blocks

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md parses block structure; it is safe for concurrent use.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Table),
	goldmark.WithParserOptions(parser.WithInlineParsers(util.Prioritized(mathParser{}, 150))),
).Parser()

// Parse splits body, the markdown of a page after its front matter, into
// blocks in source order. firstLine is the file line of body's first byte,
// so that block lines are file lines. It is safe for concurrent use.
func Parse(body []byte, firstLine int) []Block {
	if len(body) == 0 {
		return nil
	}
	return parse(newLines(body, string(body), firstLine))
}

// ParseShared is Parse for a body that is never modified again, such as
// the contents of a file read for good: the blocks' strings share body's
// memory instead of a copy of it.
func ParseShared(body []byte, firstLine int) []Block {
	if len(body) == 0 {
		return nil
	}
	return parse(newLines(body, unsafe.String(&body[0], len(body)), firstLine))
}

// parse is Parse of the body l indexes.
func parse(l *lines) []Block {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	pre := scan(l, sc)
	src := pre.source()
	w := &walker{l: l, src: src, sc: sc, out: make([]Block, 0, estimateBlocks(l)+len(pre.blocks))}
	w.block(md.Parse(text.NewReader(src)), 0)
	out := append(w.out, pre.blocks...)
	if len(out) == 0 {
		return nil
	}
	slices.SortStableFunc(out, func(a, b Block) int { return a.Line - b.Line })
	return attachIALs(l, out, pre.ials)
}

// scratch holds the buffers one Parse call works in; none of the blocks it
// returns refers to them.
type scratch struct {
	x      inlineText // text of the block being filled
	masked []byte     // the source with the pre-scan's lines blanked
	html   []byte     // the markdown left in an HTML block
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// estimateBlocks guesses the number of blocks from the number of
// paragraphs, runs of non-blank lines.
func estimateBlocks(l *lines) int {
	n, blank := 0, true
	for i := range l.n() {
		b := l.blank(i)
		if blank && !b {
			n++
		}
		blank = b
	}
	return n + n/4
}

// attachIALs makes each {: ...} line part of the block before it.
func attachIALs(l *lines, bs []Block, ials []int) []Block {
	k := 0
	for _, i := range ials {
		line := i + l.first
		for k+1 < len(bs) && bs[k+1].Line < line {
			k++
		}
		if len(bs) > 0 && bs[k].Line < line && bs[k].EndLine < line {
			bs[k].EndLine = line
			bs[k].Raw = l.raw(bs[k].Line-l.first, i)
		}
	}
	return bs
}

// walker turns a goldmark tree into flat blocks.
type walker struct {
	l      *lines
	src    []byte
	sc     *scratch
	out    []Block
	cursor int // line index after the last block emitted
}

func (w *walker) emit(b Block) {
	w.out = append(w.out, b)
	w.cursor = b.EndLine - w.l.first + 1
}

func (w *walker) block(n ast.Node, depth int) {
	switch n := n.(type) {
	case *ast.Heading:
		w.heading(n)
	case *ast.Paragraph, *ast.TextBlock:
		w.emit(w.paragraph(n, depth))
	case *ast.List:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.item(c, depth+1)
		}
	case *ast.Blockquote:
		w.quote(n)
	case *ast.FencedCodeBlock:
		w.fenced(n)
	case *ast.CodeBlock:
		w.code(n)
	case *ast.HTMLBlock:
		w.html(n)
	case *ast.ThematicBreak:
		a := w.find(func(t []byte) bool { return isBreak(stripContainer(t)) })
		w.emit(w.l.block(ThematicBreak, a, a))
	case *east.Table:
		w.table(n)
	default:
		w.other(n, depth)
	}
}

func (w *walker) other(n ast.Node, depth int) {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 && !n.HasChildren() {
		a, b, _ := w.span(n)
		w.emit(w.l.block(Other, a, b))
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c, depth)
	}
}

// span returns the first and last line index covered by n and its descendants.
func (w *walker) span(n ast.Node) (a, b int, ok bool) {
	lo, hi := w.segments(n, len(w.src), -1)
	if hi < 0 {
		return w.l.n(), -1, false
	}
	return w.l.of(lo), w.l.of(hi), true
}

// segments widens [lo, hi], the first and last source offsets seen, with
// the lines of the blocks and the text segments of n and its descendants.
func (w *walker) segments(n ast.Node, lo, hi int) (int, int) {
	see := func(s text.Segment) {
		lo, hi = min(lo, s.Start), max(hi, s.Start, s.Stop-1)
	}
	if n.Type() == ast.TypeBlock {
		ls := n.Lines()
		for i := 0; i < ls.Len(); i++ {
			see(ls.At(i))
		}
	} else if t, ok := n.(*ast.Text); ok && t.Segment.Len() > 0 {
		see(t.Segment)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		lo, hi = w.segments(c, lo, hi)
	}
	return lo, hi
}

// find returns the first line at or after the cursor for which ok holds,
// or the cursor itself. Lines the pre-scan took are blank to it.
func (w *walker) find(ok func([]byte) bool) int {
	for i := w.cursor; i < w.l.n(); i++ {
		if ok(w.src[w.l.start[i]:w.l.end(i)]) {
			return i
		}
	}
	return min(w.cursor, w.l.n()-1)
}

// fill sets the text, prose and verbatim material of b from n's inlines.
func (w *walker) fill(b *Block, n ast.Node) {
	x := &w.sc.x
	x.reset(w.src, nil)
	x.node(n)
	b.Text, b.Prose, b.Verbatim = x.result()
}

func (w *walker) heading(n *ast.Heading) {
	a, b, ok := w.span(n)
	if !ok {
		a = w.find(func(t []byte) bool { return bytes.HasPrefix(stripContainer(t), []byte("#")) })
		b = a
	} else if !bytes.HasPrefix(stripContainer(w.l.text(a)), []byte("#")) && b+1 < w.l.n() && isSetextLine(stripContainer(w.l.text(b+1))) {
		b++
	}
	blk := w.l.block(Heading, a, b)
	blk.Level = n.Level
	w.fill(&blk, n)
	blk.Heading = blk.Text
	w.emit(blk)
}

func (w *walker) paragraph(n ast.Node, depth int) Block {
	a, b, _ := w.span(n)
	blk := w.l.block(Paragraph, a, b)
	blk.Level = depth
	w.fill(&blk, n)
	switch {
	case w.pipeRows(a, b):
		blk.Kind = Table
		blk.Text, blk.Prose = tableText(blk.Text), tableText(blk.Prose)
	case onlyImage(n, w.src):
		blk.Kind = Image
	}
	return blk
}

// pipeRows reports whether every line a..b starts with a pipe: a kramdown
// table, which needs no delimiter row.
func (w *walker) pipeRows(a, b int) bool {
	for i := a; i <= b; i++ {
		if !bytes.HasPrefix(trimLeft(w.l.text(i)), []byte("|")) {
			return false
		}
	}
	return true
}

// item emits a list item: its first paragraph as a ListItem block, then
// its other children.
func (w *walker) item(n ast.Node, depth int) {
	first := n.FirstChild()
	switch first.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		blk := w.paragraph(first, depth)
		if blk.Kind == Paragraph {
			blk.Kind = ListItem
		}
		w.emit(blk)
		first = first.NextSibling()
	default:
		a := w.find(func(t []byte) bool { return len(trimLeft(t)) > 0 })
		blk := w.l.block(ListItem, a, a)
		blk.Level = depth
		w.out = append(w.out, blk)
	}
	for c := first; c != nil; c = c.NextSibling() {
		w.block(c, depth)
	}
}

func (w *walker) quote(n *ast.Blockquote) {
	a, b, ok := w.span(n)
	if !ok {
		a = w.find(func(t []byte) bool { return bytes.HasPrefix(trimLeft(t), []byte(">")) })
		b = a
	}
	blk := w.l.block(Quote, a, b)
	w.fill(&blk, n)
	w.emit(blk)
}

func (w *walker) table(n *east.Table) {
	a, b, ok := w.span(n)
	first := w.find(func(t []byte) bool { return len(trimLeft(t)) > 0 })
	if !ok {
		a, b = first, first
	}
	a = min(a, first) // the header row may have no text
	if b+1 < w.l.n() && isDelimiterRow(w.l.text(b+1)) {
		b++
	}
	blk := w.l.block(Table, a, b)
	w.fill(&blk, n)
	blk.Text, blk.Prose = tableText(blk.Text), tableText(blk.Prose)
	w.emit(blk)
}

// content joins the lines of a leaf block.
func (w *walker) content(n ast.Node) string {
	ls := n.Lines()
	if ls.Len() == 0 {
		return ""
	}
	if lo, hi, ok := w.contiguous(ls); ok {
		return strings.TrimRight(w.l.str[lo:hi], "\r\n")
	}
	var s strings.Builder
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		s.Write(seg.Value(w.src))
	}
	return strings.TrimRight(s.String(), "\r\n")
}

// contiguous reports whether the segments ls follow one another in the
// source without padding, and the same in the body the blocks share
// (the pre-scan blanked none of their lines): their value is then the
// body's bytes lo..hi, which the block may share instead of a copy.
func (w *walker) contiguous(ls *text.Segments) (lo, hi int, ok bool) {
	lo, hi = ls.At(0).Start, ls.At(0).Start
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		if seg.Start != hi || seg.Padding != 0 || seg.ForceNewline {
			return 0, 0, false
		}
		hi = seg.Stop
	}
	if hi > len(w.l.str) || w.l.str[lo:hi] != string(w.src[lo:hi]) {
		return 0, 0, false
	}
	return lo, hi, true
}

func (w *walker) fenced(n *ast.FencedCodeBlock) {
	var a int
	lines := n.Lines()
	switch {
	case n.Info != nil:
		a = w.l.of(n.Info.Segment.Start)
	case lines.Len() > 0:
		a = w.l.of(lines.At(0).Start) - 1
	default:
		a = w.find(func(t []byte) bool { return openFence(stripContainer(t)) != nil })
	}
	a = max(a, 0)
	b := a
	if lines.Len() > 0 {
		b = w.l.of(lines.At(lines.Len() - 1).Start)
	}
	if f := openFence(stripContainer(w.l.text(a))); f != nil && b+1 < w.l.n() && isFenceClose(stripContainer(w.l.text(b+1)), f) {
		b++
	}
	blk := w.l.block(Code, a, b)
	blk.Verbatim = []string{w.content(n)}
	w.emit(blk)
}

func (w *walker) code(n *ast.CodeBlock) {
	a, b, ok := w.span(n)
	if !ok {
		return
	}
	blk := w.l.block(Code, a, b)
	blk.Verbatim = []string{w.content(n)}
	w.emit(blk)
}

func (w *walker) html(n *ast.HTMLBlock) {
	a, b, ok := w.span(n)
	if n.HasClosure() {
		c := w.l.of(n.ClosureLine.Start)
		a, b, ok = min(a, c), max(b, c), true
	}
	if !ok {
		return
	}
	blk := w.l.block(HTML, a, b)
	if n.HTMLBlockType == ast.HTMLBlockType2 {
		blk.Kind = Comment
		blk.Comment = strings.TrimSpace(commentInner(blk.Raw))
		blk.Text = collapse(blk.Comment)
	} else {
		w.htmlText(&blk)
	}
	w.emit(blk)
}

// commentInner returns the text between <!-- and the last -->.
func commentInner(raw string) string {
	i := strings.Index(raw, "<!--")
	if i < 0 {
		return raw
	}
	raw = raw[i+4:]
	if j := strings.LastIndex(raw, "-->"); j >= 0 {
		raw = raw[:j]
	}
	return raw
}

// htmlText fills an HTML block's text from the markdown left once its tags
// are removed, and its verbatim list from attribute values.
func (w *walker) htmlText(b *Block) {
	s, verb := stripTags(b.Raw, nil)
	src := w.sc.html[:0]
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			src = append(src, '\n')
		}
		src = append(src, strings.TrimSpace(line)...)
	}
	w.sc.html = src
	x := &w.sc.x
	x.reset(src, verb)
	if plain(src) {
		x.both(src)
	} else {
		x.node(md.Parse(text.NewReader(src)))
	}
	b.Text, b.Prose, b.Verbatim = x.result()
}

// plain reports whether src, lines without leading or trailing white space,
// holds no markdown but paragraphs: its text is then src itself, once
// collapsed.
func plain(src []byte) bool {
	start := true
	for _, c := range src {
		switch {
		case c == '\n':
			start = true
			continue
		case start && !isLetter(c) && c < utf8.RuneSelf:
			return false
		case c < ' ' || c == 0x7f || strings.IndexByte("\\&`*_[]<>|~$", c) >= 0:
			return false
		}
		start = false
	}
	return true
}
