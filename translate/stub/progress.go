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

// MayBeStub is a quick test that rules out most finished translations
// before Progress parses both pages: a stub keeps English blocks unchanged
// outside comments, so at least one English line of minWords words or more
// appears, whitespace aside, in the translation's text outside comments.
// It returns false only when Progress would find no unchanged block whose
// markup is written as in English.
func MayBeStub(english, translation []byte) bool {
	text := collapse(stripComments(string(frontmatter.Parse(translation).Body)))
	for _, line := range strings.Split(string(frontmatter.Parse(english).Body), "\n") {
		if l := collapse(line); words(l) >= minWords && strings.Contains(text, l) {
			return true
		}
	}
	return false
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// stripComments removes HTML comments, where translations keep English on
// purpose.
func stripComments(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.Index(s[i:], "-->")
		if j < 0 {
			return b.String()
		}
		b.WriteString(" ")
		s = s[i+j+3:]
	}
}
