package check

import (
	"fmt"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
)

// frontMatter reports blocks Jekyll cannot read and duplicated keys.
func (r *run) frontMatter() {
	for _, p := range r.g.Pages {
		d := p.File.Doc
		if d == nil {
			continue
		}
		if pr := d.Problem; pr != nil {
			r.add(FrontmatterInvalid, string(pr.Kind), p.Path(), pr.Line, pr.Col, map[string]any{"Detail": pr.Detail})
		}
		if !d.Page || d.Problem != nil {
			continue
		}
		for _, dup := range d.Duplicates() {
			r.duplicateKey(p.Path(), dup)
		}
	}
}

func (r *run) duplicateKey(path string, dup []frontmatter.Field) {
	last := dup[len(dup)-1]
	lines := make([]string, len(dup))
	for i, f := range dup {
		lines[i] = fmt.Sprint(f.Line)
	}
	for _, f := range dup[:len(dup)-1] {
		r.add(DuplicateKey, "", path, f.Line, f.Col, map[string]any{
			"Key": f.Key, "Lines": strings.Join(lines, ", "), "Value": last.Value.Text, "LastLine": last.Line,
		})
	}
}
