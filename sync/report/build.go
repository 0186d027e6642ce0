package report

import (
	"encoding/json"
	"sort"
	"time"

	"github.com/langref/langref/sync/history"
)

// Input is what a report is assembled from. Paths are relative to the
// repository root, as in the status report.
type Input struct {
	// Status is the JSON form of a status report that covers every
	// language and page (no --lang, no paths).
	Status json.RawMessage
	// Sources are the source pages in navigation order, then by path.
	Sources []Source
	// Translators maps a translation's path to its translator.
	Translators map[string]string
	// Findings are the check findings.
	Findings []Finding
	// Progress is translated pages per month, nil without history.
	Progress     *Progress
	Commit, Date string
	// Words is what is left to translate per cell (see Cell.Words).
	Words map[CellKey]int
	// Authors maps git author names to their .mailmap names.
	Authors map[string]string
	// Activity is each language's newest translation commit.
	Activity map[string]time.Time
	// InactiveMonths flags languages without a translation commit for
	// that long (0: never).
	InactiveMonths int
	Shallow        bool
	// Remote is the URL of the remote "origin" ("" none); FullCommit
	// the commit that file links name.
	Remote, FullCommit string
}

// CellKey names a cell: a page key in a language.
type CellKey struct{ Key, Lang string }

// Source is one source page as the heat map lists it.
type Source struct {
	Key, Path, Title string
	// Chapter is the path of its navigation chapter: its own path for a
	// chapter, "" for a page outside the navigation. On a site without
	// navigation it is "folder:" and the page's folder, Folder.
	Chapter, Folder string
}

// Finding is a check finding as `langref check --format json` gives it,
// with the language of its page ("" for none).
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
	Lang     string `json:"lang,omitempty"`
}

type cellID struct{ key, lang string }

// Assemble builds the report from in.
func Assemble(in Input) (*Report, error) {
	g, err := decode(in.Status)
	if err != nil {
		return nil, err
	}
	r := &Report{Status: in.Status, Source: g.Source, Root: g.Root, Commit: in.Commit, Date: in.Date,
		Progress: in.Progress, Shallow: in.Shallow, FullCommit: in.FullCommit, InactiveMonths: in.InactiveMonths}
	r.Web, r.WebKind = WebURL(in.Remote)
	cells := r.cells(g, in.Translators, in.Words)
	r.States = states(g)
	r.langs(g, cells)
	r.groups(in.Sources, cells)
	r.orphans(cells)
	r.stale(cells)
	r.Findings = countFindings(in.Findings)
	r.FindingList = in.Findings
	if r.FindingList == nil {
		r.FindingList = []Finding{}
	}
	r.Translators = mergeTranslators(credit(cells), in.Authors)
	r.activity(in.Activity)
	return r, nil
}

// cells reads every page of the status report into a cell.
func (r *Report) cells(g *generic, translators map[string]string, words map[CellKey]int) map[cellID]*Cell {
	out := make(map[cellID]*Cell, len(g.Pages))
	for _, p := range g.Pages {
		c := &Cell{State: str(p, "state"), Path: str(p, "path"), Reason: str(p, "reason"),
			Translator: translators[str(p, "path")], Baseline: str(p, "baseline"), Behind: -1}
		c.Class = c.State
		if str(p, "drift") == "minor" {
			c.Class = "minor"
		}
		if n, ok := num(p, "english_commits_since"); ok {
			c.Behind = n
		}
		c.Words = words[CellKey{str(p, "key"), str(p, "lang")}]
		if pr, ok := p["progress"].(map[string]any); ok {
			c.Done, _ = num(pr, "translated")
			c.Total, _ = num(pr, "total")
		}
		out[cellID{str(p, "key"), str(p, "lang")}] = c
	}
	return out
}

// states lists the states of the pages, and the known states that the
// languages count, in report order.
func states(g *generic) []string {
	seen := map[string]bool{}
	for _, p := range g.Pages {
		seen[str(p, "state")] = true
	}
	for _, l := range g.Languages {
		for _, s := range order {
			if _, ok := num(l, s); ok {
				seen[s] = true
			}
		}
	}
	delete(seen, "")
	delete(seen, "minor")
	var out []string
	for s := range seen {
		out = append(out, s)
	}
	sortStates(out)
	return out
}

func (r *Report) langs(g *generic, cells map[cellID]*Cell) {
	byLang := map[string]*Lang{}
	for _, l := range g.Languages {
		code := str(l, "lang")
		src, _ := num(l, "source_pages")
		lang := Lang{Lang: code, SourcePages: src, Coverage: float(l, "coverage"),
			Counts: map[string]int{}, Classes: map[string]int{}}
		for _, s := range r.States {
			lang.Counts[s], _ = num(l, s)
		}
		r.Langs = append(r.Langs, lang)
	}
	for i := range r.Langs {
		byLang[r.Langs[i].Lang] = &r.Langs[i]
	}
	for id, c := range cells {
		if l := byLang[id.lang]; l != nil {
			l.Classes[c.Class]++
			l.Cells++
			switch c.State {
			case "stale":
				l.WordsOutdated += c.Words
			case "missing", "stub":
				l.WordsMissing += c.Words
			}
		}
	}
}

// Classes returns the display classes that occur, in report order.
func (r *Report) Classes() []string {
	seen := map[string]bool{}
	for _, l := range r.Langs {
		for c, n := range l.Classes {
			if n > 0 {
				seen[c] = true
			}
		}
	}
	var out []string
	for c := range seen {
		out = append(out, c)
	}
	sortStates(out)
	return out
}

func (r *Report) row(key, path, title string, cells map[cellID]*Cell) Row {
	row := Row{Key: key, SourcePath: path, Title: title, Cells: make([]*Cell, len(r.Langs))}
	for i, l := range r.Langs {
		row.Cells[i] = cells[cellID{key, l.Lang}]
	}
	return row
}

// groups files the source pages under their chapters, in navigation order.
func (r *Report) groups(sources []Source, cells map[cellID]*Cell) {
	chapters := map[string]int{}
	var unlisted []Row
	for _, s := range sources {
		row := r.row(s.Key, s.Path, s.Title, cells)
		i, ok := chapters[s.Chapter]
		switch {
		case s.Chapter == "":
			unlisted = append(unlisted, row)
			continue
		case !ok && s.Folder != "":
			i = len(r.Groups)
			chapters[s.Chapter] = i
			r.Groups = append(r.Groups, Group{Kind: "folder", Title: s.Folder})
		case !ok:
			i = len(r.Groups)
			chapters[s.Chapter] = i
			r.Groups = append(r.Groups, Group{Kind: "chapter", Title: s.Title})
		}
		r.Groups[i].Rows = append(r.Groups[i].Rows, row)
	}
	if len(unlisted) > 0 {
		r.Groups = append(r.Groups, Group{Kind: "unlisted", Rows: unlisted})
	}
}

// orphans adds a group of the keys no source page has.
func (r *Report) orphans(cells map[cellID]*Cell) {
	keys := map[string]bool{}
	for id, c := range cells {
		if c.State == "orphan" {
			keys[id.key] = true
		}
	}
	if len(keys) == 0 {
		return
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	g := Group{Kind: "orphans"}
	for _, k := range sorted {
		g.Rows = append(g.Rows, r.row(k, "", k, cells))
	}
	r.Groups = append(r.Groups, g)
}

// stale ranks the stale pages, most changed first.
func (r *Report) stale(cells map[cellID]*Cell) {
	for id, c := range cells {
		if c.State != "stale" || c.Class == "minor" {
			continue
		}
		r.Stale = append(r.Stale, StalePage{Lang: id.lang, Key: id.key, Path: c.Path, Behind: c.Behind, Words: c.Words,
			URL: FileURL(r.Web, r.WebKind, r.FullCommit, c.Path)})
	}
	sort.Slice(r.Stale, func(i, j int) bool {
		a, b := r.Stale[i], r.Stale[j]
		switch {
		case a.Behind != b.Behind:
			return a.Behind > b.Behind
		case a.Words != b.Words:
			return a.Words > b.Words
		}
		return a.Path < b.Path
	})
}

func countFindings(fs []Finding) []RuleCount {
	by := map[string]*RuleCount{}
	for _, f := range fs {
		rc := by[f.Rule]
		if rc == nil {
			rc = &RuleCount{Rule: f.Rule, Severity: f.Severity}
			by[f.Rule] = rc
		}
		rc.Count++
		rc.Paths = append(rc.Paths, f.Path)
	}
	out := []RuleCount{}
	for _, rc := range by {
		out = append(out, *rc)
	}
	sev := map[string]int{"error": 0, "warning": 1}
	sort.Slice(out, func(i, j int) bool {
		si, ok := sev[out[i].Severity]
		if !ok {
			si = 2
		}
		sj, ok := sev[out[j].Severity]
		if !ok {
			sj = 2
		}
		if si != sj {
			return si < sj
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

func credit(cells map[cellID]*Cell) []Translator {
	by := map[string]*Translator{}
	for id, c := range cells {
		if c.Translator == "" {
			continue
		}
		t := by[c.Translator]
		if t == nil {
			t = &Translator{Name: c.Translator, Langs: map[string]int{}}
			by[c.Translator] = t
		}
		t.Pages++
		t.Langs[id.lang]++
	}
	out := []Translator{}
	for _, t := range by {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pages != out[j].Pages {
			return out[i].Pages > out[j].Pages
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Totals sums the numbers of the overview.
type Totals struct {
	Langs, SourcePages, Translated, Cells, Stale, Errors, Warnings int
	// HasStale is true when status reports staleness.
	HasStale bool
}

// Totals returns the overview's numbers.
func (r *Report) Totals() Totals {
	t := Totals{Langs: len(r.Langs)}
	for _, l := range r.Langs {
		t.SourcePages = max(t.SourcePages, l.SourcePages)
		t.Translated += l.Counts["translated"]
		t.Cells += l.SourcePages
		t.Stale += l.Counts["stale"]
	}
	for _, s := range r.States {
		t.HasStale = t.HasStale || s == "stale"
	}
	for _, f := range r.Findings {
		switch f.Severity {
		case "error":
			t.Errors += f.Count
		case "warning":
			t.Warnings += f.Count
		}
	}
	return t
}

// Coverage is the share of all source pages translated in all languages.
func (t Totals) Coverage() float64 {
	if t.Cells == 0 {
		return 0
	}
	return float64(t.Translated) / float64(t.Cells)
}

// JSON is the document of `langref report --format json`: the status
// report unchanged, plus findings, translators and history.
type JSON struct {
	Status      json.RawMessage `json:"status"`
	Commit      string          `json:"commit,omitempty"`
	Date        string          `json:"date,omitempty"`
	Shallow     bool            `json:"shallow"`
	Findings    []RuleCount     `json:"findings"`
	Check       []Finding       `json:"check"`
	Translators []Translator    `json:"translators"`
	Languages   []LangJSON      `json:"languages"`
	StalePages  []StaleJSON     `json:"stale_pages"`
	History     *Progress       `json:"history"`
	// Clone says what the clone's history lacks ("history" was taken by
	// Progress before): see Report.Clone.
	Clone *history.Completeness `json:"clone,omitempty"`
}

// LangJSON is a language's words to translate and last activity.
type LangJSON struct {
	Lang          string `json:"lang"`
	WordsMissing  int    `json:"words_missing"`
	WordsOutdated int    `json:"words_outdated"`
	LastActivity  string `json:"last_activity,omitempty"`
	Inactive      bool   `json:"inactive"`
}

// StaleJSON is a stale page in the report's order.
type StaleJSON struct {
	Lang   string `json:"lang"`
	Path   string `json:"path"`
	Behind int    `json:"english_commits_since"`
	Words  int    `json:"changed_words"`
	URL    string `json:"url,omitempty"`
}

// JSON returns the JSON document of r.
func (r *Report) JSON() JSON {
	j := JSON{Status: r.Status, Commit: r.Commit, Date: r.Date, Shallow: r.Shallow, Clone: r.Clone, Findings: r.Findings,
		Check: r.FindingList, Translators: r.Translators, History: r.Progress,
		Languages: []LangJSON{}, StalePages: []StaleJSON{}}
	for i, l := range r.Langs {
		lj := LangJSON{Lang: l.Lang, WordsMissing: l.WordsMissing, WordsOutdated: l.WordsOutdated}
		if i < len(r.Activity) {
			lj.LastActivity, lj.Inactive = r.Activity[i].Last, r.Activity[i].Inactive
		}
		j.Languages = append(j.Languages, lj)
	}
	for _, s := range r.Stale {
		j.StalePages = append(j.StalePages, StaleJSON{Lang: s.Lang, Path: s.Path, Behind: s.Behind, Words: s.Words, URL: s.URL})
	}
	return j
}

// activity records each language's last translation commit, flagging
// those quiet for longer than InactiveMonths before the report's date.
func (r *Report) activity(last map[string]time.Time) {
	ref, _ := time.Parse("2006-01-02", r.Date)
	for _, l := range r.Langs {
		a := Activity{Lang: l.Lang}
		if t, ok := last[l.Lang]; ok && !t.IsZero() {
			a.Last = t.UTC().Format("2006-01-02")
			a.Inactive = r.InactiveMonths > 0 && !ref.IsZero() && t.Before(ref.AddDate(0, -r.InactiveMonths, 0))
		}
		r.Activity = append(r.Activity, a)
	}
}
