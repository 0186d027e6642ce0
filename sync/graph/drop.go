package graph

import "strings"

// DropFields lets go of what the pages keep of their front matter, once
// they are placed: KeyField and LangField become nil, and Key and Lang,
// with the entries' keys, are copied out of the front matter's text,
// which they would otherwise keep whole (it is read as one string). For
// callers that read neither field after the graph is built (status,
// whose staleness analysis drops the pages' own fields too: a large
// site's front matter is then not held through the analysis).
func (g *Graph) DropFields() {
	copies := map[string]string{}
	own := func(s string) string {
		if s == "" {
			return s
		}
		c, ok := copies[s]
		if !ok {
			c = strings.Clone(s)
			copies[s] = c
		}
		return c
	}
	for _, p := range g.Pages {
		p.KeyField, p.LangField = nil, nil
		p.Key, p.Lang = own(p.Key), own(p.Lang)
	}
	for _, e := range g.Entries {
		e.Key = own(e.Key)
		for _, c := range e.cells {
			if c != nil {
				c.Lang = own(c.Lang)
			}
		}
	}
	others := make(map[cellID]*Cell, len(g.otherCells))
	for id, c := range g.otherCells {
		c.Lang = own(c.Lang)
		others[cellID{own(id.key), own(id.lang)}] = c
	}
	g.otherCells = others
}
