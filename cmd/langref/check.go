package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/langref/langref/cmd/langref/printers"
	"github.com/langref/langref/locales"
	"github.com/langref/langref/sync/check"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/stale"
	"github.com/urfave/cli/v2"
)

func (e *env) checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     e.p.T("check.usage"),
		ArgsUsage: e.p.T("status.args"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: e.p.T("flag.format", map[string]any{"Formats": checkFormats})},
			&cli.BoolFlag{Name: "strict", Usage: e.p.T("flag.strict")},
			&cli.StringFlag{Name: "changed-since", Usage: e.p.T("flag.changed-since")},
			&cli.StringFlag{Name: "baseline", Usage: e.p.T("flag.baseline")},
			&cli.StringFlag{Name: "write-baseline", Usage: e.p.T("flag.write-baseline")},
		},
		Action: e.check,
	}
}

// checkFormats are the formats of `langref check`: text and json here,
// the CI formats in package printers.
const checkFormats = "text, json, github, sarif, junit, gitlab"

// finding is the JSON form of a check finding.
type finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
	// Fingerprint identifies the finding whatever its line (see
	// printers.Finding.Fingerprint): baselines match findings by it.
	Fingerprint string `json:"fingerprint"`
	english     string // the message in English
}

// checkReport is the JSON document of `langref check`.
type checkReport struct {
	History  *history.Completeness `json:"history,omitempty"`
	Findings []finding             `json:"findings"`
	Summary  summary               `json:"summary"`
}

type summary struct {
	// Known counts the findings a --baseline accepted, left out above.
	Known    int  `json:"known,omitempty"`
	Errors   int  `json:"errors"`
	Warnings int  `json:"warnings"`
	Infos    int  `json:"infos"`
	Pages    int  `json:"pages"`
	Failed   bool `json:"failed"`
}

func (e *env) check(c *cli.Context) error {
	s, err := e.loadLeanSite(c, site.LeanOptions{})
	if err != nil {
		return err
	}
	hist, err := e.inspectHistory(c)
	if err != nil {
		return err
	}
	paths, err := e.resolvePaths(s, c.Args().Slice())
	if err != nil {
		return usageErr(err)
	}
	g := graph.Build(s)
	st, err := e.recordedBaselines(g)
	if err != nil {
		return err
	}
	r := checkReport{History: hist, Findings: []finding{}, Summary: summary{Pages: countPages(g)}}
	fs, err := check.RunStale(g, st)
	if err != nil {
		return err
	}
	scope, err := e.changedScope(c, g)
	if err != nil {
		return err
	}
	known := map[string]int{}
	if file := c.String("baseline"); file != "" {
		if known, err = e.readBaseline(file); err != nil {
			return err
		}
	}
	var all []printers.Finding
	for _, f := range fs {
		out := e.render(f, s.RepoPath(f.Path))
		if !under(out.Path, paths) || (scope != nil && !scope[out.Path]) {
			continue
		}
		all = append(all, out.printable())
		if known[out.Fingerprint] > 0 {
			known[out.Fingerprint]--
			r.Summary.Known++
			continue
		}
		r.Findings = append(r.Findings, out)
		r.Summary.count(f.Severity)
	}
	if file := c.String("write-baseline"); file != "" {
		if err := writeBaseline(file, all); err != nil {
			return &exitError{code: exitFindings, err: err}
		}
		e.note(e.p.N("check.baseline-wrote", len(all), map[string]any{"File": file}))
		return nil
	}
	r.Summary.Failed = r.Summary.Errors > 0 || (c.Bool("strict") && r.Summary.Warnings > 0)
	if err := e.printFindings(c.String("format"), r); err != nil {
		return err
	}
	if r.Summary.Known > 0 {
		e.note(e.p.N("check.baseline-known", r.Summary.Known, map[string]any{"File": c.String("baseline")}))
	}
	if r.Summary.Failed {
		return &exitError{code: exitFindings}
	}
	return nil
}

func (s *summary) count(sev check.Severity) {
	switch sev {
	case check.Error:
		s.Errors++
	case check.Warning:
		s.Warnings++
	default:
		s.Infos++
	}
}

// recordedBaselines analyses staleness, verifying every baseline, for the
// rules bad-baseline and baseline-unverified.
func (e *env) recordedBaselines(g *graph.Graph) (*stale.Result, error) {
	o := stale.DefaultOptions(g)
	o.Verify = true
	o.NoCache = e.hist != nil && e.hist.Partial // no cache from partial history
	o.Progress = e.progress()
	defer e.prog.Clear()
	return stale.Analyze(g, o)
}

func (e *env) render(f check.Finding, path string) finding {
	if ms, ok := f.Data["Mismatches"].([]stale.Mismatch); ok {
		f.Data["Summary"] = structureSummary(e.p, ms)
	}
	out := finding{
		Rule: f.Rule, Severity: string(f.Severity), Path: path, Line: f.Line, Column: f.Col,
		Message: e.p.T(f.MessageID(), f.Data), Hint: e.p.T(f.HintID(), f.Data),
	}
	if ms, ok := f.Data["Mismatches"].([]stale.Mismatch); ok {
		f.Data["Summary"] = structureSummary(english(), ms)
	}
	out.english = english().T(f.MessageID(), f.Data)
	out.Fingerprint = out.printable().Fingerprint()
	return out
}

// printable is f as package printers takes it.
func (f finding) printable() printers.Finding {
	return printers.Finding{Rule: f.Rule, Severity: f.Severity, Path: f.Path, Line: f.Line, Column: f.Column,
		Message: f.Message, Hint: f.Hint, English: f.english}
}

func (e *env) printFindings(format string, r checkReport) error {
	switch format {
	case "json":
		return e.jsonStream(r, "Findings")
	case "text":
		e.findingsText(r)
		return nil
	}
	p, ok := printers.New(format, printers.Options{Version: buildVersion(), HintLabel: e.p.T("hint"), PerSeverity: githubCap,
		More: func(errors, warnings, notices int) string {
			return e.p.T("check.github-more", map[string]any{"Errors": errors, "Warnings": warnings, "Notices": notices})
		}})
	if !ok {
		return usageErr(fmt.Errorf("%s", e.p.T("error.format", map[string]any{"Format": format, "Formats": checkFormats})))
	}
	fs := make([]printers.Finding, len(r.Findings))
	for i, f := range r.Findings {
		fs[i] = f.printable()
	}
	if err := p.Print(e.stdout, fs); err != nil {
		return err
	}
	if format == "github" {
		e.checkSummary(r.Summary) // in the job's log
	}
	return nil
}

// githubCap is how many annotations of each severity GitHub shows for a
// step; the rest are counted in one notice.
const githubCap = 10

// note prints a line on stderr unless -q: what langref did beside its
// output.
func (e *env) note(msg string) {
	if !e.quiet {
		fmt.Fprintf(e.stderr, "langref: %s\n", msg)
	}
}

// quotePath quotes a path holding a control character (a newline, a
// tab) as git quotes such names ("fr/a\nb.md"), so that every finding
// stays on one line; other paths are left as they are.
func quotePath(p string) string {
	if strings.IndexFunc(p, unicode.IsControl) < 0 {
		return p
	}
	return strconv.Quote(p)
}

var severityColor = map[string]string{"error": red, "warning": yellow, "info": blue}

func (e *env) findingsText(r checkReport) {
	for _, f := range r.Findings {
		loc := fmt.Sprintf("%s:%d:%d", quotePath(e.show(f.Path)), f.Line, f.Column)
		sev := e.out.paint(severityColor[f.Severity], e.p.T("severity."+f.Severity))
		fmt.Fprintf(e.stdout, "%s: %s: %s %s\n", e.out.paint(bold, loc), sev, f.Message, e.out.paint(dim, "["+f.Rule+"]"))
		if f.Hint != "" {
			fmt.Fprintf(e.stdout, "    %s: %s\n", e.out.paint(blue, e.p.T("hint")), f.Hint)
		}
	}
	e.checkSummary(r.Summary)
}

// structureSummary lists structural differences in the user's language.
func structureSummary(p *locales.Printer, ms []stale.Mismatch) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		data := map[string]any{
			"Source": m.Source, "Translation": m.Translation, "Line": m.Line, "SourceLine": m.SourceLine,
			"Name": p.T("broken.aspect-name." + string(m.Aspect)),
		}
		switch {
		case m.Translation == 0: // no line here to point at (was "line 0")
			parts[i] = p.T("broken.aspect.none-here", data)
		case m.Source == 0: // nor in the source page (was "source line 0")
			parts[i] = p.T("broken.aspect.none-in-source", data)
		default:
			parts[i] = p.T("stale.aspect."+string(m.Aspect), data)
		}
	}
	return strings.Join(parts, p.T("stale.list-sep"))
}

// checkSummary prints the closing line: counts with their plural forms.
func (e *env) checkSummary(s summary) {
	fmt.Fprintln(e.stdout, e.p.T("check.summary", map[string]any{
		"Errors":   e.p.N("count.errors", s.Errors, nil),
		"Warnings": e.p.N("count.warnings", s.Warnings, nil),
		"Pages":    e.p.N("count.pages", s.Pages, nil),
	}))
}

// countPages counts the files Jekyll renders as pages, as site.pages does.
func countPages(g *graph.Graph) int {
	n := 0
	for _, p := range g.Pages {
		if !p.File.Plain() && p.File.Doc.Page {
			n++
		}
	}
	return n
}
