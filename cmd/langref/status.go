package main

import (
	"fmt"
	"slices"

	"github.com/langref/langref/internal/phase"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/sync/status"
	"github.com/langref/langref/translate/change"
	"github.com/langref/langref/translate/diff"
	"github.com/urfave/cli/v2"
)

func (e *env) statusCommand() *cli.Command {
	return &cli.Command{
		Name:      "status",
		Usage:     e.p.T("status.usage"),
		ArgsUsage: e.p.T("status.args"),
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "lang", Aliases: []string{"l"}, Usage: e.p.T("flag.lang")},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: e.p.T("flag.format", map[string]any{"Formats": "text, tsv, json"})},
			&cli.StringFlag{Name: "stale-on", Value: stale.DefaultStaleOn.String(), Usage: e.p.T("flag.stale-on")},
			&cli.StringFlag{Name: "changed-since", Usage: e.p.T("flag.changed-since")},
			&cli.StringSliceFlag{Name: "fail-under", Usage: e.p.T("flag.fail-under")},
		},
		Action: e.status,
	}
}

func (e *env) status(c *cli.Context) error {
	// The history first: --require-history stops before any git runs.
	hist, err := e.inspectHistory(c)
	if err != nil {
		return err
	}
	phase.Mark("history")
	l, err := e.scanLean(c)
	phase.Mark("scan")
	if err != nil {
		return err
	}
	langs := c.StringSlice("lang")
	key := e.statusKey(c, l)
	if r, ok, err := e.cachedStatus(c, l, key, langs); ok || err != nil {
		if err != nil {
			return err
		}
		r.History = hist
		return e.statusOut(c, r, langs, nil)
	}
	if err := e.readLean(c, l); err != nil {
		return err
	}
	s, pre := l.site, l.pre
	phase.Mark("read")
	for _, l := range langs {
		if l == s.SourceLang || !s.HasLang(l) {
			return e.unknownLang(l, graph.TranslationLangs(s))
		}
	}
	followAll(pre, s)
	g := graph.Build(s)
	phase.Mark("graph")
	// Stubs first: what the stub scan indexed while the site was read
	// (tens of MB on a large site) is let go before the staleness
	// pipeline, which holds the most, starts; stub detection reads the
	// pages it needs again from disk, as staleness does. A bad
	// --stale-on stops the run before either.
	so, err := e.staleOptions(g, c.String("stale-on"), pre)
	if err != nil {
		return err
	}
	stubs, err := l.stubs(g)
	if err != nil {
		return err
	}
	phase.Mark("stubs")
	g.DropFields() // nothing below reads them: the front matter is let go with the analysis's (Options.Release)
	st, err := e.staleness(g, so, true)
	if err != nil {
		return err
	}
	phase.Mark("staleness")
	defer phase.Mark("end")
	defer st.Wait()
	// The report of every language, which the report cache keeps; --lang
	// narrows its pages after.
	r := status.Build(g, status.Options{Stale: st, Stubs: stubs})
	phase.Mark("report")
	if key != "" {
		// The report cache is written beside the output, from a copy of
		// r: what follows narrows r's pages, into new slices.
		kept, dir, langs := *r, pre.CacheDir(), graph.TranslationLangs(s)
		saved := make(chan struct{})
		go func() {
			defer close(saved)
			_ = status.SaveReport(dir, s.Root, key, l.fingerprint, st, &kept, langs) // a cache is never required
			phase.Mark("save-report")
		}()
		defer func() { <-saved }()
	}
	r.History = hist
	r.Pages = langPages(r.Pages, langs)
	paths, err := e.resolvePaths(s, c.Args().Slice())
	if err != nil {
		return usageErr(err)
	}
	r.Pages = filterPages(r.Pages, paths)
	scope, err := e.changedScope(c, g)
	if err != nil {
		return err
	}
	r.Pages = inScope(r.Pages, scope)
	defer phase.Mark("output")
	return e.statusOut(c, r, langs, st)
}

// statusOut writes r in the format asked, then checks the coverage gate;
// st, the staleness r was built with, is nil for a report from the cache
// (whose notes it never needs: see staleNotes).
func (e *env) statusOut(c *cli.Context, r *status.Report, langs []string, st *stale.Result) error {
	switch f := e.out.defaultFormat(c.String("format")); f {
	case "json":
		if err := e.jsonStream(r, "Pages"); err != nil {
			return err
		}
	case "tsv":
		e.statusTSV(r, len(langs) > 0)
	case "text":
		e.statusText(r, langs)
		e.lineModeNotes(r)
		if st != nil {
			e.staleNotes(st)
		}
	default:
		return usageErr(fmt.Errorf("%s", e.p.T("error.format", map[string]any{"Format": f, "Formats": "text, tsv, json"})))
	}
	return e.coverageGate(c, r)
}

// statusKey returns the key of the report cache for this run of status
// (status.ReportKey), or "" when the run is not to use it: paths or
// --changed-since narrow the report with what only a site read and its
// graph tell, and a history that is not whole never keys its results.
func (e *env) statusKey(c *cli.Context, l *leanLoad) string {
	if c.Args().Len() > 0 || c.String("changed-since") != "" || e.hist == nil || !e.hist.Complete() {
		return ""
	}
	staleOn := c.String("stale-on")
	if cl, err := change.ParseClass(staleOn); err == nil {
		staleOn = cl.String()
	}
	repo, err := l.pre.Repo()
	if err != nil || repo.Shallow {
		return ""
	}
	return status.ReportKey(l.fingerprint, repo.Head, staleOn)
}

// cachedStatus returns the report the report cache keeps under key, with
// the pages of langs (all languages when empty) when the format needs
// them, and whether there is one; the error of a --lang that names no
// translation language of the site.
func (e *env) cachedStatus(c *cli.Context, l *leanLoad, key string, langs []string) (*status.Report, bool, error) {
	if key == "" {
		return nil, false, nil
	}
	want := func(lang string) bool { return len(langs) == 0 || slices.Contains(langs, lang) }
	f := e.out.defaultFormat(c.String("format"))
	pages := f == "json" || len(langs) > 0
	cached, ok := status.LoadReport(l.pre.CacheDir(), l.files.Root(), key, l.fingerprint, want, pages)
	if !ok {
		return nil, false, nil
	}
	e.cfg = l.files
	e.verbose("verbose.status-cached", map[string]any{"File": e.here(cached.File)})
	for _, lang := range langs {
		if !slices.Contains(cached.Langs, lang) {
			return nil, true, e.unknownLang(lang, cached.Langs)
		}
	}
	return cached.Report, true, nil
}

// langPages returns the pages of ps in langs, all of them when langs is
// empty, in their order; ps is left as it was.
func langPages(ps []status.Page, langs []string) []status.Page {
	if len(langs) == 0 {
		return ps
	}
	out := []status.Page{}
	for _, p := range ps {
		if slices.Contains(langs, p.Lang) {
			out = append(out, p)
		}
	}
	return out
}

// leanLoad is a site loaded for the commands that look at every page
// (status, report): lean, with its history read while it loads and stub
// detection's quick test run on each page as it is read.
type leanLoad struct {
	site *site.Site
	pre  *stale.Prefetch
	scan *status.StubScan
	// files is the site listed, before its pages are read, and
	// fingerprint what its listing says of it.
	files       *site.Scan
	fingerprint site.Fingerprint
}

func (e *env) loadLean(c *cli.Context) (*leanLoad, error) {
	l, err := e.scanLean(c)
	if err != nil {
		return nil, err
	}
	return l, e.readLean(c, l)
}

// scanLean lists the site the global flags point at, with its history
// read meanwhile, and takes its fingerprint, without reading its pages:
// readLean reads them.
func (e *env) scanLean(c *cli.Context) (*leanLoad, error) {
	if err := e.rootError(c); err != nil {
		return nil, err
	}
	pre := stale.PrefetchHistoryWith(siteRoot(c), e.progress())
	scan := status.NewStubScan(pre.CacheDir)
	v := scan.Visitor()
	v.Contents = pre.SeeContents // translations without comments are not read again
	// The page cache is written while the command goes on: run waits for
	// it (Site.WaitSaved) before langref exits.
	sc, err := site.ScanLean(siteRoot(c), site.LeanOptions{Visit: v, CacheDir: pre.CacheDir, SaveLater: true})
	if err != nil {
		return nil, usageErr(err)
	}
	return &leanLoad{pre: pre, scan: scan, files: sc, fingerprint: sc.Fingerprint()}, nil
}

// readLean reads the pages of the site l listed.
func (e *env) readLean(c *cli.Context, l *leanLoad) error {
	s, err := l.files.Read()
	if err != nil {
		return usageErr(err)
	}
	if err := e.emptySite(c, s); err != nil {
		s.WaitSaved()
		return err
	}
	e.site, l.site = s, s
	return nil
}

// stubs detects the stubs of g, the graph of l's site, with the scan and
// the cache.
func (l *leanLoad) stubs(g *graph.Graph) (status.Stubs, error) {
	scan := l.scan
	l.scan = nil // its index is large and read once: let it go with this call
	return status.DetectStubsWith(g, status.StubOptions{CacheDir: l.pre.CacheDir(), Scan: scan})
}

// loadLeanSite is loadSite without the pages' contents, which status
// reads again only where it needs them, rather than hold a large site
// whole; o's visitor sees each page while it is read, and its cache
// folder keeps the page cache.
func (e *env) loadLeanSite(c *cli.Context, o site.LeanOptions) (*site.Site, error) {
	if err := e.rootError(c); err != nil {
		return nil, err
	}
	s, err := site.LoadLeanWith(siteRoot(c), o)
	if err != nil {
		return nil, usageErr(err)
	}
	if err := e.emptySite(c, s); err != nil {
		return nil, err
	}
	e.site = s
	return s, nil
}

// followAll has pre follow every file of s through the history while the
// graph is built.
func followAll(pre *stale.Prefetch, s *site.Site) {
	paths := make([]string, len(s.Files))
	for i, f := range s.Files {
		paths[i] = f.Path
	}
	pre.FollowAll(paths)
}

// staleness analyses the translated pages of g with o, the options
// staleOptions made for it. With release, the pages' contents are dropped
// as they are analysed: for callers that read no more of them.
func (e *env) staleness(g *graph.Graph, o stale.Options, release bool) (*stale.Result, error) {
	// With release, the caller reads no more pages: the cache can be
	// written beside what it does next.
	o.Release, o.SaveLater = release, release
	defer e.endProgress()
	return stale.Analyze(g, o)
}

// staleOptions returns the options of a staleness analysis of g: the
// site's, with the change class staleOn names ("" for the default) and
// the history pre prefetched (nil for none).
func (e *env) staleOptions(g *graph.Graph, staleOn string, pre *stale.Prefetch) (stale.Options, error) {
	o := stale.DefaultOptions(g)
	o.Prefetch = pre
	o.NoCache = e.hist != nil && e.hist.Partial // no cache from partial history
	o.Progress = e.progress()
	if staleOn != "" {
		cl, err := change.ParseClass(staleOn)
		if err != nil {
			return o, usageErr(fmt.Errorf("%s", e.p.T("error.stale-on", map[string]any{"Value": staleOn})))
		}
		o.StaleOn = cl
	}
	return o, nil
}

// staleNotes says, under a text report, why baselines are less precise
// than they could be.
func (e *env) staleNotes(st *stale.Result) {
	switch {
	case st.NoGit:
		fmt.Fprintln(e.stdout, e.out.paint(dim, e.p.T("stale.note.no-git")))
	case st.Shallow:
		fmt.Fprintln(e.stdout, e.out.paint(dim, e.p.T("stale.note.shallow")))
	}
}

// lineModeNotes names, under a text report, the pages judged as a whole,
// line by line, because of their size (stale.NoteLineMode): their
// verdict is coarser than the others'.
func (e *env) lineModeNotes(r *status.Report) {
	for _, pg := range r.Pages {
		if slices.Contains(pg.Notes, stale.NoteLineMode) {
			fmt.Fprintln(e.stdout, e.out.paint(dim, e.p.T("status.line-mode", map[string]any{"Path": e.show(pg.Path), "Limit": diff.LineModeBytes >> 20})))
		}
	}
}

func (e *env) statusTSV(r *status.Report, pages bool) {
	if pages {
		rows := [][]string{{"lang", "state", "key", "path", "source_path", "reason"}}
		for _, p := range r.Pages {
			rows = append(rows, []string{p.Lang, p.State, p.Key, e.show(p.Path), e.show(p.SourcePath), p.Reason})
		}
		e.out.tsv(rows)
		return
	}
	rows := [][]string{{"lang", "source_pages", "translated", "stale", "stub", "unknown", "missing", "orphan", "broken", "coverage"}}
	for _, l := range r.Languages {
		rows = append(rows, []string{l.Lang, fmt.Sprint(l.SourcePages), fmt.Sprint(l.Translated), fmt.Sprint(l.Stale), fmt.Sprint(l.Stub),
			fmt.Sprint(l.Unknown), fmt.Sprint(l.Missing), fmt.Sprint(l.Orphan), fmt.Sprint(l.Broken), fmt.Sprintf("%.1f", status.Percent(l.Coverage))})
	}
	e.out.tsv(rows)
}

func (e *env) statusText(r *status.Report, langs []string) {
	if len(langs) > 0 {
		e.statusPagesText(r, langs)
		return
	}
	p := e.p
	fmt.Fprintln(e.stdout, p.T("status.header", map[string]any{"Source": r.Source, "Root": r.Root, "Langs": e.p.N("count.langs", len(r.Languages), nil)}))
	unknown := 0
	for _, l := range r.Languages {
		unknown += l.Unknown
	}
	// Every state has its column; unknown only on clones that have some.
	head := []string{p.T("col.lang"), p.T("col.source"), p.T("col.translated"), p.T("col.stale"), p.T("col.stub")}
	if unknown > 0 {
		head = append(head, p.T("col.unknown"))
	}
	rows := [][]string{append(head, p.T("col.missing"), p.T("col.orphan"), p.T("col.broken"), p.T("col.coverage"), "")}
	colors := [][]string{slices.Repeat([]string{bold}, len(rows[0]))}
	for _, l := range r.Languages {
		row := []string{l.Lang, fmt.Sprint(l.SourcePages), fmt.Sprint(l.Translated), fmt.Sprint(l.Stale), fmt.Sprint(l.Stub)}
		col := []string{bold, "", green, zeroDim(l.Stale, magenta), zeroDim(l.Stub, blue)}
		if unknown > 0 {
			row, col = append(row, fmt.Sprint(l.Unknown)), append(col, zeroDim(l.Unknown, dim))
		}
		rows = append(rows, append(row, fmt.Sprint(l.Missing), fmt.Sprint(l.Orphan), fmt.Sprint(l.Broken), fmt.Sprintf("%5.1f%%", status.Percent(l.Coverage)), bar(l.Coverage, 20)))
		colors = append(colors, append(col, zeroDim(l.Missing, yellow), zeroDim(l.Orphan, red), zeroDim(l.Broken, red), "", coverageColor(l.Coverage)))
	}
	e.out.table(rows, colors)
	if unknown > 0 {
		fmt.Fprintln(e.stdout, e.out.paint(dim, e.p.N("status.unknown-note", unknown, nil)))
	}
}

func zeroDim(n int, code string) string {
	if n == 0 {
		return dim
	}
	return code
}

func coverageColor(f float64) string {
	switch {
	case f >= 0.9:
		return green
	case f >= 0.5:
		return yellow
	}
	return red
}

var stateColor = map[string]string{"unknown": dim, "stub": blue, "translated": green, "stale": magenta, "missing": yellow, "orphan": red, "broken": red}

// magenta marks stale pages.
const magenta = "35"

// pageState is the STATE cell of a page: its state, the reason it is
// broken, the class of the changes that made it stale, or the mark of
// minor drift.
func (e *env) pageState(pg status.Page) string {
	state := e.p.T("state." + pg.State)
	switch {
	case pg.Reason != "":
		state += " (" + e.p.T("reason."+pg.Reason) + ")"
	case pg.State == status.Stale:
		state += " (" + e.p.T("stale.class."+maxClass(pg.Changes)) + ")"
	case pg.Drift == status.DriftMinor:
		state += " ~"
	case pg.Progress != nil && pg.Progress.Total > 0: // a stub: see sync/status/stub.go
		state += fmt.Sprintf(" %d%%", 100*pg.Progress.Translated/pg.Progress.Total)
	}
	return state
}

// maxClass returns the name of the most severe class of the changes of
// cs that leave work on the translation (all of them when they have no
// state).
func maxClass(cs []status.Change) string {
	m := change.Cosmetic
	for _, c := range cs {
		if c.State != "" && !stale.State(c.State).Stale() {
			continue
		}
		if cl, err := change.ParseClass(c.Class); err == nil {
			m = max(m, cl)
		}
	}
	return m.String()
}

func (e *env) statusPagesText(r *status.Report, langs []string) {
	p := e.p
	for i, lang := range langs {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		for _, l := range r.Languages {
			if l.Lang == lang {
				fmt.Fprintln(e.stdout, e.out.paint(bold, p.T("status.lang-header", map[string]any{
					"Lang": lang, "Translated": l.Translated, "Total": l.SourcePages, "Coverage": fmt.Sprintf("%.1f%%", status.Percent(l.Coverage))})))
			}
		}
		rows := [][]string{{p.T("col.state"), p.T("col.key"), p.T("col.path"), p.T("col.source-path")}}
		colors := [][]string{{bold, bold, bold, bold}}
		for _, pg := range r.Pages {
			if pg.Lang != lang {
				continue
			}
			state := e.pageState(pg)
			path := e.show(pg.Path)
			if path == "" {
				path = "—"
			}
			rows = append(rows, []string{state, pg.Key, path, e.show(pg.SourcePath)})
			colors = append(colors, []string{stateColor[pg.State], "", "", dim})
		}
		e.out.table(rows, colors)
	}
}
