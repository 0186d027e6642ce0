package check

import (
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/profile"
)

// pairing reports pages without a key, keys no source page has, and keys
// shared by two pages of one language.
func (r *run) pairing() {
	if r.s.Layout == nil {
		r.missingRefs()
	}
	for _, e := range r.g.Entries {
		for _, d := range e.Dups {
			r.duplicateRef(d, e.Source)
		}
		for _, lang := range r.g.Langs {
			c := r.g.Cell(e, lang)
			switch {
			case c == nil:
			case c.State == graph.Orphan && e.Key != "" && !e.IsFile():
				r.orphan(c)
			case c.Reason == graph.DuplicateKey:
				r.duplicates(c)
			}
		}
	}
}

func (r *run) missingRefs() {
	for _, p := range r.g.Pages {
		if p.File.Plain() || p.Key != "" || p.File.Doc.Problem != nil {
			continue
		}
		variant, data := "", map[string]any{"Key": r.s.Key}
		line, col := 1, 1
		if p.KeyField != nil && graph.BadKind(p.KeyField.Value.Kind) {
			variant, line, col = "type", p.KeyField.Line, p.KeyField.Col
			data["Kind"] = string(p.KeyField.Value.Kind)
		}
		if p.File.Folder == r.s.SourceLang && variant == "" {
			variant = "source"
		} else if src := r.g.SourceAt(r.s.Unmirror(p.Path())); src != nil {
			data["Suggest"] = src.Key
			data["SourcePath"] = src.Path()
		}
		r.add(MissingRef, variant, p.Path(), line, col, data)
	}
}

func (r *run) orphan(c *graph.Cell) {
	p := c.Page
	if r.s.Layout != nil {
		r.orphanByPath(c)
		return
	}
	data := map[string]any{"Key": c.Entry.Key, "KeyName": r.s.Key}
	if src := r.g.SourceAt(r.s.Unmirror(p.Path())); src != nil && src.Key != "" {
		data["Suggest"], data["SourcePath"] = src.Key, src.Path()
	} else if k := nearest(c.Entry.Key, r.sourceKeys()); k != "" {
		data["Suggest"] = k
	}
	line, col := fieldPos(p)
	r.add(OrphanRef, "", p.Path(), line, col, data)
}

func (r *run) sourceKeys() []string {
	var keys []string
	for _, e := range r.g.Entries {
		if e.Source != nil {
			keys = append(keys, e.Key)
		}
	}
	return keys
}

func (r *run) duplicates(c *graph.Cell) {
	for _, o := range c.Others {
		if o.Lang == c.Lang && o.Usable() {
			r.duplicateRef(o, c.Page)
		}
	}
}

func (r *run) duplicateRef(p, first *graph.Page) {
	line, col := fieldPos(p)
	r.add(DuplicateRef, "", p.Path(), line, col, map[string]any{
		"Key": p.Key, "Lang": p.Lang, "Other": first.Path(),
	})
}

func fieldPos(p *graph.Page) (int, int) {
	if p.KeyField != nil {
		return p.KeyField.Line, p.KeyField.Col
	}
	return 1, 1
}

// orphanByPath reports a translation paired by path whose source path holds
// no page: none at all, or one the generator leaves out (a draft).
func (r *run) orphanByPath(c *graph.Cell) {
	p := c.Page
	data := map[string]any{"Key": c.Entry.Key, "Generator": r.s.Display}
	src := r.s.Layout.Path(r.s.SourceLang, r.s.Unmirror(p.Path()))
	l, ok := r.s.LeftAt(src)
	if !ok {
		r.add(OrphanRef, "path", p.Path(), 1, 1, data)
		return
	}
	data["SourcePath"] = l.Path
	variant := "left"
	if l.Reason == profile.Draft || l.Reason == profile.Headless {
		variant = string(l.Reason)
	}
	r.add(OrphanRef, variant, p.Path(), 1, 1, data)
}
