package check

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// navigation reports navigation entries that point nowhere or into another
// language's tree, and translations their language's navigation leaves out.
func (r *run) navigation() {
	for _, lang := range r.s.Languages {
		nav := r.s.Nav[lang]
		if nav == nil {
			continue
		}
		for _, it := range nav.Items {
			r.navItem(lang, nav.In(r.s.ConfigFile), it)
		}
	}
	for _, lang := range r.g.Langs {
		r.unlisted(lang)
	}
}

func (r *run) navItem(lang, file string, it site.NavItem) {
	if !inside(it.Path) {
		// Never looked up on disk: check must not tell which files
		// exist outside the site.
		r.add(NavMissingFile, "outside", file, it.Line, it.Col, map[string]any{"Path": it.Path, "Lang": lang})
		return
	}
	f := r.s.Lookup(it.Path)
	switch {
	case f == nil || (!f.Plain() && !f.Doc.Page):
		variant := ""
		if f != nil || r.existsOnDisk(it.Path) {
			variant = "not-a-page"
		}
		data := map[string]any{"Path": it.Path, "Lang": lang}
		if s := nearest(it.Path, r.pathsIn(lang)); s != "" {
			data["Suggest"] = s
		}
		r.add(NavMissingFile, variant, file, it.Line, it.Col, data)
	}
	if folder := r.s.FolderLang(it.Path); folder != lang {
		r.add(NavWrongLang, "", file, it.Line, it.Col, map[string]any{
			"Path": it.Path, "Lang": lang, "Folder": folder, "Suggest": r.s.Mirror(r.s.Unmirror(it.Path), lang),
		})
	}
}

// inside reports whether rel, a navigation path, names a place inside
// the site as written: relative, without "..", "." or empty parts.
func inside(rel string) bool {
	rel = strings.TrimPrefix(rel, "/") // Jekyll's paths may start at the site root
	return rel != "" && path.Clean(rel) == rel && filepath.IsLocal(filepath.FromSlash(rel)) && !strings.HasPrefix(rel, "../")
}

func (r *run) existsOnDisk(rel string) bool {
	_, err := os.Stat(filepath.Join(r.s.Root, filepath.FromSlash(rel)))
	return err == nil
}

func (r *run) pathsIn(lang string) []string {
	var out []string
	for _, p := range r.g.Pages {
		if p.File.Folder == lang && !p.File.Plain() {
			out = append(out, p.Path())
		}
	}
	return out
}

// unlisted reports translations missing from their language's navigation
// whose source page the source navigation lists.
func (r *run) unlisted(lang string) {
	srcNav, nav := r.s.Nav[r.s.SourceLang], r.s.Nav[lang]
	if srcNav == nil || nav == nil && r.s.NavShared {
		return
	}
	for _, e := range r.g.Entries {
		c := r.g.Cell(e, lang)
		if c == nil || c.State != graph.Translated || e.IsFile() || srcNav.Index(e.Source.Path()) < 0 || nav.Index(c.Page.Path()) >= 0 {
			continue
		}
		data := map[string]any{"Path": c.Page.Path(), "Lang": lang, "SourcePath": e.Source.Path()}
		if nav == nil {
			r.add(NavUnlisted, "no-nav", c.Page.Path(), 1, 1, data)
			continue
		}
		if r.s.NavShared {
			data["Entry"] = r.s.Unmirror(e.Source.Path())
			r.add(NavUnlisted, "shared", nav.In(r.s.ConfigFile), nav.Line, 1, data)
			continue
		}
		r.add(NavUnlisted, "", nav.In(r.s.ConfigFile), nav.Line, 1, data)
	}
}
