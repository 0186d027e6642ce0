package stub

import (
	"sort"
	"strings"
	gosync "sync"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
)

// Progress compares a translation with its English page, both whole files:
// total is the number of translatable English blocks, translated the number
// that no longer appear unchanged, outside comments, in the translation.
func Progress(english, translation []byte) (translated, total int) {
	return NewSource(english).Progress(translation)
}

// Source is an English page prepared once for stub detection in every
// language: its prose openings for MayBeStub, its translatable blocks for
// Progress (parsed on first use). It is safe for concurrent use.
type Source struct {
	src  []byte
	open openings
	once gosync.Once
	keys []string
}

// NewSource prepares the English page src, a whole file.
func NewSource(src []byte) *Source {
	body, _ := frontmatter.SplitBody(src)
	return &Source{src: src, open: newOpenings(body)}
}

// MayBeStub is a quick test that rules out most finished translations
// before Progress parses both pages: see the package's MayBeStub. Its
// argument is the translation's body (after the front matter).
func (s *Source) MayBeStub(translationBody []byte) bool {
	return s.open.foundIn(translationBody)
}

// Progress is the package's Progress for this source page.
func (s *Source) Progress(translation []byte) (translated, total int) {
	s.once.Do(func() {
		for _, b := range quickBlocks(s.src) {
			s.keys = append(s.keys, normalize(b.Text))
		}
	})
	left := map[string]int{}
	for _, b := range translatableBlocks(translation) {
		left[normalize(b.Text)]++
	}
	for _, k := range s.keys {
		total++
		if left[k] > 0 {
			left[k]--
			continue
		}
		translated++
	}
	return translated, total
}

// quickBlocks returns the translatable blocks of the English page src
// that hold a line MayBeStub looks for (see ProseLines): the blocks
// Progress counts, so that MayBeStub never rules out a page Progress
// calls a stub. A block whose every line is too short, or more code than
// prose, for the quick test has no opening to be found by, and is not
// counted (found by FuzzMake: the block "0A A A A" has four words with a
// letter, but only three of them are words of prose).
func quickBlocks(src []byte) []blocks.Block {
	all := translatableBlocks(src)
	body, first := frontmatter.SplitBody(src)
	var lines []int
	eachProseLineAt(body, func(_ []byte, i int) { lines = append(lines, first+i) })
	out := all[:0]
	for _, b := range all {
		i := sort.SearchInts(lines, b.Line)
		if i < len(lines) && lines[i] <= b.EndLine {
			out = append(out, b)
		}
	}
	return out
}

func translatableBlocks(src []byte) []blocks.Block {
	body, line := frontmatter.SplitBody(src)
	var out []blocks.Block
	for _, b := range blocks.Parse(body, line) {
		if blocks.Translatable(b) && !copyOnce(b.Kind) && words(b.Prose) >= minWords && translatableWords(b) >= minWords {
			out = append(out, b)
		}
	}
	return out
}

// minWords is the least number of words of translatable prose (see
// translatableWords) a block needs to count in Progress: shorter ones
// (names, terms, formulas' captions) are often rightly left as they are
// in a finished translation.
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
// outside comments, so the opening of at least one English prose line (its
// first minWords+1 words, see ProseLines) appears, as whole words and
// whitespace aside, in the translation's text outside comments. Both
// arguments are page bodies (after the front matter).
func MayBeStub(englishBody, translationBody []byte) bool {
	o := newOpenings(englishBody)
	return o.foundIn(translationBody)
}
