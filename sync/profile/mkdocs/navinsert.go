package mkdocs

import (
	"bytes"
	"errors"
	"slices"
	"strings"

	"github.com/langref/langref/sync/profile"
	"go.yaml.in/yaml/v3"
)

// errFlow says that a nav is written in flow style ([a, b]), which
// langref does not rewrite.
var errFlow = errors.New("the language's nav is written in flow style ([...]); add the entries by hand")

// navEntry is one page entry of a nav: its path as written, its title
// ("" for a bare path), and the sequence item that holds it.
type navEntry struct {
	path, title string
	item        *yaml.Node // the sequence item: a scalar or a one-key mapping
	seq         *yaml.Node // the sequence holding item
}

// navEntries lists the page entries of nav n in order.
func navEntries(out []navEntry, n *yaml.Node, depth int) []navEntry {
	if n == nil || n.Kind != yaml.SequenceNode || depth > 50 {
		return out
	}
	for _, it := range n.Content {
		switch {
		case it.Kind == yaml.ScalarNode:
			out = append(out, navEntry{path: it.Value, item: it, seq: n})
		case it.Kind == yaml.MappingNode && len(it.Content) == 2:
			k, v := it.Content[0], it.Content[1]
			if v.Kind == yaml.ScalarNode {
				out = append(out, navEntry{path: v.Value, title: k.Value, item: it, seq: n})
			} else {
				out = navEntries(out, v, depth+1)
			}
		}
	}
	return out
}

// insertNav adds to lang's own nav in mkdocs.yml (src) the entries of the
// translations at paths, each after the entry the source nav lists it
// after, with the source nav's title; every other byte is kept. It adds
// nothing when lang has no nav of its own: the plugin then builds lang's
// navigation from the source nav.
func (l *layout) insertNav(src []byte, lang string, paths []string) ([]byte, []string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) == 0 {
		return src, nil, err
	}
	m := doc.Content[0]
	_, srcNav := keyValue(m, "nav")
	own := l.ownNav(m, lang)
	if srcNav == nil || own == nil {
		return src, nil, nil
	}
	if own.Style&yaml.FlowStyle != 0 {
		return src, nil, errFlow
	}
	var added []string
	for _, p := range paths {
		_, entry, ok := l.Match(p)
		if !ok {
			continue
		}
		next, ok := insertEntry(src, srcNav, own, entry)
		if ok {
			src, added = next, append(added, p)
			if err := reparse(src, l, lang, &own, &srcNav); err != nil {
				return nil, nil, err
			}
		}
	}
	return src, added, nil
}

// ownNav returns the nav sequence of lang's settings in the i18n plugin.
func (l *layout) ownNav(m *yaml.Node, lang string) *yaml.Node {
	langs := profile.Lookup(plugin(profile.Lookup(m, "plugins"), "i18n"), "languages")
	if langs == nil {
		return nil
	}
	for _, e := range langs.Content {
		if profile.Scalar(profile.Lookup(e, "locale")) == lang {
			if _, nav := keyValue(e, "nav"); nav != nil && nav.Kind == yaml.SequenceNode {
				return nav
			}
		}
	}
	return nil
}

func reparse(src []byte, l *layout, lang string, own, srcNav **yaml.Node) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return err
	}
	*own = l.ownNav(doc.Content[0], lang)
	_, *srcNav = keyValue(doc.Content[0], "nav")
	return nil
}

// insertEntry writes entry into the nav own in the section that matches
// the one the source nav srcNav lists it in (a section of own matches
// when it lists a page the source section lists, or has its title),
// creating the sections own lacks with the source's titles; within its
// section it goes after the nearest item before it in the source that
// own has, else first. ok is false when own has it already.
func insertEntry(src []byte, srcNav, own *yaml.Node, entry string) ([]byte, bool) {
	for _, h := range navEntries(nil, own, 0) {
		if h.path == entry {
			return src, false
		}
	}
	chain := locate(srcNav, entry, 0)
	if chain == nil {
		chain = []*yaml.Node{&yaml.Node{Kind: yaml.ScalarNode, Value: entry}}
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	seq, target := srcNav, own
	for d, item := range chain {
		if d < len(chain)-1 {
			if sec := matchingSection(target, item); sec != nil {
				seq, target = sectionSeq(item), sectionSeq(sec)
				continue
			}
		}
		text, ok := itemText(lines, seq, chain[d:])
		if !ok {
			return src, false
		}
		return insertAt(src, lines, seq, target, item, text)
	}
	return src, false
}

// locate returns the items of seq, a nav sequence, down to entry: the
// section items that hold it, then its own item; nil when seq lacks it.
func locate(seq *yaml.Node, entry string, depth int) []*yaml.Node {
	if seq == nil || seq.Kind != yaml.SequenceNode || depth > 50 {
		return nil
	}
	for _, it := range seq.Content {
		if p, _ := pageOf(it); p == entry {
			return []*yaml.Node{it}
		}
		if sub := sectionSeq(it); sub != nil {
			if rest := locate(sub, entry, depth+1); rest != nil {
				return append([]*yaml.Node{it}, rest...)
			}
		}
	}
	return nil
}

// pageOf returns the page path and title of a page item: - path, or
// - Title: path.
func pageOf(it *yaml.Node) (path, title string) {
	switch {
	case it.Kind == yaml.ScalarNode:
		return it.Value, ""
	case it.Kind == yaml.MappingNode && len(it.Content) == 2 && it.Content[1].Kind == yaml.ScalarNode:
		return it.Content[1].Value, it.Content[0].Value
	}
	return "", ""
}

// sectionSeq returns the sequence of a section item (- Title: [...]),
// or nil.
func sectionSeq(it *yaml.Node) *yaml.Node {
	if it.Kind == yaml.MappingNode && len(it.Content) == 2 && it.Content[1].Kind == yaml.SequenceNode {
		return it.Content[1]
	}
	return nil
}

// matchingSection returns the section item of own that matches the
// source section item sec: one listing a page sec lists, else one with
// its title.
func matchingSection(own, sec *yaml.Node) *yaml.Node {
	pages := map[string]bool{}
	for _, e := range navEntries(nil, sectionSeq(sec), 0) {
		pages[e.path] = true
	}
	var byTitle *yaml.Node
	for _, it := range own.Content {
		sub := sectionSeq(it)
		if sub == nil {
			continue
		}
		for _, e := range navEntries(nil, sub, 0) {
			if pages[e.path] {
				return it
			}
		}
		if byTitle == nil && it.Content[0].Value == sec.Content[0].Value {
			byTitle = it
		}
	}
	return byTitle
}

// matches reports whether item of own stands for the source item src.
func matches(src, item *yaml.Node) bool {
	if p, _ := pageOf(src); p != "" {
		q, _ := pageOf(item)
		return p == q
	}
	if sectionSeq(src) == nil || sectionSeq(item) == nil {
		return false
	}
	return matchingSection(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}}, src) != nil
}

// itemText writes the item chain[0] of the source sequence seq for
// own: the page with its source title, or the sections down to it, each
// nested as deep as the source nests them. The lines are relative to
// the item's dash ("- " first); ok is false for a nav langref cannot
// write.
func itemText(lines [][]byte, seq *yaml.Node, chain []*yaml.Node) ([]string, bool) {
	it := chain[0]
	if p, title := pageOf(it); p != "" {
		if title != "" {
			return []string{"- " + quoteTitle(title) + ": " + p}, true
		}
		return []string{"- " + p}, true
	}
	sub := sectionSeq(it)
	if sub == nil || len(chain) < 2 || len(sub.Content) == 0 {
		return nil, false
	}
	step := len(dashIndent(lines, sub.Content[0])) - len(dashIndent(lines, it))
	if step <= 0 {
		step = 2
	}
	inner, ok := itemText(lines, sub, chain[1:])
	if !ok {
		return nil, false
	}
	out := []string{"- " + quoteTitle(it.Content[0].Value) + ":"}
	for _, l := range inner {
		out = append(out, strings.Repeat(" ", step)+l)
	}
	return out, true
}

// insertAt writes text, the lines of the source item item of seq, into
// the own sequence target: after the nearest item before item in seq
// that target has, else before target's first item.
func insertAt(src []byte, lines [][]byte, seq, target, item *yaml.Node, text []string) ([]byte, bool) {
	at := slices.Index(seq.Content, item)
	var after *yaml.Node
	for i := at - 1; i >= 0 && after == nil; i-- {
		for _, t := range target.Content {
			if matches(seq.Content[i], t) {
				after = t
				break
			}
		}
	}
	var line int // 0-based index of the line to insert before
	var indent string
	switch {
	case after != nil:
		line, indent = itemEnd(lines, target, after), dashIndent(lines, after)
	case len(target.Content) > 0:
		line, indent = target.Content[0].Line-1, dashIndent(lines, target.Content[0])
	default:
		return src, false
	}
	var b strings.Builder
	if line > 0 && !bytes.HasSuffix(lines[line-1], []byte("\n")) {
		b.WriteString("\n")
	}
	for _, l := range text {
		b.WriteString(indent + l + "\n")
	}
	var out bytes.Buffer
	for i, ln := range lines {
		if i == line {
			out.WriteString(b.String())
		}
		out.Write(ln)
	}
	if line >= len(lines) {
		out.WriteString(b.String())
	}
	return out.Bytes(), true
}

// itemEnd returns the 0-based line after item, the last of seq's items
// or not: the next item's line, else the line after the deepest node
// under item.
func itemEnd(lines [][]byte, seq, item *yaml.Node) int {
	for i, it := range seq.Content {
		if it == item && i+1 < len(seq.Content) {
			return seq.Content[i+1].Line - 1
		}
	}
	last := lastLine(item)
	for last < len(lines) && strings.TrimSpace(string(lines[last])) != "" && indentOf(lines[last]) > indentOf(lines[item.Line-1]) {
		last++ // continuation lines of a scalar
	}
	return last
}

func lastLine(n *yaml.Node) int {
	l := n.Line
	for _, c := range n.Content {
		l = max(l, lastLine(c))
	}
	return l
}

func indentOf(line []byte) int { return len(line) - len(bytes.TrimLeft(line, " ")) }

// dashIndent returns the text before the "- " of item's line.
func dashIndent(lines [][]byte, item *yaml.Node) string {
	ln := string(lines[item.Line-1])
	if i := strings.Index(ln, "-"); i >= 0 && strings.TrimSpace(ln[:i]) == "" {
		return ln[:i]
	}
	return strings.Repeat(" ", max(item.Column-3, 0))
}

// quoteTitle quotes a title that YAML would not read back as itself.
func quoteTitle(t string) string {
	var n yaml.Node
	if yaml.Unmarshal([]byte("k: "+t), &n) == nil && len(n.Content) > 0 {
		if v := profile.Lookup(n.Content[0], "k"); v != nil && v.Value == t && v.Tag == "!!str" && !strings.ContainsAny(t, ":#") {
			return t
		}
	}
	return "'" + strings.ReplaceAll(t, "'", "''") + "'"
}
