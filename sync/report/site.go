package report

import (
	"encoding/json"
	"time"

	"github.com/langref/langref/sync/check"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/status"
)

// Build reports on the site of g: its status st (of every language and
// page), its findings and, when h is not nil, its progress over time. head
// names the commit described.
func Build(g *graph.Graph, st *status.Report, findings []check.Finding, h *history.History, head string) (*Report, error) {
	s := g.Site
	raw, err := json.Marshal(st)
	if err != nil {
		return nil, err
	}
	in := Input{Status: raw, Sources: sources(g), Translators: translators(g)}
	for _, f := range findings {
		in.Findings = append(in.Findings, Finding{Rule: f.Rule, Severity: string(f.Severity), Path: s.RepoPath(f.Path)})
	}
	if h != nil && len(h.Commits) > 0 {
		in.Progress = ComputeProgress(h, pairs(st))
		in.Commit = head
		if len(head) > 12 {
			in.Commit = head[:12]
		}
		in.Date = newest(h).Format("2006-01-02")
	}
	return Assemble(in)
}

func newest(h *history.History) (t time.Time) {
	for _, c := range h.Commits {
		if c.Time.After(t) {
			t = c.Time
		}
	}
	return t
}

// sources lists the source pages in navigation order with their chapters.
func sources(g *graph.Graph) []Source {
	s := g.Site
	nav := s.Nav[s.SourceLang]
	var out []Source
	for _, e := range g.Entries {
		if e.Source == nil {
			continue
		}
		p := e.Source.Path()
		src := Source{Key: e.Key, Path: s.RepoPath(p), Title: title(e.Source)}
		switch {
		case e.Section != "":
			src.Chapter = s.RepoPath(e.Section)
		case nav.Index(p) >= 0:
			src.Chapter = src.Path
		}
		out = append(out, src)
	}
	return out
}

func title(p *graph.Page) string {
	if p.File.Doc != nil {
		if f, ok := p.File.Doc.Get("title"); ok && f.Value.Text != "" {
			return f.Value.Text
		}
	}
	return p.Path()
}

// translators maps each translation that credits one to its translator.
func translators(g *graph.Graph) map[string]string {
	s := g.Site
	out := map[string]string{}
	for _, p := range g.Pages {
		if p.File.Doc == nil || p.File.Folder == s.SourceLang {
			continue
		}
		if f, ok := p.File.Doc.Get("translator"); ok && f.Value.Text != "" {
			out[s.RepoPath(p.Path())] = f.Value.Text
		}
	}
	return out
}

// pairs lists the translations whose progress is tracked: every page with
// a translation file and a source page that is not missing, broken or a
// stub.
func pairs(st *status.Report) []Pair {
	var out []Pair
	for _, p := range st.Pages {
		switch {
		case p.Path == "" || p.SourcePath == "":
		case p.State == "missing" || p.State == "broken" || p.State == "orphan" || p.State == "stub":
		default:
			out = append(out, Pair{Lang: p.Lang, Path: p.Path, SourcePath: p.SourcePath})
		}
	}
	return out
}
