package stale

import (
	"strings"
	"unicode/utf8"

	"github.com/langref/langref/translate/diff"
)

// NoteLineMode says that the page was judged as a whole, line by line,
// without blocks: its source page (at the baseline or now) or its
// translation is over Options.LineModeBytes. Its changes are runs of
// changed lines, all of class content; the translation is not read, so
// nothing in it is judged or verified (Page.Suspect). Part of langref's
// JSON output.
const NoteLineMode = "line-mode"

// lineModeBytes is the size over which the analysis judges a page line
// by line (Options.LineModeBytes, else diff.LineModeBytes).
func (o Options) lineModeBytes() int {
	if o.LineModeBytes > 0 {
		return o.LineModeBytes
	}
	return diff.LineModeBytes
}

// lineMode reports whether the item is judged line by line: its source
// page at the baseline (it.old, when known) or now, or its translation,
// is over Options.LineModeBytes. Sizes are those the site was read with,
// so that the pages need not be held to tell.
func (it *item) lineMode() bool {
	old := 0
	if it.settling != nil {
		old = len(it.old)
	}
	return max(old, it.srcSize, it.trSize) > it.a.o.lineModeBytes()
}

// lineChanges makes the item's changes the line diff of its source page
// from the baseline to now, as diff does for pages over its bound,
// without parsing either into blocks: one change per run of changed
// lines, of class content; none when the page is the same.
func (it *item) lineChanges() {
	it.note(NoteLineMode)
	it.changes = []Change{}
	p := diff.Build(diff.Input{Versions: []diff.Version{{Src: it.old}, {Src: it.src}}, LineMode: true})
	for _, c := range p.Changes {
		x := Change{Class: c.Class, Kind: c.Kind}
		if c.New != nil {
			x.Line, x.EndLine = c.New.Start, c.New.End
		}
		if c.Old != nil {
			x.OldLine, x.OldEndLine = c.Old.Start, c.Old.End
		}
		x.Text = lineText(c.Words, c.New != nil)
		it.changes = append(it.changes, x)
	}
}

// maxLineText is how much of a run of lines lineText looks at.
const maxLineText = 4096

// lineText returns the start of the first non-blank line of a run of
// lines, new (or, when it has none, old), from its word diff.
func lineText(ops []diff.Op, isNew bool) string {
	skip := "+"
	if isNew {
		skip = "-"
	}
	var s strings.Builder
	for _, op := range ops {
		if op.Op != skip {
			s.WriteString(op.Text[:min(len(op.Text), maxLineText-s.Len())])
			if s.Len() == maxLineText {
				break
			}
		}
	}
	for l := range strings.Lines(s.String()) {
		if l = strings.TrimSpace(l); l != "" {
			if utf8.RuneCountInString(l) > 60 {
				return string([]rune(l)[:59]) + "…"
			}
			return l
		}
	}
	return ""
}
