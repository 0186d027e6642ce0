package graph

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
)

// placeTranslations puts every page of a translation language into the
// cell of its key, or of its mirrored source page when it has no key. It
// returns the pages less the unreadable files it cannot place (static
// files of the language, for all the site can tell).
func (g *Graph) placeTranslations(entries map[string]*Entry) []*Page {
	n := 0
	for _, p := range g.Pages {
		if p.File.Folder != g.Site.SourceLang {
			n++
		}
	}
	// the pages of each cell, the cells in the order of their first
	// page's path: they are decided in the order the pages were read,
	// which is cheaper to visit than a map's
	type cell struct {
		id cellID
		ps []*Page
	}
	at := make(map[cellID]int, n)
	cells := make([]cell, 0, n)
	kept := g.Pages[:0]
	for _, p := range g.Pages {
		lang := p.File.Folder
		if lang == g.Site.SourceLang {
			kept = append(kept, p)
			continue
		}
		key := g.keyOf(p, entries)
		if key == "" && p.File.Unreadable() {
			continue
		}
		kept = append(kept, p)
		id := cellID{key, lang}
		if i, ok := at[id]; ok {
			cells[i].ps = append(cells[i].ps, p)
			continue
		}
		at[id] = len(cells)
		cells = append(cells, cell{id, []*Page{p}})
	}
	decided := make([]Cell, len(cells)) // one allocation for them all
	for i, c := range cells {
		e, ok := entries[c.id.key]
		if !ok {
			e = &Entry{Key: c.id.key}
			entries[c.id.key] = e
		}
		g.decide(&decided[i], e, c.id.lang, c.ps)
		g.setCell(e, &decided[i])
	}
	return kept
}

// keyOf returns the key a translation is filed under: its own, or that of
// the source page at its mirrored path. A page the generator cannot read
// is filed under its mirrored source page first, its own key (read
// leniently) second.
func (g *Graph) keyOf(p *Page, entries map[string]*Entry) string {
	readable := p.File.Plain() || p.File.Doc.Usable()
	if p.Key != "" && readable {
		return p.Key
	}
	if k := g.mirroredKey(p, entries); k != "" || readable {
		return k
	}
	return p.Key
}

// mirroredKey returns the key of the source page at p's mirrored path, or "".
func (g *Graph) mirroredKey(p *Page, entries map[string]*Entry) string {
	rel := g.Site.Unmirror(p.Path())
	for _, cand := range []string{g.Site.SourceLang + "/" + rel, rel} {
		for _, e := range entries {
			if e.Source != nil && e.Source.Path() == cand {
				return e.Key
			}
		}
	}
	return ""
}

// decide makes c the cell of entry e in lang, whose folder holds ps.
func (g *Graph) decide(c *Cell, e *Entry, lang string, ps []*Page) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Path() < ps[j].Path() })
	*c = Cell{Entry: e, Lang: lang}
	var good, bad []*Page
	for _, p := range ps {
		if g.reason(p, lang) == "" {
			good = append(good, p)
		} else {
			bad = append(bad, p)
		}
	}
	switch {
	case e.Source == nil && unreadable(g, bad, lang) && len(good) == 0:
		c.State, c.Page, c.Others, c.Reason = Broken, bad[0], bad[1:], g.reason(bad[0], lang)
	case e.Source == nil:
		c.State, c.Page = Orphan, ps[0]
		c.Others = ps[1:]
	case len(good) == 1:
		c.State, c.Page, c.Others = Translated, good[0], bad
	case len(good) > 1:
		c.State, c.Page, c.Others, c.Reason = Broken, good[0], append(good[1:], bad...), DuplicateKey
	default:
		c.State, c.Page, c.Others, c.Reason = Broken, bad[0], bad[1:], g.reason(bad[0], lang)
	}
}

// reason says why page p cannot be lang's page for its key, or "".
func (g *Graph) reason(p *Page, lang string) Reason {
	switch {
	case p.File.Plain():
		return ""
	case p.File.BadLink():
		return Symlink
	case p.File.Unreadable():
		return Unreadable
	case !p.File.Doc.Page:
		return NotAPage
	case p.File.Doc.Problem != nil:
		return BadFrontMatter
	case p.Key == "" && p.KeyField != nil:
		return BadType
	case p.Key == "":
		return NoKey
	case g.Site.Layout != nil && p.LangField == nil, g.Site.LangKey == "":
		return ""
	case p.LangField != nil && BadKind(p.LangField.Value.Kind):
		return BadType
	case p.LangField == nil || p.LangField.Value.Kind == frontmatter.Null || p.LangField.Value.Text == "":
		return NoLang
	case p.Lang != lang:
		return WrongLang
	}
	return ""
}

// order sorts the entries: source navigation first, then source pages by
// path, then orphan keys.
func (g *Graph) order(entries map[string]*Entry) {
	nav := g.Site.Nav[g.Site.SourceLang]
	type ranked struct {
		e    *Entry
		rank int
		by   string
	}
	rs := make([]ranked, 0, len(entries))
	for _, e := range entries {
		if e.Source == nil {
			rs = append(rs, ranked{e, 1<<30 + 1, e.Key})
		} else {
			rs = append(rs, ranked{e, navRank(nav, e.Source.Path()), e.Source.Path()})
		}
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		if a.rank != b.rank {
			return cmp.Compare(a.rank, b.rank)
		}
		return strings.Compare(a.by, b.by)
	})
	if len(rs) > 0 {
		g.Entries = make([]*Entry, len(rs))
	}
	for i, r := range rs {
		g.Entries[i] = r.e
	}
}

// unreadable reports whether the generator can read none of ps, pages of
// lang: not pages, front matter it cannot read, or no text at all.
func unreadable(g *Graph, ps []*Page, lang string) bool {
	for _, p := range ps {
		switch g.reason(p, lang) {
		case NotAPage, BadFrontMatter, Unreadable, Symlink:
		default:
			return false
		}
	}
	return true
}
