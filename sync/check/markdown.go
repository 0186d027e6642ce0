package check

import (
	"github.com/langref/langref/internal/par"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
)

// tooDeep reports the first line of each page nested deeper than langref
// splits into blocks: its comparisons treat those lines as one block.
func (r *run) tooDeep() {
	pages := r.g.Pages
	lines := make([]int, len(pages))
	errs := make([]error, len(pages))
	par.Do(len(pages), func(i int) {
		f := pages[i].File
		if f.Doc == nil || !f.Doc.Page {
			return
		}
		src, err := r.s.Contents(f)
		if err != nil {
			errs[i] = err
			return
		}
		body, first := frontmatter.SplitBody(src)
		lines[i] = blocks.TooDeep(body, first)
	})
	for i, l := range lines {
		if errs[i] != nil && r.err == nil {
			r.err = errs[i]
		}
		if l > 0 {
			r.add(MarkdownTooDeep, "", pages[i].Path(), l, 1, map[string]any{"Max": blocks.MaxPrefix})
		}
	}
}
