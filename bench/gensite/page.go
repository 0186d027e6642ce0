package main

import (
	"fmt"
	"strings"
	"time"
)

type blockKind uint8

const (
	heading blockKind = iota
	para
	code
	math
	list
	image
)

// block is one markdown block of an English page. Blocks are never changed
// in place: an edit makes a new slice, so translations can keep the
// English blocks they were made from.
type block struct {
	kind blockKind
	text string
}

// change is a set of change classes, the way langref classes them.
type change uint8

const (
	cosmetic change = 1 << iota
	typo
	verbatim
	content
)

func (c change) String() string {
	var s []string
	for i, n := range []string{"cosmetic", "typo", "verbatim", "content"} {
		if c&(1<<i) != 0 {
			s = append(s, n)
		}
	}
	return strings.Join(s, ",")
}

// page is an English page and its translations.
type page struct {
	chapter int
	slug    string // file name without .md
	key     string // lang-ref
	title   string
	author  string
	date    time.Time
	blocks  []block
	host    int            // revision of the link host, changed by bulk edits
	planned []bool         // by language: the page gets translated
	trans   []*translation // by language; nil until translated
	added   bool
}

// translation is one translated page.
type translation struct {
	title      string
	blocks     []block // the English blocks it was translated from
	host       int
	touches    int // unrelated fixes made to the translation alone
	quoted     bool
	translator string
	date       time.Time
	pending    change // English changes since it was translated
}

func (p *page) path(lang string) string {
	return fmt.Sprintf("docs/%s/part%02d/ch%04d/%s.md", lang, 1+(p.chapter-1)/chaptersPerPart, p.chapter, p.slug)
}

func (p *page) navPath(lang string) string { return strings.TrimPrefix(p.path(lang), "docs/") }

// chaptersPerPart keeps folders small: git rewrites every tree on the
// path of a changed file, in every commit.
const chaptersPerPart = 50

const dateFormat = "2 Jan 2006"

func (p *page) render() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nlang-ref: %s\ntitle: %s\nauthor: %s\ndate: %s\n---\n\n", p.key, p.title, p.author, p.date.Format(dateFormat))
	for i, bl := range p.blocks {
		writeBlock(&b, bl, nil, p.link(i, p.host, nil))
	}
	return []byte(b.String())
}

func (p *page) link(i, host int, v *vocab) string {
	if i != 1 {
		return ""
	}
	see, notes := "See", "the notes"
	if v != nil {
		see, notes = v.prose("see"), v.prose("notes")
	}
	return fmt.Sprintf(" %s [%s](https://docs%d.example.org/%s/).", see, notes, host, p.key)
}

func (p *page) renderTranslation(lang string, t *translation, v *vocab) []byte {
	var b strings.Builder
	translator := t.translator
	if t.quoted {
		translator = fmt.Sprintf("%q", translator)
	}
	fmt.Fprintf(&b, "---\nlang: %s\nlang-ref: %s\ntitle: %s\nauthor: %s\ndate: %s\ntranslator: %s\ntranslation-date: %s\n---\n\n",
		lang, p.key, t.title, p.author, p.date.Format(dateFormat), translator, t.date.Format(dateFormat))
	for i, bl := range t.blocks {
		if commented[lang] && bl.kind != code && bl.kind != math {
			var en strings.Builder
			writeBlock(&en, bl, nil, p.link(i, t.host, nil))
			fmt.Fprintf(&b, "<!--\n%s\n-->\n\n", strings.TrimRight(en.String(), "\n"))
		}
		if i == 1 && t.touches > 0 {
			// a translator's own fix: one word differs per touch
			fixed := v.words[t.touches%len(v.words)] + v.space + v.prose(bl.text)
			writeBlock(&b, block{para, fixed}, nil, p.link(i, t.host, v))
			continue
		}
		writeBlock(&b, bl, v, p.link(i, t.host, v))
	}
	return []byte(b.String())
}

// writeBlock writes bl, translated by v when v is not nil; tail ends a
// paragraph.
func writeBlock(b *strings.Builder, bl block, v *vocab, tail string) {
	tr := func(s string) string { return s }
	if v != nil {
		tr = v.prose
	}
	switch bl.kind {
	case heading:
		fmt.Fprintf(b, "## %s\n\n", tr(bl.text))
	case para:
		fmt.Fprintf(b, "%s%s\n\n", tr(bl.text), tail)
	case code:
		fmt.Fprintf(b, "```python\n%s\n```\n\n", bl.text)
	case math:
		fmt.Fprintf(b, "$$\n%s\n$$\n\n", bl.text)
	case list:
		for _, item := range strings.Split(bl.text, "\n") {
			fmt.Fprintf(b, "- %s\n", tr(item))
		}
		b.WriteString("\n")
	case image:
		name, caption, _ := strings.Cut(bl.text, " ")
		fmt.Fprintf(b, "<center>\n<img src=\"{{site.baseurl}}/images/%s.png\" width=\"60%%\"/><br>\n<b>%s</b>\n</center>\n\n", name, tr(caption))
	}
}

// newBlocks draws the body of a new page.
func newBlocks(t textGen, key string) []block {
	bs := []block{{heading, t.title()}, {para, t.paragraph()}}
	for i := range 3 + t.r.IntN(7) {
		bs = append(bs, newBlock(t, key, i))
	}
	return bs
}

func newBlock(t textGen, key string, i int) block {
	switch t.r.IntN(10) {
	case 0:
		return block{heading, t.title()}
	case 1:
		return block{code, t.code()}
	case 2:
		return block{math, t.formula()}
	case 3:
		return block{list, t.list()}
	case 4:
		return block{image, fmt.Sprintf("%s/fig%d %s", key, i, t.title())}
	}
	return block{para, t.paragraph()}
}
