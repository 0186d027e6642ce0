// Package report turns a site's status, findings and history into coverage
// reports: one self-contained HTML page, a Markdown summary, JSON, CSV and
// per-language badges.
//
// The report reads status.Report through its JSON form, so that states and
// page fields that status gains later (stale, stub, baselines) show up
// without changes here. It holds no messages: renderers that print words
// take a Labels function from the caller.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/langref/langref/sync/history"
)

// Report is everything a report shows.
type Report struct {
	// Status is the status report the numbers come from, in its JSON
	// form: `langref status --format json` of the whole site.
	Status json.RawMessage
	// Source is the source language.
	Source string
	// Root is the site root relative to the repository root.
	Root string
	// Commit and Date name the commit the report describes ("" without git).
	Commit, Date string
	// States are the states that occur, in report order.
	States []string
	// Langs are the translation languages, in status order.
	Langs []Lang
	// Groups are the heat map's rows: navigation sections, then pages
	// outside the navigation, then orphans.
	Groups []Group
	// Findings counts the check findings by rule; FindingList holds them
	// all, as check reports them.
	Findings    []RuleCount
	FindingList []Finding
	// Translators are credited from the translations' front matter.
	Translators []Translator
	// Stale are the stale pages, most changed first.
	Stale []StalePage
	// Progress is translated pages per month, nil without history.
	Progress *Progress
	// Shallow is true when the history comes from a shallow clone, so that
	// baselines and progress may be incomplete.
	Shallow bool
	// Web and WebKind are the repository's web address and host kind
	// (see WebURL), "" when unknown; stale pages link to their files there.
	Web, WebKind string
	// FullCommit is the commit files link to.
	FullCommit string
	// Activity is each language's last translation commit, in Langs order.
	Activity []Activity
	// InactiveMonths is how long without a translation commit flags a
	// language.
	InactiveMonths int
	// Clone says what the history of the clone the report was made in
	// lacks (shallow, partial), for a banner; nil when unknown. Set by
	// the caller.
	Clone *history.Completeness
	// Diffs holds the HTML fragments of `langref diff`, by DiffID, for
	// the pages whose diff the report embeds.
	Diffs map[string]string
}

// DiffID names the diff of the page key in lang: the fragment id the
// heat map links to.
func DiffID(lang, key string) string { return "diff-" + lang + "-" + key }

// Lang is one translation language's numbers.
type Lang struct {
	Lang        string
	SourcePages int
	Coverage    float64
	// Counts holds the status counts by state, as status reports them.
	Counts map[string]int
	// Classes counts the language's cells by display class (a state, or
	// "minor" for translations with only minor drift), for the bars.
	Classes map[string]int
	// Cells is the number of cells the bar spans.
	Cells int
	// WordsMissing counts the source words of its missing pages (and the
	// untranslated share of its stubs); WordsOutdated the changed source
	// words of its stale pages.
	WordsMissing, WordsOutdated int
}

// Words is what is left to translate in a language: missing plus outdated.
func (l Lang) Words() int { return l.WordsMissing + l.WordsOutdated }

// Activity is a language's last translation commit.
type Activity struct {
	Lang string `json:"lang"`
	// Last is the date (2006-01-02) of its newest translation commit, ""
	// when none is known.
	Last string `json:"last_activity,omitempty"`
	// Inactive is true when Last is older than the report's
	// InactiveMonths before its date.
	Inactive bool `json:"inactive"`
}

// Group is a navigation chapter with its sections, or one of the groups of
// pages outside the navigation.
type Group struct {
	// Title is the chapter's title; Kind is "chapter", "unlisted" or
	// "orphans".
	Title, Kind string
	Rows        []Row
}

// Row is one source page (or orphan key) across the languages.
type Row struct {
	Key, SourcePath, Title string
	// Cells holds one cell per language of Report.Langs, nil where the
	// language has no cell (an orphan key of another language).
	Cells []*Cell
}

// Cell is one page in one language.
type Cell struct {
	State string
	// Class is the display class: the state, or "minor" for minor drift.
	Class      string
	Path       string
	Reason     string
	Translator string
	Baseline   string
	// Behind is the number of source commits since the baseline, -1 when
	// unknown.
	Behind int
	// Done and Total count the translated blocks of a stub (Total 0: not
	// a stub, or unknown).
	Done, Total int
	// Words is what is left to translate: the source page's words for a
	// missing page (the untranslated share for a stub), the changed source
	// words for a stale one.
	Words int
}

// RuleCount is the number of findings of one rule.
type RuleCount struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Count    int      `json:"count"`
	Paths    []string `json:"paths"`
}

// Translator is one person credited in the translations' front matter.
type Translator struct {
	Name  string         `json:"name"`
	Pages int            `json:"pages"`
	Langs map[string]int `json:"langs"`
	// Aliases are the other spellings merged into Name.
	Aliases []string `json:"aliases,omitempty"`
}

// StalePage is a translation behind its source.
type StalePage struct {
	Lang, Key, Path, SourcePath string
	// Behind counts the source commits since the baseline (-1 unknown);
	// Words the changed English words (see Cell.Words).
	Behind, Words int
	// URL is the translation's file on the repository's host, "" unknown.
	URL string
}

// order is the report order of the states langref knows; others follow
// in alphabetical order.
var order = []string{"translated", "minor", "stale", "stub", "missing", "broken", "orphan"}

func rank(state string) int {
	for i, s := range order {
		if s == state {
			return i
		}
	}
	return len(order)
}

// sortStates puts states in report order.
func sortStates(ss []string) {
	sort.Slice(ss, func(i, j int) bool {
		ri, rj := rank(ss[i]), rank(ss[j])
		if ri != rj {
			return ri < rj
		}
		return ss[i] < ss[j]
	})
}

// generic is a status report as JSON sees it.
type generic struct {
	Source    string           `json:"source"`
	Root      string           `json:"root"`
	Languages []map[string]any `json:"languages"`
	Pages     []map[string]any `json:"pages"`
}

// decode reads a status report's JSON form.
func decode(b []byte) (*generic, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var g generic
	if err := d.Decode(&g); err != nil {
		return nil, fmt.Errorf("read the status report: %w", err)
	}
	return &g, nil
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

// num returns m[k] as an int, and whether it is a number.
func num(m map[string]any, k string) (int, bool) {
	n, ok := m[k].(json.Number)
	if !ok {
		return 0, false
	}
	if i, err := n.Int64(); err == nil {
		return int(i), true
	}
	f, err := n.Float64()
	return int(f), err == nil
}

func float(m map[string]any, k string) float64 {
	n, ok := m[k].(json.Number)
	if !ok {
		return 0
	}
	f, _ := n.Float64()
	return f
}
