package stale

import (
	"bytes"
	"slices"
	"strings"
	gosync "sync"

	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// KeptEnglish is the evidence of a change found in the source text a
// translation keeps in HTML comments: the translator worked from a source
// older than the baseline, whose text differs from the source now.
const KeptEnglish Evidence = "kept-english"

// minKept is the least length, in bytes, of a kept paragraph worth
// comparing: shorter ones (a heading, a caption) match too easily.
const minKept = 40

// keptChanges returns the changes between the source text that the
// translation tr keeps in comments and the source now, for the kept
// paragraphs that are neither in the source now nor in the source at the
// baseline (see keptSource): those the translation may have been made
// from, before its baseline, each with the source block now it is
// closest to. Each holds only once the history confirms its kept text
// and its class counts (see confirmKept).
func keptChanges(tr []byte, ks *keptSource) []keptChange {
	var out []keptChange
	var keptText string // all kept text, spaces normalised, made when first needed
	var norm []byte     // a kept paragraph, spaces normalised
	eachKeptParagraph(tr, minKept, func(k string) {
		norm = appendNormSpace(norm[:0], k)
		if p := ownString(norm); !hasLetters(p) || strings.Contains(ks.text, p) {
			return // most kept text: the source then or now
		}
		i := closest(ownString(norm), ks.wordBags())
		if i < 0 {
			return
		}
		k, p := strings.Clone(k), string(norm) // kept by the change
		b := &ks.cur[i]
		if keptText == "" {
			keptText = normSpace(strings.Join(keptParagraphs(tr, 1), "\n"))
		}
		from, to := corresponding(k, b.Raw, ks.text, keptText)
		out = append(out, keptChange{Change{Kind: "modified", Line: b.Line, EndLine: b.EndLine, Text: short(b),
			State: Outdated, Evidence: KeptEnglish}, p, b, from, to})
	})
	return out
}

// maxTrimLines bounds the lines of a kept paragraph or source block that
// corresponding tries to trim.
const maxTrimLines = 24

// corresponding returns the lines of kept paragraph k and of source block
// src that are versions of one another, for classifying the change: kept
// text is split into paragraphs without parsing, and a translator may keep
// one source paragraph in two comments, or two source blocks in one. The
// lines trimmed from the edges of k must be in the source then or now
// (srcText), those of src in the kept text of the translation (keptText):
// they are other blocks, kept or changed on their own. Of the ways to trim
// one side, the one whose words are most like the other side's wins.
func corresponding(k, src, srcText, keptText string) (string, string) {
	kl, sl := strings.Split(strings.TrimSpace(k), "\n"), strings.Split(strings.TrimSpace(src), "\n")
	if len(kl)+len(sl) == 2 || len(kl) > maxTrimLines || len(sl) > maxTrimLines {
		return k, src
	}
	bag := func(s string) []string { w := change.Words(s); slices.Sort(w); return w }
	bestK, bestS := k, src
	best := dice(bag(k), bag(src))
	try := func(ls []string, other []string, in string, set func(string)) {
		for i := range ls {
			for j := i + 1; j <= len(ls); j++ {
				if i == 0 && j == len(ls) || !allIn(ls[:i], in) || !allIn(ls[j:], in) {
					continue
				}
				sub := strings.Join(ls[i:j], "\n")
				if len(strings.TrimSpace(sub)) < minKept {
					continue
				}
				if d := dice(bag(sub), other); d > best {
					best = d
					set(sub)
				}
			}
		}
	}
	srcBag, keptBag := bag(src), bag(k)
	try(kl, srcBag, srcText, func(s string) { bestK, bestS = s, src })
	try(sl, keptBag, keptText, func(s string) { bestK, bestS = k, s })
	return bestK, bestS
}

// allIn reports whether every line of ls, spaces normalised, is in text.
func allIn(ls []string, text string) bool {
	for _, l := range ls {
		if n := normSpace(l); n != "" && !strings.Contains(text, n) {
			return false
		}
	}
	return true
}

// keptChange is a change that kept source text shows, once the history
// confirms the text is a past version of the source page: Kept, spaces
// normalised.
type keptChange struct {
	Change
	Kept  string
	block *blocks.Block // the source block now
	// from and to are the corresponding lines of the kept paragraph and
	// of the source block now, that the change's class compares (see
	// corresponding).
	from, to string
}

// keptSource is what keptChanges compares kept text with, for all the
// translations of a source page from one baseline: the blocks of the
// source page now, their words, and the text of every block then and now.
type keptSource struct {
	cur []blocks.Block
	// text is the source page then and now, a block a line, spaces
	// normalised: kept text found in it is part of a block (a comment per
	// line), or a whole block, not a change.
	text string
	// bags are the words of cur, made when first needed (wordBags): most
	// kept text is in text.
	bags     []wordBag
	bagsOnce gosync.Once
}

// newKeptSource returns the keptSource of the source page now (cur) for
// translations from old; same says old is cur's contents. The text of a
// page the same then and now is written once: the text is searched only
// for kept text, spaces normalised (no line breaks), which is in text
// t+"\n"+t exactly when it is in t.
func newKeptSource(old, cur []blocks.Block, same bool) *keptSource {
	pages := [][]blocks.Block{old, cur}
	if same {
		pages = pages[1:]
	}
	n := 0
	for _, bs := range pages {
		for _, b := range bs {
			n += len(b.Raw) + 1
		}
	}
	text := make([]byte, 0, n)
	sep := false
	for _, bs := range pages {
		for _, b := range bs {
			if sep {
				text = append(text, '\n')
			}
			text, sep = appendNormSpace(text, b.Raw), true
		}
	}
	return &keptSource{cur: cur, text: ownString(text)}
}

// wordBags returns the words of the blocks of the source page now, made
// once. It is safe for concurrent use.
func (ks *keptSource) wordBags() []wordBag {
	ks.bagsOnce.Do(func() { ks.bags = wordBags(ks.cur) })
	return ks.bags
}

// wordBag is the sorted words of a block, nil for blocks without prose.
type wordBag []string

func wordBags(bs []blocks.Block) []wordBag {
	out := make([]wordBag, len(bs))
	for i := range bs {
		if blocks.Translatable(bs[i]) {
			out[i] = bagWords(bs[i].Raw)
			slices.Sort(out[i])
		}
	}
	return out
}

// bagWords returns the words of markdown s that closeness counts: link
// targets aside, as a link added to a heading leaves it the same block.
func bagWords(s string) []string {
	if strings.Contains(s, "](") {
		s = dropLinkTargets(s)
	}
	return change.Words(s)
}

// keptParagraphs returns the paragraphs of the comments of tr of least
// bytes, as they are.
func keptParagraphs(tr []byte, least int) []string {
	var out []string
	eachKeptParagraph(tr, least, func(p string) { out = append(out, strings.Clone(p)) })
	return out
}

// eachKeptParagraph calls f with each paragraph of the comments of tr of
// least bytes, as it is. The paragraph f is given may share tr's memory:
// f clones what it keeps.
func eachKeptParagraph(tr []byte, least int, f func(string)) {
	for {
		i := bytes.Index(tr, []byte("<!--"))
		if i < 0 {
			return
		}
		tr = tr[i+4:]
		j := bytes.Index(tr, []byte("-->"))
		if j < 0 {
			return
		}
		inner := tr[:j]
		if k := lastOpening(inner); k >= 0 {
			inner = inner[k+4:] // comments do not nest: the last opening counts
		}
		eachParagraph(contentKey(inner), func(p string) {
			if len(p) >= least {
				f(p)
			}
		})
		tr = tr[j+3:]
	}
}

// lastOpening returns the index of the last "<!--" in b, or -1: it looks
// for one first, as most comments hold none.
func lastOpening(b []byte) int {
	if bytes.Index(b, []byte("<!--")) < 0 {
		return -1
	}
	return bytes.LastIndex(b, []byte("<!--"))
}

func hasLetters(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' })
}

// closest returns the index of the block of prose (bags) whose words are
// most like p's, or -1 when none is clearly closest.
func closest(p string, bags []wordBag) int {
	wp := bagWords(p)
	slices.Sort(wp)
	best, second, at := 0.0, 0.0, -1
	for i, wb := range bags {
		if wb == nil {
			continue
		}
		switch d := dice(wp, wb); {
		case d > best:
			best, second, at = d, best, i
		case d > second:
			second = d
		}
	}
	if best < minCloseness || best-second < minLead {
		return -1
	}
	return at
}

// A kept paragraph is an older version of the source block whose words
// it shares most, at least minCloseness of them (Dice), and minLead more
// than with any other block: a weaker match is another block, or none.
const (
	minCloseness = 0.7
	minLead      = 0.2
)

// dice is the Dice coefficient of two sorted word lists.
func dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n, x, y := 0, a, b
	for len(x) > 0 && len(y) > 0 {
		switch c := strings.Compare(x[0], y[0]); {
		case c < 0:
			x = x[1:]
		case c > 0:
			y = y[1:]
		default:
			n++
			x, y = x[1:], y[1:]
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// carried reports whether the translation t (spaces normalised) holds every verbatim item
// that source block b has and the kept paragraph p lacks.
func carried(t, p string, b *blocks.Block) bool {
	for _, v := range b.Verbatim {
		if n := normSpace(v); !strings.Contains(p, n) && !strings.Contains(t, n) {
			return false
		}
	}
	return true
}

// eachParagraph calls f with each of paragraphs(s), in order. Without a
// carriage return in s, a paragraph's lines joined are the text of s they
// span: f is given that part of s.
func eachParagraph(s string, f func(string)) {
	if strings.IndexByte(s, '\r') >= 0 {
		for _, p := range paragraphs(s) {
			f(p)
		}
		return
	}
	start, end := -1, 0 // the paragraph s[start:end] being gathered
	flush := func() {
		if start >= 0 {
			f(s[start:end])
			start = -1
		}
	}
	for at := 0; at <= len(s); {
		n := strings.IndexByte(s[at:], '\n')
		if n < 0 {
			n = len(s) - at
		}
		l := s[at : at+n]
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
		case startsBlock(t):
			flush()
			fallthrough
		default:
			if start < 0 {
				start = at
			}
			end = at + n
			if strings.HasPrefix(t, "#") { // a heading is one line
				flush()
			}
		}
		at += n + 1
	}
	flush()
}

// paragraphs splits kept text into what are most likely blocks, without
// parsing it: at blank lines, and before headings and list items.
func paragraphs(s string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
			continue
		case startsBlock(t):
			flush()
		}
		cur = append(cur, l)
		if strings.HasPrefix(t, "#") { // a heading is one line
			flush()
		}
	}
	flush()
	return out
}

// startsBlock reports whether a trimmed line opens a heading or a list
// item.
func startsBlock(t string) bool {
	if strings.HasPrefix(t, "#") || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") {
		return true
	}
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')')
}

// confirmKept returns the changes of ks whose kept text is in one of the
// past versions of the source page (spaces normalised): text the source
// really had, not a translator's edit of the comment.
//
// Only then are they classified (the class of the change from the kept
// text to the source block now): changes below staleOn, and verbatim
// ones the translation tr (spaces normalised) carried over, do not count.
func confirmKept(ks []keptChange, past []string, tr string, staleOn change.Class) []Change {
	var out []Change
	for _, k := range ks {
		if !slices.ContainsFunc(past, func(v string) bool { return strings.Contains(v, k.Kept) }) {
			continue
		}
		cl := change.Classify(k.from, k.to)
		if cl < staleOn || (cl == change.Verbatim && carried(tr, k.Kept, k.block)) {
			continue
		}
		c := k.Change
		c.Class = cl
		out = append(out, c)
	}
	return out
}
