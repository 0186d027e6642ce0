package stub

import (
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
)

func mustMake(t *testing.T, src string, o Options) string {
	t.Helper()
	r, err := Make([]byte(src), o)
	if err != nil {
		t.Fatal(err)
	}
	return string(r.Src)
}

func TestFrontMatterOrder(t *testing.T) {
	src := "---\nlang-ref: ch.01\n# a comment\ntitle: 'Motivation: why'\nauthors: A, B\ndate: 27 Jan 2020\n---\nText here.\n"
	got := mustMake(t, src, Options{Lang: "vi", LangKey: "lang", Credit: true, Date: "1 Feb 2020", BaselineKey: "source-commit", Baseline: "abc"})
	want := "---\nlang-ref: ch.01\n# a comment\ntitle: 'Motivation: why'\nauthors: A, B\ndate: 27 Jan 2020\nlang: vi\ntranslator:\ntranslation-date: 1 Feb 2020\nsource-commit: abc\n---\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant prefix\n%s", got, want)
	}
}

func TestLangReplacedInPlace(t *testing.T) {
	got := mustMake(t, "---\nlang: en\nlang-ref: a\n---\nx\n", Options{Lang: "fr", LangKey: "lang", Credit: true, BaselineKey: "source-commit", Baseline: "sha256:00"})
	if !strings.HasPrefix(got, "---\nlang: fr\nlang-ref: a\ntranslator:\n") || strings.Count(got, "lang:") != 1 {
		t.Errorf("got\n%s", got)
	}
}

func TestDateLayout(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		want   string
	}{
		{"none", nil, "2006-01-02"},
		{"iso", []string{"2020-01-27", "2020-03-01"}, "2006-01-02"},
		{"day month year", []string{"27 Jan 2020", "1 Aug 2020", "13 Sep 2020"}, "2 Jan 2006"},
		{"padded", []string{"07 Aug 2020", "01 Oct 2020", "27 Jan 2020"}, "02 Jan 2006"},
		{"long month", []string{"10 March 2020"}, "2 January 2006"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DateLayout(tt.values); got != tt.want {
				t.Errorf("DateLayout(%q) = %q, want %q", tt.values, got, tt.want)
			}
		})
	}
}

const fm = "---\nlang-ref: a\n---\n"

func stubBody(t *testing.T, md string, o Options) string {
	t.Helper()
	o.Lang = "fr"
	got := mustMake(t, fm+md, o)
	return got[strings.Index(got[3:], "\n---\n")+3+5:]
}

// TestVerbatimCopiedOnce: code, display math, HTML and figures, Liquid
// tags and images appear once, outside comments.
func TestVerbatimCopiedOnce(t *testing.T) {
	tests := map[string]string{
		"fenced code":   "```python\nx = 1\n```",
		"indented code": "    x = 1\n    y = 2",
		"highlight":     "{% highlight python %}\nx = 1\n{% endhighlight %}",
		"display math":  "$$\n\\bar{y} = G(x,w)\n$$",
		"html figure":   "<center>\n<img src=\"{{site.baseurl}}/a.png\" width=\"50%\"/><br>\n<b>Figure 1:</b> A caption\n</center>",
		"liquid tag":    "{% include youtube.html id=\"abc\" %}",
		"image":         "![A figure](/img/a.png)",
	}
	for name, v := range tests {
		t.Run(name, func(t *testing.T) {
			got := stubBody(t, "Some prose here.\n\n"+v+"\n\nMore prose here.\n", Options{})
			if n := strings.Count(got, v); n != 1 {
				t.Errorf("verbatim block appears %d times:\n%s", n, got)
			}
			if strings.Count(got, "<!--") != 2 {
				t.Errorf("want the two paragraphs commented:\n%s", got)
			}
		})
	}
}

func TestCommentsStyle(t *testing.T) {
	got := stubBody(t, "## A heading\n\nA paragraph of text.\n", Options{})
	want := "<!--\n## A heading\n-->\n\n## A heading\n\n<!--\nA paragraph of text.\n-->\n\nA paragraph of text.\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if plain := stubBody(t, "## A heading\n\nA paragraph of text.\n", Options{Style: Plain}); plain != "## A heading\n\nA paragraph of text.\n" {
		t.Errorf("plain: %q", plain)
	}
}

// TestKramdownSensitive: comments never go inside a table, a list or a
// paragraph that kramdown reads as one block.
func TestKramdownSensitive(t *testing.T) {
	tests := []struct{ name, md string }{
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |"},
		{"kramdown table", "| <center>Figure 1: a caption </center>|\n| second row text |"},
		{"list with nested code and math", "- first item text\n\n  ```\n  code\n  ```\n\n  $$\n  x^2\n  $$\n- second item text\n  1. nested item text"},
		{"lazy quote in a list", "- **A question?**\n> An answer to it."},
		{"math inside a paragraph", "$$\\text{loss}(x, y)$$\n, where z is given by"},
		{"1) line", "steps:<br />\n1) Calling this does that"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stubBody(t, "Before it.\n\n"+tt.md+"\n\nAfter it.\n", Options{})
			want := "<!--\n" + tt.md + "\n-->\n\n" + tt.md + "\n"
			if !strings.Contains(got, want) {
				t.Errorf("the block is not commented and copied whole:\n%s", got)
			}
		})
	}
}

func TestLiquidBlockTagsCopiedOnce(t *testing.T) {
	md := "Use {% raw %}{{ x }}{% endraw %} in a template.\n"
	if got := stubBody(t, md, Options{}); got != md {
		t.Errorf("got %q", got)
	}
}

func TestCommentCloserEscaped(t *testing.T) {
	got := stubBody(t, "An arrow --> here <!-- and a note --> too.\n", Options{})
	if !strings.HasPrefix(got, "<!--\nAn arrow --&gt; here <!-- and a note --&gt; too.\n-->\n") {
		t.Errorf("got %q", got)
	}
}

func TestMemory(t *testing.T) {
	m := NewMemory()
	fr := "<!--\n## Course plan\n-->\n\n## Plan du cours\n\n<!--\n- Basics\n- Backprop\n-->\n\n- Les bases\n- Rétropropagation\n\n<center>fig</center>\n"
	m.Add("fr/week01/01-1.md", []byte(fr), 10)
	m.Add("fr/stub.md", []byte("<!--\nUntranslated.\n-->\n\nUntranslated.\n"), 5)
	if m.Len() != 2 {
		t.Fatalf("memory holds %d texts, want 2 (untranslated stubs are not learnt)", m.Len())
	}
	r, err := Make([]byte(fm+"## Course plan\n\n- Basics\n- Backprop\n\nNew text.\n"), Options{Lang: "fr", Memory: m})
	if err != nil {
		t.Fatal(err)
	}
	got := string(r.Src)
	for _, want := range []string{
		"<!-- langref: from memory, fr/week01/01-1.md:10 -->\n\n<!--\n## Course plan\n-->\n\n## Plan du cours\n",
		"<!-- langref: from memory, fr/week01/01-1.md:16 -->\n\n<!--\n- Basics\n- Backprop\n-->\n\n- Les bases\n- Rétropropagation\n",
		"<!--\nNew text.\n-->\n\nNew text.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "fig") || r.Remembered != 2 || r.Blocks != 3 {
		t.Errorf("remembered %d of %d:\n%s", r.Remembered, r.Blocks, got)
	}
}

func TestProgress(t *testing.T) {
	en := fm + "First paragraph with words.\n\nSecond paragraph with words.\n\nThird paragraph with words.\n\nFourth paragraph with words.\n\nFifth paragraph with words.\n"
	st := mustMake(t, en, Options{Lang: "fr"})
	if tr, total := Progress([]byte(en), []byte(st)); tr != 0 || total != 5 || !IsStub(tr, total) {
		t.Errorf("fresh stub: %d/%d", tr, total)
	}
	half := strings.Replace(strings.Replace(st, "\n\nFirst paragraph with words.\n", "\n\nPremier paragraphe avec des mots.\n", 1), "\n\nSecond paragraph with words.\n", "\n\nDeuxième paragraphe avec des mots.\n", 1)
	if tr, total := Progress([]byte(en), []byte(half)); tr != 2 || total != 5 || !IsStub(tr, total) {
		t.Errorf("40%% stub: %d/%d", tr, total)
	}
	if IsStub(4, 5) || IsStub(0, 0) {
		t.Error("80% translated, or nothing to translate, is not a stub")
	}
}

// TestMayBeStub: the quick test never rules out a page Progress calls a
// stub, and rules out translations whose English survives only in comments.
func TestMayBeStub(t *testing.T) {
	en := "---\ntitle: A\n---\n\n# Title\n\nThe first paragraph has several words in it.\n\nA second paragraph, also\nwrapped over two lines.\n"
	tests := []struct {
		name, tr string
		want     bool
	}{
		{"untouched stub", "---\nlang: fr\n---\n\n<!-- The first paragraph has several words in it. -->\nThe first paragraph has several words in it.\n", true},
		{"rewrapped English", "---\nlang: fr\n---\n\nThe first paragraph has\nseveral words in it.\n", true},
		{"English in comments only", "---\nlang: fr\n---\n\n<!-- The first paragraph has several words in it. -->\nLe premier paragraphe a plusieurs mots.\n", false},
		{"translated", "---\nlang: fr\n---\n\n# Titre\n\nLe premier paragraphe.\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			may := func(en, tr string) bool {
				return MayBeStub(frontmatter.Parse([]byte(en)).Body, frontmatter.Parse([]byte(tt.tr)).Body)
			}
			if got := may(en, tt.tr); got != tt.want {
				t.Errorf("MayBeStub = %v, want %v", got, tt.want)
			}
			if tr, total := Progress([]byte(en), []byte(tt.tr)); IsStub(tr, total) && !may(en, tt.tr) {
				t.Errorf("Progress says stub (%d/%d) but MayBeStub rules it out", tr, total)
			}
		})
	}
}

// FuzzMayBeStub checks MayBeStub against its definition, written the
// plain way: the words of the translation outside comments, compared as
// strings with the first words of each English prose line.
func FuzzMayBeStub(f *testing.F) {
	f.Add("The first paragraph has several words.\n", "x <!-- c -->The first paragraph has<!---->several words.")
	f.Add("A line with four words\n", "<!-- A line with four words -->A line with <!-- open")
	f.Add("Some prose with a <b>tag</b> inside\n", "Some prose with a <b>tag</b> inside it")
	f.Add("Words\there and\r\nthere too\n", "Words here and there too <!-->x")
	f.Fuzz(func(t *testing.T, en, tr string) {
		want := false
		words := visibleWords(tr)
		eachProseLine([]byte(en), func(l []byte) {
			ow := visibleWords(string(l))
			ow = ow[:min(len(ow), minWords+1)]
			for i := 0; i+len(ow) <= len(words) && len(ow) > 0 && !want; i++ {
				want = slices.Equal(words[i:i+len(ow)], ow)
			}
		})
		if got := MayBeStub([]byte(en), []byte(tr)); got != want {
			t.Errorf("MayBeStub(%q, %q) = %v, want %v", en, tr, got, want)
		}
	})
}

// visibleWords returns the words of s outside HTML comments, which end
// words as space does; an unclosed comment runs to the end.
func visibleWords(s string) []string {
	var b strings.Builder
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i] + " ")
		j := strings.Index(s[i:], "-->")
		if j < 0 {
			break
		}
		s = s[i+j+3:]
	}
	return strings.FieldsFunc(b.String(), func(r rune) bool { return r < 128 && isSpace[r] })
}

// FuzzProseLines checks ProseLines against the plain way of writing it:
// split, collapse, then test each line as a string.
func FuzzProseLines(f *testing.F) {
	f.Add("Some prose with words in it\n```\ncode in a fence here too\n```\n$$\nx + y in display math\n$$\n| a table row with words |\n")
	f.Add("  Indented\u00a0prose with a\u2003wide space\r\nAnd a (quoted) \"line\" here, it’s fine.\n<p>an html line with words</p>\n")
	f.Fuzz(func(t *testing.T, body string) {
		var want []string
		fenced, math := false, false
		for _, line := range strings.Split(body, "\n") {
			l := collapse(line)
			if strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
				fenced = !fenced
			}
			if strings.Count(l, "$$")%2 == 1 {
				math = !math
			}
			copied := strings.HasPrefix(l, "<") || strings.HasPrefix(l, "{%") || strings.HasPrefix(l, "|") ||
				strings.HasPrefix(l, "![") || strings.Contains(l, "$$")
			prose := 0
			for _, w := range strings.Fields(l) {
				if isProseWordPlain(w) {
					prose++
				}
			}
			if n := len(strings.Fields(l)); prose*3 < n*2 {
				prose = 0
			}
			if !fenced && !math && !copied && prose >= minWords {
				want = append(want, firstWords(l))
			}
		}
		if got := ProseLines([]byte(body)); !slices.Equal(got, want) {
			t.Errorf("ProseLines(%q) = %q, want %q", body, got, want)
		}
	})
}

func isProseWordPlain(f string) bool {
	f = strings.TrimLeft(f, "(\"")
	f = strings.TrimRight(f, ")\",.;:!?")
	if f == "" || !isASCIILetter(f[0]) {
		return false
	}
	for _, r := range f {
		if r > 127 && r != '’' || r <= 127 && !isASCIILetter(byte(r)) && r != '\'' && r != '-' {
			return false
		}
	}
	return true
}

// TestProgressCountsProseOnly: a finished translation keeps badges,
// attribute lists, shortcodes and Liquid identical to the English, as it
// must; only blocks with translatable prose count, so it is no stub.
func TestProgressCountsProseOnly(t *testing.T) {
	en := fm + "# Getting started\n\n" +
		"[![Build Status](https://ci.example/badge.svg)](https://ci.example) [![Coverage Status](https://cov.example/badge.svg)](https://cov.example) [![Go Report Card](https://goreport.example/badge.svg)](https://goreport.example)\n\n" +
		"{.table .table-striped .table-bordered}\n\n" +
		"{{< figure src=\"/img/architecture.png\" alt=\"The collector architecture diagram\" >}}\n\n" +
		"{{% alert title=\"Note\" color=\"info\" %}} {{% /alert %}}\n\n" +
		"{{ site.data.release.version | prepend: \"version \" }} {% include note.html %}\n\n" +
		"The collector receives telemetry from many sources at once.\n\n" +
		"Exporters send the data on to one or more backends of your choice.\n"
	tr := fm + "# Premiers pas\n\n" +
		"[![Build Status](https://ci.example/badge.svg)](https://ci.example) [![Coverage Status](https://cov.example/badge.svg)](https://cov.example) [![Go Report Card](https://goreport.example/badge.svg)](https://goreport.example)\n\n" +
		"{.table .table-striped .table-bordered}\n\n" +
		"{{< figure src=\"/img/architecture.png\" alt=\"The collector architecture diagram\" >}}\n\n" +
		"{{% alert title=\"Note\" color=\"info\" %}} {{% /alert %}}\n\n" +
		"{{ site.data.release.version | prepend: \"version \" }} {% include note.html %}\n\n" +
		"Le collecteur reçoit la télémétrie de nombreuses sources à la fois.\n\n" +
		"Les exportateurs envoient les données vers un ou plusieurs backends.\n"
	translated, total := Progress([]byte(en), []byte(tr))
	if total != 2 || translated != 2 || IsStub(translated, total) {
		t.Errorf("Progress = %d/%d, want 2/2 (the two prose paragraphs) and no stub", translated, total)
	}
	// The same page with its prose left in English is a stub.
	if translated, total := Progress([]byte(en), []byte(en)); translated != 0 || !IsStub(translated, total) {
		t.Errorf("untranslated page: Progress = %d/%d, want a stub", translated, total)
	}
}

func TestTranslatableWords(t *testing.T) {
	tests := []struct {
		name, raw string
		want      int
	}{
		{"prose", "A sentence of five words.", 5},
		{"badge row", "[![Build Status](b.svg)](c) [![Coverage Status](d.svg)](e)", 0},
		{"link text stays prose", "Read [the whole guide](https://x.example/guide) first.", 5},
		{"attribute list", "{: .note #first}", 0},
		{"hugo shortcode", `{{< glossary_tooltip text="cluster" term_id="cluster" >}}`, 0},
		{"shortcode inside prose", `A {{< glossary_tooltip text="cluster" term_id="cluster" >}} runs pods.`, 3},
		{"html", `<center><img src="a.png" alt="A long alternative text"/></center>`, 0},
		{"bare url", "https://example.com/a/very/long/path", 0},
		{"numbers and symbols", "1. 2. — 3.14 %", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := translatableWords(blocks.Block{Raw: tt.raw}); got != tt.want {
				t.Errorf("translatableWords(%q) = %d, want %d", tt.raw, got, tt.want)
			}
		})
	}
}
