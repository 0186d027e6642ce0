package jekyll

import (
	"github.com/langref/langref/sync/profile"
	"go.yaml.in/yaml/v3"
)

// NavKeys are the navigation lists of the DLSP20 theme, in sidebar order.
var NavKeys = []string{"prologues", "chapters", "epilogues"}

func hasNav(m *yaml.Node) bool {
	for _, k := range NavKeys {
		if profile.Lookup(m, k) != nil {
			return true
		}
	}
	return false
}

// parseNav reads prologues, chapters (with their sections) and epilogues
// from mapping m; key is the block's key node, nil at top level.
func parseNav(m *yaml.Node, lang string, key *yaml.Node) *profile.Nav {
	if !hasNav(m) {
		return nil
	}
	line := 0
	if key != nil {
		line = key.Line
	}
	var items []profile.NavItem
	for _, k := range NavKeys {
		items = appendItems(items, profile.Lookup(m, k), "")
	}
	return profile.NewNav(lang, line, items)
}

// MaxNavItems bounds the entries read from one navigation: aliases can
// make a few lines stand for billions of entries.
const MaxNavItems = 100000

func appendItems(items []profile.NavItem, list *yaml.Node, parent string) []profile.NavItem {
	if list == nil || list.Kind != yaml.SequenceNode {
		return items
	}
	for _, entry := range list.Content {
		if len(items) >= MaxNavItems {
			return items
		}
		p := profile.Lookup(entry, "path")
		if p == nil || p.Kind != yaml.ScalarNode {
			continue
		}
		items = append(items, profile.NavItem{Path: p.Value, Line: p.Line, Col: p.Column, Parent: parent})
		items = appendItems(items, profile.Lookup(entry, "sections"), p.Value)
	}
	return items
}
