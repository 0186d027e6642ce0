// Package create plans the files of new translations: for each source page,
// a stub in the translation language's tree (translate/stub), and entries
// in that language's navigation (sync/navedit). It only computes the plan;
// the caller prints or applies it (sync/plan).
package create

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/navedit"
	"github.com/langref/langref/sync/plan"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/translate/stub"
)

// Options say which translations to start.
type Options struct {
	// Lang is the translation language.
	Lang string
	// Pages are the source pages, by path relative to the site root or by
	// pairing key. With Missing they narrow the missing pages instead: to
	// those under a folder, or in a navigation chapter.
	Pages   []string
	Missing bool
	// Force plans stubs over existing files (Apply keeps backups).
	Force bool
	Style stub.Style
	// Today is the translation date to record.
	Today time.Time
	// NewLanguage allows a language the site does not have yet (see
	// UnknownLangError); without it, such a language is an error.
	NewLanguage bool
	// NoNav leaves the navigation as it is: the entries the stubs would
	// get are listed in Result.NavLeft instead of planned.
	NoNav bool
}

// Page is one planned stub.
type Page struct {
	Path, Source string
	// Blocks counts the units to translate; Remembered those filled in from
	// translation memory.
	Blocks, Remembered int
	// Baseline is the source commit or content hash recorded.
	Baseline string
	// Left are the source page's keys the stub left out, as only the
	// source page should carry them (Rules.SourceOnlyKeys).
	Left []string
}

// Result is the plan and what it holds.
type Result struct {
	Plan  *plan.Plan
	Pages []Page
	// Nav lists the pages added to the language's navigation.
	Nav []string
	// Completed lists the stubs already there whose missing navigation
	// entries the plan adds (a former run was interrupted).
	Completed []string
	// NavLeft lists, with Options.NoNav, the pages the language's
	// navigation would have got.
	NavLeft []string
	// HistoryErr, when not nil, says why git could not give the source
	// pages' commits (it refuses the repository, say): the stubs record
	// content hashes ("sha256:…") instead.
	HistoryErr error
}

// Errors the caller maps to messages and exit codes.
var (
	// ErrBadLang: the language code is not one, or names a path.
	ErrBadLang = errors.New("not a language code")
	// ErrSourceLang: stubs are made for translation languages only.
	ErrSourceLang = errors.New("the source language")
)

// NotSourceError says an argument names no source page. Scope is true
// when it names a folder or chapter of source pages, which --missing takes.
type NotSourceError struct {
	Arg   string
	Scope bool
}

func (e *NotSourceError) Error() string {
	return fmt.Sprintf("%q is neither a source page nor the key of one", e.Arg)
}

// Build plans the stubs and navigation entries o asks for.
func Build(s *site.Site, o Options) (*Result, error) {
	if err := checkLang(s, o.Lang); err != nil {
		return nil, err
	}
	if err := checkNew(s, o); err != nil {
		return nil, err
	}
	g := graph.Build(s)
	sources, complete, err := selectSources(g, o)
	if err != nil {
		return nil, err
	}
	r := &Result{Plan: &plan.Plan{Root: s.Root}, Completed: complete}
	if err := r.addStubs(s, sources, o); err != nil {
		return nil, err
	}
	return r, r.addNav(s, o)
}

func checkLang(s *site.Site, lang string) error {
	if !site.IsLangCode(lang) || plan.CheckPath(lang) != nil {
		return fmt.Errorf("%q: %w", lang, ErrBadLang)
	}
	if lang == s.SourceLang {
		return fmt.Errorf("%q: %w", lang, ErrSourceLang)
	}
	return nil
}

func (r *Result) addStubs(s *site.Site, sources []*graph.Page, o Options) error {
	base, err := baselines(s, sources)
	r.HistoryErr = err
	so := stub.Options{Lang: o.Lang, Date: o.Today.Format(dateLayout(s, o.Lang)),
		BaselineKey: s.BaselineKey, Style: o.Style, Memory: memory(s, o.Lang),
		SourceOnly: s.SourceOnlyKeys, FoldCase: s.FoldCase,
		FrontMatter: s.FrontMatter, LangKey: s.LangKey, Credit: credits(s)}
	for _, src := range sources {
		target := s.Mirror(src.Path(), o.Lang)
		if err := plan.CheckPath(target); err != nil {
			return err
		}
		if !o.Force && exists(s, target) || badLink(s, target) {
			return &plan.ExistsError{Path: target}
		}
		so.Baseline = base[src.Path()]
		st, err := stub.Make(src.File.Src, so)
		if err != nil {
			return fmt.Errorf("%s: %w", src.Path(), err)
		}
		if err := r.Plan.Add(target, nil, st.Src); err != nil {
			return err
		}
		r.Pages = append(r.Pages, Page{Path: target, Source: src.Path(), Blocks: st.Blocks, Remembered: st.Remembered,
			Baseline: so.Baseline, Left: st.Left})
	}
	return nil
}

// badLink reports whether rel is a symbolic link that leads nowhere
// langref reads (site.File.BadLink): new never writes through it, even
// with --force.
func badLink(s *site.Site, rel string) bool {
	f := s.Lookup(rel)
	return f != nil && f.BadLink()
}

func exists(s *site.Site, rel string) bool {
	_, err := os.Lstat(filepath.Join(s.Root, filepath.FromSlash(rel)))
	return err == nil
}

// addNav plans the navigation entries of the new pages and of the stubs
// to complete, when the site has a source navigation that translations do
// not share (Jekyll's per-language blocks); a language without
// a block gets one only when other translation languages have theirs.
// With o.NoNav it plans none and lists them in r.NavLeft.
// The write is planned again from _config.yml as it is when applied, if
// someone edited it meanwhile.
func (r *Result) addNav(s *site.Site, o Options) error {
	lang := o.Lang
	paths := append([]string(nil), r.Completed...)
	for _, p := range r.Pages {
		paths = append(paths, p.Path)
	}
	insert := s.NavInsert
	if insert == nil {
		e := navedit.Edit{Lang: lang, Mirror: func(p string) string { return s.Mirror(p, lang) }}
		insert = func(src []byte, _ string, paths []string) ([]byte, []string, error) {
			return navedit.Insert(src, e, paths)
		}
	}
	if !r.needsNav(s, lang, paths) {
		r.Completed = nil
		return nil
	}
	old, err := os.ReadFile(filepath.Join(s.Root, s.ConfigFile))
	if err != nil {
		return err
	}
	plan := func(cur []byte) ([]byte, error) {
		out, added, err := insert(cur, lang, paths)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.ConfigFile, err)
		}
		r.Nav = added
		return out, nil
	}
	out, err := plan(old)
	if err != nil {
		return err
	}
	if len(r.Nav) == 0 || o.NoNav {
		r.NavLeft, r.Nav, r.Completed = r.Nav, nil, nil
		return nil
	}
	if err := r.Plan.Add(s.ConfigFile, old, out); err != nil {
		return err
	}
	for i := range r.Plan.Writes {
		if r.Plan.Writes[i].Path == s.ConfigFile {
			r.Plan.Writes[i].Redo = plan
		}
	}
	return nil
}

// needsNav reports whether lang's navigation gets entries for paths: the
// site has a source navigation in its configuration and lang has a
// navigation of its own the generator does not derive (a language without
// one gets a Jekyll block only when other translation languages have
// theirs).
func (r *Result) needsNav(s *site.Site, lang string, paths []string) bool {
	if s.ConfigFile == "" || len(paths) == 0 || s.Nav[s.SourceLang] == nil {
		return false
	}
	if s.NavInsert != nil {
		return s.Nav[lang] != nil && s.Nav[lang].File == ""
	}
	if s.NavShared || s.Nav[s.SourceLang].Line != 0 {
		return false
	}
	return s.Nav[lang] != nil || len(s.Nav) >= 2
}

// under reports whether e's source page is in folder or chapter sel, or
// has a key that sel is, or starts up to a separator (ch.01 takes ch.01,
// ch.01-1 and ch.01-2, not ch.010).
func under(s *site.Site, e *graph.Entry, sel string) bool {
	sel = strings.TrimSuffix(sel, "/")
	p := e.Source.Path()
	return sel == "" || sel == "." || p == sel || strings.HasPrefix(p, sel+"/") || e.Section == sel || keyPrefix(e.Key, sel)
}

// keyPrefix reports whether key is sel or starts with sel followed by a
// character that is no letter or digit.
func keyPrefix(key, sel string) bool {
	rest, ok := strings.CutPrefix(key, sel)
	if !ok || sel == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
