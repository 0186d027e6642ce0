package report

import (
	"encoding/json"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/history"
	staleness "github.com/langref/langref/sync/stale"
	"github.com/langref/langref/sync/status"
	"github.com/langref/langref/translate/change"
)

// Options are what Build reads beyond the site and its status.
type Options struct {
	// Findings are the findings of `langref check`, rendered.
	Findings []Finding
	// History is the site's history (nil without git); Head names the
	// commit described; Blobs reads past file contents.
	History *history.History
	Head    string
	Blobs   Blobs
	// StaleOn is the least change class that makes a page stale, as for
	// status.
	StaleOn change.Class
	// Shallow is true in a shallow clone.
	Shallow bool
	// Remote is the URL of the remote "origin", "" when none.
	Remote string
	// Authors maps git author names to their .mailmap names.
	Authors map[string]string
	// Read returns a file's contents by path relative to the site root,
	// nil when it cannot be read.
	Read func(rel string) []byte
	// InactiveMonths flags languages without a translation commit for
	// that many months (0: never).
	InactiveMonths int
}

// Build reports on the site of g: its status st (of every language and
// page, with staleness), its findings and, with a history, its progress
// over time.
func Build(g *graph.Graph, st *status.Report, o Options) (*Report, error) {
	raw, err := json.Marshal(st)
	if err != nil {
		return nil, err
	}
	in := Input{Status: raw, Sources: sources(g), Translators: translators(g), Findings: withLangs(o.Findings, st),
		Authors: o.Authors, InactiveMonths: o.InactiveMonths, Shallow: o.Shallow, Remote: o.Remote}
	if o.Read != nil {
		in.Words = words(st, o.Read, o.StaleOn)
	}
	if h := o.History; h != nil && len(h.Commits) > 0 {
		in.Progress = ComputeProgress(h, pairs(st), ProgressOptions{Blobs: o.Blobs, StaleOn: o.StaleOn})
		in.Commit, in.FullCommit = o.Head, o.Head
		if len(o.Head) > 12 {
			in.Commit = o.Head[:12]
		}
		in.Date = newest(h).Format("2006-01-02")
		in.Activity = activity(h, st)
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

// withLangs sets each finding's language: its page's, as status says.
func withLangs(fs []Finding, st *status.Report) []Finding {
	lang := map[string]string{}
	for _, p := range st.Pages {
		if p.Path != "" {
			lang[p.Path] = p.Lang
		}
		if p.SourcePath != "" {
			lang[p.SourcePath] = st.Source
		}
	}
	out := make([]Finding, len(fs))
	for i, f := range fs {
		f.Lang = lang[f.Path]
		out[i] = f
	}
	return out
}

// sources lists the source pages in navigation order with their chapters;
// on a site without navigation, each folder is a chapter.
func sources(g *graph.Graph) []Source {
	s := g.Site
	nav := s.Nav[s.SourceLang]
	if nav != nil && len(nav.Items) > 0 && nav.Items[0].Menu != "" {
		nav = nil // named menus (Hugo's) list a few pages: no table of contents
	}
	folders := nav == nil || len(nav.Items) == 0
	var out []Source
	for _, e := range g.Entries {
		if e.Source == nil {
			continue
		}
		p := e.Source.Path()
		src := Source{Key: e.Key, Path: s.RepoPath(p), Title: title(e.Source)}
		switch {
		case e.Section != "" && nav != nil:
			src.Chapter = s.RepoPath(e.Section)
		case nav.Index(p) >= 0:
			src.Chapter = src.Path
		case folders:
			src.Folder = path.Dir(p)
			src.Chapter = "folder:" + src.Folder
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

// pairs lists the translations whose progress is tracked: the translated
// and stale pages of status.
func pairs(st *status.Report) []Pair {
	var out []Pair
	for _, p := range st.Pages {
		if p.Path == "" || p.SourcePath == "" || (p.State != "translated" && p.State != status.Stale) {
			continue
		}
		out = append(out, Pair{Lang: p.Lang, Path: p.Path, SourcePath: p.SourcePath, Stale: p.State == status.Stale, Baseline: p.Baseline})
	}
	return out
}

// words counts what is left to translate in each missing, stub and stale
// cell, reading each source page once.
func words(st *status.Report, read func(string) []byte, staleOn change.Class) map[CellKey]int {
	prefix := ""
	if st.Root != "." && st.Root != "" {
		prefix = st.Root + "/"
	}
	total := map[string]int{}
	source := func(p string) (int, []byte) {
		b := read(strings.TrimPrefix(p, prefix))
		if _, ok := total[p]; !ok {
			total[p] = pageWords(b)
		}
		return total[p], b
	}
	out := map[CellKey]int{}
	for _, p := range st.Pages {
		if p.SourcePath == "" {
			continue
		}
		k := CellKey{p.Key, p.Lang}
		switch p.State {
		case "missing":
			out[k], _ = source(p.SourcePath)
		case "stub":
			n, _ := source(p.SourcePath)
			if pr := p.Progress; pr != nil && pr.Total > 0 {
				n = n * (pr.Total - pr.Translated) / pr.Total
			}
			out[k] = n
		case status.Stale:
			_, b := source(p.SourcePath)
			var cs []LineChange
			for _, c := range p.Changes {
				if staleness.State(c.State).Stale() { // what the translation does not reflect yet
					cs = append(cs, LineChange{Class: c.Class, Line: c.SourceLine, EndLine: c.SourceEndLine})
				}
			}
			if slices.Contains(p.Notes, staleness.NoteLineMode) {
				out[k] = changedLines(b, cs, staleOn) // too large to parse
				continue
			}
			out[k] = changedWords(b, cs, staleOn)
		}
	}
	return out
}

// activity finds each language's newest commit that changed one of its
// translations.
func activity(h *history.History, st *status.Report) map[string]time.Time {
	lang := map[string]string{}
	for _, p := range st.Pages {
		if p.Path != "" {
			lang[p.Path] = p.Lang
		}
	}
	out := map[string]time.Time{}
	for _, c := range h.Commits {
		for _, ch := range c.Changes {
			if l, ok := lang[ch.Path]; ok && c.Time.After(out[l]) {
				out[l] = c.Time
			}
		}
	}
	return out
}
