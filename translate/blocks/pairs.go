package blocks

import (
	"slices"
	"strings"
	"sync"
)

// CommentPair is an English original kept in an HTML comment together with
// the translation that follows it, the convention of the French and
// Japanese pages:
//
//	<!-- Here is the English paragraph. -->
//	Voici le paragraphe anglais.
type CommentPair struct {
	Comment Block // the comment block
	// Original is the comment's inner text parsed as markdown, with file lines.
	Original []Block
	// Translation holds the blocks after the comment, up to the next comment.
	// It stops before a heading unless Original holds one.
	Translation []Block
}

// Pairs finds the comments that are directly followed (blank lines aside)
// by a translatable block, and pairs each with its translation.
func Pairs(bs []Block) []CommentPair { return PairsWith(bs, nil) }

// PairsWith is Pairs, with the comments' inner texts parsed through o
// (nil parses each): the translations of one source page keep the same
// source text in their comments.
func PairsWith(bs []Block, o *Originals) []CommentPair {
	var out []CommentPair
	for i, c := range bs {
		if c.Kind != Comment || i+1 >= len(bs) || !Translatable(bs[i+1]) {
			continue
		}
		p := CommentPair{Comment: c, Original: o.of(c)}
		p.Translation = following(bs[i+1:], headings(p.Original))
		out = append(out, p)
	}
	return out
}

// Translatable reports whether b holds prose a translator rewrites.
func Translatable(b Block) bool {
	switch b.Kind {
	case Code, Math, Comment, Liquid, ThematicBreak, Other:
		return false
	}
	return strings.TrimSpace(b.Prose) != ""
}

// original parses the inner text of comment c.
func original(c Block) []Block {
	i := strings.Index(c.Raw, "<!--")
	if i < 0 {
		return nil
	}
	return ParseShared([]byte(commentInner(c.Raw[i:])), c.Line) // a copy of its own
}

// Originals parses the inner texts of comments (see CommentPair.Original)
// once for any number of pages: by the comment's text, whatever its line.
// It is safe for concurrent use; the zero value is ready to use.
type Originals struct {
	mu     sync.Mutex
	parsed map[string][]Block // comment Raw → its original, from line 0
}

// of returns original(c), parsed once per distinct c.Raw: Parse's lines
// are its firstLine plus the line in the text, so the blocks parsed from
// line 0 need only be moved to c's line. A nil o parses every time.
func (o *Originals) of(c Block) []Block {
	if o == nil {
		return original(c)
	}
	o.mu.Lock()
	bs, ok := o.parsed[c.Raw]
	o.mu.Unlock()
	if !ok {
		bs = original(Block{Raw: c.Raw})
		o.mu.Lock()
		if o.parsed == nil {
			o.parsed = map[string][]Block{}
		}
		o.parsed[c.Raw] = bs
		o.mu.Unlock()
	}
	if bs == nil {
		return nil
	}
	out := slices.Clone(bs)
	for i := range out {
		out[i].Line += c.Line
		out[i].EndLine += c.Line
	}
	return out
}

func headings(bs []Block) int {
	n := 0
	for _, b := range bs {
		if b.Kind == Heading {
			n++
		}
	}
	return n
}

// following returns the run of blocks before the next comment, stopping at
// heading number h+1.
func following(bs []Block, h int) []Block {
	for i, b := range bs {
		if b.Kind == Comment {
			return bs[:i]
		}
		if b.Kind == Heading {
			if h--; h < 0 && i > 0 {
				return bs[:i]
			}
		}
	}
	return bs
}
