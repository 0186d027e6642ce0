// Package graph pairs the pages of a site into entries, one per pairing key,
// and gives every (entry, language) a state: what a translator of that
// language has to do for it.
package graph

import (
	"cmp"
	"slices"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
	"github.com/langref/langref/sync/site"
)

// State is what an entry is in one language.
type State string

// The states of an (entry, language) cell.
const (
	// Translated: one page of the language has the key, and the site uses it.
	Translated State = "translated"
	// Missing: the source page has no translation in the language.
	Missing State = "missing"
	// Orphan: a translation whose key no source page has.
	Orphan State = "orphan"
	// Broken: a file exists, but the site cannot use it as this language's
	// page.
	Broken State = "broken"
)

// States lists every state in report order.
var States = []State{Translated, Missing, Orphan, Broken}

// Reason says why a cell is broken.
type Reason string

// The reasons a cell is broken.
const (
	NotAPage       Reason = "not-a-page"       // Jekyll copies it as a static file
	BadFrontMatter Reason = "bad-front-matter" // YAML that Jekyll cannot read
	NoKey          Reason = "no-key"           // no pairing key: placed by its mirrored path
	NoLang         Reason = "no-lang"          // no lang: shown as a source page
	WrongLang      Reason = "wrong-lang"       // lang names another language
	DuplicateKey   Reason = "duplicate"        // two pages of the language share the key
	Unreadable     Reason = "unreadable"       // empty, binary, UTF-16, CR-only or not UTF-8
	BadType        Reason = "bad-type"         // the key or lang is a list or a mapping
	Symlink        Reason = "symlink"          // a symbolic link in a loop, to nothing, or out of the site
)

// Reasons lists every reason a cell can be broken for.
var Reasons = []Reason{NotAPage, BadFrontMatter, NoKey, NoLang, WrongLang, DuplicateKey, Unreadable, BadType, Symlink}

// Page is one file as the site's language switcher sees it.
type Page struct {
	File *site.File
	// Key is the pairing key's value as Liquid compares it, "" when absent.
	Key string
	// KeyField is the key's field, nil when absent or paired by path.
	KeyField *frontmatter.Field
	// Lang is the page's language as the theme shows it: its lang value,
	// or the source language when it has none.
	Lang string
	// LangField is the lang field, nil when absent.
	LangField *frontmatter.Field
}

// Path returns the page's path relative to the site root.
func (p *Page) Path() string { return p.File.Path }

// Usable reports whether Jekyll reads the page's front matter.
func (p *Page) Usable() bool { return p.File.Plain() || p.File.Doc.Usable() }

// Entry is a pairing key and its source page.
type Entry struct {
	Key string
	// Source is the source-language page, nil for orphan keys.
	Source *Page
	// Dups are other source-language pages with the same key.
	Dups []*Page
	// Section is the navigation chapter the source page sits in, if any.
	Section string

	cells []*Cell // by position in Graph.Langs, nil where there is none
}

// Cell is an entry in one language.
type Cell struct {
	Entry *Entry
	Lang  string
	State State
	// Page is the translation the state is about; nil when missing.
	Page *Page
	// Others are further files of the language with the same key.
	Others []*Page
	// Reason says why a broken cell is broken.
	Reason Reason
}

// Graph is the whole pairing of a site.
type Graph struct {
	Site *site.Site
	// Langs are the translation languages: the site's languages less the
	// source language.
	Langs []string
	// Entries are in the source navigation's order, then by source path,
	// then orphan keys by key.
	Entries []*Entry
	// Pages are all pages and paired plain files, by path.
	Pages        []*Page
	langIndex    map[string]int   // position in Langs
	otherCells   map[cellID]*Cell // cells of folders that are not in Langs
	bySourcePath map[string]*Page
}

type cellID struct{ key, lang string }

// Cell returns the cell of entry e in lang, or nil when e is an orphan key
// that lang does not have.
func (g *Graph) Cell(e *Entry, lang string) *Cell {
	if i, ok := g.langIndex[lang]; ok && e.cells != nil {
		if c := e.cells[i]; c != nil {
			return c
		}
	} else if c, ok := g.otherCells[cellID{e.Key, lang}]; ok {
		return c
	}
	if e.Source == nil {
		return nil
	}
	return &Cell{Entry: e, Lang: lang, State: Missing}
}

// setCell files c as e's cell in its language.
func (g *Graph) setCell(e *Entry, c *Cell) {
	i, ok := g.langIndex[c.Lang]
	if !ok {
		g.otherCells[cellID{e.Key, c.Lang}] = c
		return
	}
	if e.cells == nil {
		e.cells = make([]*Cell, len(g.Langs))
	}
	e.cells[i] = c
}

// fillMissing gives every entry with a source page a Missing cell in the
// languages that lack it, made once rather than on every Cell call.
func (g *Graph) fillMissing() {
	n := 0
	for _, e := range g.Entries {
		if e.Source == nil {
			continue
		}
		if e.cells == nil {
			n += len(g.Langs)
			continue
		}
		for _, c := range e.cells {
			if c == nil {
				n++
			}
		}
	}
	missing := make([]Cell, n) // one allocation for them all
	for _, e := range g.Entries {
		if e.Source == nil {
			continue
		}
		if e.cells == nil {
			e.cells = make([]*Cell, len(g.Langs))
		}
		for i, c := range e.cells {
			if c == nil {
				missing[0] = Cell{Entry: e, Lang: g.Langs[i], State: Missing}
				e.cells[i], missing = &missing[0], missing[1:]
			}
		}
	}
}

// Build pairs the pages of s.
func Build(s *site.Site) *Graph {
	g := &Graph{Site: s, Langs: TranslationLangs(s), langIndex: map[string]int{}, otherCells: map[cellID]*Cell{}}
	for i, l := range g.Langs {
		g.langIndex[l] = i
	}
	pages := make([]Page, len(s.Files)) // one allocation for them all
	if len(s.Files) > 0 {
		g.Pages = make([]*Page, 0, len(s.Files))
	}
	for _, f := range s.Files {
		if f.Unreadable() && f.Folder == s.SourceLang {
			continue // a static file of the source language
		}
		p := &pages[len(g.Pages)]
		setPage(p, s, f)
		g.Pages = append(g.Pages, p)
	}
	entries := g.sourceEntries()
	g.Pages = g.placeTranslations(entries)
	g.order(entries)
	g.fillMissing()
	return g
}

// setPage makes p the page of file f of s.
func setPage(p *Page, s *site.Site, f *site.File) {
	*p = Page{File: f, Lang: s.SourceLang}
	switch {
	case f.Plain():
		p.Key, p.Lang = "file:"+s.Unmirror(f.Path), f.Folder
		return
	case s.Layout != nil:
		if _, rel, ok := s.Layout.Match(f.Path); ok {
			p.Key = profile.PairKey(s.Layout, rel)
		}
		if s.TranslationKey != "" {
			setKey(p, f, s.TranslationKey)
		}
	default:
		setKey(p, f, s.Key)
	}
	if s.LangKey == "" {
		p.Lang = f.Folder
		return
	}
	if lf := field(f.Doc, s.LangKey); lf != nil {
		p.LangField = lf
		if lf.Value.Kind != frontmatter.Null {
			p.Lang = lf.Value.Text
		}
	}
}

// field is d.Get(key) without the copy: the field of d's own Fields,
// which nothing changes once read.
func field(d *frontmatter.Doc, key string) *frontmatter.Field {
	for i := len(d.Fields) - 1; i >= 0; i-- {
		if d.Fields[i].Key == key {
			return &d.Fields[i]
		}
	}
	return nil
}

// setKey gives p the value of f's key, when it has one: a scalar. A list
// or a mapping is kept as KeyField with no Key.
func setKey(p *Page, f *site.File, key string) {
	kf := field(f.Doc, key)
	switch {
	case kf == nil || kf.Value.Kind == frontmatter.Null:
	case BadKind(kf.Value.Kind):
		p.KeyField = kf
	case f.Doc.Usable() || safeKey(kf.Value.Text):
		p.Key, p.KeyField = kf.Value.Text, kf
	}
}

// BadKind reports whether a pairing key or lang of kind k can be no key or
// language: a list or a mapping.
func BadKind(k frontmatter.Kind) bool { return k == frontmatter.List || k == frontmatter.Map }

// safeKey reports whether key, read leniently from front matter the
// generator cannot read, can place its page: it has no control
// characters.
func safeKey(key string) bool {
	for _, r := range key {
		if r < 0x20 || r == 0x7f || r == 0xfffd {
			return false
		}
	}
	return true
}

// IsSource reports whether p is a usable source-language page.
func (g *Graph) IsSource(p *Page) bool {
	return p.File.Folder == g.Site.SourceLang && p.Usable() && p.Lang == g.Site.SourceLang
}

func (g *Graph) sourceEntries() map[string]*Entry {
	nav := g.Site.Nav[g.Site.SourceLang]
	sources := g.sortedSources(nav)
	entries := make(map[string]*Entry, len(sources))
	for _, p := range sources {
		if p.Key == "" {
			continue
		}
		if e, ok := entries[p.Key]; ok {
			e.Dups = append(e.Dups, p)
			continue
		}
		e := &Entry{Key: p.Key, Source: p}
		if i := nav.Index(p.Path()); i >= 0 {
			e.Section = nav.Items[i].Parent
		}
		entries[p.Key] = e
	}
	return entries
}

// sortedSources returns the source pages, navigation order first, so that
// the page the navigation lists wins a duplicated key.
func (g *Graph) sortedSources(nav *site.Nav) []*Page {
	type ranked struct {
		p    *Page
		rank int
	}
	var rs []ranked
	for _, p := range g.Pages {
		if g.IsSource(p) {
			rs = append(rs, ranked{p, navRank(nav, p.Path())})
		}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int { return cmp.Compare(a.rank, b.rank) })
	ps := make([]*Page, len(rs))
	for i, r := range rs {
		ps[i] = r.p
	}
	return ps
}

func navRank(nav *site.Nav, path string) int {
	if i := nav.Index(path); i >= 0 {
		return i
	}
	return 1 << 30
}

// IsFile reports whether e pairs plain files rather than pages.
func (e *Entry) IsFile() bool { return len(e.Key) > 5 && e.Key[:5] == "file:" }

// SourceAt returns the source page whose path inside the source tree is
// rel (en/rel, or rel at the root), or nil.
func (g *Graph) SourceAt(rel string) *Page {
	if g.bySourcePath == nil {
		g.bySourcePath = map[string]*Page{}
		for _, p := range g.Pages {
			if g.IsSource(p) {
				g.bySourcePath[g.Site.Unmirror(p.Path())] = p
			}
		}
	}
	return g.bySourcePath[rel]
}

// TranslationLangs returns the site's languages less the source language.
func TranslationLangs(s *site.Site) []string {
	var out []string
	for _, l := range s.Languages {
		if l != s.SourceLang {
			out = append(out, l)
		}
	}
	return out
}
