package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// edit is one ordinary commit: an English edit, a translation update, a
// translator's own fix, or an English change applied with a translation.
func (g *gen) edit() {
	switch x := g.r.IntN(100); {
	case x < 64:
		g.englishEdit(x)
	case x < 84:
		g.updateTranslation()
	case x < 90:
		g.touchTranslation()
	default:
		g.editBoth()
	}
}

// edits are the English edits, by weight out of 64.
var edits = []struct {
	name   string
	weight int
	class  change
	apply  func(g *gen, bs []block) []block
}{
	{"typo", 24, typo, (*gen).fixTypo},
	{"rewrap", 10, cosmetic, (*gen).rewrap},
	{"new-paragraph", 12, content, (*gen).addParagraph},
	{"rewrite", 5, content, (*gen).rewrite},
	{"formula", 7, verbatim, (*gen).changeFormula},
	{"code", 6, verbatim, (*gen).changeCode},
}

func (g *gen) englishEdit(x int) {
	e := edits[len(edits)-1]
	for _, c := range edits {
		if x < c.weight {
			e = c
			break
		}
		x -= c.weight
	}
	ps := []*page{g.pages[g.r.IntN(len(g.pages))]}
	if g.r.IntN(10) == 0 { // a few pages of one chapter at once
		ch := g.chapters[ps[0].chapter-1]
		ps = ch[:1+g.r.IntN(min(5, len(ch)))]
	}
	g.commit(pick(g.r, authors), fmt.Sprintf("%s: %s", e.name, ps[0].key))
	for _, p := range ps {
		g.changeEnglish(p, e.class, e.apply)
	}
	g.im.end()
	g.events["en-"+e.name]++
}

// changeEnglish applies an edit to p, writes it and marks its translations.
func (g *gen) changeEnglish(p *page, class change, apply func(*gen, []block) []block) {
	bs := apply(g, p.blocks)
	if bs == nil { // nothing to edit of that kind: add a paragraph instead
		bs, class = g.addParagraph(p.blocks), content
	}
	p.blocks = bs
	g.im.put(p.path("en"), p.render())
	for l, t := range p.trans {
		if t == nil {
			continue
		}
		if t.pending == 0 {
			g.dirty = append(g.dirty, tref{p, l})
		}
		t.pending |= class
	}
}

// replace returns a copy of bs with block i changed to text.
func replace(bs []block, i int, text string) []block {
	out := slices.Clone(bs)
	out[i].text = text
	return out
}

// find returns a random block index of kind k, or -1.
func (g *gen) find(bs []block, k blockKind) int {
	var is []int
	for i, b := range bs {
		if b.kind == k {
			is = append(is, i)
		}
	}
	if len(is) == 0 {
		return -1
	}
	return is[g.r.IntN(len(is))]
}

var longWord = regexp.MustCompile(`[a-z]{5,}`)

// fixTypo fixes a misspelling, or swaps two letters of a word.
func (g *gen) fixTypo(bs []block) []block {
	i := g.find(bs, para)
	for _, t := range typos {
		if j := strings.Index(bs[i].text, " "+t.bad+" "); j >= 0 {
			return replace(bs, i, bs[i].text[:j+1]+t.good+bs[i].text[j+1+len(t.bad):])
		}
	}
	ms := longWord.FindAllStringIndex(bs[i].text, -1)
	if len(ms) == 0 {
		return nil
	}
	m := ms[g.r.IntN(len(ms))]
	w := []byte(bs[i].text[m[0]:m[1]])
	w[1], w[2] = w[2], w[1]
	return replace(bs, i, bs[i].text[:m[0]]+string(w)+bs[i].text[m[1]:])
}

// rewrap wraps a paragraph at another width: nothing a reader sees.
func (g *gen) rewrap(bs []block) []block {
	i := g.find(bs, para)
	text := bs[i].text
	for range 4 {
		if w := wrap(text, 50+g.r.IntN(80)); w != text {
			return replace(bs, i, w)
		}
	}
	return replace(bs, i, strings.ReplaceAll(text, "\n", " "))
}

func (g *gen) addParagraph(bs []block) []block {
	i := 2 + g.r.IntN(len(bs)-1)
	return slices.Insert(slices.Clone(bs), i, block{para, g.t.paragraph()})
}

func (g *gen) rewrite(bs []block) []block {
	return replace(bs, g.find(bs, para), g.t.paragraph())
}

var digit = regexp.MustCompile(`\d+`)

// changeNumber changes one number of a block of kind k.
func (g *gen) changeNumber(bs []block, k blockKind) []block {
	i := g.find(bs, k)
	if i < 0 {
		return nil
	}
	ms := digit.FindAllStringIndex(bs[i].text, -1)
	m := ms[g.r.IntN(len(ms))]
	n := fmt.Sprint(1 + g.r.IntN(999))
	if n == bs[i].text[m[0]:m[1]] {
		n += "0"
	}
	return replace(bs, i, bs[i].text[:m[0]]+n+bs[i].text[m[1]:])
}

func (g *gen) changeFormula(bs []block) []block { return g.changeNumber(bs, math) }
func (g *gen) changeCode(bs []block) []block    { return g.changeNumber(bs, code) }

// updateTranslation brings a translation that fell behind up to date.
func (g *gen) updateTranslation() {
	for len(g.dirty) > 0 {
		i := g.r.IntN(len(g.dirty))
		r := g.dirty[i]
		g.dirty[i] = g.dirty[len(g.dirty)-1]
		g.dirty = g.dirty[:len(g.dirty)-1]
		if r.get().pending == 0 {
			continue
		}
		g.commit(g.translator(r.lang), fmt.Sprintf("[%s] Update %s", g.langs[r.lang], r.p.key))
		g.sync(r)
		g.im.end()
		g.events["tr-update"]++
		return
	}
	g.englishEdit(0)
}

// randomTranslation returns an existing translation, if it finds one.
func (g *gen) randomTranslation() (tref, bool) {
	for range 50 {
		p := g.pages[g.r.IntN(len(g.pages))]
		if l := g.r.IntN(len(g.langs)); p.trans[l] != nil {
			return tref{p, l}, true
		}
	}
	return tref{}, false
}

// touchTranslation is a translator's fix that takes nothing from English.
func (g *gen) touchTranslation() {
	r, ok := g.randomTranslation()
	if !ok {
		g.englishEdit(0)
		return
	}
	g.commit(g.translator(r.lang), fmt.Sprintf("[%s] Fix typo in %s", g.langs[r.lang], r.p.key))
	r.get().touches++
	g.put(r)
	g.im.end()
	g.events["tr-touch"]++
}

// editBoth changes an English page and updates some of its translations
// in the same commit.
func (g *gen) editBoth() {
	r, ok := g.randomTranslation()
	if !ok {
		g.englishEdit(0)
		return
	}
	g.commit(pick(g.r, authors), fmt.Sprintf("Expand %s and its translations", r.p.key))
	g.changeEnglish(r.p, content, (*gen).addParagraph)
	for l, t := range r.p.trans {
		if t != nil && (l == r.lang || g.r.IntN(3) == 0) {
			g.sync(tref{r.p, l})
		}
	}
	g.im.end()
	g.events["en+tr"]++
}

// bulk is a mechanical edit of many pages in every language: new link
// targets in English and translations alike, or a front matter value
// requoted in the translations only.
func (g *gen) bulk() {
	chs := g.r.Perm(len(g.chapters))[:max(1, len(g.chapters)/20)]
	links := g.events["bulk-links"] <= g.events["bulk-frontmatter"]
	if links {
		g.host++
		g.commit(pick(g.r, authors), fmt.Sprintf("Move the notes to docs%d.example.org", g.host))
		g.events["bulk-links"]++
	} else {
		g.commit(pick(g.r, authors), "Quote translator names")
		g.events["bulk-frontmatter"]++
	}
	for _, c := range chs {
		for _, p := range g.chapters[c] {
			g.bulkPage(p, links)
		}
	}
	g.im.end()
}

func (g *gen) bulkPage(p *page, links bool) {
	if links && p.host != g.host {
		p.host = g.host
		g.im.put(p.path("en"), p.render())
	}
	for l, t := range p.trans {
		switch {
		case t == nil:
		case links && t.host != g.host:
			t.host = g.host
			g.put(tref{p, l})
		case !links:
			t.quoted = !t.quoted
			g.put(tref{p, l})
		}
	}
}
