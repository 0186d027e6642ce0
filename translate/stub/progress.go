package stub

import (
	"bytes"
	"strings"
	gosync "sync"
	"unsafe"

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
	src   []byte
	lines []string
	once  gosync.Once
	keys  []string
}

// NewSource prepares the English page src, a whole file.
func NewSource(src []byte) *Source {
	return &Source{src: src, lines: ProseLines(frontmatter.Parse(src).Body)}
}

// MayBeStub is the package's MayBeStub for this source page.
func (s *Source) MayBeStub(translationBody []byte) bool {
	return MayBeStub(s.lines, translationBody)
}

// Progress is the package's Progress for this source page.
func (s *Source) Progress(translation []byte) (translated, total int) {
	s.once.Do(func() {
		for _, b := range translatableBlocks(s.src) {
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
// outside comments, so at least one English prose line of minWords words
// or more appears, whitespace aside, in the translation's text outside
// comments. Both arguments are page bodies (after the front matter);
// lines are the English body's ProseLines.
func MayBeStub(lines []string, translationBody []byte) bool {
	if len(lines) == 0 {
		return false
	}
	text := visibleText(translationBody)
	for _, l := range lines {
		if strings.Contains(text, l) {
			return true
		}
	}
	return false
}

// ProseLines returns the openings (first minWords+1 words, single-spaced)
// of the lines of an English body that a stub would keep and a
// translation would not: prose outside code, math, HTML and tables. An
// opening is enough to find a kept line, and cheaper than the whole.
func ProseLines(body []byte) []string {
	var out []string
	fenced, math := false, false
	for _, line := range strings.Split(string(body), "\n") {
		l := collapse(line)
		if strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
			fenced = !fenced
		}
		if strings.Count(l, "$$")%2 == 1 {
			math = !math
		}
		if !fenced && !math && !copied(l) && proseWords(l) >= minWords {
			out = append(out, opening(l))
		}
	}
	return out
}

// proseWords counts the words of l that look like prose (letters, maybe
// between brackets or followed by punctuation), or 0 when they are not two
// thirds of the line: a formula or a line of code says nothing about a
// translation's prose.
func proseWords(l string) int {
	fields := strings.Fields(l)
	n := 0
	for _, f := range fields {
		if isProseWord(f) {
			n++
		}
	}
	if n*3 < len(fields)*2 {
		return 0
	}
	return n
}

func isProseWord(f string) bool {
	f = strings.TrimLeft(f, "(\"")
	f = strings.TrimRight(f, ")\",.;:!?")
	if f == "" || !isASCIILetter(f[0]) {
		return false
	}
	for _, r := range f {
		if r > 127 {
			if r != '’' {
				return false
			}
			continue
		}
		if !isASCIILetter(byte(r)) && r != '\'' && r != '-' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// copied reports whether a line is one translations copy as it is
// (display math, HTML, table rows, Liquid tags, images), so that finding
// it in a translation says nothing about its prose.
func copied(l string) bool {
	return strings.HasPrefix(l, "$$") || strings.HasPrefix(l, "<") || strings.HasPrefix(l, "{%") ||
		strings.HasPrefix(l, "|") || strings.HasPrefix(l, "![") || strings.Contains(l, "$$")
}

// opening returns the first minWords+1 words of a collapsed line.
func opening(l string) string {
	n := 0
	for i, c := range l {
		if c == ' ' {
			if n++; n == minWords+1 {
				return l[:i]
			}
		}
	}
	return l
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// visibleText returns a body's text outside HTML comments, where
// translations keep English on purpose, with every run of whitespace, a
// comment included, turned into one space and none at either end. It reads
// the body once, and its result shares the one buffer it builds.
func visibleText(body []byte) string {
	t := squeezer{b: make([]byte, 0, len(body))}
	for {
		i := bytes.Index(body, commentOpen)
		if i < 0 {
			t.write(body)
			break
		}
		t.write(body[:i])
		j := bytes.Index(body[i:], commentClose)
		if j < 0 {
			break
		}
		t.space = true
		body = body[i+j+len(commentClose):]
	}
	if len(t.b) == 0 {
		return ""
	}
	return unsafe.String(&t.b[0], len(t.b))
}

var commentOpen, commentClose = []byte("<!--"), []byte("-->")

// squeezer appends text with every run of whitespace turned into one
// space, none leading.
type squeezer struct {
	b     []byte
	space bool // whitespace was skipped since the last byte written
}

func (t *squeezer) write(s []byte) {
	for _, c := range s {
		switch c {
		case ' ', '\t', '\n', '\r':
			t.space = true
		default:
			if t.space && len(t.b) > 0 {
				t.b = append(t.b, ' ')
			}
			t.space = false
			t.b = append(t.b, c)
		}
	}
}
