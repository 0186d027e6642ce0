package check

import (
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/langref/langref/sync/frontmatter"
)

// uiStrings compares each language's tables of interface strings with the
// source language's, key by key: keys the translation lacks (the site
// shows the source's text) and keys the source does not have.
func (r *run) uiStrings() {
	r.uiTable(r.s.UIStrings)
	for _, t := range r.s.UITables {
		r.uiTable(t)
	}
}

// uiTable compares one table's translations (language → file) with its
// source.
func (r *run) uiTable(table map[string]string) {
	srcPath, ok := table[r.s.SourceLang]
	if !ok {
		return
	}
	src, ok := r.readTable(srcPath)
	if !ok {
		return
	}
	langs := make([]string, 0, len(table))
	for l := range table {
		if l != r.s.SourceLang {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	for _, l := range langs {
		if tr, ok := r.readTable(table[l]); ok {
			r.compareTables(l, srcPath, src, table[l], tr)
		}
	}
}

// readTable reads the table at rel, reporting it when it cannot be read.
func (r *run) readTable(rel string) ([]frontmatter.Field, bool) {
	b, err := os.ReadFile(filepath.Join(r.s.Root, filepath.FromSlash(rel)))
	if err != nil {
		r.add(UIStringsBad, "", rel, 1, 1, map[string]any{"Detail": err.Error()})
		return nil, false
	}
	f, _ := frontmatter.FormatOfExt(path.Ext(rel))
	fields, p := frontmatter.DecodeData(f, b)
	if p != nil {
		r.add(UIStringsBad, "", rel, p.Line, p.Col, map[string]any{"Detail": p.Detail})
		return nil, false
	}
	return fields, true
}

func (r *run) compareTables(lang, srcPath string, src []frontmatter.Field, trPath string, tr []frontmatter.Field) {
	has := func(fs []frontmatter.Field, key string) bool {
		for _, f := range fs {
			if f.Key == key {
				return true
			}
		}
		return false
	}
	for _, f := range src {
		if !has(tr, f.Key) {
			r.add(UIStringMissing, "", trPath, 1, 1, map[string]any{"Key": f.Key, "Lang": lang, "Source": srcPath, "Line": f.Line})
		}
	}
	for _, f := range tr {
		if !has(src, f.Key) {
			r.add(UIStringExtra, "", trPath, f.Line, f.Col, map[string]any{"Key": f.Key, "Lang": lang, "Source": srcPath})
		}
	}
}
