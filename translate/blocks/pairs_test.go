package blocks

import (
	"slices"
	"testing"
)

func TestPairs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// want lists, per pair: the comment's lines, then the original's
		// shapes, then the translation's shapes.
		want [][3][]string
	}{
		{
			name: "one-line comment above a paragraph",
			src:  "<!-- Here is the English paragraph. -->\nVoici le paragraphe anglais.\n",
			want: [][3][]string{{{"comment 0 1-1"}, {"paragraph 0 1-1"}, {"paragraph 0 2-2"}}},
		},
		{
			name: "multi-line comment, blank line, heading",
			src:  "<!--\n## [Course plan](https://x)\n-->\n\n## [Plan du cours](https://x)\n\ntexte\n",
			want: [][3][]string{{{"comment 0 1-3"}, {"heading 2 2-2"}, {"heading 2 5-5", "paragraph 0 7-7"}}},
		},
		{
			name: "comment wrapping list items",
			src:  "<!--\n- one\n- two\n-->\n\n- un\n- deux\n",
			want: [][3][]string{{{"comment 0 1-4"}, {"list_item 1 2-2", "list_item 1 3-3"}, {"list_item 1 6-6", "list_item 1 7-7"}}},
		},
		{
			name: "several paragraphs under one comment, up to the next comment",
			src:  "<!--\nA.\n\nB.\n-->\n\nUn.\n\nDeux.\n\n<!-- C. -->\nTrois.\n",
			want: [][3][]string{
				{{"comment 0 1-5"}, {"paragraph 0 2-2", "paragraph 0 4-4"}, {"paragraph 0 7-7", "paragraph 0 9-9"}},
				{{"comment 0 11-11"}, {"paragraph 0 11-11"}, {"paragraph 0 12-12"}},
			},
		},
		{
			name: "translation stops at a heading the original lacks",
			src:  "<!-- A. -->\nUn.\n\n## Titre\n",
			want: [][3][]string{{{"comment 0 1-1"}, {"paragraph 0 1-1"}, {"paragraph 0 2-2"}}},
		},
		{
			name: "comment followed by math is not a pair",
			src:  "<!-- $$x$$ -->\n\n$$x$$\n",
		},
		{
			name: "comment followed by another comment is not a pair",
			src:  "<!-- a -->\n<!-- b -->\nB.\n",
			want: [][3][]string{{{"comment 0 2-2"}, {"paragraph 0 2-2"}, {"paragraph 0 3-3"}}},
		},
		{
			name: "Japanese",
			src:  "<!-- On a conceptual level. -->\n\n概念的なレベルでは。\n",
			want: [][3][]string{{{"comment 0 1-1"}, {"paragraph 0 1-1"}, {"paragraph 0 3-3"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Pairs(Parse([]byte(tt.src), 1))
			var got [][3][]string
			for _, p := range ps {
				got = append(got, [3][]string{{shape(p.Comment)}, shapes(p.Original), shapes(p.Translation)})
			}
			if !slices.EqualFunc(got, tt.want, func(a, b [3][]string) bool {
				return slices.Equal(a[0], b[0]) && slices.Equal(a[1], b[1]) && slices.Equal(a[2], b[2])
			}) {
				t.Errorf("Pairs:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPairsOriginalText(t *testing.T) {
	ps := Pairs(Parse([]byte("<!-- ## [Title](https://x) -->\n## [Titre](https://x)\n"), 3))
	if len(ps) != 1 {
		t.Fatalf("got %d pairs, want 1", len(ps))
	}
	o, tr := ps[0].Original[0], ps[0].Translation[0]
	if o.Heading != "Title" || tr.Heading != "Titre" || o.Line != 3 || tr.Line != 4 {
		t.Errorf("original %q line %d, translation %q line %d", o.Heading, o.Line, tr.Heading, tr.Line)
	}
	if !slices.Equal(Skeleton(ps[0].Original), Skeleton(ps[0].Translation)) {
		t.Errorf("skeletons differ: %v vs %v", Skeleton(ps[0].Original), Skeleton(ps[0].Translation))
	}
}
