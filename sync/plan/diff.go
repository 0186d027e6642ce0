package plan

import (
	"fmt"
	"io"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// context is the number of unchanged lines a hunk shows around a change.
const context = 3

// Diff writes the plan as a unified diff, one file after the other in the
// order of Sorted; new files are diffed against /dev/null. prefix goes
// before every path, such as the site root's path in its repository.
func (p *Plan) Diff(w io.Writer, prefix string) error {
	for _, wr := range p.Sorted() {
		from := "a/" + prefix + wr.Path
		if wr.Create() {
			from = "/dev/null"
		}
		if _, err := fmt.Fprintf(w, "--- %s\n+++ b/%s%s\n", from, prefix, wr.Path); err != nil {
			return err
		}
		if _, err := io.WriteString(w, Unified(string(wr.Old), string(wr.New))); err != nil {
			return err
		}
	}
	return nil
}

// line is one line of a line diff.
type line struct {
	op   diffmatchpatch.Operation
	text string
}

// Unified returns the hunks of a unified diff from a to b.
func Unified(a, b string) string {
	ls := lineDiff(a, b)
	var out strings.Builder
	for i := 0; i < len(ls); {
		start, end := hunk(ls, i)
		if start < 0 {
			break
		}
		writeHunk(&out, ls, start, end)
		i = end
	}
	return out.String()
}

// lineDiff diffs a and b line by line, deterministically.
func lineDiff(a, b string) []line {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	ca, cb, lines := dmp.DiffLinesToChars(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(ca, cb, false), lines)
	var out []line
	for _, d := range diffs {
		for _, t := range strings.SplitAfter(d.Text, "\n") {
			if t != "" {
				out = append(out, line{d.Type, t})
			}
		}
	}
	return out
}

// hunk finds the next hunk at or after i: the lines from context lines
// before a change to context lines after the last change that is at most
// 2*context lines from the one before.
func hunk(ls []line, i int) (start, end int) {
	for i < len(ls) && ls[i].op == diffmatchpatch.DiffEqual {
		i++
	}
	if i == len(ls) {
		return -1, -1
	}
	start, end = max(i-context, 0), i
	for j := i; j < len(ls); j++ {
		if ls[j].op != diffmatchpatch.DiffEqual {
			end = j + 1
		} else if j-end >= 2*context {
			break
		}
	}
	return start, min(end+context, len(ls))
}

func writeHunk(out *strings.Builder, ls []line, start, end int) {
	a0, b0 := 1, 1
	for _, l := range ls[:start] {
		a0, b0 = a0+count(l, diffmatchpatch.DiffInsert), b0+count(l, diffmatchpatch.DiffDelete)
	}
	var an, bn int
	for _, l := range ls[start:end] {
		an, bn = an+count(l, diffmatchpatch.DiffInsert), bn+count(l, diffmatchpatch.DiffDelete)
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", span(a0, an), span(b0, bn))
	for _, l := range ls[start:end] {
		out.WriteString(map[diffmatchpatch.Operation]string{diffmatchpatch.DiffEqual: " ", diffmatchpatch.DiffInsert: "+", diffmatchpatch.DiffDelete: "-"}[l.op])
		out.WriteString(l.text)
		if !strings.HasSuffix(l.text, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// count is 1 when l is a line of the side that skip does not belong to.
func count(l line, skip diffmatchpatch.Operation) int {
	if l.op == skip {
		return 0
	}
	return 1
}

// span writes a hunk range as diff does: "3,4", "3" for one line, "2,0"
// (the line before) for none.
func span(first, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", first-1)
	case 1:
		return fmt.Sprint(first)
	}
	return fmt.Sprintf("%d,%d", first, n)
}
