package stale

import (
	"slices"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
	"go.yaml.in/yaml/v3"
)

// ShownValue is the Evidence of a change to a front matter value the
// generator shows readers (the profile's ShownKeys: title, description,
// Starlight's hero and banner), and of its state: the source page's value
// at the baseline differs from its value now, as Lunaria counts any
// change of the file.
//
// Only a recorded baseline (mark's) says exactly which source version the
// translation follows, front matter included; a baseline from history is
// where the translation began, and the translator's later updates of a
// title are found only by following the value through both histories,
// which the judge does for blocks of the body alone. So shown values are
// compared for recorded baselines only.
const ShownValue Evidence = "shown-value"

// shownChanges adds to the item's changes, before the body's, one change
// a shown value made since a recorded baseline: classed as a block of
// prose of that text would be; applied when the translation has the
// value as the source now writes it (a name kept as is), or has the key
// the source added, or holds the new verbatim material (links, numbers,
// code) of a changed value and none of the old; else outdated (new for
// a key the translation lacks too).
func (it *item) shownChanges() {
	s := it.a.g.Site
	if len(s.ShownKeys) == 0 || it.page.BaselineSource != Recorded {
		return
	}
	it.load()
	od, nd, td := frontmatter.ParseWith(it.old, s.FrontMatter), frontmatter.ParseWith(it.src, s.FrontMatter), frontmatter.ParseWith(it.tr, s.FrontMatter)
	var out []Change
	for _, key := range s.ShownKeys {
		ov, oline := shownValue(od, key, s.FoldCase)
		nv, nline := shownValue(nd, key, s.FoldCase)
		if ov == nv {
			continue
		}
		tv, _ := shownValue(td, key, s.FoldCase)
		c := Change{Kind: "modified", Class: change.Content, Line: nline, EndLine: nline, OldLine: oline, OldEndLine: oline, Text: key + ": " + shorten(nv), Evidence: ShownValue}
		ob, nb := valueBlock(ov), valueBlock(nv)
		switch {
		case ov == "":
			c.Kind, c.OldLine, c.OldEndLine = "added", 0, 0
		case nv == "":
			c.Kind, c.Line, c.EndLine, c.Text = "removed", 0, 0, key+": "+shorten(ov)
		default:
			c.Class = change.Max(change.CompareBlocks(ob, nb))
		}
		switch {
		case c.Class < it.a.o.StaleOn:
			c.State = Cosmetic
		case tv != "" && (tv == nv || c.Kind == "added" || c.Kind == "modified" && newVerbatim(ob, nb, valueBlock(tv))):
			c.State = Applied
		case c.Kind == "added":
			c.State = New
		case c.Kind == "removed" && tv == "":
			c.State = Applied
		default:
			c.State = Outdated
		}
		out = append(out, c)
	}
	it.changes = append(out, it.changes...)
}

// valueBlock parses a value as the blocks of prose it would be in a page.
func valueBlock(v string) []blocks.Block {
	if v == "" {
		return nil
	}
	return blocks.Parse([]byte(v), 1)
}

// newVerbatim reports whether the verbatim material of the value changed
// from ob to nb and the translation's value tb holds all of the new and
// none of what went.
func newVerbatim(ob, nb, tb []blocks.Block) bool {
	parts := func(bs []blocks.Block) []string {
		var out []string
		for _, b := range bs {
			out = append(out, b.Verbatim...)
		}
		return out
	}
	o, n, t := parts(ob), parts(nb), parts(tb)
	if slices.Equal(o, n) || len(n) == 0 {
		return false
	}
	for _, v := range n {
		if !slices.Contains(t, v) {
			return false
		}
	}
	for _, v := range o {
		if !slices.Contains(n, v) && slices.Contains(t, v) {
			return false
		}
	}
	return true
}

// shownValue returns the text of key in d and its line, "" when d has no
// text there: a string, or the strings of a mapping or list (Starlight's
// hero:, banner:), a paragraph each; fold compares keys without regard to
// case.
func shownValue(d *frontmatter.Doc, key string, fold bool) (string, int) {
	if !d.Usable() {
		return "", 0
	}
	for i := len(d.Fields) - 1; i >= 0; i-- {
		f := d.Fields[i]
		if f.Key == key || fold && strings.EqualFold(f.Key, key) {
			if f.Value.Kind == frontmatter.String {
				return strings.TrimSpace(f.Value.Text), f.Line
			}
			var texts []string
			leaves(f.YAML(), &texts, 0)
			return strings.Join(texts, "\n\n"), f.Line
		}
	}
	return "", 0
}

// leaves appends the string scalars under n, in order.
func leaves(n *yaml.Node, out *[]string, depth int) {
	if n == nil || depth > 20 {
		return
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!str" || n.Tag == "" {
			if t := strings.TrimSpace(n.Value); t != "" {
				*out = append(*out, t)
			}
		}
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			leaves(n.Content[i], out, depth+1)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			leaves(c, out, depth+1)
		}
	}
}

// shorten returns the first words of a value, as Change.Text holds them.
func shorten(v string) string {
	r := []rune(v)
	if len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return v
}
