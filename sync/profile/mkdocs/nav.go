package mkdocs

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/langref/langref/sync/profile"
	"go.yaml.in/yaml/v3"
)

// The i18n plugin builds each language's navigation from mkdocs.yml's nav,
// whose paths are the default language's (index.md, never index.fr.md):
// it picks each language's file, or falls back to the default one, and
// translates titles with nav_translations. A language's own nav: in the
// plugin's settings replaces it, with the same kind of paths.

// readNavs reads the top-level nav (the default language's, and every
// language's without one of its own) and each language's own nav.
func (l *layout) readNavs(root string, m *yaml.Node) map[string]*profile.Nav {
	out := map[string]*profile.Nav{}
	if key, nav := keyValue(m, "nav"); nav != nil {
		out[l.source] = profile.NewNav(l.source, key.Line, l.navItems(root, nil, l.source, nav, 0))
	}
	for lang, e := range l.navs {
		if lang == l.source {
			continue
		}
		if key, nav := keyValue(e, "nav"); nav != nil {
			out[lang] = profile.NewNav(lang, key.Line, l.navItems(root, nil, lang, nav, 0))
		}
	}
	return out
}

// keyValue returns the key and value nodes of key in mapping m.
func keyValue(m *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// navItems lists the pages of a nav: - page.md, - Title: page.md and
// - Section: [...]; links (http:, /, #) are not pages.
func (l *layout) navItems(root string, out []profile.NavItem, lang string, n *yaml.Node, depth int) []profile.NavItem {
	if n == nil || depth > 50 || len(out) >= 100000 {
		return out
	}
	switch n.Kind {
	case yaml.SequenceNode:
		for _, e := range n.Content {
			out = l.navItems(root, out, lang, e, depth+1)
		}
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			out = l.navItems(root, out, lang, n.Content[i], depth+1)
		}
	case yaml.ScalarNode:
		if it, ok := l.navItem(root, lang, n); ok {
			out = append(out, it)
		}
	}
	return out
}

// navItem is the entry of a nav path for lang: lang's file when it
// exists; the default language's when only it does (the plugin falls
// back to it, which is no entry of lang's); else lang's, which is missing.
func (l *layout) navItem(root, lang string, n *yaml.Node) (profile.NavItem, bool) {
	p := n.Value
	if p == "" || strings.Contains(p, "://") || strings.HasPrefix(p, "/") || strings.HasPrefix(p, "#") || strings.HasPrefix(p, "mailto:") {
		return profile.NavItem{}, false
	}
	it := profile.NavItem{Path: l.Path(lang, p), Line: n.Line, Col: n.Column}
	if lang != l.source && !isFile(root, it.Path) && isFile(root, l.Path(l.source, p)) {
		return profile.NavItem{}, false
	}
	return it, true
}

func isFile(root, rel string) bool {
	fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel)))
	return err == nil && !fi.IsDir()
}
