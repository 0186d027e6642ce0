package main

import (
	"errors"

	"github.com/langref/langref/sync/check"
	"github.com/langref/langref/sync/graph"
)

// pageNames are the names a page argument may take on g's site: the
// source pages' pairing keys and their paths, and the paths of lang's
// translations (lang "" for none), relative to the repository root and
// to the site root.
func pageNames(g *graph.Graph, lang string) []string {
	var out []string
	for _, en := range g.Entries {
		if en.Source == nil || en.IsFile() {
			continue
		}
		out = append(out, en.Key, g.Site.RepoPath(en.Source.Path()), en.Source.Path())
		if c := g.Cell(en, lang); lang != "" && c != nil && c.Page != nil {
			out = append(out, g.Site.RepoPath(c.Page.Path()), c.Page.Path())
		}
	}
	return out
}

// noPage is the usage error msg about page, which names no page, with the
// nearest key or path of g's site as a hint when one is near.
func (e *env) noPage(msg, page string, g *graph.Graph, lang string) error {
	if s := check.Nearest(page, pageNames(g, lang)); s != "" {
		return usageErr(e.withHint(msg, e.p.T("hint.did-you-mean", map[string]any{"Name": s})))
	}
	return usageErr(errors.New(msg))
}
