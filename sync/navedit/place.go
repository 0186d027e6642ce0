package navedit

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// place inserts path into an existing language block, in the list the
// source navigation has it in: among the sections of its chapter when the
// language lists that chapter, else in the list itself.
func place(f *file, blockKey, block *yaml.Node, src map[string]sourcePlace, at sourcePlace, path string) insertion {
	listKey, list := lookup(block, at.list)
	if at.parent != "" {
		if ch, ok := findItem(list, at.parent); ok {
			return placeInList(f, ch, "sections", src, at, path)
		}
	}
	if list == nil || len(items(list)) == 0 {
		return addList(f, blockKey, block, listKey, at.list, path)
	}
	return insertAmong(f, list, src, at, path)
}

func findItem(list *yaml.Node, path string) (item, bool) {
	for _, it := range items(list) {
		if it.path.Value == path {
			return it, true
		}
	}
	return item{}, false
}

// placeInList puts path in the list key of chapter ch, creating the list
// under the chapter when it has none.
func placeInList(f *file, ch item, key string, src map[string]sourcePlace, at sourcePlace, path string) insertion {
	listKey, list := lookup(ch.node, key)
	if its := items(list); len(its) > 0 {
		return insertAmong(f, list, src, at, path)
	}
	indent := strings.Repeat(" ", keyColumn(ch)-1)
	entry := indent + "  - path: " + quoteLike(ch.path, path)
	if list != nil && list.Kind == yaml.ScalarNode && list.Value == "" && list.Line == listKey.Line {
		return f.insertAfter(listKey.Line, entry) // "sections:" with no entries
	}
	ins := f.insertAfter(lastLine(ch.node), indent+key+":", entry)
	if list == nil {
		ins.mapping = ch.node
	}
	return ins
}

// keyColumn returns the column of the keys of a navigation entry.
func keyColumn(it item) int {
	if len(it.node.Content) > 0 {
		return it.node.Content[0].Column
	}
	return it.node.Column
}

// insertAmong puts path among the entries of a list: after the last one
// the source navigation has before it, else before the first.
func insertAmong(f *file, list *yaml.Node, src map[string]sourcePlace, at sourcePlace, path string) insertion {
	its := items(list)
	after, before := -1, -1
	for i, it := range its {
		p, ok := src[it.path.Value]
		switch {
		case !ok:
		case p.rank < at.rank:
			after = i
		case before < 0:
			before = i
		}
	}
	var ins insertion
	switch {
	case after >= 0:
		it := its[after]
		ins = f.insertAfter(lastLine(it.node), entryLine(f, it, path))
		ins.index = slices.Index(list.Content, it.node) + 1
	case before >= 0:
		it := its[before]
		ins = f.insertAfter(it.node.Line-1, entryLine(f, it, path))
		ins.index = slices.Index(list.Content, it.node)
	default:
		it := its[len(its)-1]
		ins = f.insertAfter(lastLine(it.node), entryLine(f, it, path))
		ins.index = slices.Index(list.Content, it.node) + 1
	}
	ins.list = list
	return ins
}

// entryLine writes an entry for path the way entry it is written: the same
// dash and indentation, the same quotes.
func entryLine(f *file, it item, path string) string {
	l := f.line(it.node.Line)
	prefix := l[:min(len(l), keyColumn(it)-1)]
	if strings.Trim(prefix, " -") != "" || !strings.Contains(prefix, "-") {
		prefix = strings.Repeat(" ", max(keyColumn(it)-3, 0)) + "- "
	}
	return prefix + "path: " + quoteLike(it.path, path)
}

// addList adds the list key (with path as its only entry) to a language
// block, or fills an empty one.
func addList(f *file, blockKey, block, listKey *yaml.Node, key, path string) insertion {
	indent := "  "
	if len(block.Content) > 0 {
		indent = strings.Repeat(" ", block.Content[0].Column-1)
	}
	entry := indent + "  - path: " + quoteLike(nil, path)
	if listKey != nil {
		_, v := lookup(block, key)
		if v.Kind == yaml.ScalarNode && v.Value == "" && v.Line == listKey.Line {
			return f.insertAfter(listKey.Line, entry)
		}
	}
	end := blockKey.Line
	if len(block.Content) > 0 {
		end = lastLine(block)
	}
	ins := f.insertAfter(end, indent+key+":", entry)
	if listKey == nil && len(block.Content) > 0 {
		ins.mapping = block
	}
	return ins
}

// appendBlock adds a block for a language that has none at the end of the
// file, with the source's title for the translator to translate.
func (f *file) appendBlock(lang, title, key, path string) insertion {
	text := []string{"", lang + ":"}
	if title != "" {
		text = append(text, "  title: "+quoteLike(&yaml.Node{Style: yaml.SingleQuotedStyle}, strings.ReplaceAll(title, "'", "''")))
	}
	text = append(text, "  "+key+":", "    - path: "+quoteLike(nil, path))
	return f.insertAfter(len(f.lines), text...)
}
