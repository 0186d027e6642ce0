// Package check finds what is wrong with a site's pairing: every finding has
// a stable rule id, a severity, the file and line to fix, and the data its
// message and hint are rendered from.
package check

import (
	"sort"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// Severity is how much a finding matters.
type Severity string

// The severities, from most to least serious.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// The rule ids. They are part of langref's interface: never rename one.
const (
	FrontmatterInvalid = "frontmatter-invalid"
	DuplicateKey       = "duplicate-key"
	MissingRef         = "missing-ref"
	OrphanRef          = "orphan-ref"
	DuplicateRef       = "duplicate-ref"
	MissingLang        = "missing-lang"
	LangMismatch       = "lang-mismatch"
	UnknownLang        = "unknown-lang"
	MisspelledKey      = "misspelled-key"
	NavMissingFile     = "nav-missing-file"
	NavWrongLang       = "nav-wrong-lang"
	NavUnlisted        = "nav-unlisted"
	// The generator's UI string tables (Hugo's i18n/, Starlight's).
	UIStringMissing = "ui-string-missing"
	UIStringExtra   = "ui-string-extra"
	UIStringsBad    = "ui-strings-invalid"
	// MarkdownTooDeep: a page nested deeper than langref splits into
	// blocks (blocks.MaxPrefix).
	MarkdownTooDeep = "markdown-too-deep"
)

// Rules lists every rule id with its default severity.
var Rules = map[string]Severity{
	FrontmatterInvalid: Error,
	DuplicateKey:       Warning,
	MissingRef:         Error,
	OrphanRef:          Error,
	DuplicateRef:       Error,
	MissingLang:        Error,
	LangMismatch:       Error,
	UnknownLang:        Error,
	MisspelledKey:      Warning,
	NavMissingFile:     Error,
	NavWrongLang:       Warning,
	NavUnlisted:        Warning,
	UIStringMissing:    Info,
	UIStringExtra:      Warning,
	UIStringsBad:       Error,
	MarkdownTooDeep:    Warning,
}

func init() {
	site.KnownRules = map[string]bool{}
	for id := range Rules {
		site.KnownRules[id] = true
	}
}

// Finding is one problem at one place.
type Finding struct {
	Rule string
	// Variant refines the rule for its message, e.g. "bom" for
	// frontmatter-invalid; "" for the rule's main message.
	Variant  string
	Severity Severity
	// Path is relative to the site root.
	Path      string
	Line, Col int
	// Data fills the message and hint templates.
	Data map[string]any
}

// MessageID returns the id of the finding's message in the locale files.
func (f Finding) MessageID() string {
	if f.Variant != "" {
		return "check." + f.Rule + "." + f.Variant
	}
	return "check." + f.Rule
}

// HintID returns the id of the finding's hint in the locale files.
func (f Finding) HintID() string { return "hint." + f.MessageID()[len("check."):] }

// Run applies every rule to g, a site loaded whole (site.Load), and
// returns the findings sorted by path, line, column and rule.
func Run(g *graph.Graph) []Finding {
	fs, _ := RunStale(g, nil) // no error: the contents are in memory
	return fs
}

// all applies every rule that needs no history.
func (r *run) all() {
	r.frontMatter()
	r.pairing()
	r.languages()
	r.misspelledKeys()
	r.navigation()
	r.uiStrings()
	r.structure()
	r.tooDeep()
}

type run struct {
	g        *graph.Graph
	s        *site.Site
	findings []Finding
	err      error // reading pages again, on a lean site
}

func (r *run) add(rule, variant, path string, line, col int, data map[string]any) {
	sev := Rules[rule]
	if rule == MissingRef && variant == "source" || rule == NavMissingFile && variant == "untranslated" {
		sev = Warning
	}
	if o, ok := r.s.Severity[rule]; ok {
		if o == "off" {
			return
		}
		sev = Severity(o)
	}
	if line < 1 {
		line, col = 1, 1
	}
	r.findings = append(r.findings, Finding{Rule: rule, Variant: variant, Severity: sev, Path: path, Line: line, Col: col, Data: data})
}

func (r *run) sorted() []Finding {
	fs := r.findings
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.Path != b.Path:
			return a.Path < b.Path
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Col != b.Col:
			return a.Col < b.Col
		}
		return a.Rule < b.Rule
	})
	return fs
}
