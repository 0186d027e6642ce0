package stale

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestEachParagraph: eachParagraph gives the paragraphs paragraphs gives,
// for written cases and for random texts of lines that start blocks,
// blank lines, headings and carriage returns.
func TestEachParagraph(t *testing.T) {
	check := func(s string) {
		t.Helper()
		var got []string
		eachParagraph(s, func(p string) { got = append(got, p) })
		if want := paragraphs(s); !slices.Equal(got, want) {
			t.Fatalf("eachParagraph(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{
		"", "\n", "one", "one\n", "one\ntwo\n\nthree", "# Title\ntext", "text\n- item\n- item\n",
		"  \n\t\nx\n  # h  \ny", "1. one\n2) two\n3x", "a\r\nb\r\n\r\nc", "\n\n# a\n# b\n\n",
	} {
		check(s)
	}
	lines := []string{"", " ", "\t", "word and more", "  indented", "# heading", "- item", "* star", "+ plus",
		"12. num", "3) paren", "7x", "line\r", "é ü", "<!-- x -->"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		n := r.IntN(8)
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(lines[r.IntN(len(lines))])
		}
		if r.IntN(4) == 0 {
			b.WriteByte('\n')
		}
		check(b.String())
	}
}
