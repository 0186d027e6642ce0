package stub

import (
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
)

// Progress compares a translation with its English page, both whole files:
// total is the number of translatable English blocks, translated the number
// that no longer appear unchanged, outside comments, in the translation.
func Progress(english, translation []byte) (translated, total int) {
	left := map[string]int{}
	for _, b := range translatableBlocks(translation) {
		left[normalize(b.Text)]++
	}
	for _, b := range translatableBlocks(english) {
		total++
		if k := normalize(b.Text); left[k] > 0 {
			left[k]--
			continue
		}
		translated++
	}
	return translated, total
}

func translatableBlocks(src []byte) []blocks.Block {
	doc := frontmatter.Parse(src)
	var out []blocks.Block
	for _, b := range blocks.Parse(doc.Body, doc.BodyLine) {
		if blocks.Translatable(b) && !copyOnce(b.Kind) && words(b.Prose) >= minWords {
			out = append(out, b)
		}
	}
	return out
}

// minWords is the least number of words a block needs to count in
// Progress: shorter ones (names, terms, formulas' captions) are often
// rightly left as they are in a finished translation.
const minWords = 4

func words(s string) int { return len(strings.Fields(s)) }

// IsStub reports whether a translation with this progress is still a stub:
// a quarter or more of its English blocks are unchanged. Finished
// translations rightly keep a few (a list of names, a quotation); on the
// DLSP20 corpus none keeps more than a fifth.
func IsStub(translated, total int) bool {
	return total > 0 && translated*4 < total*3
}
