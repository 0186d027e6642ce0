package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/langref/langref/internal/fsread"
	"github.com/langref/langref/sync/check"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/report"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/sync/status"
	"github.com/langref/langref/translate/diff"
	"github.com/urfave/cli/v2"
)

const reportFormats = "html, markdown, json, csv"

func (e *env) reportCommand() *cli.Command {
	return &cli.Command{
		Name:  "report",
		Usage: e.p.T("report.usage"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: e.p.T("flag.format", map[string]any{"Formats": reportFormats})},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: e.p.T("report.flag.output")},
			&cli.StringFlag{Name: "badges", Usage: e.p.T("report.flag.badges")},
			&cli.BoolFlag{Name: "no-history", Usage: e.p.T("report.flag.no-history")},
			&cli.BoolFlag{Name: "diffs", Usage: e.p.T("report.flag.diffs")},
			&cli.StringFlag{Name: "stale-on", Value: stale.DefaultStaleOn.String(), Usage: e.p.T("flag.stale-on")},
			&cli.IntFlag{Name: "inactive-months", Value: 12, Usage: e.p.T("report.flag.inactive-months")},
		},
		Action: e.report,
	}
}

// reportOptions are the report command's flags.
type reportOptions struct {
	format, output, badges, staleOn string
	history, diffs                  bool
	inactive                        int
}

func (e *env) report(c *cli.Context) error {
	o := reportOptions{format: c.String("format"), output: c.String("output"), badges: c.String("badges"),
		staleOn: c.String("stale-on"), history: !c.Bool("no-history"), diffs: c.Bool("diffs"), inactive: c.Int("inactive-months")}
	if o.format == "" {
		o.format = formatOf(o.output)
	}
	if !validFormat(o.format) {
		return usageErr(fmt.Errorf("%s", e.p.T("error.format", map[string]any{"Format": o.format, "Formats": reportFormats})))
	}
	clone, err := e.inspectHistory(c) // before any git runs: --require-history
	if err != nil {
		return err
	}
	a, err := e.analyzeSite(c, o.staleOn, o.history)
	if err != nil {
		return err
	}
	defer a.stale.Wait()
	g, pre := a.g, a.load.pre
	ro, err := e.reportInputs(a, o)
	if err != nil {
		return err
	}
	a.status.History = clone
	r, err := report.Build(g, a.status, ro)
	if err != nil {
		return err
	}
	r.Clone = clone
	if o.diffs && o.format == "html" {
		if r.Diffs, err = e.staleDiffs(g, r, pre); err != nil {
			return err
		}
	}
	if o.output == "" && o.badges == "" && o.format == "html" && e.out.terminal {
		e.reportSummary(r) // 100 KB of HTML is no use on a terminal
		return nil
	}
	plan, err := e.reportPlan(r, o, c.IsSet("format"))
	if err != nil {
		return err
	}
	return e.applyPlan(plan)
}

// formatOf picks the report format from the output file's extension:
// .md Markdown, .json JSON, .csv CSV, anything else (and stdout) HTML.
func formatOf(output string) string {
	switch strings.ToLower(filepath.Ext(output)) {
	case ".md", ".markdown":
		return "markdown"
	case ".json":
		return "json"
	case ".csv":
		return "csv"
	}
	return "html"
}

// reportInputs gathers what the report reads beyond the status: check's
// findings as check renders them, the history's blobs, the remote and
// .mailmap.
func (e *env) reportInputs(a *siteAnalysis, o reportOptions) (report.Options, error) {
	so, err := e.staleOptions(a.g, o.staleOn, nil)
	if err != nil {
		return report.Options{}, err
	}
	s := a.g.Site
	rec, err := e.recordedBaselines(a.g) // as check runs them
	if err != nil {
		return report.Options{}, err
	}
	fs, err := check.RunStale(a.g, rec)
	if err != nil {
		return report.Options{}, err
	}
	ro := report.Options{History: a.history, Head: a.head, StaleOn: so.StaleOn, Shallow: a.stale.Shallow,
		InactiveMonths: o.inactive, Findings: []report.Finding{}}
	for _, f := range fs {
		x := e.render(f, s.RepoPath(f.Path))
		ro.Findings = append(ro.Findings, report.Finding{Rule: x.Rule, Severity: x.Severity, Path: x.Path,
			Line: x.Line, Column: x.Column, Message: x.Message, Hint: x.Hint})
	}
	root := s.Root
	ro.Read = func(rel string) []byte {
		b, err := fsread.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return nil
		}
		return b
	}
	if repo, err := a.load.pre.Repo(); err == nil && repo != nil && a.history != nil {
		ro.Blobs = func(ids []string, f func(string, []byte, bool)) error { return repo.EachBlob(ids, f) }
		ro.Remote = repo.RemoteURL()
		ro.Authors, _ = repo.AuthorNames() // without names, names are merged by spelling only
	}
	return ro, nil
}

// reportSummary prints, on a terminal, the overview and how to get the
// report itself.
func (e *env) reportSummary(r *report.Report) {
	t := r.Totals()
	fmt.Fprintln(e.stdout, e.p.T("report.summary", map[string]any{"Coverage": report.Percent(t.Coverage()),
		"Pages": t.SourcePages, "Langs": t.Langs, "Stale": t.Stale, "Errors": t.Errors, "Warnings": t.Warnings}))
	for _, l := range r.Langs {
		fmt.Fprintf(e.stdout, "  %-6s %7s  %s\n", l.Lang, report.Percent(l.Coverage),
			e.p.T("report.summary-words", map[string]any{"Words": l.Words()}))
	}
	fmt.Fprintln(e.stdout, e.p.T("report.summary-hint"))
}

// staleDiffs renders, with `langref diff --stale --format html`, the diff
// of every stale page of every language that has some.
func (e *env) staleDiffs(g *graph.Graph, r *report.Report, pre *stale.Prefetch) (map[string]string, error) {
	out := map[string]string{}
	for _, l := range r.Langs {
		if l.Counts[status.Stale] == 0 {
			continue
		}
		d, err := e.diffReport(g, diffOptions{lang: l.Lang, stale: true, format: "html"}, pre)
		if err != nil {
			return nil, err
		}
		for _, pg := range d.Pages {
			var b bytes.Buffer
			if err := diff.HTML(&b, &diff.Report{Lang: l.Lang, Pages: []*diff.Page{pg}}, e.p); err != nil {
				return nil, err
			}
			out[report.DiffID(l.Lang, pg.Key)] = b.String()
		}
	}
	return out, nil
}

// siteAnalysis is a whole site's status with staleness, and its history:
// what report and export read.
type siteAnalysis struct {
	load    *leanLoad
	g       *graph.Graph
	stale   *stale.Result
	status  *status.Report
	history *history.History
	head    string
}

// analyzeSite loads the site lean (read again page by page where needed,
// as status does) and computes its status with staleness; withHistory also
// keeps the git history. The caller calls a.stale.Wait before it exits.
func (e *env) analyzeSite(c *cli.Context, staleOn string, withHistory bool) (*siteAnalysis, error) {
	l, err := e.loadLean(c)
	if err != nil {
		return nil, err
	}
	a := &siteAnalysis{load: l, g: graph.Build(l.site)}
	if withHistory {
		a.history, a.head, err = l.pre.History() // the git log staleness reads too
		if err != nil && !errors.Is(err, history.ErrNoGit) {
			fmt.Fprintf(e.stderr, "langref: %s: %v\n", e.p.T("report.warning"), err)
		}
	}
	so, err := e.staleOptions(a.g, staleOn, l.pre)
	if err != nil {
		return nil, err
	}
	// Stubs first, as status detects them: the stub scan's index is let
	// go before the staleness analysis.
	stubs, err := l.stubs(a.g)
	if err != nil {
		return nil, err
	}
	so.Release, so.KeepFields, so.SaveLater = true, true, true // the report reads titles and translators
	a.stale, err = stale.Analyze(a.g, so)
	e.prog.Clear()
	if err != nil {
		return nil, err
	}
	a.status = status.Build(a.g, status.Options{Stale: a.stale, Stubs: stubs})
	return a, nil
}

func validFormat(f string) bool {
	return f == "html" || f == "markdown" || f == "json" || f == "csv"
}

// reportPlan renders every output: the report (to stdout under the key
// "", or to its file) and the badges.
func (e *env) reportPlan(r *report.Report, o reportOptions, formatSet bool) (map[string][]byte, error) {
	plan := map[string][]byte{}
	if o.output != "" || o.badges == "" || formatSet {
		var b bytes.Buffer
		if err := e.renderReport(&b, r, o.format); err != nil {
			return nil, err
		}
		plan[o.output] = b.Bytes()
	}
	if o.badges != "" {
		badges, err := report.Badges(r)
		if err != nil {
			return nil, err
		}
		for name, data := range badges {
			plan[filepath.Join(o.badges, name)] = data
		}
	}
	return plan, nil
}

func (e *env) renderReport(b *bytes.Buffer, r *report.Report, format string) error {
	l := e.labels()
	switch format {
	case "markdown":
		return report.Markdown(b, r, l)
	case "csv":
		return report.CSV(b, r)
	case "json":
		old := e.stdout
		e.stdout = b
		defer func() { e.stdout = old }()
		return e.json(r.JSON())
	}
	return report.HTML(b, r, l)
}

// labels renders the report's words through the user's locale; a Count
// that is a number picks the plural form.
func (e *env) labels() report.Labels {
	return func(id string, data map[string]any) string {
		if n, ok := data["Count"].(int); ok {
			return e.p.N(id, n, data)
		}
		if data == nil {
			return e.p.T(id)
		}
		return e.p.T(id, data)
	}
}

// applyPlan writes the plan: "" to stdout, files through a temporary file
// renamed into place, skipping files whose bytes are unchanged.
func (e *env) applyPlan(plan map[string][]byte) error {
	paths := make([]string, 0, len(plan))
	for p := range plan {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if p == "" {
			if _, err := e.stdout.Write(plan[p]); err != nil {
				return err
			}
			continue
		}
		if err := writeFile(p, plan[p]); err != nil {
			return &exitError{code: exitFindings, err: err}
		}
	}
	return nil
}

func writeFile(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %q: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, ".langref-*")
	if err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("write %q: %w", path, err)
	}
	return os.Rename(f.Name(), path)
}
