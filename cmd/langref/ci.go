package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	gosync "sync"

	"github.com/langref/langref/cmd/langref/printers"
	"github.com/langref/langref/locales"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/status"
	"github.com/urfave/cli/v2"
)

// changedScope returns the paths, relative to the repository root, that
// --changed-since REV puts in scope: the files changed since REV (as a
// pull request sees them), every page that shares a pairing key with a
// changed page, now or before the change, and nil without the flag.
func (e *env) changedScope(c *cli.Context, g *graph.Graph) (map[string]bool, error) {
	rev := c.String("changed-since")
	if rev == "" {
		return nil, nil
	}
	s := g.Site
	repo, err := history.Open(s.Root)
	if err == nil {
		var changes []history.Changed
		if changes, err = repo.ChangedSince(rev); err == nil {
			return scopeOf(g, repo, changes), nil
		}
	}
	msg := e.p.T("error.changed-since", map[string]any{"Rev": rev, "Err": err})
	return nil, usageErr(e.withHint(msg, e.p.T("hint.changed-since")))
}

func scopeOf(g *graph.Graph, repo *history.Repo, changes []history.Changed) map[string]bool {
	s := g.Site
	root, _ := filepath.EvalSymlinks(repo.Root)
	byPath := map[string]*graph.Page{}
	for _, p := range g.Pages {
		byPath[p.Path()] = p
	}
	scope, keys := map[string]bool{}, map[string]bool{}
	for _, ch := range changes {
		rel, err := filepath.Rel(s.Root, filepath.Join(root, filepath.FromSlash(ch.Path)))
		if err != nil || !filepath.IsLocal(rel) {
			continue // outside the site
		}
		rel = filepath.ToSlash(rel)
		scope[s.RepoPath(rel)] = true
		if p := byPath[rel]; p != nil && p.Key != "" {
			keys[p.Key] = true
		}
		if ch.Old != nil {
			if f, ok := frontmatter.Parse(ch.Old).Get(s.Key); ok && f.Value.Text != "" {
				keys[f.Value.Text] = true // the key the change took away
			}
		}
	}
	for _, p := range g.Pages {
		if p.Key != "" && keys[p.Key] {
			scope[s.RepoPath(p.Path())] = true
		}
	}
	return scope
}

// inScope filters status pages to scope; every page is in a nil scope.
func inScope(ps []status.Page, scope map[string]bool) []status.Page {
	if scope == nil {
		return ps
	}
	out := []status.Page{}
	for _, p := range ps {
		if scope[p.Path] || scope[p.SourcePath] {
			out = append(out, p)
		}
	}
	return out
}

// baselineFile is a --write-baseline file: findings accepted as known,
// by fingerprint (rule, file and English message: not the line).
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Message     string `json:"message"`
}

// readBaseline reads the fingerprints of a baseline, counted: a finding
// repeated in a file is accepted as many times as the baseline holds it.
func (e *env) readBaseline(file string) (map[string]int, error) {
	data, err := os.ReadFile(file)
	if err == nil {
		var b baselineFile
		if err = json.Unmarshal(data, &b); err == nil && b.Version != 1 {
			err = fmt.Errorf("version %d, want 1", b.Version)
		}
		if err == nil {
			known := map[string]int{}
			for _, f := range b.Findings {
				known[f.Fingerprint]++
			}
			return known, nil
		}
	}
	return nil, usageErr(errors.New(e.p.T("error.baseline", map[string]any{"File": file, "Err": err})))
}

// writeBaseline writes fs as the accepted findings, sorted.
func writeBaseline(file string, fs []printers.Finding) error {
	b := baselineFile{Version: 1, Findings: []baselineEntry{}}
	for _, f := range fs {
		msg := f.English
		if msg == "" {
			msg = f.Message
		}
		b.Findings = append(b.Findings, baselineEntry{Fingerprint: f.Fingerprint(), Rule: f.Rule, Path: f.Path, Message: msg})
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		return x.Path < y.Path || x.Path == y.Path && x.Fingerprint < y.Fingerprint
	})
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return writeFile(file, append(data, '\n'))
}

// english renders messages in English, for fingerprints: made when first
// needed, not at start-up, where it cost every run (status, --version...)
// a parse of the English messages, 1.4 MB of allocations.
var english = gosync.OnceValue(func() *locales.Printer { return locales.New("en") })

// failUnder reads --fail-under values: "90" for every language, "fr=90"
// for one; a language's own value wins.
func (e *env) failUnder(values []string) (all float64, per map[string]float64, err error) {
	all, per = -1, map[string]float64{}
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			lang, pct, hasLang := strings.Cut(part, "=")
			if !hasLang {
				pct = lang
			}
			n, perr := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(pct), "%"), 64)
			if perr != nil || n < 0 || n > 100 {
				return 0, nil, usageErr(errors.New(e.p.T("error.fail-under", map[string]any{"Value": part})))
			}
			if hasLang {
				per[strings.TrimSpace(lang)] = n
			} else {
				all = n
			}
		}
	}
	return all, per, nil
}

// coverageGate fails (exit 1) when a language's coverage is under its
// --fail-under threshold, and refuses (exit 2) to judge coverage resting
// on pages whose state a shallow clone hides.
func (e *env) coverageGate(c *cli.Context, r *status.Report) error {
	if !c.IsSet("fail-under") {
		return nil
	}
	all, per, err := e.failUnder(c.StringSlice("fail-under"))
	if err != nil {
		return err
	}
	var codes []string
	for _, l := range r.Languages {
		codes = append(codes, l.Lang)
	}
	sort.Strings(codes)
	for l := range per {
		if !slices.Contains(codes, l) {
			return e.unknownLang(l, codes)
		}
	}
	unknown, failed := 0, false
	for _, l := range r.Languages {
		unknown += l.Unknown
		min, ok := per[l.Lang]
		if !ok {
			min = all
		}
		if min >= 0 && status.Percent(l.Coverage) < min {
			failed = true
			fmt.Fprintf(e.stderr, "langref: %s\n", e.p.T("status.fail-under", map[string]any{
				"Lang": l.Lang, "Coverage": fmt.Sprintf("%.1f%%", status.Percent(l.Coverage)), "Min": strconv.FormatFloat(min, 'f', -1, 64)}))
		}
	}
	if unknown > 0 {
		msg := e.p.T("error.fail-under-history", map[string]any{"Count": unknown})
		return usageErr(e.withHint(msg, e.p.T("hint.shallow")))
	}
	if failed {
		return &exitError{code: exitFindings}
	}
	return nil
}
