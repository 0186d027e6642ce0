package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/translate/diff"
	"github.com/urfave/cli/v2"
)

const diffFormats = "text, unified, markdown, json, html"

func (e *env) diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     e.p.T("diff.usage"),
		ArgsUsage: e.p.T("diff.args"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Usage: e.p.T("diff.flag.lang")},
			&cli.StringFlag{Name: "since", Usage: e.p.T("diff.flag.since")},
			&cli.BoolFlag{Name: "all-changes", Usage: e.p.T("diff.flag.all-changes")},
			&cli.BoolFlag{Name: "stale", Usage: e.p.T("diff.flag.stale")},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: e.p.T("flag.format", map[string]any{"Formats": diffFormats})},
		},
		Action: e.diff,
	}
}

// diffOptions are the flags of `langref diff`.
type diffOptions struct {
	lang, since, format, page string
	all, stale                bool
}

func (e *env) diff(c *cli.Context) error {
	o := diffOptions{lang: c.String("lang"), since: c.String("since"), format: c.String("format"),
		page: c.Args().First(), all: c.Bool("all-changes"), stale: c.Bool("stale")}
	if err := e.checkDiffOptions(o, c.NArg()); err != nil {
		return err
	}
	// A lean site: diffs read the pages they show again (Site.Contents).
	if _, err := e.inspectHistory(c); err != nil { // issue 14: say what the history lacks
		return err
	}
	pre := stale.PrefetchHistory(siteRoot(c))
	s, err := e.loadLeanSite(c, site.LeanOptions{CacheDir: pre.CacheDir})
	if err != nil {
		return err
	}
	if !s.HasLang(o.lang) || o.lang == s.SourceLang {
		return e.unknownLang(o.lang, graph.TranslationLangs(s))
	}
	g := graph.Build(s)
	r, err := e.diffReport(g, o, pre)
	if err != nil {
		return err
	}
	return e.printDiff(o.format, r)
}

func (e *env) checkDiffOptions(o diffOptions, nargs int) error {
	switch {
	case o.lang == "":
		return e.needLang(nil) // the message every command gives
	case (nargs != 1) != o.stale || nargs > 1:
		return usageErr(errors.New(e.p.T("diff.error.need-page")))
	case !strings.Contains(", "+diffFormats+",", ", "+o.format+","):
		return usageErr(errors.New(e.p.T("error.format", map[string]any{"Format": o.format, "Formats": diffFormats})))
	}
	return nil
}

func (e *env) printDiff(format string, r *diff.Report) error {
	switch format {
	case "json":
		return diff.JSON(e.stdout, r)
	case "unified":
		return diff.Unified(e.stdout, r)
	case "markdown":
		return diff.Markdown(e.stdout, r, e.p)
	case "html":
		return diff.HTML(e.stdout, r, e.p)
	}
	return diff.Text(e.stdout, r, e.p, e.out.color)
}

// diffReport builds the diff of the page named, or the digest of a
// language's stale pages.
// pre is the site's history, prefetched (stale.PrefetchHistory), shared
// with the staleness analysis.
func (e *env) diffReport(g *graph.Graph, o diffOptions, pre *stale.Prefetch) (*diff.Report, error) {
	repo, err := pre.Repo()
	if err != nil {
		if errors.Is(err, history.ErrNoGit) {
			return nil, fmt.Errorf("%w\n%s: %s", err, e.p.T("hint"), e.p.T("diff.hint.no-git"))
		}
		return nil, err
	}
	if repo.Head == "" { // git init, nothing committed: no baseline to compare with
		return nil, fmt.Errorf("%s\n%s: %s", e.p.T("diff.error.no-commits"), e.p.T("hint"), e.p.T("diff.hint.no-commits"))
	}
	h, _, err := pre.History()
	if err != nil {
		return nil, err
	}
	b := &baseliner{g: g, repo: repo, h: h, since: o.since, p: e.p, pre: pre}
	cells, note, err := e.diffCells(g, b, o)
	if err != nil {
		return nil, err
	}
	pages, err := b.pages(cells, o)
	if err != nil {
		return nil, err
	}
	r := &diff.Report{Lang: o.lang, Pages: pages, Note: note}
	if o.stale {
		r.Pages = changedOnly(r.Pages)
		r.Note = e.p.T(note, map[string]any{"Lang": o.lang, "Count": len(r.Pages)})
	}
	return r, nil
}

// changedOnly keeps the pages with changes to show.
func changedOnly(ps []*diff.Page) []*diff.Page {
	out := []*diff.Page{}
	for _, p := range ps {
		if len(p.Changes) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// diffCells returns the cells to compare: the one page named, or every
// translated page of the language for a digest (with the message id of
// the digest's note).
func (e *env) diffCells(g *graph.Graph, b *baseliner, o diffOptions) ([]*graph.Cell, string, error) {
	if !o.stale {
		c, err := e.findCell(g, o.page, o.lang)
		// A page over diff.LineModeBytes is diffed line by line, without
		// the staleness analysis, which would parse it into blocks.
		if err == nil && b.since == "" && staleCells != nil && !lineMode(c) {
			staleCells(g, b, []*graph.Cell{c})
		}
		return []*graph.Cell{c}, "", err
	}
	var out []*graph.Cell
	for _, en := range g.Entries {
		if c := g.Cell(en, o.lang); c != nil && c.State == graph.Translated && en.Source != nil && !en.IsFile() {
			out = append(out, c)
		}
	}
	if b.since == "" && staleCells != nil {
		if cells, ok := staleCells(g, b, out); ok {
			return cells, "diff.digest.stale", nil
		}
	}
	return out, "diff.digest.own", nil
}

// findCell finds the cell that page names: a key, or the path of the
// source page or of a translation (from here or from the site root).
func (e *env) findCell(g *graph.Graph, page, lang string) (*graph.Cell, error) {
	s := g.Site
	var path string
	if ps, err := e.resolvePaths(s, []string{page}); err == nil {
		path = ps[0]
	}
	for _, en := range g.Entries {
		if en.Key != page && !entryHasPath(g, en, path) {
			continue
		}
		if en.Source == nil {
			return nil, usageErr(errors.New(e.p.T("diff.error.no-source", map[string]any{"Page": page})))
		}
		c := g.Cell(en, lang)
		if c == nil || c.Page == nil || c.Page.File.Plain() {
			return nil, usageErr(errors.New(e.p.T("diff.error.no-translation", map[string]any{"Page": page, "Lang": lang})))
		}
		return c, nil
	}
	return nil, e.noPage(e.p.T("diff.error.no-page", map[string]any{"Page": page}), page, g, lang)
}

// entryHasPath reports whether repo-relative path is the source page of en
// or one of its translations.
func entryHasPath(g *graph.Graph, en *graph.Entry, path string) bool {
	if path == "" {
		return false
	}
	if en.Source != nil && g.Site.RepoPath(en.Source.Path()) == path {
		return true
	}
	for _, lang := range g.Langs {
		if c := g.Cell(en, lang); c != nil && c.Page != nil && g.Site.RepoPath(c.Page.Path()) == path {
			return true
		}
	}
	return false
}

// lineMode reports whether the diff of c is line by line: its source page
// or its translation is over diff.LineModeBytes.
func lineMode(c *graph.Cell) bool {
	return diff.LineMode(c.Entry.Source.File.Size(), c.Page.File.Size())
}
