package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/langref/langref/translate/blocks"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// context is the number of unchanged lines around each hunk, as git has it.
const context = 3

// Unified writes each page's source change since its baseline as a patch
// that git apply takes on the source file at the baseline. Lines before a
// patch's "diff --git" line say which translation it is for; git ignores
// them. Each hunk header ends with the heading above the hunk.
func Unified(w io.Writer, r *Report) error {
	for _, p := range r.Pages {
		fmt.Fprintf(w, "# %s ← %s (%s)\n", p.Translation, p.Source, p.Baseline.Rev)
		if _, err := io.WriteString(w, Patch(p.Source, p.old, p.new)); err != nil {
			return err
		}
	}
	return nil
}

// line is one line of a line diff: op is ' ', '-' or '+'.
type line struct {
	op   byte
	text string // with its line break, if it has one
}

// Patch returns the unified diff of a file at path from a to b, or "" when
// they are equal.
func Patch(path string, a, b []byte) string {
	if string(a) == string(b) {
		return ""
	}
	ls := lineDiff(string(a), string(b))
	var out strings.Builder
	fmt.Fprintf(&out, "diff --git a/%s b/%s\n--- a/%s\n+++ b/%s\n", path, path, path, path)
	heads := Parse(b)
	for _, h := range hunks(ls) {
		writeHunk(&out, ls, h, heads)
	}
	return out.String()
}

func lineDiff(a, b string) []line {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	ra, rb, lines := dmp.DiffLinesToRunes(a, b)
	var out []line
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		op := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = '-'
		case diffmatchpatch.DiffInsert:
			op = '+'
		}
		for _, r := range d.Text {
			out = append(out, line{op, lines[r]})
		}
	}
	return out
}

// hunk is a run ls[start:end] of the line diff.
type hunk struct{ start, end int }

// hunks groups changed lines with their context, merging hunks whose
// contexts touch.
func hunks(ls []line) []hunk {
	var out []hunk
	for i, l := range ls {
		if l.op == ' ' {
			continue
		}
		s, e := max(0, i-context), min(len(ls), i+1+context)
		if n := len(out); n > 0 && s <= out[n-1].end {
			out[n-1].end = e
			continue
		}
		out = append(out, hunk{s, e})
	}
	return out
}

func writeHunk(w *strings.Builder, ls []line, h hunk, heads []blocks.Block) {
	oldStart, newStart := 1, 1
	for _, l := range ls[:h.start] {
		oldStart += b2i(l.op != '+')
		newStart += b2i(l.op != '-')
	}
	oldLen, newLen := 0, 0
	for _, l := range ls[h.start:h.end] {
		oldLen += b2i(l.op != '+')
		newLen += b2i(l.op != '-')
	}
	if oldLen == 0 {
		oldStart--
	}
	if newLen == 0 {
		newStart--
	}
	fmt.Fprintf(w, "@@ -%d,%d +%d,%d @@%s\n", oldStart, oldLen, newStart, newLen, headingAbove(heads, newStart))
	for _, l := range ls[h.start:h.end] {
		w.WriteByte(l.op)
		w.WriteString(l.text)
		if !strings.HasSuffix(l.text, "\n") {
			w.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// headingAbove returns " " and the text of the last heading before line n,
// or "".
func headingAbove(bs []blocks.Block, n int) string {
	h := ""
	for _, b := range bs {
		if b.Line >= n {
			break
		}
		if b.Kind == blocks.Heading {
			h = " " + b.Heading
		}
	}
	return h
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
