package change

import (
	"fmt"
	"slices"
	"testing"

	"github.com/langref/langref/translate/blocks"
)

// describe renders changes as "kind class old-line new-line".
func describe(cs []Change) []string {
	var out []string
	for _, c := range cs {
		line := func(b *blocks.Block) string {
			if b == nil {
				return "-"
			}
			return fmt.Sprint(b.Line)
		}
		out = append(out, fmt.Sprintf("%s %s %s %s", c.Kind, c.Class, line(c.Old), line(c.New)))
	}
	return out
}

func TestCompareBlocks(t *testing.T) {
	base := "# Title\n\nFirst paragraph about gradients.\n\nSecond paragraph about losses.\n\n```\nx = 1\n```\n"
	tests := []struct {
		name string
		old  string
		new  string
		want []string
	}{
		{"unchanged", base, base, nil},
		{"reflowed paragraph is cosmetic", base,
			"# Title\n\nFirst paragraph\nabout gradients.\n\nSecond paragraph about losses.\n\n```\nx = 1\n```\n",
			[]string{"modified cosmetic 3 3"}},
		{"typo in one paragraph", base,
			"# Title\n\nFirst paragraph about gradients.\n\nSecond paragrah about losses.\n\n```\nx = 1\n```\n",
			[]string{"modified typo 5 5"}},
		{"added paragraph is content", base,
			"# Title\n\nFirst paragraph about gradients.\n\nA new paragraph on something else entirely.\n\nSecond paragraph about losses.\n\n```\nx = 1\n```\n",
			[]string{"added content - 5"}},
		{"removed code is verbatim", base,
			"# Title\n\nFirst paragraph about gradients.\n\nSecond paragraph about losses.\n",
			[]string{"removed verbatim 7 -"}},
		{"added math is verbatim", base,
			base + "\n$$\ny = 2\n$$\n",
			[]string{"added verbatim - 11"}},
		{"changed code is verbatim", base,
			"# Title\n\nFirst paragraph about gradients.\n\nSecond paragraph about losses.\n\n```\nx = 2\n```\n",
			[]string{"modified verbatim 7 7"}},
		{"heading level is content", base,
			"## Title\n\nFirst paragraph about gradients.\n\nSecond paragraph about losses.\n\n```\nx = 1\n```\n",
			[]string{"modified content 1 1"}},
		{"added comment is cosmetic", base,
			"# Title\n\n<!-- TODO: add figure -->\n\nFirst paragraph about gradients.\n\nSecond paragraph about losses.\n\n```\nx = 1\n```\n",
			[]string{"added cosmetic - 3"}},
		{"nested list item typo", "- a\n  - teh deep item\n", "- a\n  - the deep item\n",
			[]string{"modified typo 2 2"}},
		{"nested math keeps its class", "- a\n\n      $$\n      x\n      $$\n", "- a\n\n      $$\n      y\n      $$\n",
			[]string{"modified verbatim 3 3"}},
		{"rewritten paragraph is content", base,
			"# Title\n\nFirst paragraph about gradients.\n\nLosses are what we minimize, averaged over samples.\n\n```\nx = 1\n```\n",
			[]string{"removed content 5 -", "added content - 5"}},
		{"edit next to a removal pairs by similarity", "A.\n\nThe cat sat on the mat today.\n\nDogs bark loudly at night.\n",
			"The cat sat on a mat today.\n\nDogs bark loudly at night.\n",
			[]string{"removed content 1 -", "modified grammar 3 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := CompareBlocks(blocks.Parse([]byte(tt.old), 1), blocks.Parse([]byte(tt.new), 1))
			if got := describe(cs); !slices.Equal(got, tt.want) {
				t.Errorf("CompareBlocks:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestMax(t *testing.T) {
	tests := []struct {
		name string
		cs   []Change
		want Class
	}{
		{"no changes", nil, Cosmetic},
		{"most severe wins", []Change{{Class: Typo}, {Class: Verbatim}, {Class: Cosmetic}}, Verbatim},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Max(tt.cs); got != tt.want {
				t.Errorf("Max = %s, want %s", got, tt.want)
			}
		})
	}
}
