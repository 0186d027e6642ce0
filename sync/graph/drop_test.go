package graph

import (
	"testing"
	"unsafe"
)

// TestDropFields checks that a graph whose pages let go of their front
// matter pairs as it did: the same keys, languages and cells, each page's
// key and language copied out of the text its front matter was read from.
func TestDropFields(t *testing.T) {
	g := build(t, map[string]string{
		"_config.yml": "fr:\n  title: Docs\nde:\n  title: Doku\n",
		"en/a.md":     "---\nlang-ref: a\ntitle: A\n---\n",
		"en/b.md":     "---\nlang-ref: b\n---\n",
		"fr/a.md":     "---\nlang: fr\nlang-ref: a\n---\n",
		"fr/c.md":     "---\nlang: fr\nlang-ref: c\n---\n",   // orphan
		"de/a.md":     "---\nlang: de\nlang-ref: [a]\n---\n", // broken: bad type
		"xx/a.md":     "---\nlang: xx\nlang-ref: a\n---\n",   // a folder that is no language
	})
	type page struct {
		key, lang string
		keyData   *byte
	}
	before := map[*Page]page{}
	for _, p := range g.Pages {
		before[p] = page{p.Key, p.Lang, unsafe.StringData(p.Key)}
	}
	type cell struct {
		c     *Cell
		state State
	}
	var cells []cell // by entry and language, where there is one
	xx := false
	for _, e := range g.Entries {
		for _, l := range append([]string{"xx"}, g.Langs...) {
			if c := g.Cell(e, l); c != nil {
				cells = append(cells, cell{c, c.State})
				xx = xx || l == "xx" && c.State != Missing
			}
		}
	}
	if !xx {
		t.Fatal("no cell in xx, a folder that is no language")
	}
	g.DropFields()
	for p, b := range before {
		if p.KeyField != nil || p.LangField != nil {
			t.Errorf("%s keeps its key or lang field", p.Path())
		}
		if p.Key != b.key || p.Lang != b.lang {
			t.Errorf("%s: key %q lang %q, want %q %q", p.Path(), p.Key, p.Lang, b.key, b.lang)
		}
		if p.Key != "" && unsafe.StringData(p.Key) == b.keyData {
			t.Errorf("%s: key %q not copied out of its front matter", p.Path(), p.Key)
		}
	}
	n := 0
	for _, e := range g.Entries {
		for _, l := range append([]string{"xx"}, g.Langs...) {
			c := g.Cell(e, l)
			if c == nil {
				continue
			}
			if n < len(cells) {
				if w := cells[n]; c.State != w.state || (w.state != Missing && c != w.c) {
					t.Errorf("cell %s %s: %s %p, want %s %p", e.Key, l, c.State, c, w.state, w.c)
				}
			}
			n++
		}
	}
	if n != len(cells) {
		t.Errorf("%d cells after, %d before", n, len(cells))
	}
}
