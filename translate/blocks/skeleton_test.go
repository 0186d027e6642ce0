package blocks

import (
	"fmt"
	"slices"
	"testing"
)

func TestSkeleton(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"headings, lists and links", "## [Plan](https://y)\n\nProse only.\n\n- a\n  - b [x](https://z)\n",
			[]string{"heading 2 [https://y]", "list_item 1", "list_item 2 [https://z]"}},
		{"code, math and images", "```\nx\n```\n\n$$\ny\n$$\n\n![a](s.png)\n",
			[]string{"code [x]", "math [y]", "image [s.png]"}},
		{"paragraphs keep only verbatim signatures, numbers dropped", "In 1947 we had $x$.\n\nIn 1948.\n",
			[]string{"paragraph [x]"}},
		{"table shape", "| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n",
			[]string{"table 3x3"}},
		{"kramdown table shape", "| a |\n| b |\n",
			[]string{"table 2x1"}},
		{"comments are skipped", "<!-- ## Title -->\n## Titre\n",
			[]string{"heading 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Skeleton(Parse([]byte(tt.src), 1)) {
				got = append(got, s.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Skeleton:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSkeletonTranslationMatches(t *testing.T) {
	en := "## [Course plan](https://y)\n\n- Basics of $x$\n- More\n\n$$\na+b\n$$\n\n| a | b |\n|---|---|\n| c | d |\n"
	fr := "## [Plan du cours](https://y)\n\n- Les bases de $x$\n- Plus\n\n$$\na+b\n$$\n\n| un | deux |\n|---|---|\n| trois | quatre |\n"
	a, b := Skeleton(Parse([]byte(en), 1)), Skeleton(Parse([]byte(fr), 1))
	if !slices.Equal(a, b) {
		t.Errorf("skeletons differ:\n%v\n%v", a, b)
	}
}

func TestTableShape(t *testing.T) {
	tests := []struct {
		raw        string
		rows, cols int
	}{
		{"| a | b |\n|---|---|\n| c | d |", 2, 2},
		{"a | b\n--|--\nc | d", 2, 2},
		{"| `a|b` | c |", 1, 2},
		{"| a \\| b | c |", 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			if r, c := TableShape(tt.raw); r != tt.rows || c != tt.cols {
				t.Errorf("TableShape = %dx%d, want %dx%d", r, c, tt.rows, tt.cols)
			}
		})
	}
}

func ExampleSkeleton() {
	src := "## [Plan](https://youtu.be/x)\n\n- one\n- two\n\n$$\nx^2\n$$\n"
	for _, s := range Skeleton(Parse([]byte(src), 1)) {
		fmt.Println(s)
	}
	// Output:
	// heading 2 [https://youtu.be/x]
	// list_item 1
	// list_item 1
	// math [x^2]
}
