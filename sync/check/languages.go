package check

import (
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/graph"
)

// languages reports pages whose lang is absent, not a language of the site,
// or not the language of their folder.
func (r *run) languages() {
	for _, p := range r.g.Pages {
		if p.File.Plain() || !p.File.Doc.Usable() {
			continue
		}
		r.language(p)
	}
}

func (r *run) language(p *graph.Page) {
	folder := p.File.Folder
	lf := p.LangField
	switch {
	case lf != nil && graph.BadKind(lf.Value.Kind):
		r.add(UnknownLang, "type", p.Path(), lf.Line, lf.Col, map[string]any{
			"Kind": string(lf.Value.Kind), "Folder": folder, "Langs": r.s.Languages,
		})
	case lf == nil || lf.Value.Kind == frontmatter.Null || lf.Value.Text == "":
		if folder != r.s.SourceLang && r.s.Layout == nil {
			line, col := 1, 1
			if lf != nil {
				line, col = lf.Line, lf.Col
			}
			r.add(MissingLang, "", p.Path(), line, col, map[string]any{"Lang": folder, "Source": r.s.SourceLang})
		}
	case lf.Value.Kind != frontmatter.String || !r.s.HasLang(lf.Value.Text):
		variant := ""
		if lf.Value.Kind == frontmatter.Bool {
			variant = "bool"
		}
		r.add(UnknownLang, variant, p.Path(), lf.Line, lf.Col, map[string]any{
			"Value": lf.Value.Text, "Folder": folder, "Langs": r.s.Languages,
		})
	case lf.Value.Text != folder:
		r.add(LangMismatch, "", p.Path(), lf.Line, lf.Col, map[string]any{"Value": lf.Value.Text, "Folder": folder})
	}
}
