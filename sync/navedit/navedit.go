// Package navedit adds pages to a language's navigation in a Jekyll
// _config.yml (the prologues, chapters and sections lists of the DLSP20
// theme) by inserting whole lines: every other byte of the file, comments,
// order, quoting and blank lines included, stays as it was.
package navedit

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// navKeys are the theme's navigation lists, in sidebar order.
var navKeys = []string{"prologues", "chapters", "epilogues"}

// Edit says where new pages go.
type Edit struct {
	// Lang is the language whose navigation gets the pages: its block is
	// the top-level key Lang.
	Lang string
	// Mirror maps a path of the source navigation (the top-level lists) to
	// the path of the same page in Lang's tree.
	Mirror func(string) string
}

// Insert returns config with a navigation entry for each of paths, pages
// of Lang, placed where the source navigation lists their source pages.
// Paths the source navigation does not list, and paths Lang's navigation
// already lists, are left out; added says which were added.
func Insert(config []byte, e Edit, paths []string) (out []byte, added []string, err error) {
	out = config
	for _, p := range paths {
		next, ok, err := insertOne(out, e, p)
		if err != nil {
			return config, nil, err
		}
		if ok {
			out, added = next, append(added, p)
		}
	}
	return out, added, nil
}

// ErrNotMapping is returned for a _config.yml whose top level is not a
// mapping of keys to values.
var ErrNotMapping = errors.New("the file is not a mapping of keys to values")

func insertOne(config []byte, e Edit, path string) ([]byte, bool, error) {
	top, err := parse(config)
	if err != nil {
		return nil, false, err
	}
	src := sourceItems(top, e.Mirror)
	at, ok := src[path]
	if !ok {
		return config, false, nil
	}
	f := newFile(config)
	blockKey, block := lookup(top, e.Lang)
	if block == nil {
		out := f.appendBlock(e.Lang, title(top), at.list, path)
		return out, true, verify(out, e.Lang, path)
	}
	if block.Kind != yaml.MappingNode {
		return nil, false, fmt.Errorf("line %d: the %s block is not a mapping", blockKey.Line, e.Lang)
	}
	if listed(block, path) {
		return config, false, nil
	}
	if flow(block) {
		return nil, false, fmt.Errorf("line %d: the %s navigation is written in flow style ([...] or {...}); langref only edits block style", blockKey.Line, e.Lang)
	}
	out := place(f, blockKey, block, src, at, path)
	return out, true, verify(out, e.Lang, path)
}

// flow reports whether any navigation list of block is in flow style,
// where inserting lines would break the YAML.
func flow(block *yaml.Node) bool {
	if block.Style&yaml.FlowStyle != 0 {
		return true
	}
	for _, k := range navKeys {
		if _, l := lookup(block, k); l != nil && hasFlow(l) {
			return true
		}
	}
	return false
}

func hasFlow(n *yaml.Node) bool {
	if n.Style&yaml.FlowStyle != 0 {
		return true
	}
	for _, c := range n.Content {
		if hasFlow(c) {
			return true
		}
	}
	return false
}

// verify checks that the edited file still parses and lists path in lang's
// navigation: a guard against an insertion at the wrong indentation.
func verify(out []byte, lang, path string) error {
	top, err := parse(out)
	if err != nil {
		return fmt.Errorf("adding %s to the %s navigation would break the file: %w", path, lang, err)
	}
	if _, block := lookup(top, lang); block == nil || !listed(block, path) {
		return fmt.Errorf("adding %s to the %s navigation failed: the file's layout is not one langref can edit", path, lang)
	}
	return nil
}

func parse(config []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(config, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode}, nil
	}
	if doc.Content[0].Kind != yaml.MappingNode {
		return nil, ErrNotMapping
	}
	return doc.Content[0], nil
}

// lookup returns the last key node named key in mapping m, and its value.
func lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	for i := 0; m != nil && m.Kind == yaml.MappingNode && i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			k, v = m.Content[i], m.Content[i+1]
		}
	}
	return k, v
}

func title(top *yaml.Node) string {
	if _, t := lookup(top, "title"); t != nil && t.Kind == yaml.ScalarNode {
		return t.Value
	}
	return ""
}

// sourcePlace is where the source navigation lists a page.
type sourcePlace struct {
	rank   int    // position in the whole source navigation
	list   string // prologues, chapters or epilogues
	parent string // the chapter's mirrored path, for sections
}

// sourceItems maps the mirrored path of every source navigation entry to
// its place.
func sourceItems(top *yaml.Node, mirror func(string) string) map[string]sourcePlace {
	out := map[string]sourcePlace{}
	var walk func(list *yaml.Node, key, parent string)
	walk = func(list *yaml.Node, key, parent string) {
		for _, it := range items(list) {
			p := mirror(it.path.Value)
			if _, dup := out[p]; !dup {
				out[p] = sourcePlace{rank: len(out), list: key, parent: parent}
			}
			_, secs := lookup(it.node, "sections")
			walk(secs, key, p)
		}
	}
	for _, k := range navKeys {
		_, list := lookup(top, k)
		walk(list, k, "")
	}
	return out
}

type item struct {
	node, path *yaml.Node
}

// items returns the entries of a navigation list that have a path.
func items(list *yaml.Node) []item {
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	var out []item
	for _, n := range list.Content {
		if _, p := lookup(n, "path"); p != nil && p.Kind == yaml.ScalarNode {
			out = append(out, item{node: n, path: p})
		}
	}
	return out
}

// listed reports whether path is anywhere in the navigation block.
func listed(block *yaml.Node, path string) bool {
	found := false
	var walk func(list *yaml.Node)
	walk = func(list *yaml.Node) {
		for _, it := range items(list) {
			found = found || it.path.Value == path
			_, secs := lookup(it.node, "sections")
			walk(secs)
		}
	}
	for _, k := range navKeys {
		_, list := lookup(block, k)
		walk(list)
	}
	return found
}

// lastLine returns the last line of n and everything under it.
func lastLine(n *yaml.Node) int {
	end := n.Line
	if n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		end += strings.Count(strings.TrimRight(n.Value, "\n"), "\n") + 1
	}
	for _, c := range n.Content {
		end = max(end, lastLine(c))
	}
	return end
}

// quoteLike writes path as value is written: plain, or in the same quotes.
func quoteLike(value *yaml.Node, path string) string {
	switch {
	case value != nil && value.Style&yaml.DoubleQuotedStyle != 0:
		return `"` + path + `"`
	case value != nil && value.Style&yaml.SingleQuotedStyle != 0:
		return "'" + path + "'"
	case needsQuotes(path):
		return `"` + path + `"`
	}
	return path
}

func needsQuotes(s string) bool {
	return s == "" || strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`") || strings.TrimSpace(s) != s
}

// file is the text of _config.yml split into lines, line breaks kept.
type file struct {
	lines []string
	nl    string // the file's line break
}

func newFile(b []byte) *file {
	f := &file{lines: strings.SplitAfter(string(b), "\n"), nl: "\n"}
	if n := len(f.lines); f.lines[n-1] == "" {
		f.lines = f.lines[:n-1]
	}
	if bytes.Contains(b, []byte("\r\n")) {
		f.nl = "\r\n"
	}
	return f
}

// insertAfter returns the file with text (lines without breaks) after
// 1-based line n; n = 0 puts them first.
func (f *file) insertAfter(n int, text ...string) []byte {
	var b strings.Builder
	for i, l := range f.lines {
		if i == n {
			f.writeLines(&b, text)
		}
		b.WriteString(l)
		if i == len(f.lines)-1 && !strings.HasSuffix(l, "\n") && n > i {
			b.WriteString(f.nl)
		}
	}
	if n >= len(f.lines) {
		f.writeLines(&b, text)
	}
	return []byte(b.String())
}

func (f *file) writeLines(b *strings.Builder, text []string) {
	for _, t := range text {
		b.WriteString(t + f.nl)
	}
}

// line returns 1-based line n without its line break.
func (f *file) line(n int) string {
	if n < 1 || n > len(f.lines) {
		return ""
	}
	return strings.TrimRight(f.lines[n-1], "\r\n")
}
