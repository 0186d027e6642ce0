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
			r.navItem(lang, it.In(nav, r.s.ConfigFile), it)
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
	case f == nil && it.Shared && lang != r.s.SourceLang:
		// One entry for every language: the source language's reports
		// a wrong path; here the page is untranslated, or also missing.
		src := r.s.Lookup(r.s.Mirror(it.Path, r.s.SourceLang))
		if src != nil && (src.Plain() || src.Doc.Page) {
			r.add(NavMissingFile, "untranslated", file, it.Line, it.Col, map[string]any{"Path": it.Path, "Lang": lang, "SourcePath": src.Path})
		}
		return
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
// whose source page the source navigation lists; with named menus
// (Hugo's), from each menu that lists the source page.
func (r *run) unlisted(lang string) {
	srcNav, nav := r.s.Nav[r.s.SourceLang], r.s.Nav[lang]
	if srcNav == nil || nav == nil && r.s.NavShared {
		return
	}
	var srcMenus map[string][]site.NavItem // path → its first entry in each menu
	var listed map[[2]string]bool          // (menu, path) lang's navigation lists
	for _, e := range r.g.Entries {
		c := r.g.Cell(e, lang)
		if c == nil || c.State != graph.Translated || e.IsFile() {
			continue
		}
		i := srcNav.Index(e.Source.Path())
		if i < 0 {
			continue
		}
		menus := srcNav.Items[i].Menu != ""
		if !menus && nav.Index(c.Page.Path()) >= 0 {
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
		if !menus {
			r.add(NavUnlisted, "", nav.In(r.s.ConfigFile), nav.Line, 1, data)
			continue
		}
		if srcMenus == nil {
			srcMenus, listed = menuIndex(srcNav), map[[2]string]bool{}
			for _, it := range nav.Items {
				listed[[2]string{it.Menu, it.Path}] = true
			}
		}
		for _, src := range srcMenus[e.Source.Path()] {
			if listed[[2]string{src.Menu, c.Page.Path()}] {
				continue
			}
			d := map[string]any{"Path": c.Page.Path(), "Lang": lang, "SourcePath": e.Source.Path(), "Menu": src.Menu}
			if src.File != "" && src.File == e.Source.Path() {
				// The source page declares the entry: so does its translation.
				d["File"] = c.Page.Path()
				r.add(NavUnlisted, "menu-page", c.Page.Path(), 1, 1, d)
				continue
			}
			d["File"] = nav.In(r.s.ConfigFile)
			r.add(NavUnlisted, "menu", nav.In(r.s.ConfigFile), nav.Line, 1, d)
		}
	}
}

// menuIndex returns, for each path of nav, its first entry in each menu,
// in navigation order.
func menuIndex(nav *site.Nav) map[string][]site.NavItem {
	out := map[string][]site.NavItem{}
	for _, it := range nav.Items {
		seen := false
		for _, o := range out[it.Path] {
			seen = seen || o.Menu == it.Menu
		}
		if !seen {
			out[it.Path] = append(out[it.Path], it)
		}
	}
	return out
}
