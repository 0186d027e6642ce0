package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"
)

// chapterSize is the number of pages of a chapter: its index page and the
// sections under it.
const chapterSize = 20

// gen holds the site as it is at the current commit.
type gen struct {
	o        options
	r        *rand.Rand
	t        textGen
	im       *importer
	now      time.Time
	langs    []string
	vocabs   []*vocab
	pages    []*page
	chapters [][]*page
	dirty    []tref // translations whose English page changed since
	events   map[string]int
	host     int
}

// tref names one translation: a page and a language index.
type tref struct {
	p    *page
	lang int
}

func (r tref) get() *translation { return r.p.trans[r.lang] }

// stats are what generate reports.
type stats struct {
	translations, commits, files int
	bytes                        int64
	history, checkout, repack    time.Duration
	events                       map[string]int
}

func generate(o options) (*stats, error) {
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return nil, err
	}
	g := newGen(o)
	start := time.Now()
	im, err := startImport(o.out)
	if err != nil {
		return nil, err
	}
	g.im = im
	g.history()
	if err := im.close(); err != nil {
		return nil, err
	}
	st := &stats{commits: im.commits, files: im.files, bytes: im.bytes, events: g.events, history: time.Since(start)}
	start = time.Now()
	if err := checkout(o.out); err != nil {
		return nil, err
	}
	st.checkout = time.Since(start)
	if o.repack {
		start = time.Now()
		if err := repack(o.out); err != nil {
			return nil, err
		}
		st.repack = time.Since(start)
	}
	st.translations = g.countTranslations()
	if o.truth != "" {
		return st, os.WriteFile(o.truth, g.truth(), 0o644)
	}
	return st, nil
}

func newGen(o options) *gen {
	r := rand.New(rand.NewPCG(uint64(o.seed), 0x9e3779b97f4a7c15))
	g := &gen{o: o, r: r, t: textGen{r}, langs: languages[:o.langs], events: map[string]int{},
		now: time.Date(2019, 1, 7, 9, 0, 0, 0, time.UTC)}
	for i, l := range g.langs {
		g.vocabs = append(g.vocabs, newVocab(l, uint64(o.seed)+uint64(i)))
	}
	for i := range o.pages {
		g.addPage(i)
	}
	for _, ch := range g.chapters { // a translated section needs its chapter
		for _, p := range ch[1:] {
			for l, ok := range p.planned {
				ch[0].planned[l] = ch[0].planned[l] || ok
			}
		}
	}
	return g
}

func (g *gen) addPage(i int) {
	ch := i / chapterSize
	p := &page{chapter: ch + 1, title: g.t.title(), author: pick(g.r, authors), host: 0,
		planned: make([]bool, len(g.langs)), trans: make([]*translation, len(g.langs))}
	p.key, p.slug = fmt.Sprintf("ch%04d", p.chapter), "index"
	if n := i % chapterSize; n > 0 {
		p.key, p.slug = fmt.Sprintf("ch%04d-%02d", p.chapter, n), fmt.Sprintf("s%02d", n)
		if i%97 == 13 {
			p.slug += "-résumé" // a non-ASCII file name now and then
		}
	}
	p.blocks = newBlocks(g.t, p.key)
	for l := range g.langs {
		p.planned[l] = g.r.Float64() < coverage(l, len(g.langs))
	}
	if ch == len(g.chapters) {
		g.chapters = append(g.chapters, nil)
	}
	g.chapters[ch] = append(g.chapters[ch], p)
	g.pages = append(g.pages, p)
}

// coverage is the share of pages language l translates: 95% for the
// first, falling to 40% for the last.
func coverage(l, n int) float64 {
	if n == 1 {
		return 0.95
	}
	return 0.95 - 0.55*float64(l)/float64(n-1)
}

var authors = []string{"Ada Lovelace", "Alan Turing", "Grace Hopper", "Yann Example", "Alfredo Sample",
	"Kurt Goedel", "Emmy Noether", "Claude Shannon", "Barbara Liskov", "Donald Knuth"}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

func (g *gen) translator(l int) string {
	return fmt.Sprintf("%s Translator %d", strings.ToUpper(g.langs[l]), 1+g.r.IntN(4))
}

// commit starts a commit a little after the previous one.
func (g *gen) commit(author, msg string) {
	g.now = g.now.Add(time.Minute + time.Duration(g.r.IntN(12*60))*time.Minute)
	g.im.commit(author, g.now, msg)
}

// history writes every commit: the configuration, the English pages, then
// a mix of translation batches, edits and bulk commits.
func (g *gen) history() {
	g.commitConfig("Site configuration")
	boot := g.bootstrap()
	rest := max(g.o.commits-2-boot, 10)
	batches := g.batches(max(1, rest*45/100))
	for _, slot := range g.schedule(rest, len(batches)) {
		switch {
		case slot >= 0:
			g.translate(batches[slot])
		case slot == slotNav:
			g.commitConfig("Update navigation")
		case slot == slotBulk:
			g.bulk()
		default:
			g.edit()
		}
	}
	g.commitConfig("Update navigation")
}

// bootstrap adds the English pages, a few chapters per commit, and
// returns the number of commits.
func (g *gen) bootstrap() int {
	n := max(1, min(len(g.chapters), g.o.commits/20))
	per := (len(g.chapters) + n - 1) / n
	commits := 0
	for i := 0; i < len(g.chapters); i += per {
		chs := g.chapters[i:min(i+per, len(g.chapters))]
		g.commit(pick(g.r, authors), fmt.Sprintf("Add chapters %d to %d", chs[0][0].chapter, chs[len(chs)-1][0].chapter))
		for _, ch := range chs {
			for _, p := range ch {
				p.added, p.date = true, g.now
				g.im.put(p.path("en"), p.render())
			}
		}
		g.im.end()
		commits++
	}
	g.events["add-english"] = commits
	return commits
}

const (
	slotEdit = -1 - iota
	slotNav
	slotBulk
)

// schedule spreads n translation batches, ten navigation updates and a few
// bulk commits over slots commits; the others are edits.
func (g *gen) schedule(slots, n int) []int {
	plan := make([]int, slots)
	for i := range plan {
		plan[i] = slotEdit
	}
	perm := g.r.Perm(slots)
	sort.Ints(perm[:min(n, slots)])
	for i, s := range perm[:min(n, slots)] {
		plan[s] = i
	}
	free := func(from int) int {
		for i := from; i < slots; i++ {
			if plan[i] == slotEdit {
				return i
			}
		}
		return -1
	}
	for k := 1; k < 10; k++ {
		if i := free(k * slots / 10); i >= 0 {
			plan[i] = slotNav
		}
	}
	for range max(2, g.o.commits/1000) {
		if i := free(slots/4 + g.r.IntN(slots-slots/4)); i >= 0 {
			plan[i] = slotBulk
		}
	}
	return plan
}

// batches groups the planned translations into at most n batches: one
// language and one chapter each when there is room, in roughly the order
// of the chapters.
func (g *gen) batches(n int) [][]tref {
	type unit struct {
		refs []tref
		at   float64
	}
	var units []unit
	for c, ch := range g.chapters {
		for l := range g.langs {
			var u unit
			for _, p := range ch {
				if p.planned[l] {
					u.refs = append(u.refs, tref{p, l})
				}
			}
			u.at = 0.6*float64(c)/float64(len(g.chapters)) + 0.4*g.r.Float64()
			if len(u.refs) > 0 {
				units = append(units, u)
			}
		}
	}
	sort.SliceStable(units, func(i, j int) bool { return units[i].at < units[j].at })
	per := (len(units) + n - 1) / n
	var out [][]tref
	for i := 0; i < len(units); i += per {
		var b []tref
		for _, u := range units[i:min(i+per, len(units))] {
			b = append(b, u.refs...)
		}
		out = append(out, b)
	}
	return out
}

func (g *gen) translate(batch []tref) {
	first := batch[0]
	tr := g.translator(first.lang)
	g.commit(tr, fmt.Sprintf("[%s] Translate chapter %d", g.langs[first.lang], first.p.chapter))
	for _, r := range batch {
		r.p.trans[r.lang] = &translation{translator: tr}
		g.sync(r)
	}
	g.im.end()
	g.events["translate"]++
}

// sync brings translation r up to date with its English page and writes it.
func (g *gen) sync(r tref) {
	t := r.get()
	t.title, t.blocks, t.host, t.pending, t.date = g.vocabs[r.lang].prose(r.p.title), r.p.blocks, r.p.host, 0, g.now
	g.put(r)
}

func (g *gen) put(r tref) {
	g.im.put(r.p.path(g.langs[r.lang]), r.p.renderTranslation(g.langs[r.lang], r.get(), g.vocabs[r.lang]))
}

func (g *gen) commitConfig(msg string) {
	g.commit(pick(g.r, authors), msg)
	g.im.put("docs/_config.yml", g.config())
	g.im.end()
	g.events["config"]++
}

func (g *gen) countTranslations() int {
	n := 0
	for _, p := range g.pages {
		for _, t := range p.trans {
			if t != nil {
				n++
			}
		}
	}
	return n
}

// truth lists every translation with the English changes it has not
// taken: stale when one of them is content or verbatim.
func (g *gen) truth() []byte {
	var b strings.Builder
	for _, p := range g.pages {
		for l, t := range p.trans {
			if t == nil {
				continue
			}
			state := "current"
			if t.pending&(content|verbatim) != 0 {
				state = "stale"
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\n", p.path(g.langs[l]), state, t.pending)
		}
	}
	return []byte(b.String())
}
