package change

import (
	"bufio"
	"bytes"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
//     or list depth change); comments do not count, but text on the line
//     that ends a comment or display math does.
//  3. Otherwise the class is the most severe of, for each pair of blocks:
//     - Verbatim, if the verbatim material outside the text differs: link
//     targets, image sources, HTML attribute values, Liquid tags, code
//     blocks, and display math blocks once typeset (see below);
//     - the class of the change of the text, below. Markup alone (added
//     emphasis, a word made a link to the same target) is Cosmetic.
//
// The text of a block is compared as a list of words (see Words): its
// prose, contractions written out ("don't" is "do not"), with its inline
// math and code in place, their delimiters removed and the math typeset
// the same way: spacing (\, \quad), sizing (\left, \big) and font wrappers
// (\mathrm{}, \text{}, \mathbf{}) removed, braces removed, \cdots, \ldots
// and … written "...", Greek letters as letters (\beta is β), and other
// commands without their backslash. So N, `N` and $N$ are the same, as
// are log(N) and $\log(N)$, or x_2,...,x_T and $x_2,\cdots,x_T$: changes
// of typesetting alone are Cosmetic.
//
// A word diff of the two lists gives hunks: runs of deleted and inserted
// words between unchanged ones. The change is the most severe of:
//
//   - Verbatim, if the hunks delete or insert words of math or code,
//     numbers, or Latin or Greek letters standing alone in prose other
//     than a and I (symbols: N, β), unless they only move them (Grammar);
//   - Typo, for a hunk whose words written together are the same up to
//     case and hyphens ("auto encoder" and "autoencoder", "Fig3" and
//     "Fig 3"), for an abbreviation written out ("Fig." and "Figure"),
//     for a pair of a deleted and an inserted word of one hunk
//     that differ in case, hyphens or British and American spelling only
//     ("Gradient", "multi-layer", "colour"), or by two adjacent letters
//     swapped in an acronym or name ("PyTroch"), or that
//     are close in spelling (at most 1 edit away, a transposition counting
//     1, or 2 edits away for words of 5 runes or more with the same first
//     letter) when one of them at least is not a known word: "betwen" to
//     "between", "teh" to "the", "recieve" to "receive";
//   - Grammar, for a pair of words of one hunk with the same lemma (an
//     inflection: "maps" and "map", "uses" and "use", "is" and "are"), for
//     punctuation, for function words deleted or inserted (articles,
//     pronouns, light prepositions such as of, to, in, be, have and do, the
//     relative words which, who, whose, that: see functionWords), and for
//     words deleted in one hunk and inserted in another with the same lemma
//     (word order);
//   - Content, for any other word deleted or inserted: a real word replaced
//     by a different one ("natural" to "lateral", "variance" to "standard
//     deviation"), or a word of meaning added ("full batch") or removed.
//     But text that is not English (old or new has fewer than 3 in 5 of
//     its first 30 words known: translations, and scripts without spaces,
//     whose words are single characters) keeps a rule of size: up to 2
//     such words changed in a text more than twice as long is a Typo,
//     unless the text is a heading, which is renamed.
//
// A word is known if it is a function word, in the word list of package
// words (wamerican, as written, capitalised, or in capitals, or with a
// possessive 's), contains a digit (L2, x86), has a capital after its
// first letter (ReLU, PyTorch, GPUs), or is hyphenated with known parts.
// Technical words that are in none of these (backpropagation, softmax)
// are not known: a respelling of one, or into one, is a Typo, as a
// misspelling of a known word is; a change between two known words is not.
//
// Every rule is symmetric, and so is Classify(a, b) == Classify(b, a) but
// for the rare edits where the word diff keeps different words in place
// one way and the other: 1 of the 10,982 modified blocks of the DLSP20
// history, in a translation.
func Classify(old, new string) Class {
	if old == new {
		return Cosmetic
	}
	if codeIndented(old, new) {
		return Verbatim
	}
	if sameRendering(old, new) {
		return Cosmetic
	}
	a, b := blocks.ParseShared([]byte(old), 1), blocks.ParseShared([]byte(new), 1) // copies of their own
	if !slices.Equal(besideBlocks(a), besideBlocks(b)) {
		return Content
	}
	return classifyBlocks(visible(a), visible(b))
}

// besideBlocks returns the text that shares a line with the end of a
// comment or of display math: the parser makes it part of the block, but
// readers see it.
func besideBlocks(bs []blocks.Block) []string {
	var out []string
	for _, b := range bs {
		t := ""
		switch b.Kind {
		case blocks.Comment:
			t = commentRe.ReplaceAllString(b.Raw, "")
		case blocks.Math:
			if i := strings.LastIndex(b.Raw, "$$"); i > strings.Index(b.Raw, "$$") {
				t = b.Raw[i+2:]
			}
		}
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func classifyBlocks(a, b []blocks.Block) Class {
	if !sameShape(a, b) {
		return Content
	}
	c := Cosmetic
	for i := range a {
		c = max(c, pairClass(&a[i], &b[i]))
		if c == Content {
			break
		}
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

// pairClass classifies the change of one block of a kind and level.
func pairClass(a, b *blocks.Block) Class {
	if a.Text == b.Text && slices.Equal(a.Verbatim, b.Verbatim) {
		return Cosmetic // markup only
	}
	sa, va := split(a)
	sb, vb := split(b)
	c := Cosmetic
	if !slices.Equal(va, vb) {
		c = Verbatim
	}
	return max(c, compareText(sa, sb, a.Kind == blocks.Heading))
}

// compareText classifies the change of a block's text; see Classify for
// the rules.
func compareText(a, b stream, heading bool) Class {
	if slices.Equal(a.words, b.words) {
		return Cosmetic
	}
	c := Cosmetic
	if a, b = dropCaptionNumber(a), dropCaptionNumber(b); slices.Equal(a.words, b.words) {
		return Typo // a caption renumbered
	}
	var del, ins []string       // words that pair with none of their hunk
	var symDel, symIns []string // words of math or code, numbers, symbols
	for _, sp := range diffSpans(a.words, b.words) {
		if joined(a.words[sp.oldStart:sp.oldEnd]) == joined(b.words[sp.newStart:sp.newEnd]) {
			c = max(c, Typo) // words split, joined or hyphenated
			continue
		}
		if sameConnective(a.words[sp.oldStart:sp.oldEnd], b.words[sp.newStart:sp.newEnd]) {
			c = max(c, Grammar) // "As a result" → "Consequently"
			continue
		}
		if sp.oldStart == sp.oldEnd && acronymOf(b.words[sp.newStart:sp.newEnd], b.words[:sp.newStart]) ||
			sp.newStart == sp.newEnd && acronymOf(a.words[sp.oldStart:sp.oldEnd], a.words[:sp.oldStart]) {
			c = max(c, Grammar) // "(CD)" after contrastive divergence
			continue
		}
		var h hunk
		h.del, symDel = splitSym(a, sp.oldStart, sp.oldEnd, symDel)
		h.ins, symIns = splitSym(b, sp.newStart, sp.newEnd, symIns)
		hc, d, i := h.classify()
		c = max(c, hc)
		del, ins = append(del, d...), append(ins, i...)
	}
	if len(symDel)+len(symIns) > 0 {
		slices.Sort(symDel)
		slices.Sort(symIns)
		if slices.Equal(symDel, symIns) {
			c = max(c, Grammar) // symbols moved
		} else {
			c = max(c, Verbatim)
		}
	}
	if d, i := pairMoved(del, ins); len(d)+len(i) < len(del)+len(ins) {
		c = max(c, Grammar) // words moved
		del, ins = d, i
	}
	if len(del)+len(ins) == 0 {
		return c
	}
	if n := max(len(del), len(ins)); !heading && n <= 2 && 2*n < max(len(a.words), len(b.words)) && !(english(a) && english(b)) {
		return max(c, Typo)
	}
	return Content
}

// english reports whether the text of s is English: 3 in 5 at least of
// its first 30 prose words (of more than one letter, or characters of
// Han, Kana or Hangul) are known words (see known).
func english(s stream) bool {
	n, k := 0, 0
	for i, w := range s.words {
		if n == 30 {
			break
		}
		if r, size := utf8.DecodeRuneInString(w); s.sym[i] || isPunct(w) || size == len(w) && !isCJK(r) {
			continue
		}
		n++
		if known(w) {
			k++
		}
	}
	return n > 0 && 5*k >= 3*n
}

// splitSym returns the prose words of s.words[from:to], and sym with the
// others appended.
func splitSym(s stream, from, to int, sym []string) (prose, _ []string) {
	for i := from; i < to; i++ {
		if s.sym[i] {
			sym = append(sym, s.words[i])
		} else {
			prose = append(prose, s.words[i])
		}
	}
	return prose, sym
}

// joined returns the words of ws written together, their spelling folded
// (see variant).
func joined(ws []string) string {
	if len(ws) == 1 {
		return variant(ws[0])
	}
	return variant(strings.Join(ws, ""))
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
	return string(appendSquashed(nil, out.Bytes())), true
}

// appendSquashed appends html to dst with its white space collapsed and
// removed between tags, as
// strings.ReplaceAll(strings.Join(strings.Fields(html), " "), "> <", "><")
// writes it, but at once.
func appendSquashed(dst, html []byte) []byte {
	dst = slices.Grow(dst, len(html))
	start := len(dst)
	space := false // a space is due before the next field
	for i := 0; i < len(html); {
		c := html[i]
		n, isSpace := 1, asciiSpace(c)
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRune(html[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			space = len(dst) > start
			i += n
			continue
		}
		if space && !(c == '<' && dst[len(dst)-1] == '>') {
			dst = append(dst, ' ')
		}
		space = false
		dst = append(dst, html[i:i+n]...)
		i += n
	}
	return dst
}

// asciiSpace reports whether c is white space to strings.Fields.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// captionWords are the words that label a caption with its number.
var captionWords = setOf("figure", "fig", "table", "tab")

// dropCaptionNumber returns s without the number of a caption label that
// starts it ("Figure 7:", "Fig. 7.", "Table 2"): the number follows the
// page's figures, and a translation numbers its own; renumbering, or
// dropping the number, is nothing to translate.
func dropCaptionNumber(s stream) stream {
	if len(s.words) < 2 || !captionWords[lowerASCII(s.words[0])] {
		return s
	}
	i := 1
	if s.words[i] == "." && len(s.words) > 2 {
		i++
	}
	if !isNumber(s.words[i]) {
		return s
	}
	return stream{words: slices.Delete(slices.Clone(s.words), i, i+1), sym: slices.Delete(slices.Clone(s.sym), i, i+1)}
}

// acronymOf reports whether ws, words inserted or deleted, are an acronym
// in parentheses ("( CD )", "( EBMs )") for the words before them
// ("Contrastive divergence", "energy based models"): its letters, a
// plural s aside, are the initial of the first of those words then a
// subsequence of the letters of the rest. Adding or removing such an
// acronym says nothing new.
func acronymOf(ws, before []string) bool {
	if len(ws) != 3 || ws[0] != "(" || ws[2] != ")" {
		return false
	}
	acr := ws[1]
	if strings.HasSuffix(acr, "s") && len(acr) > 2 {
		acr = acr[:len(acr)-1]
	}
	if len(acr) < 2 || len(acr) > 6 || strings.ToUpper(acr) != acr || !isLetters(acr) {
		return false
	}
	acr = strings.ToLower(acr)
	for k := 1; k <= len(before) && k <= len(acr)+1; k++ {
		ctx := before[len(before)-k:]
		if isPunct(ctx[0]) {
			return false
		}
		if lowerASCII(ctx[0])[0] == acr[0] && subsequence(acr[1:], lowerASCII(strings.Join(ctx, ""))[1:]) {
			return true
		}
	}
	return false
}

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isASCIILetter(w[i]) {
			return false
		}
	}
	return true
}

// subsequence reports whether the bytes of a occur in b in order.
func subsequence(a, b string) bool {
	for i := 0; i < len(b) && len(a) > 0; i++ {
		if b[i] == a[0] {
			a = a[1:]
		}
	}
	return a == ""
}

// codeIndented reports whether old and new have the same code blocks but
// for the indentation of their lines: a rendering with white space
// collapsed misses it, yet re-indented code is another program (Python)
// or another text to copy.
func codeIndented(old, new string) bool {
	if !strings.Contains(old, "```") && !strings.Contains(old, "~~~") && !strings.Contains(old, "\n    ") {
		return false
	}
	a, b := codeBlocks(old), codeBlocks(new)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && strings.Join(strings.Fields(a[i]), " ") == strings.Join(strings.Fields(b[i]), " ") {
			return true
		}
	}
	return false
}

// codeBlocks returns the code blocks of s, their lines without trailing
// spaces.
func codeBlocks(s string) []string {
	var out []string
	for _, b := range blocks.ParseShared([]byte(s), 1) { // a copy of its own
		if b.Kind == blocks.Code {
			out = append(out, trimTrailing(strings.TrimRight(b.Raw, "\n")))
		}
	}
	return out
}

// connectives groups the connectives that say the same of how two
// sentences relate: swapping one for another of its group is a matter of
// style. Each is written as its words, lower case.
var connectives = map[string]int{}

func init() {
	for i, group := range [][]string{
		{"as a result", "consequently", "therefore", "thus", "hence", "as a consequence"},
		{"however", "nevertheless", "nonetheless", "yet"},
		{"also", "additionally", "moreover", "furthermore", "in addition"},
		{"for example", "for instance"},
		{"in other words", "that is", "namely"},
		{"finally", "lastly", "in the end"},
	} {
		for _, c := range group {
			connectives[c] = i + 1
		}
	}
}

// sameConnective reports whether the words a and b, punctuation aside,
// are two connectives of one group (see connectives).
func sameConnective(a, b []string) bool {
	key := func(ws []string) string {
		var out []string
		for _, w := range ws {
			if !isPunct(w) {
				out = append(out, lowerASCII(w))
			}
		}
		return strings.Join(out, " ")
	}
	ka, kb := key(a), key(b)
	return ka != kb && connectives[ka] != 0 && connectives[ka] == connectives[kb]
}
