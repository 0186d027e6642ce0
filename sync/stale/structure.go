package stale

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

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

// elem is one structural element: what must match, and where it is.
type elem struct {
	key  string
	line int
}

// Compare returns the aspects on which the translation's blocks tr differ
// from the source page's blocks src, in report order. Paths inside links
// that name the translation's language (/fr/ for lang fr) are read as the
// source language's, since translations link to their own pages.
func Compare(src, tr []blocks.Block, srcLang, lang string) []Mismatch {
	a, b := items(src, srcLang, srcLang), items(tr, lang, srcLang)
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
		if x[i].key != y[i].key {
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
func items(bs []blocks.Block, lang, srcLang string) map[Aspect][]elem {
	out := map[Aspect][]elem{}
	add := func(a Aspect, key string, line int) { out[a] = append(out[a], elem{key, line}) }
	for _, b := range bs {
		switch b.Kind {
		case blocks.Heading:
			add(Headings, fmt.Sprint(b.Level), b.Line)
		case blocks.Code:
			add(CodeBlock, codeKey(b), b.Line)
		case blocks.Math:
			add(MathBlock, normSpace(strings.Join(b.Verbatim, " ")), b.Line)
		case blocks.Image:
			add(Images, normLink(strings.Join(b.Verbatim, " "), lang, srcLang), b.Line)
		case blocks.ListItem:
			add(ListItems, "", b.Line)
		case blocks.Table:
			r, c := blocks.TableShape(b.Raw)
			add(Tables, fmt.Sprintf("%dx%d", r, c), b.Line)
		}
		if prose(b.Kind) {
			for _, l := range linkTargets(b) {
				add(Links, normLink(l, lang, srcLang), b.Line)
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

// codeKey is what a translation must keep of a code block: its code.
// Translators rightly localize comments, the contents of string literals
// and lines of human-language output (lines with non-ASCII letters), so
// those are left out, as are blank lines and spacing.
func codeKey(b blocks.Block) string {
	var keep []string
	for _, line := range strings.Split(strings.Join(b.Verbatim, "\n"), "\n") {
		if hasNonASCIILetter(line) {
			continue
		}
		line = codeComment.ReplaceAllString(line, "")
		line = codeString.ReplaceAllString(line, `""`)
		if l := normSpace(line); l != "" {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

var (
	codeComment = regexp.MustCompile(`(^|\s)(#|//|--|%).*$`)
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

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// linkRe finds link targets in markdown and HTML: ](target), <url>,
// href="target" and src="target".
var linkRe = regexp.MustCompile(`\]\(\s*<?([^)\s>]+)|<(https?://[^>\s]+)>|\b(?:href|src)\s*=\s*["']([^"']+)`)

// linkTargets returns the link targets of b in order, Liquid spacing
// normalised.
func linkTargets(b blocks.Block) []string {
	if !strings.Contains(b.Raw, "](") && !strings.Contains(b.Raw, "<http") && !strings.Contains(b.Raw, "=") {
		return nil
	}
	var out []string
	for _, m := range linkRe.FindAllStringSubmatch(b.Raw, -1) {
		out = append(out, blocks.NormalizeLiquid(m[1]+m[2]+m[3]))
	}
	return out
}

// normLink reads a link target written for lang as if written for srcLang:
// /fr/week01 and fr/week01 become /en/week01 and en/week01.
func normLink(s, lang, srcLang string) string {
	if lang == srcLang {
		return s
	}
	s = strings.ReplaceAll(s, "/"+lang+"/", "/"+srcLang+"/")
	if rest, ok := strings.CutPrefix(s, lang+"/"); ok {
		s = srcLang + "/" + rest
	}
	return s
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
func Structures(g *graph.Graph) []PageStructure {
	a := newAnalysis(g, Options{})
	parallel(len(a.items), func(i int) { a.items[i].structure() })
	var out []PageStructure
	for _, it := range a.items {
		if ms := it.page.Structure; len(ms) > 0 {
			out = append(out, PageStructure{Path: it.page.Path, SourcePath: it.page.SourcePath, Mismatches: ms})
		}
	}
	return out
}
