package blocks

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// kindMath is the goldmark node kind of inline math.
var kindMath = ast.NewNodeKind("BlocksInlineMath")

// mathSpan is inline math: $...$ or kramdown's $$...$$ inside a paragraph.
type mathSpan struct {
	ast.BaseInline
	content []byte
	display bool
}

func (n *mathSpan) Kind() ast.NodeKind { return kindMath }

func (n *mathSpan) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// mathParser keeps goldmark from reading emphasis or escapes inside math.
type mathParser struct{}

func (mathParser) Trigger() []byte { return []byte{'$'} }

func (mathParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) >= 2 && line[1] == '$' {
		return displaySpan(block)
	}
	j := closingDollar(line)
	if j < 0 {
		return nil
	}
	block.Advance(j + 1)
	// content is the reader's own line: inlineText.math copies what it
	// keeps of it while the source is still there.
	return &mathSpan{content: line[1:j]}
}

// closingDollar returns the index of the $ closing the one at line[0]: the
// next unescaped $ after a non-space, not followed by a digit ("$5 and $10"
// is not math). It returns -1 if there is none on the line.
func closingDollar(line []byte) int {
	if len(line) < 3 || line[1] == ' ' || line[1] == '\t' {
		return -1
	}
	for j := 1; j < len(line); j++ {
		switch {
		case line[j] == '\\':
			j++
		case line[j] == '$' && line[j-1] != ' ' && line[j-1] != '\t' &&
			!(j+1 < len(line) && line[j+1] >= '0' && line[j+1] <= '9'):
			return j
		}
	}
	return -1
}

// displaySpan reads $$...$$, possibly across the lines of the paragraph.
func displaySpan(block text.Reader) ast.Node {
	l, pos := block.Position()
	block.Advance(2)
	var content []byte
	for {
		line, _ := block.PeekLine()
		if line == nil {
			block.SetPosition(l, pos)
			return nil
		}
		if j := bytes.Index(line, []byte("$$")); j >= 0 {
			content = append(content, line[:j]...)
			block.Advance(j + 2)
			return &mathSpan{content: content, display: true}
		}
		content = append(content, line...)
		block.AdvanceLine()
	}
}
