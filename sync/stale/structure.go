package stale

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/langref/langref/internal/par"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/translate/blocks"
)

// Aspect names one structural aspect of a page that a translation keeps
// as the source page has it. Aspect names are part of langref's interface.
type Aspect string

// The aspects compared between a source page and its translation.
const (
	Headings  Aspect = "headings"   // number and levels of headings
	CodeBlock Aspect = "code"       // code blocks and their contents
	MathBlock Aspect = "math"       // display math and its contents
	Images    Aspect = "images"     // image sources
	Links     Aspect = "links"      // link targets in prose
	ListItems Aspect = "list_items" // number of list items
	Tables    Aspect = "tables"     // table shapes
)

// aspects lists the aspects in report order.
var aspects = []Aspect{Headings, CodeBlock, MathBlock, Images, Links, ListItems, Tables}

// Mismatch is one structural aspect on which a translation differs from its
// source page.
type Mismatch struct {
	Aspect Aspect `json:"aspect"`
	// Source and Translation count the aspect's items on each side.
	Source      int `json:"source"`
	Translation int `json:"translation"`
	// Line is the translation's file line where the two first differ.
	Line int `json:"line"`
	// SourceLine is the source page's file line where the two first differ.
	SourceLine int `json:"source_line"`
}

// Sides says where the two pages compared sit, so that links can be read
// the same way on both sides.
type Sides struct {
	SrcLang, Lang string
	// SrcPath and Path are the pages' paths relative to the site root.
	SrcPath, Path string
	// Tree maps a site path to its path inside its language's tree
	// (fr/a.md and en/a.md are both a.md); nil leaves paths as they are.
	Tree func(string) string
}

func (s Sides) source() Sides {
	s.Lang, s.Path = s.SrcLang, s.SrcPath
	return s
}

// elem is one structural element: what must match, and where it is.
type elem struct {
	key  string
	line int
	code *codeSig // set for code blocks, which match more loosely
}

// equal reports whether translation element y keeps source element x.
func (x elem) equal(y elem) bool {
	if x.code != nil && y.code != nil {
		return x.code.keptBy(y.code)
	}
	return x.key == y.key
}

// Compare returns the aspects on which the translation's blocks tr differ
// from the source page's blocks src, in report order. Paths inside links
// that name the translation's language (/fr/ for lang fr) are read as the
// source language's, since translations link to their own pages.
func Compare(src, tr []blocks.Block, sides Sides) []Mismatch {
	return compareItems(items(src, sides.source()), items(tr, sides))
}

// compareItems is Compare on the pages' structural elements (items).
func compareItems(a, b map[Aspect][]elem) []Mismatch {
	var out []Mismatch
	for _, asp := range aspects {
		x, y := a[asp], b[asp]
		i := firstDiff(x, y)
		if i < 0 {
			continue
		}
		out = append(out, Mismatch{Aspect: asp, Source: len(x), Translation: len(y), Line: lineAt(y, i), SourceLine: lineAt(x, i)})
	}
	return out
}

// firstDiff returns the first index where x and y differ, or -1.
func firstDiff(x, y []elem) int {
	for i := range min(len(x), len(y)) {
		if !x[i].equal(y[i]) {
			return i
		}
	}
	if len(x) == len(y) {
		return -1
	}
	return min(len(x), len(y))
}

// lineAt returns the line of its[i], or of the last item when i is past
// the end, or 0 when there are none.
func lineAt(its []elem, i int) int {
	switch {
	case len(its) == 0:
		return 0
	case i >= len(its):
		return its[len(its)-1].line
	}
	return its[i].line
}

// items sorts the structural elements of bs by aspect.
func items(bs []blocks.Block, sd Sides) map[Aspect][]elem {
	out := map[Aspect][]elem{}
	add := func(a Aspect, key string, line int) { out[a] = append(out[a], elem{key: key, line: line}) }
	for _, b := range bs {
		switch b.Kind {
		case blocks.Heading:
			add(Headings, fmt.Sprint(b.Level), b.Line)
		case blocks.Code:
			out[CodeBlock] = append(out[CodeBlock], elem{line: b.Line, code: newCodeSig(b)})
		case blocks.Math:
			add(MathBlock, normSpace(strings.Join(b.Verbatim, " ")), b.Line)
		case blocks.Image:
			add(Images, normLink(strings.Join(b.Verbatim, " "), sd), b.Line)
		case blocks.ListItem:
			add(ListItems, "", b.Line)
		case blocks.Table:
			r, c := blocks.TableShape(b.Raw)
			add(Tables, fmt.Sprintf("%dx%d", r, c), b.Line)
		}
		if prose(b.Kind) {
			for _, l := range linkTargets(b) {
				add(Links, normLink(l, sd), b.Line)
			}
		}
	}
	return out
}

func prose(k blocks.Kind) bool {
	switch k {
	case blocks.Heading, blocks.Paragraph, blocks.ListItem, blocks.Quote, blocks.Table:
		return true
	}
	return false
}

// codeSig is what a translation must keep of a code block: its code.
// Translators rightly localize comments, the contents of string literals
// and lines of human-language output, so comments and strings are blanked
// and lines with non-ASCII letters are counted apart.
type codeSig struct {
	lines []string // code lines, normalized
	human int      // lines with non-ASCII letters: translated text
}

func newCodeSig(b blocks.Block) *codeSig {
	c := &codeSig{}
	for _, line := range strings.Split(strings.Join(b.Verbatim, "\n"), "\n") {
		if hasNonASCIILetter(line) {
			c.human++
			continue
		}
		// The expressions run only on lines with what they look for.
		if strings.ContainsAny(line, "#%") || strings.Contains(line, "//") || strings.Contains(line, "--") {
			line = codeComment.ReplaceAllString(line, "")
		}
		if strings.ContainsAny(line, `"'`) {
			line = codeString.ReplaceAllString(line, `""`)
		}
		if l := normSpace(line); l != "" {
			c.lines = append(c.lines, l)
		}
	}
	return c
}

// keptBy reports whether translation t keeps source code c: t's code
// lines are c's in order, and any of c's lines t lacks can be ones it
// translated (English output rendered in the translation's language).
func (c *codeSig) keptBy(t *codeSig) bool {
	i := 0
	for _, l := range t.lines {
		for i < len(c.lines) && c.lines[i] != l {
			i++
		}
		if i == len(c.lines) {
			return false
		}
		i++
	}
	return len(c.lines)-len(t.lines) <= t.human
}

var (
	// A comment starts after white space (or the line's start) with #,
	// //, % or -- (SQL, Lua, Haskell), the last only when a space or the
	// line's end follows: --namespace=default is a flag, not a comment.
	codeComment = regexp.MustCompile(`(^|\s)(#|//|--(\s|$)|%).*$`)
	codeString  = regexp.MustCompile(`"(\\.|[^"\\])*"|'(\\.|[^'\\])*'`)
)

func hasNonASCIILetter(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// normSpace collapses each run of white space in s into one space and
// trims both ends, as strings.Join(strings.Fields(s), " ") does, in one
// pass that copies each word whole.
func normSpace(s string) string {
	i := skipSpace(s, 0)
	if i == len(s) {
		return ""
	}
	return ownString(appendNormSpace(make([]byte, 0, len(s)-i), s))
}

// appendNormSpace appends normSpace(s) to dst.
func appendNormSpace(dst []byte, s string) []byte {
	first := true
	for i := skipSpace(s, 0); i < len(s); i = skipSpace(s, i) {
		j := skipWord(s, i)
		if !first {
			dst = append(dst, ' ')
		}
		first = false
		dst = append(dst, s[i:j]...) // the bytes as they are, valid UTF-8 or not
		i = j
	}
	return dst
}

// ownString returns b as a string without copying it; b must never be
// written again.
func ownString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// normBytes is normSpace of the bytes src, which it does not copy first.
func normBytes(src []byte) string { return normSpace(contentKey(src)) }

// skipSpace returns the index of the first byte of s at or after i that
// does not start a white space rune.
func skipSpace(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				return i
			}
			i++
			continue
		}
		if !maySpace[c] {
			return i
		}
		n, space := spaceAt(s, i)
		if !space {
			return i
		}
		i += n
	}
	return i
}

// skipWord returns the index of the first byte of s at or after i that
// starts a white space rune. Only a few bytes can start one, and never a
// byte inside a rune, so it steps byte by byte.
func skipWord(s string, i int) int {
	for ; i < len(s); i++ {
		if c := s[i]; maySpace[c] {
			if c < utf8.RuneSelf {
				return i
			}
			if _, space := spaceAt(s, i); space {
				return i
			}
		}
	}
	return i
}

// maySpace marks the bytes that can start a white space rune: ASCII
// space, and the lead bytes of U+0085, U+00A0 (0xc2), U+1680 (0xe1),
// U+2000 to U+205F (0xe2) and U+3000 (0xe3).
var maySpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true, 0xc2: true, 0xe1: true, 0xe2: true, 0xe3: true}

// spaceAt returns the length of the rune at s[i] and whether it is white
// space (unicode.IsSpace); an invalid byte is a rune of one byte.
func spaceAt(s string, i int) (int, bool) {
	if c := s[i]; c < utf8.RuneSelf {
		return 1, asciiSpace[c]
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return n, unicode.IsSpace(r)
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports as space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// linkTargets returns the link targets of b in order, Liquid spacing
// normalised: those of ](target), <url>, href="target" and src="target"
// (see findLinks).
func linkTargets(b blocks.Block) []string {
	if !strings.Contains(b.Raw, "](") && !strings.Contains(b.Raw, "<http") && !strings.Contains(b.Raw, "href") && !strings.Contains(b.Raw, "src") {
		return nil // findLinks needs one of them
	}
	var out []string
	findLinks(b.Raw, func(t string) { out = append(out, blocks.NormalizeLiquid(t)) })
	return out
}

// normLink reads a link target so that a translation's link and the
// source page's compare equal when they point at the same page in their
// own languages. Relative links are resolved against the page and mapped
// into the language-independent tree (zh/status.md and en/status.md are
// both status.md; anchors, named after headings, differ by language and
// are dropped). Absolute paths and URLs have /fr/ read as /en/.
func normLink(s string, sd Sides) string {
	if isRelative(s) && sd.Tree != nil {
		target, _, _ := strings.Cut(s, "#")
		if target == "" {
			return "#"
		}
		return sd.Tree(path.Join(path.Dir(sd.Path), target))
	}
	if sd.Lang == sd.SrcLang {
		return s
	}
	s = strings.ReplaceAll(s, "/"+sd.Lang+"/", "/"+sd.SrcLang+"/")
	if rest, ok := strings.CutPrefix(s, sd.Lang+"/"); ok {
		s = sd.SrcLang + "/" + rest
	}
	return s
}

// isRelative reports whether link s is a path relative to its page.
func isRelative(s string) bool {
	return s != "" && !strings.HasPrefix(s, "/") && !strings.Contains(s, "://") &&
		!strings.Contains(s, "{{") && !strings.HasPrefix(s, "mailto:") && !strings.HasPrefix(s, "#")
}

// Aspects returns the aspects of ms, for reports.
func Aspects(ms []Mismatch) []Aspect {
	out := make([]Aspect, len(ms))
	for i, m := range ms {
		out[i] = m.Aspect
	}
	return slices.Clip(out)
}

// PageStructure is how one translation's structure differs from its
// source page's.
type PageStructure struct {
	// Path and SourcePath are relative to the site root.
	Path, SourcePath string
	Mismatches       []Mismatch
}

// Structures compares the structure of every translated page of g with its
// source page's, and returns the pages that differ, in the graph's order.
// It reads the pages' contents (Site.Contents: from disk again on a lean
// site) one source page and its translations at a time on each
// processor, holding no more, so that it runs on sites too large to hold
// whole; an error is one reading them.
func Structures(g *graph.Graph) ([]PageStructure, error) {
	a := newAnalysis(g, Options{})
	// Items come by source page: one group of items per source page.
	var groups [][]*item
	for i, it := range a.items {
		if i == 0 || it.srcFile != a.items[i-1].srcFile {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], it)
	}
	errs := make([]error, len(groups))
	par.Do(len(groups), func(i int) { errs[i] = a.structures(groups[i]) })
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var out []PageStructure
	for _, it := range a.items {
		if ms := it.page.Structure; len(ms) > 0 {
			out = append(out, PageStructure{Path: it.page.Path, SourcePath: it.page.SourcePath, Mismatches: ms})
		}
	}
	return out, nil
}

// structures sets the structure of the items, translations of one source
// page, as item.structure would, parsing each page once and keeping none;
// pages over Options.LineModeBytes are not parsed, and have none.
func (a *analysis) structures(its []*item) error {
	s := a.g.Site
	its = slices.DeleteFunc(its, (*item).lineMode) // too large to parse: see NoteLineMode
	if len(its) == 0 {
		return nil
	}
	src, err := s.Contents(its[0].srcFile)
	if err != nil {
		return err
	}
	srcItems := items(parseBody(src), its[0].sides().source()) // the same for all languages
	for _, it := range its {
		tr, err := s.Contents(it.trFile)
		if err != nil {
			return err
		}
		it.page.Structure = compareItems(srcItems, items(parseBody(tr), it.sides()))
	}
	return nil
}
