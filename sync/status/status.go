// Package status summarises a site's pairing graph: per language counts and
// one row per (entry, language), the structs that every output format of
// `langref status` encodes.
package status

import (
	"math"
	"slices"
	"sort"

	"github.com/langref/langref/internal/par"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/stale"
)

// Stale is the state of a translated page whose source page changed
// enough since it was translated; see package stale.
const Stale = "stale"

// Unknown is the state of a translated page whose staleness cannot be
// told: the commit it was translated from lies beyond the history a
// shallow clone holds, so whatever the pages' structure suggests is not
// reported as fact (issue 14).
const Unknown = "unknown"

// DriftMinor marks a translated page whose source page changed since, in
// small ways only (cosmetic changes, typo fixes).
const DriftMinor = "minor"

// Report is the status of a site. Its JSON form is documented in
// docs/en/status.md and is part of langref's interface.
type Report struct {
	// History says what the clone's history lacks; set by the caller.
	History   *history.Completeness `json:"history,omitempty"`
	Source    string                `json:"source"`
	Root      string                `json:"root"`
	Languages []Language            `json:"languages"`
	Pages     []Page                `json:"pages"`
}

// Language counts the cells of one translation language.
type Language struct {
	Lang        string  `json:"lang"`
	SourcePages int     `json:"source_pages"`
	Translated  int     `json:"translated"`
	Stale       int     `json:"stale"`
	Stub        int     `json:"stub,omitempty"` // see stub.go
	Unknown     int     `json:"unknown,omitempty"`
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
	// Progress is set for stubs (state "stub"): see stub.go.
	Progress *Progress `json:"progress,omitempty"`
	// The fields below are set for translated and stale pages when the
	// report was built with staleness (Options.Stale).
	Drift               string   `json:"drift,omitempty"`
	Baseline            string   `json:"baseline,omitempty"`
	BaselineSource      string   `json:"baseline_source,omitempty"`
	EnglishCommitsSince *int     `json:"english_commits_since,omitempty"`
	Changes             []Change `json:"changes,omitempty"`
	Notes               []string `json:"notes,omitempty"`
	// Suspect is true when the translation lacks structure the source
	// had at the baseline and still has (see stale.Page.Suspect);
	// Unverified says what.
	Suspect    bool             `json:"suspect,omitempty"`
	Unverified []stale.Mismatch `json:"unverified,omitempty"`
}

// Change is one source change since a page's baseline: one block, and
// where the translation stands on it.
type Change struct {
	Class string `json:"class"`
	Kind  string `json:"kind"`
	// SourceLine and SourceEndLine are the block's lines in the current
	// source page; 0 (absent) for removed blocks.
	SourceLine    int `json:"source_line,omitempty"`
	SourceEndLine int `json:"source_end_line,omitempty"`
	// OldLine and OldEndLine are the block's lines in the source page at
	// the baseline, when known.
	OldLine    int    `json:"old_line,omitempty"`
	OldEndLine int    `json:"old_end_line,omitempty"`
	Text       string `json:"text"`
	// State is applied, copy, outdated, new, removed or cosmetic (see
	// stale.State); Evidence what showed it (verbatim-present, rewritten,
	// not-carried, verbatim-old, absent, kept-english), with, for
	// rewritten, the translation's commit (EvidenceCommit, absent for the
	// working tree).
	State          string `json:"state,omitempty"`
	Evidence       string `json:"evidence,omitempty"`
	EvidenceCommit string `json:"evidence_commit,omitempty"`
	// TranslationLine and TranslationEndLine are the translation's lines
	// that hold the block, when aligned; Alignment is how they were found
	// (comment, anchor, order, unsure, none).
	TranslationLine    int    `json:"translation_line,omitempty"`
	TranslationEndLine int    `json:"translation_end_line,omitempty"`
	Alignment          string `json:"alignment,omitempty"`
}

// Options narrows a report.
type Options struct {
	// Langs limits the pages to these languages; empty means all.
	Langs []string
	// Stale, when set, splits translated pages into translated and stale
	// and describes their baselines.
	Stale *stale.Result
	// Stubs are the stubs DetectStubs found, for callers that detect them
	// before the contents are released; nil detects them in Build.
	Stubs Stubs
}

// Build summarises g.
func Build(g *graph.Graph, o Options) *Report {
	s := g.Site
	r := &Report{Source: s.SourceLang, Root: s.RepoPath("."), Languages: []Language{}}
	want := map[string]bool{}
	for _, l := range o.Langs {
		want[l] = true
	}
	stubs := o.Stubs
	if stubs == nil {
		// Reads no file again, unless the site is lean (site.LoadLean).
		stubs, _ = DetectStubs(g)
	}
	paths := entryPaths(g)
	// Each language's rows on their own processor, into its own part of
	// r.Pages, in the graph's order of languages: the parts are sized
	// first, so that r.Pages is allocated once, as large as it ends.
	at := make([]int, len(g.Langs)) // where each kept language's rows start
	n := 0
	for li, lang := range g.Langs {
		at[li] = -1
		if len(want) == 0 || want[lang] {
			at[li] = n
			n += rows(g, lang)
		}
	}
	r.Pages = make([]Page, n)
	sums := make([]Language, len(g.Langs))
	par.Do(len(g.Langs), func(li int) {
		lang := g.Langs[li]
		sum := Language{Lang: lang}
		k := at[li]
		for i, e := range g.Entries {
			c := g.Cell(e, lang)
			if c == nil {
				continue
			}
			pg := row(g, c, paths[i], o.Stale, stubs)
			count(&sum, c, pg.State)
			if k >= 0 {
				r.Pages[k] = pg
				k++
			}
		}
		if sum.SourcePages > 0 {
			sum.Coverage = float64(sum.Translated) / float64(sum.SourcePages)
		}
		sums[li] = sum
	})
	r.Languages = append(r.Languages, sums...)
	sortLanguages(r.Languages)
	return r
}

// rows returns the number of rows of lang: the entries with a cell in
// lang, which every entry with a source page has (graph.Graph.Cell).
func rows(g *graph.Graph, lang string) int {
	n := 0
	for _, e := range g.Entries {
		if e.Source != nil || g.Cell(e, lang) != nil {
			n++
		}
	}
	return n
}

// repoPaths are the paths of an entry that its rows in every language
// share, relative to the repository.
type repoPaths struct{ source, section string }

// entryPaths converts the entries' paths once, rather than once per
// language: site.RepoPath is most of the time rows take.
func entryPaths(g *graph.Graph) []repoPaths {
	s := g.Site
	ps := make([]repoPaths, len(g.Entries))
	for i, e := range g.Entries {
		if e.Source != nil {
			ps[i].source = s.RepoPath(e.Source.Path())
		}
		ps[i].section = s.RepoPath(e.Section)
	}
	return ps
}

func count(sum *Language, c *graph.Cell, state string) {
	if c.Entry.Source != nil {
		sum.SourcePages++
	}
	switch graph.State(state) {
	case Stale:
		sum.Stale++
	case Stub:
		sum.Stub++
	case Unknown:
		sum.Unknown++
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

func row(g *graph.Graph, c *graph.Cell, paths repoPaths, st *stale.Result, stubs Stubs) Page {
	s := g.Site
	p := Page{Key: c.Entry.Key, Lang: c.Lang, State: string(c.State), Reason: string(c.Reason),
		SourcePath: paths.source, Section: paths.section}
	if c.Page != nil {
		p.Path = s.RepoPath(c.Page.Path())
	}
	for _, o := range c.Others {
		p.OtherPaths = append(p.OtherPaths, s.RepoPath(o.Path()))
	}
	if c.State == graph.Translated && c.Page != nil {
		if sp := st.Page(c.Page.Path()); sp != nil {
			staleness(&p, sp)
		}
	}
	markStub(&p, c, stubs) // stub detection: see stub.go
	return p
}

// staleness fills in what package stale found about a translated page.
func staleness(p *Page, sp *stale.Page) {
	switch {
	case slices.Contains(sp.Notes, stale.NoteShallow):
		p.State = Unknown
	case sp.Stale:
		p.State = Stale
	case sp.Minor:
		p.Drift = DriftMinor
	}
	p.Baseline, p.BaselineSource = sp.Baseline, string(sp.BaselineSource)
	if sp.BaselineSource != stale.Content {
		n := sp.SourceCommitsSince
		p.EnglishCommitsSince = &n
	}
	if len(sp.Changes) > 0 {
		p.Changes = make([]Change, 0, len(sp.Changes))
	}
	for _, c := range sp.Changes {
		p.Changes = append(p.Changes, Change{Class: c.Class.String(), Kind: c.Kind, SourceLine: c.Line, SourceEndLine: c.EndLine,
			OldLine: c.OldLine, OldEndLine: c.OldEndLine, Text: c.Text, State: string(c.State), Evidence: string(c.Evidence),
			EvidenceCommit: c.Commit, TranslationLine: c.TrLine, TranslationEndLine: c.TrEndLine, Alignment: c.Alignment})
	}
	p.Notes = sp.Notes
	p.Suspect, p.Unverified = sp.Suspect, sp.Unverified
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

// Percent is a share (0 to 1) as every output of langref shows it: a
// percentage with one decimal, rounded to the nearest, except that only
// a complete share shows 100.0. status, report, badges and CI gates all
// round through it, so their numbers agree.
func Percent(f float64) float64 {
	p := math.Round(1000*f) / 10
	if p >= 100 && f < 1 {
		return 99.9
	}
	return p
}
