package main

import (
	"fmt"
	"strings"

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
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: e.p.T("flag.format", map[string]any{"Formats": "text, json, github"})},
			&cli.BoolFlag{Name: "strict", Usage: e.p.T("flag.strict")},
		},
		Action: e.check,
	}
}

// finding is the JSON form of a check finding.
type finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

// checkReport is the JSON document of `langref check`.
type checkReport struct {
	History  *history.Completeness `json:"history,omitempty"`
	Findings []finding             `json:"findings"`
	Summary  summary               `json:"summary"`
}

type summary struct {
	Errors   int  `json:"errors"`
	Warnings int  `json:"warnings"`
	Infos    int  `json:"infos"`
	Pages    int  `json:"pages"`
	Failed   bool `json:"failed"`
}

func (e *env) check(c *cli.Context) error {
	s, err := e.loadLeanSite(c, site.Visitor{})
	if err != nil {
		return err
	}
	hist, err := e.inspectHistory(c)
	if err != nil {
		return err
	}
	paths, err := resolvePaths(s, c.Args().Slice())
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
	for _, f := range fs {
		out := e.render(f, s.RepoPath(f.Path))
		if under(out.Path, paths) {
			r.Findings = append(r.Findings, out)
			r.Summary.count(f.Severity)
		}
	}
	r.Summary.Failed = r.Summary.Errors > 0 || (c.Bool("strict") && r.Summary.Warnings > 0)
	if err := e.printFindings(c.String("format"), r); err != nil {
		return err
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

// recordedBaselines analyses staleness when some translation records its
// baseline, for the bad-baseline rule; it skips reading history otherwise.
func (e *env) recordedBaselines(g *graph.Graph) (*stale.Result, error) {
	o := stale.DefaultOptions(g)
	if !stale.HasRecords(g, o) {
		return nil, nil
	}
	return stale.Analyze(g, o)
}

func (e *env) render(f check.Finding, path string) finding {
	if ms, ok := f.Data["Mismatches"].([]stale.Mismatch); ok {
		f.Data["Summary"] = e.structureSummary(ms)
	}
	return finding{
		Rule: f.Rule, Severity: string(f.Severity), Path: path, Line: f.Line, Column: f.Col,
		Message: e.p.T(f.MessageID(), f.Data), Hint: e.p.T(f.HintID(), f.Data),
	}
}

func (e *env) printFindings(format string, r checkReport) error {
	switch format {
	case "json":
		return e.jsonStream(r, "Findings")
	case "github":
		e.github(r)
	case "text":
		e.findingsText(r)
	default:
		return usageErr(fmt.Errorf("%s", e.p.T("error.format", map[string]any{"Format": format, "Formats": "text, json, github"})))
	}
	return nil
}

var severityColor = map[string]string{"error": red, "warning": yellow, "info": blue}

func (e *env) findingsText(r checkReport) {
	for _, f := range r.Findings {
		loc := fmt.Sprintf("%s:%d:%d", e.show(f.Path), f.Line, f.Column)
		sev := e.out.paint(severityColor[f.Severity], e.p.T("severity."+f.Severity))
		fmt.Fprintf(e.stdout, "%s: %s: %s %s\n", e.out.paint(bold, loc), sev, f.Message, e.out.paint(dim, "["+f.Rule+"]"))
		if f.Hint != "" {
			fmt.Fprintf(e.stdout, "    %s: %s\n", e.out.paint(blue, e.p.T("hint")), f.Hint)
		}
	}
	e.checkSummary(r.Summary)
}

// github prints GitHub Actions workflow commands, so that findings show
// on the lines of a pull request.
func (e *env) github(r checkReport) {
	for _, f := range r.Findings {
		cmd := map[string]string{"error": "error", "warning": "warning"}[f.Severity]
		if cmd == "" {
			cmd = "notice"
		}
		msg := f.Message
		if f.Hint != "" {
			msg += "\n" + e.p.T("hint") + ": " + f.Hint
		}
		fmt.Fprintf(e.stdout, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", cmd,
			ghProp(f.Path), f.Line, f.Column, ghProp("langref "+f.Rule), ghData(msg))
	}
	e.checkSummary(r.Summary)
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// structureSummary lists structural differences in the user's language.
func (e *env) structureSummary(ms []stale.Mismatch) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = e.p.T("stale.aspect."+string(m.Aspect), map[string]any{
			"Source": m.Source, "Translation": m.Translation, "Line": m.Line, "SourceLine": m.SourceLine,
		})
	}
	return strings.Join(parts, e.p.T("stale.list-sep"))
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
