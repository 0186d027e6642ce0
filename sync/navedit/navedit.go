// Package navedit adds pages to a language's navigation in a Jekyll
// _config.yml (the prologues, chapters and sections lists of the DLSP20
// theme) by inserting whole lines: every other byte of the file, comments,
// order, quoting and blank lines included, stays as it was.
package navedit

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/langref/langref/internal/yamlref"
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
//
// The file is parsed once: an entry added to an existing list is also
// added to the parsed tree (see editor.mirror), and only edits that add
// lists or blocks parse the file again. The result is checked once, at
// the end, to parse and to list every page added.
func Insert(config []byte, e Edit, paths []string) (out []byte, added []string, err error) {
	return insert(config, e, paths, false)
}

// insert is Insert; with reparse, every edit parses the file again.
func insert(config []byte, e Edit, paths []string, reparse bool) (out []byte, added []string, err error) {
	ed, err := newEditor(config, e)
	if err != nil {
		return config, nil, err
	}
	ed.reparse = reparse
	for _, p := range paths {
		ok, err := ed.insert(p)
		if err != nil {
			return config, nil, err
		}
		if ok {
			added = append(added, p)
		}
	}
	if len(added) == 0 {
		return config, nil, nil
	}
	out = ed.f.bytes()
	if ed.mirrored {
		if err := verify(out, e.Lang, added...); err != nil {
			return config, nil, err
		}
	}
	return out, added, nil
}

// editor is the file being edited and its parsed tree, kept in step.
type editor struct {
	e     Edit
	f     *file
	top   *yaml.Node // the tree of f
	src   map[string]sourcePlace
	title string
	// mirrored is set once an entry was added to the tree rather than
	// parsed from the file, which then needs checking.
	mirrored bool
	// known holds what was found of e.Lang's block since the tree was
	// parsed: the paths it lists and whether it is in flow style; nil
	// until then.
	known *blockFacts
	// reparse makes every edit parse the file again, as a reference
	// for tests.
	reparse bool
}

func newEditor(config []byte, e Edit) (*editor, error) {
	top, err := parse(config)
	if err != nil {
		return nil, err
	}
	// Edits touch only e.Lang's block: the source navigation stays as it is.
	return &editor{e: e, f: newFile(config), top: top, src: sourceItems(yamlref.Resolve(top), e.Mirror), title: title(top)}, nil
}

// insert adds path to the navigation, and reports whether it did.
func (ed *editor) insert(path string) (bool, error) {
	e := ed.e
	at, ok := ed.src[path]
	if !ok {
		return false, nil
	}
	blockKey, block := lookup(ed.top, e.Lang)
	if block == nil {
		return true, ed.apply(ed.f.appendBlock(e.Lang, ed.title, at.list, path), path)
	}
	if block.Kind == yaml.AliasNode {
		return false, fmt.Errorf("line %d: the %s block is an alias (*%s); %w", blockKey.Line, e.Lang, block.Value, ErrAliased)
	}
	if block.Kind != yaml.MappingNode {
		return false, fmt.Errorf("line %d: the %s block is not a mapping", blockKey.Line, e.Lang)
	}
	if ed.known == nil {
		rb := yamlref.Resolve(block)
		ed.known = &blockFacts{listed: listedPaths(rb), flow: flow(block), resolved: rb}
	}
	if ed.known.listed[path] {
		return false, nil
	}
	if _, raw := lookup(block, at.list); raw == nil || raw.Kind == yaml.AliasNode {
		if _, l := lookup(ed.known.resolved, at.list); l != nil && len(items(l)) > 0 {
			return false, fmt.Errorf("line %d: the %s %s come from an alias or a merge key (<<); %w", blockKey.Line, e.Lang, at.list, ErrAliased)
		}
	}
	if ed.known.flow {
		return false, fmt.Errorf("line %d: the %s navigation is written in flow style ([...] or {...}); langref only edits block style", blockKey.Line, e.Lang)
	}
	return true, ed.apply(place(ed.f, blockKey, block, ed.src, at, path), path)
}

// blockFacts is what the editor knows of the block it edits.
type blockFacts struct {
	listed map[string]bool
	flow   bool
	// resolved is the block as Jekyll reads it (yamlref.Resolve).
	resolved *yaml.Node
}

// ErrAliased is returned for a navigation list langref would have to
// change where an alias or a merge key brings it from, which would change
// the other blocks that use it too.
var ErrAliased = errors.New("langref only edits navigation lists written out in the language's block")

// apply makes an insertion in the file, and in the tree: by adding the
// new entry to its list when it is one entry of an existing list, else by
// parsing the file again and checking that it lists path.
func (ed *editor) apply(ins insertion, path string) error {
	ed.f.insert(ins)
	if (ins.list != nil || ins.mapping != nil) && !ed.reparse && ed.mirror(ins) {
		ed.known.listed[path] = true
		return nil
	}
	out := ed.f.bytes()
	if err := verify(out, ed.e.Lang, path); err != nil {
		return err
	}
	top, err := parse(out)
	ed.top, ed.known = top, nil
	return err
}

// mirror adds to the tree what ins inserted: an entry of an existing
// list, or a key and its list at the end of a mapping. The inserted lines
// are parsed on their own (their columns are the file's, as they keep
// their indentation) and join the tree, whose lines below move down. It
// reports false when they do not parse as what ins says they are.
//
// Only the block edited moves down: nothing reads the lines of the rest
// of the tree again, which is parsed afresh for any other edit.
func (ed *editor) mirror(ins insertion) bool {
	var doc yaml.Node
	if yaml.Unmarshal([]byte(strings.Join(ins.lines, "\n")), &doc) != nil || len(doc.Content) != 1 {
		return false
	}
	n := doc.Content[0]
	switch {
	case ins.list != nil && n.Kind == yaml.SequenceNode && len(n.Content) == 1 && len(ins.lines) == 1:
	case ins.mapping != nil && n.Kind == yaml.MappingNode && len(n.Content) == 2:
	default:
		return false
	}
	blockKey, block := lookup(ed.top, ed.e.Lang)
	shiftLines(blockKey, ins.after, len(ins.lines))
	shiftLines(block, ins.after, len(ins.lines))
	shiftLines(n, 0, ins.after) // the snippet's line 1 is the file's line after+1
	if l := ins.list; l != nil {
		l.Content = slices.Insert(l.Content, ins.index, n.Content[0])
	} else {
		ins.mapping.Content = append(ins.mapping.Content, n.Content...)
	}
	ed.mirrored = true
	return true
}

// shiftLines moves the nodes of n below line after down by k lines.
// Children come in the order of their lines: those followed by a sibling
// that starts at or above line after are left alone.
func shiftLines(n *yaml.Node, after, k int) {
	if n.Line > after {
		n.Line += k
	}
	for i, c := range n.Content {
		if i+1 < len(n.Content) && n.Content[i+1].Line <= after {
			continue
		}
		shiftLines(c, after, k)
	}
}

// ErrNotMapping is returned for a _config.yml whose top level is not a
// mapping of keys to values.
var ErrNotMapping = errors.New("the file is not a mapping of keys to values")

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

// verify checks that the edited file still parses and lists paths in
// lang's navigation: a guard against an insertion at the wrong
// indentation.
func verify(out []byte, lang string, paths ...string) error {
	top, err := parse(out)
	if err != nil {
		return fmt.Errorf("adding %s to the %s navigation would break the file: %w", strings.Join(paths, ", "), lang, err)
	}
	_, block := lookup(top, lang)
	var have map[string]bool
	if block != nil {
		have = listedPaths(yamlref.Resolve(block))
	}
	for _, p := range paths {
		if !have[p] {
			return fmt.Errorf("adding %s to the %s navigation failed: the file's layout is not one langref can edit", p, lang)
		}
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
	seen := map[*yaml.Node]bool{} // aliases share lists: each is walked once
	var walk func(list *yaml.Node, key, parent string)
	walk = func(list *yaml.Node, key, parent string) {
		if seen[list] {
			return
		}
		seen[list] = true
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

// listedPaths returns the paths anywhere in the navigation block.
func listedPaths(block *yaml.Node) map[string]bool {
	out := map[string]bool{}
	seen := map[*yaml.Node]bool{} // aliases share lists: each is walked once
	var walk func(list *yaml.Node)
	walk = func(list *yaml.Node) {
		if seen[list] {
			return
		}
		seen[list] = true
		for _, it := range items(list) {
			out[it.path.Value] = true
			_, secs := lookup(it.node, "sections")
			walk(secs)
		}
	}
	for _, k := range navKeys {
		_, list := lookup(block, k)
		walk(list)
	}
	return out
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

// insertion is an edit of the file: lines (without breaks) after 1-based
// line after (0 puts them first). When it adds one entry to an existing
// list, list is that list and index the entry's place in list.Content;
// when it adds a key (a list) at the end of a mapping, mapping is that
// mapping.
type insertion struct {
	after   int
	lines   []string
	list    *yaml.Node
	index   int
	mapping *yaml.Node
}

// insertAfter returns the insertion of text after line n.
func (f *file) insertAfter(n int, text ...string) insertion {
	return insertion{after: n, lines: text}
}

// insert makes the insertion.
func (f *file) insert(ins insertion) {
	n := min(ins.after, len(f.lines))
	if n > 0 && !strings.HasSuffix(f.lines[n-1], "\n") {
		f.lines[n-1] += f.nl // the last line had no break
	}
	add := make([]string, len(ins.lines))
	for i, t := range ins.lines {
		add[i] = t + f.nl
	}
	f.lines = append(f.lines[:n], append(add, f.lines[n:]...)...)
}

// bytes returns the file's text.
func (f *file) bytes() []byte {
	return []byte(strings.Join(f.lines, ""))
}

// line returns 1-based line n without its line break.
func (f *file) line(n int) string {
	if n < 1 || n > len(f.lines) {
		return ""
	}
	return strings.TrimRight(f.lines[n-1], "\r\n")
}
