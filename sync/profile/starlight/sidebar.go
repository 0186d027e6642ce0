package starlight

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/langref/langref/sync/profile"
	"github.com/langref/langref/sync/profile/jstext"
)

// Starlight builds every locale's sidebar from the one sidebar of the
// configuration (labels translated by their translations: objects), so
// the source navigation is the only one: a translation needs no entry of
// its own, and autogenerate groups list a folder's pages by themselves.

var sidebarKey = regexp.MustCompile(`\bsidebar\s*:`)

// readSidebar reads the sidebar of the Astro configuration src (comments
// stripped): the page of every slug it lists, with its line.
func readSidebar(root, src string, l *layout) *profile.Nav {
	v := jstext.Assigned(src, sidebarKey)
	if !v.Is(jstext.Array) {
		return nil
	}
	return profile.NewNav(l.source, 0, sidebarItems(nil, root, l, v, 0))
}

func sidebarItems(out []profile.NavItem, root string, l *layout, v *jstext.Value, depth int) []profile.NavItem {
	if v == nil || depth > 50 || len(out) >= 100000 {
		return out
	}
	switch v.Kind {
	case jstext.String:
		return append(out, slugItem(root, l, v))
	case jstext.Array:
		for _, it := range v.Items {
			out = sidebarItems(out, root, l, it, depth+1)
		}
	case jstext.Object:
		if s := v.Get("slug"); s.Is(jstext.String) {
			out = append(out, slugItem(root, l, s))
		}
		out = sidebarItems(out, root, l, v.Get("items"), depth+1)
		// link: entries may leave the docs; autogenerate: derives its own
	}
	return out
}

// slugItem is the entry of a slug: the source locale's page whose slug it
// is, or DocsDir/SLUG when there is none.
func slugItem(root string, l *layout, s *jstext.Value) profile.NavItem {
	slug := strings.Trim(s.Text, "/")
	it := profile.NavItem{Path: l.Path(l.source, slug), Line: s.Line, Col: s.Col}
	stems := []string{slug, slug + "/index"}
	if slug == "" {
		stems = []string{"index"}
	}
	for _, stem := range stems {
		for _, ext := range pageExts {
			p := l.Path(l.source, stem+ext)
			if fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err == nil && !fi.IsDir() {
				it.Path = p
				return it
			}
		}
	}
	return it
}
