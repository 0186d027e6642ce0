package blocks

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// shape describes a block as "kind level line-endline".
func shape(b Block) string {
	return fmt.Sprintf("%s %d %d-%d", b.Kind, b.Level, b.Line, b.EndLine)
}

func shapes(bs []Block) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = shape(b)
	}
	return out
}

func TestParseStructure(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"atx headings keep their level", "# One\n\n### Three\n", []string{"heading 1 1-1", "heading 3 3-3"}},
		{"setext heading spans its underline", "Title\n=====\n\ntext\n", []string{"heading 1 1-2", "paragraph 0 4-4"}},
		{"paragraph spans wrapped lines", "one\ntwo\nthree\n\nfour\n", []string{"paragraph 0 1-3", "paragraph 0 5-5"}},
		{"list items carry depth", "- a\n- b\n  - c\n    - d\n", []string{"list_item 1 1-1", "list_item 1 2-2", "list_item 2 3-3", "list_item 3 4-4"}},
		{"ordered list", "1. a\n2. b\n", []string{"list_item 1 1-1", "list_item 1 2-2"}},
		{"paragraph inside a list item", "- a\n\n  more\n", []string{"list_item 1 1-1", "paragraph 1 3-3"}},
		{"fenced code includes its fences", "text\n\n```python\nx = 1\n```\n", []string{"paragraph 0 1-1", "code 0 3-5"}},
		{"fence without info", "```\nx\n```\n", []string{"code 0 1-3"}},
		{"empty fence", "para\n\n```\n```\n", []string{"paragraph 0 1-1", "code 0 3-4"}},
		{"indented code", "text\n\n    x = 1\n    y = 2\n", []string{"paragraph 0 1-1", "code 0 3-4"}},
		{"display math spanning lines", "before\n\n$$\nx^2\n$$\n\nafter\n", []string{"paragraph 0 1-1", "math 0 3-5", "paragraph 0 7-7"}},
		{"display math inside a paragraph", "before\n$$\nx^2\n$$\nafter\n", []string{"paragraph 0 1-1", "math 0 2-4", "paragraph 0 5-5"}},
		{"one-line display math", "$$E = mc^2$$\n", []string{"math 0 1-1"}},
		{"indented math in a list item", "- item\n\n  $$\n  x\n  $$\n\n- next\n", []string{"list_item 1 1-1", "math 0 3-5", "list_item 1 7-7"}},
		{"inline $$ at line start stays a paragraph", "$$x$$ is a value\n", []string{"paragraph 0 1-1"}},
		{"$$ in a fenced block is code", "```\n$$\nx\n$$\n```\n", []string{"code 0 1-5"}},
		{"liquid include line", "text\n\n{% include youtube.html id=\"abc\" %}\n\nmore\n", []string{"paragraph 0 1-1", "liquid 0 3-3", "paragraph 0 5-5"}},
		{"liquid highlight is code", "{% highlight python %}\nx = 1\n{% endhighlight %}\n", []string{"code 0 1-3"}},
		{"IAL joins the previous block", "![a](b.png)\n{: .center}\n\ntext\n", []string{"image 0 1-2", "paragraph 0 4-4"}},
		{"IAL after a blank line", "text\n\n{: .note}\n", []string{"paragraph 0 1-3"}},
		{"center html block", "<center>\n<img src=\"a.png\"/><br>\n<b>Fig. 1</b>: A cat\n</center>\n", []string{"html 0 1-4"}},
		{"comment block", "<!--\nEnglish\n-->\nFrançais\n", []string{"comment 0 1-3", "paragraph 0 4-4"}},
		{"comment with blank lines inside", "<!--\na\n\nb\n-->\n", []string{"comment 0 1-5"}},
		{"gfm table", "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n", []string{"table 0 1-4"}},
		{"kramdown table without delimiter row", "| a | b |\n| c | d |\n", []string{"table 0 1-2"}},
		{"quote", "> one\n> two\n\nafter\n", []string{"quote 0 1-2", "paragraph 0 4-4"}},
		{"thematic break", "a\n\n---\n\nb\n", []string{"paragraph 0 1-1", "thematic_break 0 3-3", "paragraph 0 5-5"}},
		{"image paragraph", "![Figure 1](img/a.png)\n", []string{"image 0 1-1"}},
		{"linked image", "[![x](a.png)](https://x.org)\n", []string{"image 0 1-1"}},
		{"image with text is a paragraph", "See ![x](a.png)\n", []string{"paragraph 0 1-1"}},
		{"CRLF line ends", "# T\r\n\r\ntext\r\n", []string{"heading 1 1-1", "paragraph 0 3-3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := shapes(Parse([]byte(tt.src), 1))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Parse(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestParseFirstLineOffsetsLines(t *testing.T) {
	bs := Parse([]byte("# T\n\ntext\n"), 8)
	if got := shapes(bs); !slices.Equal(got, []string{"heading 1 8-8", "paragraph 0 10-10"}) {
		t.Errorf("got %q", got)
	}
}

func TestParseRawIsSource(t *testing.T) {
	src := "# Title\n\n- a\n  b\n\n```go\nx := 1\n```\n\n$$\nx\n$$\n"
	lines := strings.Split(src, "\n")
	for _, b := range Parse([]byte(src), 1) {
		want := strings.Join(lines[b.Line-1:b.EndLine], "\n")
		if b.Raw != want {
			t.Errorf("%s: Raw %q, want %q", shape(b), b.Raw, want)
		}
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, src       string
		text, prose     string
		verbatim        []string
		heading, commnt string
	}{
		{name: "markup removed, whitespace collapsed", src: "Some *emphasis* and __strong__\ntext   here.",
			text: "Some emphasis and strong text here.", prose: "Some emphasis and strong text here."},
		{name: "link target is verbatim", src: "See [the docs](https://x.org/a).",
			text: "See the docs.", prose: "See the docs.", verbatim: []string{"https://x.org/a"}},
		{name: "inline math kept in text, not in prose", src: "Let $a_1 * b_2$ be $$x^2$$ here.",
			text: "Let $a_1 * b_2$ be $$x^2$$ here.", prose: "Let be here.", verbatim: []string{"a_1 * b_2", "x^2"}},
		{name: "dollar amounts are not math", src: "It costs $5 and $10.",
			text: "It costs $5 and $10.", prose: "It costs $5 and $10.", verbatim: []string{"5", "10"}},
		{name: "code span", src: "Call `f(x)` now.",
			text: "Call `f(x)` now.", prose: "Call now.", verbatim: []string{"f(x)"}},
		{name: "numbers are verbatim", src: "In 1947, 0.5 of 2,000 units.",
			text: "In 1947, 0.5 of 2,000 units.", prose: "In 1947, 0.5 of 2,000 units.", verbatim: []string{"1947", "0.5", "2,000"}},
		{name: "image source and alt", src: "![A cat]({{site.baseurl}}/cat.png)",
			text: "A cat", prose: "A cat", verbatim: []string{"{{ site.baseurl }}/cat.png"}},
		{name: "inline html attributes", src: "An <img src=\"a.png\" alt=\"pic\" width=\"50%\"/> image",
			text: "An image", prose: "An image", verbatim: []string{"a.png", "50%"}},
		{name: "liquid spacing normalized", src: "Go to {{site.url}} now",
			text: "Go to {{ site.url }} now", prose: "Go to {{ site.url }} now"},
		{name: "heading text", src: "## [Course plan](https://youtu.be/x)",
			text: "Course plan", prose: "Course plan", verbatim: []string{"https://youtu.be/x"}, heading: "Course plan"},
		{name: "entities and escapes", src: "a \\*b\\* &amp; c",
			text: "a *b* & c", prose: "a *b* & c"},
		{name: "html block caption", src: "<center>\n<img src=\"f.png\" width=\"90%\"/><br>\n<b>Fig. 2</b>: FISTA graph\n</center>",
			text: "Fig. 2: FISTA graph", prose: "Fig. 2: FISTA graph", verbatim: []string{"f.png", "90%", "2"}},
		{name: "math block content", src: "$$\n  x^2 +\n  y^2\n$$",
			verbatim: []string{"x^2 + y^2"}},
		{name: "code block content", src: "```\n  a\nb\n```",
			verbatim: []string{"  a\nb"}},
		{name: "comment inner text", src: "<!-- ## The\n   title -->",
			text: "## The title", commnt: "## The\n   title"},
		{name: "table cells", src: "| a | *b* |\n|---|---|\n| 1 | [c](u) |",
			text: "a | b | 1 | c", prose: "a | b | 1 | c", verbatim: []string{"u", "1"}},
		{name: "liquid tag", src: "{%include  video.html id=\"x\"%}",
			verbatim: []string{`{% include video.html id="x" %}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bs := Parse([]byte(tt.src), 1)
			if len(bs) != 1 {
				t.Fatalf("Parse(%q) gave %q, want one block", tt.src, shapes(bs))
			}
			b := bs[0]
			if b.Text != tt.text || b.Prose != tt.prose || b.Heading != tt.heading || b.Comment != tt.commnt {
				t.Errorf("text %q prose %q heading %q comment %q\nwant %q %q %q %q", b.Text, b.Prose, b.Heading, b.Comment, tt.text, tt.prose, tt.heading, tt.commnt)
			}
			if !slices.Equal(b.Verbatim, tt.verbatim) {
				t.Errorf("verbatim %q, want %q", b.Verbatim, tt.verbatim)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Heading: "heading", ListItem: "list_item", ThematicBreak: "thematic_break", Kind(99): "other"} {
		t.Run(want, func(t *testing.T) {
			if got := k.String(); got != want {
				t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
			}
		})
	}
}

func TestParseConcurrent(t *testing.T) {
	src := []byte("# T\n\nSome $x$ and [l](u).\n\n$$\ny\n$$\n\n<center>\n<b>a</b>\n</center>\n")
	want := shapes(Parse(src, 1))
	t.Run("parallel", func(t *testing.T) {
		for i := 0; i < 4; i++ {
			t.Run(fmt.Sprint(i), func(t *testing.T) {
				t.Parallel()
				for j := 0; j < 50; j++ {
					if got := shapes(Parse(src, 1)); !slices.Equal(got, want) {
						t.Fatalf("got %q, want %q", got, want)
					}
				}
			})
		}
	})
}
