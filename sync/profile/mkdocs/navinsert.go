package mkdocs

import (
	"bytes"
	"errors"
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
	order := navEntries(nil, srcNav, 0)
	var added []string
	for _, p := range paths {
		_, entry, ok := l.Match(p)
		if !ok {
			continue
		}
		next, ok := insertEntry(src, order, navEntries(nil, own, 0), own, entry)
		if ok {
			src, added = next, append(added, p)
			if err := reparse(src, l, lang, &own); err != nil {
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

func reparse(src []byte, l *layout, lang string, own **yaml.Node) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return err
	}
	*own = l.ownNav(doc.Content[0], lang)
	return nil
}

// insertEntry writes entry into the nav own (whose entries are have)
// after the nearest entry before it in the source nav order that own
// has, or before own's first item; ok is false when own has it already.
func insertEntry(src []byte, order, have []navEntry, own *yaml.Node, entry string) ([]byte, bool) {
	title := ""
	at := -1
	for i, e := range order {
		if e.path == entry {
			title, at = e.title, i
			break
		}
	}
	for _, h := range have {
		if h.path == entry {
			return src, false
		}
	}
	var after *navEntry
	for i := at - 1; i >= 0 && after == nil; i-- {
		for j := range have {
			if have[j].path == order[i].path {
				after = &have[j]
				break
			}
		}
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	var line int // 0-based index of the line to insert before
	var indent string
	if after != nil {
		line, indent = itemEnd(lines, after.seq, after.item), dashIndent(lines, after.item)
	} else if len(own.Content) > 0 {
		line, indent = own.Content[0].Line-1, dashIndent(lines, own.Content[0])
	} else {
		return src, false
	}
	text := indent + "- " + entry + "\n"
	if title != "" {
		text = indent + "- " + quoteTitle(title) + ": " + entry + "\n"
	}
	if line > 0 && !bytes.HasSuffix(lines[line-1], []byte("\n")) {
		text = "\n" + text
	}
	var out bytes.Buffer
	for i, ln := range lines {
		if i == line {
			out.WriteString(text)
		}
		out.Write(ln)
	}
	if line >= len(lines) {
		out.WriteString(text)
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
