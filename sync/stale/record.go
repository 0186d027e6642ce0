package stale

import (
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/graph"
	"go.yaml.in/yaml/v3"
)

// record is a baseline recorded in a translation's front matter.
type record struct {
	key, value string
	line, col  int
}

// readRecord returns the value of key in d, walking nested mappings for
// dotted keys ("l10n.sourceCommit"), or nil when there is none.
func readRecord(d *frontmatter.Doc, key string) *record {
	if key == "" || !d.Usable() {
		return nil
	}
	first, rest, nested := strings.Cut(key, ".")
	f, ok := d.Get(first)
	n := f.YAML()
	if !ok || n == nil {
		return nil
	}
	r := &record{key: key, line: f.Line, col: f.Col}
	for nested {
		first, rest, nested = strings.Cut(rest, ".")
		k, v := lookup(n, first)
		if v == nil {
			return nil
		}
		r.line, r.col, n = k.Line, k.Column, v
	}
	if n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" || n.ShortTag() == "!!null" {
		return nil
	}
	// A copy: the value shares the text of the whole front matter, which
	// the analysis lets go (Options.Release).
	r.value = strings.Clone(strings.TrimSpace(n.Value))
	return r
}

// RecordedBaseline returns the baseline that front matter d records under key
// (dotted keys walk nested mappings), or "" when it records none. It does
// not check that the value names a commit.
func RecordedBaseline(d *frontmatter.Doc, key string) string {
	if r := readRecord(d, key); r != nil {
		return r.value
	}
	return ""
}

// lookup returns the key and value nodes of key in mapping m, the last
// occurrence winning as in Ruby.
func lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m.Kind == yaml.AliasNode && m.Alias != nil {
		m = m.Alias
	}
	if m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			k, v = m.Content[i], m.Content[i+1]
		}
	}
	return k, v
}

// HasRecords reports whether any translation of g records a baseline under
// o.BaselineKey, so that callers interested only in recorded baselines can
// skip reading history when none does.
func HasRecords(g *graph.Graph, o Options) bool {
	for _, p := range g.Pages {
		if p.File.Folder != g.Site.SourceLang && p.File.Doc != nil && readRecord(p.File.Doc, o.BaselineKey) != nil {
			return true
		}
	}
	return false
}
