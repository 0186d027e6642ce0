package align

import (
	"fmt"
	"strings"
	"testing"

	"github.com/langref/langref/translate/blocks"
)

// describe renders each source block's match as "method lines".
func describe(a *Alignment) []string {
	var out []string
	for i, m := range a.Matches {
		if a.Source[i].Kind == blocks.Comment {
			continue
		}
		first, last, ok := a.Lines(i)
		if !ok {
			out = append(out, string(m.Method))
			continue
		}
		out = append(out, fmt.Sprintf("%s %d-%d", m.Method, first, last))
	}
	return out
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt string
		want     []string
	}{
		{
			name: "headings anchor, paragraphs pair in order",
			src:  "# Title\n\nOne.\n\nTwo.\n\n## Part\n\nThree.\n",
			tgt:  "# Titre\n\nUn.\n\nDeux.\n\n## Partie\n\nTrois.\n",
			want: []string{"anchor 1-1", "order 3-3", "order 5-5", "anchor 7-7", "order 9-9"},
		},
		{
			name: "code and math anchor even when the prose around differs in number",
			src:  "Intro.\n\n```py\nx = 1\n```\n\nA.\n\n$$\nx^2\n$$\n\nB.\n",
			tgt:  "Introduction.\n\n```py\nx = 1\n```\n\nA.\n\n$$\nx^2\n$$\n\nB.\n",
			want: []string{"order 1-1", "anchor 3-5", "order 7-7", "anchor 9-11", "order 13-13"},
		},
		{
			name: "link targets anchor a paragraph; two paragraphs merged into one are unsure",
			src:  "A.\n\nSee [the docs](https://x.org).\n\nB.\n\nC.\n",
			tgt:  "A.\n\nVoir [la doc](https://x.org).\n\nB et C.\n",
			want: []string{"order 1-1", "anchor 3-3", "unsure 5-5", "unsure 5-5"},
		},
		{
			name: "three paragraphs against two between anchors: unsure",
			src:  "## H\n\nA.\n\nB.\n\nC.\n\n## I\n",
			tgt:  "## H\n\nAB.\n\nC.\n\n## I\n",
			want: []string{"anchor 1-1", "unsure 3-5", "unsure 3-5", "unsure 3-5", "anchor 7-7"},
		},
		{
			name: "a section the translation lacks matches nothing",
			src:  "## H\n\nA.\n\n## I\n\nB.\n",
			tgt:  "## H\n\nA.\n\n## I\n",
			want: []string{"anchor 1-1", "order 3-3", "anchor 5-5", "none"},
		},
		{
			name: "English kept in comments decides, even against order",
			src:  "A.\n\nB.\n\nC.\n",
			tgt:  "<!--\nA.\n\nB.\n-->\nAB en un.\n\n<!-- C. -->\nC en français.\n\nUne note du traducteur.\n",
			want: []string{"comment 6-6", "comment 6-6", "comment 9-11"},
		},
		{
			name: "comment pair with blocks one for one",
			src:  "## [Plan](https://v)\n\nOne.\n\nTwo.\n",
			tgt:  "<!--\n## [Plan](https://v)\n\nOne.\n\nTwo.\n-->\n\n## [Plan du cours](https://v)\n\nUn.\n\nDeux.\n",
			want: []string{"comment 9-9", "comment 11-11", "comment 13-13"},
		},
		{
			name: "CJK translation",
			src:  "# Energy\n\nThe energy is low.\n\n![plot](img/e.png)\n\nIt falls.\n",
			tgt:  "# 能量\n\n能量很低。\n\n![图](img/e.png)\n\n它下降了。\n",
			want: []string{"anchor 1-1", "order 3-3", "anchor 5-5", "order 7-7"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Align(blocks.Parse([]byte(tt.src), 1), blocks.Parse([]byte(tt.tgt), 1))
			got := describe(a)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestMatched(t *testing.T) {
	old := blocks.Parse([]byte("A.\n\nB b b.\n\nC.\n"), 1)
	new := blocks.Parse([]byte("A.\n\nNew.\n\nB b b b.\n\nC.\n"), 1)
	got := fmt.Sprint(Matched(old, new))
	if got != "[0 2 3]" {
		t.Errorf("Matched = %s, want [0 2 3]", got)
	}
}
