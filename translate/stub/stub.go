// Package stub makes the first draft of a translation: the source page's
// front matter with the translation's own keys, and its body in the site's
// bilingual convention, where each English block is kept in an HTML comment
// above the text a translator overwrites. It also measures how far a
// translation has moved away from such a stub.
package stub

import (
	"bytes"
	"errors"

	"github.com/langref/langref/sync/frontmatter"
)

// Style is how the body of a stub keeps the English text.
type Style string

// The styles of a stub body.
const (
	// Comments keeps each translatable block in an HTML comment followed by
	// a copy to overwrite, the convention of the DLSP20 translations.
	Comments Style = "comments"
	// Plain copies the English body as it is.
	Plain Style = "plain"
)

// Options say what a stub records about its translation.
type Options struct {
	// Lang is the translation's language.
	Lang string
	// Date is the translation date, already written in the site's format.
	Date string
	// BaselineKey is the front matter key that records Baseline, the source
	// commit (or content hash) the translation starts from.
	BaselineKey, Baseline string
	// FrontMatter are the generator's rules for reading the source page;
	// the zero value is Jekyll's. The stub keeps the source's format (YAML,
	// TOML or JSON); a source without front matter gets a block in the
	// first of the rules' formats.
	FrontMatter frontmatter.Rules
	// LangKey is the key naming the translation's language ("lang"); ""
	// writes none, for generators that tell the language by where the file
	// is.
	LangKey string
	// Credit writes the translator and translation-date keys.
	Credit bool
	// Style chooses the body's layout; the zero value means Comments.
	Style Style
	// Memory holds translations of English blocks made elsewhere; may be nil.
	Memory *Memory
	// SourceOnly are the front matter keys the stub leaves out: those only
	// the source page should carry (its address, its redirects). FoldCase
	// compares them without regard to case, as Hugo reads keys.
	SourceOnly []string
	FoldCase   bool
}

// Result is a stub and what went into it.
type Result struct {
	Src []byte
	// Blocks counts the translatable units of the body; Remembered those
	// that translation memory filled in.
	Blocks, Remembered int
	// Left are the source page's keys the stub left out (Options.SourceOnly),
	// as the source writes them, in its order.
	Left []string
}

// ErrNotAPage is returned for a source whose front matter its generator
// cannot read (or, under Jekyll's rules, that has none).
var ErrNotAPage = errors.New("the source has no front matter its generator can read")

// Make returns the stub of the translation of src, a source page.
func Make(src []byte, o Options) (Result, error) {
	if o.FrontMatter.Optional {
		src = trimIntro(src)
	}
	doc := frontmatter.ParseWith(src, o.FrontMatter)
	if !doc.Usable() {
		return Result{}, ErrNotAPage
	}
	var out bytes.Buffer
	out.Write(block(src, doc, o))
	body, n, mem := makeBody(doc, o)
	out.Write(body)
	return Result{Src: out.Bytes(), Blocks: n, Remembered: mem, Left: leftKeys(doc, o)}, nil
}

// trimIntro drops the byte-order mark and blank lines that generators
// reading optional front matter skip before the block.
func trimIntro(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	for {
		n := bytes.IndexByte(src, '\n')
		if n < 0 || len(bytes.TrimSpace(src[:n])) > 0 {
			return src
		}
		src = src[n+1:]
	}
}
