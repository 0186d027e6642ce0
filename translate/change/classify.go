package change

import (
	"bufio"
	"bytes"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/langref/langref/translate/blocks"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// Classify says how the English source of one block (or a few) changed
// from old to new. The rules, applied in order:
//
//  1. Cosmetic: old and new render to the same HTML once HTML comments,
//     trailing spaces and Liquid delimiter spacing are set aside and white
//     space is collapsed. This covers reflow, *x* versus _x_, ** versus __,
//     - versus * list markers and {{x}} versus {{ x }}.
//  2. Content: the blocks differ in number, kind or level (a heading level
//     or list depth change); comments do not count.
//  3. Otherwise the class is the most severe of:
//     - Verbatim, if the verbatim material differs (code, display or inline
//     math, link targets, image sources, numbers, HTML attribute values);
//     - the prose class of each pair of blocks (see below);
//     - Typo, as something visible changed (markup such as added emphasis).
//
// The prose class compares the words (see Words) of each block's prose,
// numbers and inline code and math left out, with a word diff whose hunks
// are the runs of deleted and inserted words between unchanged ones. A hunk
// changes max(deleted, inserted) words; it is a fix if it only touches
// punctuation, or replaces words one for one with respellings: the same
// word up to case, or at most 1 edit away (a transposition counts 1), or 2
// edits away for words of 7 runes or more with the same first letter ("teh"
// to "the", "recieve" to "receive", "seperete" to "separate", but not
// "descent" to "ascent").
// With n the larger word count and c the changed words, the prose change is:
//
//   - Typo if every hunk is a fix and (c ≤ 2 or c ≤ n/10);
//   - Typo if c ≤ 2 and 2c < n, unless the block is a heading: a heading
//     is only ever fixed, any other word change renames it;
//   - Content otherwise.
func Classify(old, new string) Class {
	if old == new || sameRendering(old, new) {
		return Cosmetic
	}
	return classifyBlocks(visible(blocks.Parse([]byte(old), 1)), visible(blocks.Parse([]byte(new), 1)))
}

func classifyBlocks(a, b []blocks.Block) Class {
	if !sameShape(a, b) {
		return Content
	}
	c := Typo
	if !sameVerbatim(a, b) {
		c = Verbatim
	}
	for i := range a {
		c = max(c, prose(a[i].Prose, b[i].Prose, a[i].Kind == blocks.Heading))
	}
	return c
}

// visible drops comments, which readers never see.
func visible(bs []blocks.Block) []blocks.Block {
	return slices.DeleteFunc(bs, func(b blocks.Block) bool { return b.Kind == blocks.Comment })
}

func sameShape(a, b []blocks.Block) bool {
	return slices.EqualFunc(a, b, func(x, y blocks.Block) bool { return x.Kind == y.Kind && x.Level == y.Level })
}

func sameVerbatim(a, b []blocks.Block) bool {
	return slices.EqualFunc(a, b, func(x, y blocks.Block) bool { return slices.Equal(x.Verbatim, y.Verbatim) })
}

// prose classifies a change of prose text; see Classify for the rule.
func prose(old, new string, heading bool) Class {
	if old == new {
		return Cosmetic
	}
	ow, nw := proseWords(old), proseWords(new)
	if slices.Equal(ow, nw) {
		return Cosmetic
	}
	hs := diffWords(ow, nw)
	if len(hs) == 0 {
		return Cosmetic
	}
	c, fixes := 0, true
	for _, h := range hs {
		c += h.size()
		fixes = fixes && h.fix()
	}
	n := max(len(ow), len(nw))
	switch {
	case fixes && (c <= 2 || c*10 <= n):
		return Typo
	case !heading && c <= 2 && 2*c < n:
		return Typo
	}
	return Content
}

// proseWords returns the words of s without numbers, which are verbatim.
func proseWords(s string) []string {
	return slices.DeleteFunc(Words(s), isNumber)
}

var (
	md = goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
	commentRe = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// sameRendering reports whether old and new look the same to a reader.
func sameRendering(old, new string) bool {
	old, new = normalize(old), normalize(new)
	if old == new {
		return true // the same source renders the same
	}
	a, okA := render(old)
	b, okB := render(new)
	return okA && okB && a == b
}

// normalize removes HTML comments and trailing spaces, and sets Liquid
// delimiter spacing, before rendering.
func normalize(s string) string {
	if strings.Contains(s, "<!--") {
		s = commentRe.ReplaceAllString(s, "")
	}
	return trimTrailing(blocks.NormalizeLiquid(s))
}

// trimTrailing removes the spaces and tabs that end lines, as the regular
// expression (?m)[ \t]+$ would.
func trimTrailing(s string) string {
	if !strings.Contains(s, " \n") && !strings.Contains(s, "\t\n") && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\t") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		line, rest, more := strings.Cut(s, "\n")
		b.WriteString(strings.TrimRight(line, " \t"))
		if !more {
			return b.String()
		}
		b.WriteByte('\n')
		s = rest
	}
}

var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render returns the HTML of normalised markdown s with white space
// collapsed and removed between tags.
var renderWriters = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

func render(s string) (string, bool) {
	out := renderBuffers.Get().(*bytes.Buffer)
	defer renderBuffers.Put(out)
	out.Reset()
	// goldmark wraps a writer that is not buffered in a new bufio.Writer
	// of 4 KiB on every call: hand it a pooled one.
	w := renderWriters.Get().(*bufio.Writer)
	defer renderWriters.Put(w)
	w.Reset(out)
	if err := md.Convert([]byte(s), w); err != nil {
		return "", false
	}
	w.Flush()
	return strings.ReplaceAll(strings.Join(strings.Fields(out.String()), " "), "> <", "><"), true
}
