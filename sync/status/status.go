// Package status summarises a site's pairing graph: per language counts and
// one row per (entry, language), the structs that every output format of
// `langref status` encodes.
package status

import (
	"sort"

	"github.com/langref/langref/sync/graph"
)

// Report is the status of a site. Its JSON form is documented in
// docs/en/status.md and is part of langref's interface.
type Report struct {
	Source    string     `json:"source"`
	Root      string     `json:"root"`
	Languages []Language `json:"languages"`
	Pages     []Page     `json:"pages"`
}

// Language counts the cells of one translation language.
type Language struct {
	Lang        string  `json:"lang"`
	SourcePages int     `json:"source_pages"`
	Translated  int     `json:"translated"`
	Missing     int     `json:"missing"`
	Orphan      int     `json:"orphan"`
	Broken      int     `json:"broken"`
	Coverage    float64 `json:"coverage"`
}

// Page is one entry in one language.
type Page struct {
	Key        string   `json:"key"`
	Lang       string   `json:"lang"`
	State      string   `json:"state"`
	Path       string   `json:"path"`
	SourcePath string   `json:"source_path"`
	Reason     string   `json:"reason,omitempty"`
	OtherPaths []string `json:"other_paths,omitempty"`
	Section    string   `json:"section,omitempty"`
}

// Options narrows a report.
type Options struct {
	// Langs limits the pages to these languages; empty means all.
	Langs []string
}

// Build summarises g.
func Build(g *graph.Graph, o Options) *Report {
	s := g.Site
	r := &Report{Source: s.SourceLang, Root: s.RepoPath("."), Languages: []Language{}, Pages: []Page{}}
	want := map[string]bool{}
	for _, l := range o.Langs {
		want[l] = true
	}
	for _, lang := range g.Langs {
		sum := Language{Lang: lang}
		for _, e := range g.Entries {
			c := g.Cell(e, lang)
			if c == nil {
				continue
			}
			count(&sum, c)
			if len(want) == 0 || want[lang] {
				r.Pages = append(r.Pages, row(g, c))
			}
		}
		if sum.SourcePages > 0 {
			sum.Coverage = float64(sum.Translated) / float64(sum.SourcePages)
		}
		r.Languages = append(r.Languages, sum)
	}
	sortLanguages(r.Languages)
	return r
}

func count(sum *Language, c *graph.Cell) {
	if c.Entry.Source != nil {
		sum.SourcePages++
	}
	switch c.State {
	case graph.Translated:
		sum.Translated++
	case graph.Missing:
		sum.Missing++
	case graph.Orphan:
		sum.Orphan++
	case graph.Broken:
		sum.Broken++
	}
}

func row(g *graph.Graph, c *graph.Cell) Page {
	s := g.Site
	p := Page{Key: c.Entry.Key, Lang: c.Lang, State: string(c.State), Reason: string(c.Reason)}
	if c.Page != nil {
		p.Path = s.RepoPath(c.Page.Path())
	}
	if c.Entry.Source != nil {
		p.SourcePath = s.RepoPath(c.Entry.Source.Path())
	}
	if c.Entry.Section != "" {
		p.Section = s.RepoPath(c.Entry.Section)
	}
	for _, o := range c.Others {
		p.OtherPaths = append(p.OtherPaths, s.RepoPath(o.Path()))
	}
	return p
}

// sortLanguages orders languages by coverage, best first, then by code.
func sortLanguages(ls []Language) {
	sort.SliceStable(ls, func(i, j int) bool {
		if ls[i].Coverage != ls[j].Coverage {
			return ls[i].Coverage > ls[j].Coverage
		}
		return ls[i].Lang < ls[j].Lang
	})
}
