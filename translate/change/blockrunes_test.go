package change

import (
	"slices"
	"testing"

	"github.com/langref/langref/translate/blocks"
)

// TestBlockRunes: blocks map to the runes their keys map to, for every
// edit of the corpus history (both ways) and for blocks whose fields hold
// the keys' separator.
func TestBlockRunes(t *testing.T) {
	check := func(name string, a, b []blocks.Block) {
		t.Helper()
		ra, rb := blockRunes(a, b)
		wa, wb := wordRunes(keys(a), keys(b))
		if !slices.Equal(ra, wa) || !slices.Equal(rb, wb) {
			t.Fatalf("%s: blockRunes %v %v, keys give %v %v", name, ra, rb, wa, wb)
		}
	}
	p := func(kind blocks.Kind, text string, verb ...string) blocks.Block {
		return blocks.Block{Kind: kind, Text: text, Verbatim: verb}
	}
	for _, c := range []struct {
		name string
		a, b []blocks.Block
	}{
		{"empty", nil, nil},
		{"same text, other kind",
			[]blocks.Block{p(blocks.Paragraph, "x"), p(blocks.Heading, "x")},
			[]blocks.Block{p(blocks.Heading, "x"), p(blocks.Paragraph, "x")}},
		{"same text, other verbatim",
			[]blocks.Block{p(blocks.Paragraph, "x", "1"), p(blocks.Paragraph, "x", "2")},
			[]blocks.Block{p(blocks.Paragraph, "x", "2"), p(blocks.Paragraph, "x")}},
		{"NUL joins verbatim",
			[]blocks.Block{p(blocks.Paragraph, "x", "a\x00b")},
			[]blocks.Block{p(blocks.Paragraph, "x", "a", "b")}},
		{"NUL in text",
			[]blocks.Block{p(blocks.Paragraph, "x\x00y", "z")},
			[]blocks.Block{p(blocks.Paragraph, "x", "y", "z")}},
	} {
		check(c.name, c.a, c.b)
	}
	for _, e := range historyEdits(t) {
		check(e.path, e.a, e.b)
		check(e.path, e.b, e.a)
	}
}
