package blocks

import "strings"

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
func Pairs(bs []Block) []CommentPair {
	var out []CommentPair
	for i, c := range bs {
		if c.Kind != Comment || i+1 >= len(bs) || !Translatable(bs[i+1]) {
			continue
		}
		p := CommentPair{Comment: c, Original: original(c)}
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
	return Parse([]byte(commentInner(c.Raw[i:])), c.Line)
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
