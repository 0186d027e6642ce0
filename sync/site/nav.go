package site

import "go.yaml.in/yaml/v3"

// NavKeys are the navigation lists of the DLSP20 theme, in sidebar order.
var NavKeys = []string{"prologues", "chapters", "epilogues"}

// Nav is one language's sidebar: the pages it lists, in order.
type Nav struct {
	Lang  string
	Line  int // line of the language's block in _config.yml (0: top level)
	Items []NavItem

	// pos indexes the first position of each path of Items, as parseNav
	// built them (indexed is their number then).
	pos     map[string]int
	indexed int
}

// NavItem is one "path:" entry of a navigation block.
type NavItem struct {
	Path      string // as written, relative to the site root
	Line, Col int    // position of the path value in _config.yml
	Parent    string // the chapter's path, for sections
}

// Index returns the position of path in the navigation, or -1.
func (n *Nav) Index(path string) int {
	if n == nil {
		return -1
	}
	if n.pos != nil && n.indexed == len(n.Items) {
		if i, ok := n.pos[path]; ok {
			return i
		}
		return -1
	}
	for i, it := range n.Items {
		if it.Path == path {
			return i
		}
	}
	return -1
}

func hasNav(m *yaml.Node) bool {
	for _, k := range NavKeys {
		if lookup(m, k) != nil {
			return true
		}
	}
	return false
}

// parseNav reads prologues, chapters (with their sections) and epilogues
// from mapping m; key is the block's key node, nil at top level.
func parseNav(m *yaml.Node, lang string, key *yaml.Node) *Nav {
	if !hasNav(m) {
		return nil
	}
	nav := &Nav{Lang: lang}
	if key != nil {
		nav.Line = key.Line
	}
	for _, k := range NavKeys {
		nav.Items = appendItems(nav.Items, lookup(m, k), "")
	}
	nav.pos, nav.indexed = make(map[string]int, len(nav.Items)), len(nav.Items)
	for i := len(nav.Items) - 1; i >= 0; i-- {
		nav.pos[nav.Items[i].Path] = i
	}
	return nav
}

// MaxNavItems bounds the entries read from one navigation: aliases can
// make a few lines stand for billions of entries.
const MaxNavItems = 100000

func appendItems(items []NavItem, list *yaml.Node, parent string) []NavItem {
	if list == nil || list.Kind != yaml.SequenceNode {
		return items
	}
	for _, entry := range list.Content {
		if len(items) >= MaxNavItems {
			return items
		}
		p := lookup(entry, "path")
		if p == nil || p.Kind != yaml.ScalarNode {
			continue
		}
		items = append(items, NavItem{Path: p.Value, Line: p.Line, Col: p.Column, Parent: parent})
		items = appendItems(items, lookup(entry, "sections"), p.Value)
	}
	return items
}
