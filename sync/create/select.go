package create

import (
	"fmt"
	"path"
	"sort"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/plan"
	"github.com/langref/langref/translate/stub"
)

// selectSources returns the source pages to start translations of, in
// the order of the source navigation, and the stubs already there whose
// navigation entry is missing (see unlistedStub), to complete.
func selectSources(g *graph.Graph, o Options) (sources []*graph.Page, complete []string, err error) {
	if o.Missing {
		return missing(g, o)
	}
	seen := map[string]bool{}
	for _, arg := range o.Pages {
		e := find(g, arg)
		if e == nil {
			return nil, nil, &NotSourceError{Arg: arg, Scope: checkScopes(g, []string{arg}) == nil}
		}
		if seen[e.Key] {
			continue
		}
		seen[e.Key] = true
		if c := g.Cell(e, o.Lang); c != nil && c.Page != nil && !o.Force {
			if o.NoNav || !unlistedStub(g, e, c) {
				return nil, nil, &plan.ExistsError{Path: c.Page.Path()}
			}
			complete = append(complete, c.Page.Path())
			continue
		}
		sources = append(sources, e.Source)
	}
	return sources, complete, nil
}

// missing returns the source pages lang lacks, and the stubs of lang
// whose navigation entry is missing, limited to the folders and chapters
// of o.Pages when there are some. A file at a missing page's path that is
// no readable text (empty, binary...) stops it with a plan.ExistsError
// unless o.Force: the translator may have meant to write that page. A
// symbolic link there that leads nowhere langref reads stops it even with
// o.Force: new never writes through it.
func missing(g *graph.Graph, o Options) (sources []*graph.Page, complete []string, err error) {
	if err := checkScopes(g, o.Pages); err != nil {
		return nil, nil, err
	}
	for _, e := range g.Entries {
		if !startable(e) || !selected(g, e, o.Pages) {
			continue
		}
		c := g.Cell(e, o.Lang)
		switch {
		case c == nil:
		case c.State == graph.Missing:
			sources = append(sources, e.Source)
		case c.Reason == graph.Unreadable && !o.Force, c.Reason == graph.Symlink:
			return nil, nil, &plan.ExistsError{Path: c.Page.Path()}
		case !o.NoNav && unlistedStub(g, e, c):
			complete = append(complete, c.Page.Path())
		}
	}
	return sources, complete, nil
}

// unlistedStub reports whether c is a stub `langref new` made whose entry
// in its language's navigation is missing, although the source
// navigation lists its source page: what a run interrupted between
// writing the stub and writing _config.yml leaves behind.
func unlistedStub(g *graph.Graph, e *graph.Entry, c *graph.Cell) bool {
	s := g.Site
	if c.State != graph.Translated || c.Page == nil || c.Page.File.Plain() {
		return false
	}
	if s.NavShared && s.Nav[c.Lang] == nil {
		return false // the generator derives the language's navigation
	}
	if s.Nav[s.SourceLang].Index(e.Source.Path()) < 0 || s.Nav[c.Lang].Index(c.Page.Path()) >= 0 {
		return false
	}
	if c.Page.Path() != s.Mirror(e.Source.Path(), c.Lang) {
		return false // not where new puts stubs, so not one of its own
	}
	return stub.IsStub(stub.Progress(e.Source.File.Src, c.Page.File.Src))
}

// ScopeError says a folder, chapter or key given to --missing matches no
// source page: a typo would otherwise read as "nothing is missing".
type ScopeError struct {
	Arg string
	// Scopes are what would match: the folders of the source pages, the
	// navigation's chapters and the pages' keys, sorted.
	Scopes []string
}

func (e *ScopeError) Error() string {
	return fmt.Sprintf("%q is no folder, chapter or key of a source page", e.Arg)
}

// startable reports whether e is a source page `new --missing` may start.
func startable(e *graph.Entry) bool {
	return e.Source != nil && !e.IsFile() && !e.Source.File.Plain()
}

// checkScopes returns a ScopeError for the first of sels that matches no
// source page.
func checkScopes(g *graph.Graph, sels []string) error {
	for _, sel := range sels {
		found := false
		for _, e := range g.Entries {
			if startable(e) && under(g.Site, e, sel) {
				found = true
				break
			}
		}
		if !found {
			return &ScopeError{Arg: sel, Scopes: scopes(g)}
		}
	}
	return nil
}

// scopes lists the folders of the source pages, the navigation's chapters
// and the pages' keys.
func scopes(g *graph.Graph) []string {
	set := map[string]bool{}
	for _, e := range g.Entries {
		if !startable(e) {
			continue
		}
		set[e.Key] = true
		if e.Section != "" {
			set[e.Section] = true
		}
		for d := path.Dir(e.Source.Path()); d != "."; d = path.Dir(d) {
			set[d] = true
		}
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func selected(g *graph.Graph, e *graph.Entry, sels []string) bool {
	if len(sels) == 0 {
		return true
	}
	for _, sel := range sels {
		if under(g.Site, e, sel) {
			return true
		}
	}
	return false
}

// find returns the entry whose source page is at path arg, or whose key is
// arg.
func find(g *graph.Graph, arg string) *graph.Entry {
	var byKey *graph.Entry
	for _, e := range g.Entries {
		if e.Source == nil || e.IsFile() {
			continue
		}
		if e.Source.Path() == arg {
			return e
		}
		if e.Key == arg && byKey == nil {
			byKey = e
		}
	}
	return byKey
}
