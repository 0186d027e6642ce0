package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/pin"
	"github.com/langref/langref/sync/plan"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/translate/refresh"
	"github.com/urfave/cli/v2"
)

func (e *env) markCommand() *cli.Command {
	return &cli.Command{
		Name:      "mark",
		Usage:     e.p.T("mark.usage"),
		ArgsUsage: e.p.T("mark.args"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Required: true, Usage: e.p.T("mark.flag.lang")},
			&cli.StringFlag{Name: "rev", Value: "HEAD", Usage: e.p.T("mark.flag.rev")},
			&cli.BoolFlag{Name: "all", Usage: e.p.T("mark.flag.all")},
			&cli.BoolFlag{Name: "force", Usage: e.p.T("mark.flag.force")},
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: e.p.T("mark.flag.dry-run")},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: e.p.T("flag.format", map[string]any{"Formats": "text, json"})},
		},
		Action: e.mark,
	}
}

// work is what mark and sync read: the site, its staleness and its
// history.
type work struct {
	s      *site.Site
	g      *graph.Graph
	res    *stale.Result
	repo   *history.Repo
	h      *history.History
	prefix string // the site root, relative to the top of the work tree
	lang   string
}

// openWork loads the site, its history and the staleness of its pages.
func (e *env) openWork(c *cli.Context, lang string) (*work, error) {
	pre := stale.PrefetchHistory(siteRoot(c))
	s, err := e.loadSite(c)
	if err != nil {
		return nil, err
	}
	if !s.HasLang(lang) || lang == s.SourceLang {
		return nil, e.unknownLang(lang, graph.TranslationLangs(s))
	}
	w := &work{s: s, g: graph.Build(s), lang: lang}
	if w.repo, err = pre.Repo(); err != nil {
		if errors.Is(err, history.ErrNoGit) {
			return nil, fmt.Errorf("%w\n%s: %s", err, e.p.T("hint"), e.p.T("mark.hint.no-git"))
		}
		return nil, err
	}
	if w.h, _, err = pre.History(); err != nil {
		return nil, err
	}
	if w.prefix, err = w.repo.Rel(s.Root); err != nil {
		return nil, err
	}
	o := stale.DefaultOptions(w.g)
	o.Prefetch = pre
	if w.res, err = stale.Analyze(w.g, o); err != nil {
		return nil, err
	}
	return w, nil
}

// gitPath returns a site path as git names it.
func (w *work) gitPath(rel string) string { return path.Join(w.prefix, rel) }

// cells returns the translations of w.lang that args name (paths of pages
// or folders, from here or from the site root, or pairing keys), or all of
// them when args is empty.
func (e *env) cells(w *work, args []string) ([]*graph.Cell, error) {
	picked := map[*graph.Cell]bool{}
	for _, a := range args {
		n := 0
		for _, en := range w.g.Entries {
			c := w.g.Cell(en, w.lang)
			if c == nil || c.State != graph.Translated || en.Source == nil || c.Page.File.Doc == nil {
				continue
			}
			if names(w.s, en, c, a) {
				picked[c] = true
				n++
			}
		}
		if n == 0 {
			return nil, e.noPage(e.p.T("mark.error.no-page", map[string]any{"Page": a, "Lang": w.lang}), a, w.g, w.lang)
		}
	}
	var out []*graph.Cell
	for _, en := range w.g.Entries {
		c := w.g.Cell(en, w.lang)
		if c != nil && c.State == graph.Translated && en.Source != nil && c.Page.File.Doc != nil && (len(args) == 0 || picked[c]) {
			out = append(out, c)
		}
	}
	return out, nil
}

// names reports whether argument a names the translation c of entry en:
// its key, its path or its source page's path, or a folder holding one.
func names(s *site.Site, en *graph.Entry, c *graph.Cell, a string) bool {
	if a == en.Key {
		return true
	}
	p := sitePath(s, a)
	local := p != a || exists(filepath.Join(s.Root, filepath.FromSlash(a)))
	a = strings.TrimSuffix(filepath.ToSlash(a), "/")
	for _, q := range []string{c.Page.Path(), en.Source.Path()} {
		if local && (p == "." || q == p || strings.HasPrefix(q, p+"/")) {
			return true
		}
		// a path from the top of the repository, as langref prints them
		if r := s.RepoPath(q); r == a || strings.HasPrefix(r, a+"/") {
			return true
		}
	}
	return false
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// states reads what mark and sync need of each cell, with one git process
// for all the files at their baselines.
func (w *work) states(cells []*graph.Cell) ([]pageState, error) {
	out := make([]pageState, len(cells))
	var specs []string
	for i, c := range cells {
		ps := &out[i]
		ps.page = w.res.Page(c.Page.Path())
		var err error
		if ps.tr, err = w.s.Contents(c.Page.File); err != nil {
			return nil, err
		}
		if ps.source, err = w.s.Contents(c.Entry.Source.File); err != nil {
			return nil, err
		}
		if ps.page != nil && ps.page.Baseline != "" {
			specs = append(specs, w.spec(ps.page.Baseline, ps.page.SourcePath), w.spec(ps.page.Baseline, ps.page.Path))
		}
	}
	blobs, _, err := w.repo.Blobs(specs)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if p := out[i].page; p != nil && p.Baseline != "" {
			out[i].oldSource = blobs[w.spec(p.Baseline, p.SourcePath)]
			out[i].before = blobs[w.spec(p.Baseline, p.Path)]
		}
	}
	return out, nil
}

// spec names a site file at commit rev, under the name it had then.
func (w *work) spec(rev, rel string) string {
	p := w.gitPath(rel)
	if at := w.h.PathAt(p, rev); at != "" {
		p = at
	}
	return rev + ":" + p
}

// baseline resolves rev to the commit to record, with messages for the
// revisions that cannot be recorded.
func (e *env) baseline(w *work, rev string) (string, error) {
	spec := w.prefix
	if spec == "" {
		spec = "."
	}
	_, commit, err := w.repo.BaselineCommit(rev, spec)
	switch {
	case errors.Is(err, history.ErrUnknownRev):
		return "", usageErr(errors.New(e.p.T("mark.error.bad-rev", map[string]any{"Rev": rev})))
	case errors.Is(err, history.ErrNotAncestor):
		return "", usageErr(errors.New(e.p.T("mark.error.not-ancestor", map[string]any{"Rev": rev})))
	}
	return commit, err
}

// markOptions are the flags of `langref mark`.
type markOptions struct {
	lang, rev, format string
	all, force, dryRn bool
}

func (e *env) mark(c *cli.Context) error {
	o := markOptions{lang: c.String("lang"), rev: c.String("rev"), format: c.String("format"), all: c.Bool("all"), force: c.Bool("force"), dryRn: c.Bool("dry-run")}
	if o.format != "text" && o.format != "json" {
		return usageErr(fmt.Errorf("%s", e.p.T("error.format", map[string]any{"Format": o.format, "Formats": "text, json"})))
	}
	if (c.NArg() == 0) != o.all {
		return usageErr(errors.New(e.p.T("mark.error.pages")))
	}
	w, err := e.openWork(c, o.lang)
	if err != nil {
		return err
	}
	if w.s.BaselineKey == "" {
		return usageErr(errors.New(e.p.T("mark.error.no-key")))
	}
	commit, err := e.baseline(w, o.rev)
	if err != nil {
		return err
	}
	cells, err := e.cells(w, c.Args().Slice())
	if err != nil {
		return err
	}
	states, err := w.states(cells)
	if err != nil {
		return err
	}
	p, done, err := e.markPlan(w, cells, states, commit, o)
	if err != nil {
		return err
	}
	if o.format == "json" {
		if !o.dryRn {
			if _, err := p.Apply(plan.Options{}); err != nil {
				return e.writeError(w.s, err)
			}
		}
		return e.json(markJSON{Lang: o.lang, Key: w.s.BaselineKey, Commit: commit, DryRun: o.dryRn, Pages: done})
	}
	if o.dryRn {
		return p.Diff(e.stdout, repoPrefix(w.s))
	}
	if _, err := p.Apply(plan.Options{}); err != nil {
		return e.writeError(w.s, err)
	}
	for _, m := range done {
		fmt.Fprintln(e.stdout, e.p.T("mark.marked", map[string]any{"Path": m.Page, "Source": m.Source, "Commit": short(m.New), "Key": m.Key}))
	}
	if len(p.Writes) == 0 {
		fmt.Fprintln(e.stdout, e.p.T("mark.nothing", map[string]any{"Lang": o.lang}))
	}
	return nil
}

// markPlan writes the baseline key into each translation that may be
// marked, and returns the plan and the pages it changes; with pages named,
// one that may not be marked stops the whole command.
func (e *env) markPlan(w *work, cells []*graph.Cell, states []pageState, commit string, o markOptions) (*plan.Plan, []pinJSON, error) {
	p := &plan.Plan{Root: w.s.Root}
	report := []pinJSON{}
	var refusals []string
	for i, c := range cells {
		st := states[i]
		if !o.force {
			if pend := outstanding(st); len(pend) > 0 || o.all && st.page != nil && st.page.Stale {
				if !o.all {
					refusals = append(refusals, e.refusal(w, c, pend))
				}
				continue
			}
		}
		out, err := pin.Set(st.tr, w.s.BaselineKey, commit, w.s.Key)
		if err != nil {
			var pe *pin.Error
			if errors.As(err, &pe) {
				err = fmt.Errorf("%s:%d: %s", w.s.RepoPath(c.Page.Path()), pe.Line, pe.Reason)
			}
			return nil, nil, &exitError{code: exitFindings, err: err}
		}
		if bytes.Equal(out, st.tr) {
			continue
		}
		if err := p.Add(c.Page.Path(), st.tr, out); err != nil {
			return nil, nil, err
		}
		pj := w.pin(c.Page.Path(), c.Entry.Source.Path(), stale.RecordedBaseline(c.Page.File.Doc, w.s.BaselineKey))
		pj.New = commit
		report = append(report, pj)
	}
	if len(refusals) > 0 {
		msg := strings.Join(refusals, "\n") + "\nlangref: " + e.p.T("hint") + ": " + e.p.T("mark.hint.pending", map[string]any{"Lang": o.lang})
		return nil, nil, &exitError{code: exitFindings, err: errors.New(msg)}
	}
	return p, report, nil
}

// refusal says why translation c cannot be marked yet.
func (e *env) refusal(w *work, c *graph.Cell, pend []refresh.Action) string {
	lines := []string{e.p.N("mark.error.pending", len(pend), map[string]any{"Path": w.s.RepoPath(c.Page.Path())})}
	for _, a := range pend {
		where := e.p.T("mark.pending.line", map[string]any{"Line": a.Line})
		if a.Line == 0 {
			where = e.p.T("mark.pending.source-line", map[string]any{"Line": a.SourceLine, "Source": w.s.RepoPath(c.Entry.Source.Path())})
		}
		lines = append(lines, "    "+where+": "+e.p.T("sync.action."+string(a.Kind)))
	}
	return strings.Join(lines, "\n")
}

// writeError turns the errors of applying a plan into messages.
func (e *env) writeError(s *site.Site, err error) error {
	var changed *plan.ChangedError
	if errors.As(err, &changed) {
		return &exitError{code: exitFindings, err: errors.New(e.p.T("new.error.changed", map[string]any{"Path": s.RepoPath(changed.Path)}))}
	}
	return &exitError{code: exitFindings, err: err}
}
