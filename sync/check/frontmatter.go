package check

import (
	"fmt"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/site"
)

// frontMatter reports blocks the generator cannot read and duplicated
// keys, in pages and in the generator's configuration.
func (r *run) frontMatter() {
	for _, d := range r.s.ConfigDups {
		r.configDup(d)
	}
	r.badLinks()
	for _, p := range r.g.Pages {
		d := p.File.Doc
		if d == nil || p.File.BadLink() {
			continue
		}
		if pr := d.Problem; pr != nil {
			variant := r.invalidVariant(pr)
			if p.File.Unreadable() {
				variant = string(pr.Kind) // the file, not its front matter
				if pr.Kind == frontmatter.InvalidUTF8 {
					variant = "not-utf8" // no front matter to drop
				}
			}
			r.add(FrontmatterInvalid, variant, p.Path(), pr.Line, pr.Col, map[string]any{"Detail": pr.Detail, "Generator": r.s.Display})
		}
		if !d.Page || d.Problem != nil {
			continue
		}
		for _, dup := range d.Duplicates() {
			r.duplicateKey(p.Path(), dup)
		}
	}
}

// badLinks reports the symbolic links at pages' paths that langref does
// not follow (site.File.BadLink), in every language: those that no source
// page mirrors, and those of the source language, are left out of the
// pairing, but not out of the site's build.
func (r *run) badLinks() {
	for _, f := range r.s.Files {
		if f.BadLink() {
			pr := f.Doc.Problem
			r.add(FrontmatterInvalid, string(pr.Kind), f.Path, pr.Line, pr.Col, map[string]any{"Target": pr.Detail, "Generator": r.s.Display})
		}
	}
}

// invalidVariant is the message variant of front matter problem pr: its
// kind, or on generators that stop the build on it "stops-build" (or
// "unterminated-stops-build").
func (r *run) invalidVariant(pr *frontmatter.Problem) string {
	if !r.s.StopsOnBadFrontMatter {
		return string(pr.Kind)
	}
	if pr.Kind == frontmatter.Unterminated {
		return "unterminated-stops-build"
	}
	return "stops-build"
}

func (r *run) duplicateKey(path string, dup []frontmatter.Field) {
	last := dup[len(dup)-1]
	lines := make([]string, len(dup))
	for i, f := range dup {
		lines[i] = fmt.Sprint(f.Line)
	}
	variant := ""
	if r.s.DuplicateKeysFail {
		variant = "stops-build"
	}
	for _, f := range dup[:len(dup)-1] {
		r.add(DuplicateKey, variant, path, f.Line, f.Col, map[string]any{
			"Key": f.Key, "Lines": strings.Join(lines, ", "), "Value": last.Value.Text, "LastLine": last.Line,
			"Generator": r.s.Display,
		})
	}
}

func (r *run) configDup(d site.DupKey) {
	lines := make([]string, len(d.Lines))
	for i, l := range d.Lines {
		lines[i] = fmt.Sprint(l)
	}
	last := d.Lines[len(d.Lines)-1]
	for _, l := range d.Lines[:len(d.Lines)-1] {
		r.add(DuplicateKey, "", r.s.ConfigFile, l, 1, map[string]any{
			"Key": d.Key, "Lines": strings.Join(lines, ", "), "Value": d.Value, "LastLine": last, "Generator": r.s.Display,
		})
	}
}
