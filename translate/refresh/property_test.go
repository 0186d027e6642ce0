package refresh

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// The property test makes random English pages, random translations of
// them in both styles (with and without the English in comments), applies
// random English edits of every class, and checks what sync promises.

// cases is how many random cases the normal test run checks.
const cases = 1200

func TestPlanProperties(t *testing.T) {
	seen := map[Kind]int{}
	for seed := range uint64(cases) {
		for _, a := range checkCase(t, seed).Actions {
			seen[a.Kind]++
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("actions over %d cases: %v", cases, seen)
	for _, k := range []Kind{Fixed, Replaced, Comment, Marked, Inserted, Removed} {
		if seen[k] == 0 {
			t.Errorf("no case made a %s action: the generator misses a class of edit", k)
		}
	}
}

// TestPlanPropertiesShapes checks the properties on shapes from real
// pages that random cases do not make.
func TestPlanPropertiesShapes(t *testing.T) {
	fig := func(end string) string {
		return "* Item one is here.\n* Item two is here.\n\n  <center>\n    <img src=\"/images/one-hot.png\" width=\"250px\" /><br>\n      <b>Fig. 3</b> One hot encoding\n" + end + "\n\n"
	}
	tests := []struct{ name, old, cur, tr string }{
		{
			// DLSP20 zh/week02/02-3.md: a marker for the figure's removed
			// "</center>" went in column 0 before the indented figure,
			// which ended the list and made the figure another block.
			name: "indented figure of a list item, its closing tag indented",
			old:  "# T\n\n" + fig("</center>") + "The end is here.\n",
			cur:  "# T\n\n" + fig("  </center>") + "The end is here.\n",
			tr:   "---\ntitle: T\n---\n# 标题\n\n* 第一项。\n* 第二项。\n\n  <center>\n    <img src=\"/images/one-hot.png\" width=\"250px\" /><br>\n      <b>图 3</b> One hot encoding\n</center>\n\n结束。\n",
		},
		{
			name: "indented figure of a list item, the item text changed",
			old:  "# T\n\n" + fig("</center>") + "The end is here.\n",
			cur:  "# T\n\n" + strings.Replace(fig("</center>"), "Item two", "Item number two", 1) + "The end is here.\n",
			tr:   "---\ntitle: T\n---\n# 标题\n\n* 第一项。\n* 第二项。\n\n  <center>\n    <img src=\"/images/one-hot.png\" width=\"250px\" /><br>\n      <b>图 3</b> One hot encoding\n</center>\n\n结束。\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkPlan(t, tt.name, tt.old, tt.cur, tt.tr, "\n") })
	}
}

func FuzzPlanProperties(f *testing.F) {
	for seed := range uint64(20) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) { checkCase(t, seed) })
}

var (
	englishWords = strings.Fields("the model learns a function from data and each layer maps its input to an output " +
		"we train network with gradient descent loss weights over many steps until error falls below some bound")
	frenchWords = strings.Fields("le modèle apprend une fonction des données et chaque couche envoie son entrée vers sortie " +
		"nous entraînons réseau avec descente gradient perte poids sur plusieurs pas jusqu'à erreur tombe sous borne")
)

// gen makes one random case.
type gen struct {
	r  *rand.Rand
	id int // makes verbatim parts unique
}

func (g *gen) uid() int { g.id++; return g.id*7 + 100 }

// para is a paragraph: words with verbatim parts among them.
func (g *gen) para() string {
	var ws []string
	n := 8 + g.r.IntN(10)
	for range n {
		ws = append(ws, englishWords[g.r.IntN(len(englishWords))])
	}
	for range g.r.IntN(3) {
		at := g.r.IntN(len(ws))
		switch g.r.IntN(3) {
		case 0:
			ws[at] = fmt.Sprintf("$x_{%d}$", g.uid())
		case 1:
			ws[at] = fmt.Sprintf("[%s](https://example.org/p%d)", ws[at], g.uid())
		default:
			ws[at] = fmt.Sprint(g.uid())
		}
	}
	return strings.Join(ws, " ") + "."
}

func (g *gen) block() string {
	switch g.r.IntN(10) {
	case 8:
		var items []string
		for range 2 + g.r.IntN(3) {
			items = append(items, "- "+g.para())
		}
		return strings.Join(items, "\n")
	case 9:
		return fmt.Sprintf("![%s](/img/p%d.png)", englishWords[g.r.IntN(len(englishWords))], g.uid())
	case 0:
		return fmt.Sprintf("```python\nprint(%d)\nx = %d\n```", g.uid(), g.uid())
	case 1:
		return fmt.Sprintf("$$\ny = %d x + b\n$$", g.uid())
	case 2:
		return "## " + strings.Join([]string{englishWords[g.r.IntN(len(englishWords))], englishWords[g.r.IntN(len(englishWords))], "part"}, " ")
	}
	return g.para()
}

// translate turns an English block into its translation: French words,
// verbatim parts kept.
func translate(b string) string {
	if strings.HasPrefix(b, "```") || strings.HasPrefix(b, "$$") {
		return b
	}
	var lines []string
	for _, l := range strings.Split(b, "\n") {
		var out []string
		for _, w := range strings.Fields(l) {
			i := slices.Index(englishWords, strings.TrimSuffix(w, "."))
			if i >= 0 {
				w = strings.Replace(w, englishWords[i], frenchWords[i%len(frenchWords)], 1)
			}
			out = append(out, w)
		}
		lines = append(lines, strings.Join(out, " "))
	}
	return strings.Join(lines, "\n")
}

// edit applies one random edit to the English blocks and names its class.
func (g *gen) edit(bs []string) ([]string, string) {
	bs = slices.Clone(bs)
	i := g.r.IntN(len(bs))
	b := bs[i]
	switch g.r.IntN(8) {
	case 0: // a verbatim part: formula, link target or number
		for _, re := range []struct{ from, to string }{{"$x_{", "$x_{9"}, {"example.org/p", "example.org/q"}} {
			if strings.Contains(b, re.from) {
				bs[i] = strings.Replace(b, re.from, re.to, 1)
				return bs, "verbatim"
			}
		}
		if ws := strings.Fields(b); len(ws) > 0 && !strings.HasPrefix(b, "```") && !strings.HasPrefix(b, "$$") {
			for k, w := range ws {
				if w != "" && w[0] >= '1' && w[0] <= '9' {
					ws[k] = "9" + w
					bs[i] = strings.Join(ws, " ")
					return bs, "number"
				}
			}
		}
	case 1: // code or display math
		if strings.HasPrefix(b, "```") || strings.HasPrefix(b, "$$") {
			bs[i] = strings.Replace(b, "x", "z", 1)
			return bs, "code"
		}
	case 2: // prose
		if !strings.HasPrefix(b, "```") && !strings.HasPrefix(b, "$$") && !strings.HasPrefix(b, "#") {
			ws := strings.Fields(b)
			for k := 0; k < len(ws); k += 3 {
				if slices.Contains(englishWords, ws[k]) {
					ws[k] = "novel"
				}
			}
			bs[i] = strings.Join(ws, " ")
			return bs, "prose"
		}
	case 3, 4: // an added block
		return slices.Insert(bs, g.r.IntN(len(bs)+1), g.block()), "added"
	case 5: // a removed block
		if len(bs) > 2 {
			return slices.Delete(bs, i, i+1), "removed"
		}
	case 6: // reflow
		if ws := strings.Fields(b); len(ws) > 4 && !strings.HasPrefix(b, "```") && !strings.HasPrefix(b, "$$") && !strings.HasPrefix(b, "#") {
			bs[i] = strings.Join(ws[:len(ws)/2], " ") + "\n" + strings.Join(ws[len(ws)/2:], " ")
			return bs, "reflow"
		}
	}
	return bs, "none"
}

const frontMatter = "---\nlang: fr\nlang-ref: page\ntitle: \"Titre : une page\"  # kept\n---\n"

// page joins blocks into a page with front matter.
func page(fm string, bs []string, eol string) string {
	return strings.ReplaceAll(fm+"\n"+strings.Join(bs, "\n\n")+"\n", "\n", eol)
}

func checkCase(t *testing.T, seed uint64) Result {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	var en []string
	for range 3 + g.r.IntN(6) {
		en = append(en, g.block())
	}
	en = append([]string{"# Title"}, en...)
	comments, eol := g.r.IntN(2) == 0, "\n"
	if g.r.IntN(5) == 0 {
		eol = "\r\n"
	}
	var tr []string
	for _, b := range en {
		if comments && !strings.HasPrefix(b, "```") && !strings.HasPrefix(b, "$$") {
			tr = append(tr, "<!--\n"+b+"\n-->")
		}
		tr = append(tr, translate(b))
	}
	now, classes := en, []string{}
	for range 1 + g.r.IntN(3) {
		var c string
		now, c = g.edit(now)
		classes = append(classes, c)
	}
	old, cur, trSrc := page("---\ntitle: T\n---\n", en, "\n"), page("---\ntitle: T\n---\n", now, "\n"), page(frontMatter, tr, eol)
	return checkPlan(t, fmt.Sprintf("seed %d (comments %v, edits %v)", seed, comments, classes), old, cur, trSrc, eol)
}

// checkPlan plans the translation trSrc of the English old, now cur, and
// checks the properties every plan has.
func checkPlan(t *testing.T, name, old, cur, trSrc, eol string) Result {
	t.Helper()
	r := PlanPage([]byte(old), []byte(cur), []byte(trSrc))
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s: %s\n--- English before\n%s\n--- English after\n%s\n--- translation\n%s\n--- result\n%s\n--- actions %v",
			name, fmt.Sprintf(format, args...), old, cur, trSrc, r.Body, r.Actions)
	}
	if w, ok := keepsProse(trSrc, string(r.Body)); !ok {
		fail("the translator's words are not all kept, in order: %q is missing", w)
	}
	if b, ok := keepsBytes(trSrc, string(r.Body)); !ok {
		fail("the translator's text is not all kept, byte for byte, in order: %q is missing", b)
	}
	if b, ok := verbatimCurrent(cur, string(r.Body)); !ok && r.Count(Left) == 0 {
		fail("a code or math block differs from the English now: %q", b)
	}
	if again := PlanPage([]byte(old), []byte(cur), r.Body); string(again.Body) != string(r.Body) {
		fail("a second run changes the page:\n%s", again.Body)
	}
	before, after := frontmatter.Parse([]byte(trSrc)), frontmatter.Parse(r.Body)
	if !after.Usable() || fmt.Sprint(fields(before)) != fmt.Sprint(fields(after)) {
		fail("the front matter changed")
	}
	if eol == "\r\n" && strings.Count(string(r.Body), "\n") != strings.Count(string(r.Body), "\r\n") {
		fail("a line lost its CRLF")
	}
	return r
}

func fields(d *frontmatter.Doc) []string {
	var out []string
	for _, f := range d.Fields {
		out = append(out, f.Key+"="+f.Value.Text)
	}
	return out
}

// translatorWords returns the words of a translation's prose: outside
// comments (English and markers), code and math, numbers and inline
// verbatim parts left out.
func translatorWords(src string) []string {
	body, line := frontmatter.SplitBody([]byte(src))
	var out []string
	for _, b := range blocks.Parse(body, line) {
		if b.Kind == blocks.Comment || b.Kind == blocks.Code || b.Kind == blocks.Math {
			continue
		}
		for _, w := range change.Words(b.Prose) {
			if w[0] < '0' || w[0] > '9' {
				out = append(out, w)
			}
		}
	}
	return out
}

// keepsProse reports whether the translator's words of a are all in b, in
// order; it returns the first one missing.
func keepsProse(a, b string) (string, bool) {
	wb := translatorWords(b)
	k := 0
	for _, w := range translatorWords(a) {
		for k < len(wb) && wb[k] != w {
			k++
		}
		if k == len(wb) {
			return w, false
		}
		k++
	}
	return "", true
}

// translatorTexts returns the text of each block a translator wrote
// (outside comments, code and math), its verbatim parts taken out.
func translatorTexts(src string) []string {
	body, line := frontmatter.SplitBody([]byte(src))
	var out []string
	for _, b := range blocks.Parse(body, line) {
		if b.Kind == blocks.Comment || b.Kind == blocks.Code || b.Kind == blocks.Math {
			continue
		}
		vs := slices.Clone(b.Verbatim)
		slices.SortFunc(vs, func(x, y string) int { return len(y) - len(x) })
		t := strings.ReplaceAll(b.Raw, "\r\n", "\n")
		for _, v := range vs {
			if v != "" {
				t = strings.ReplaceAll(t, v, "")
			}
		}
		out = append(out, t)
	}
	return out
}

// keepsBytes reports whether the translator's texts of a are all texts of
// b, in order; it returns the first one missing.
func keepsBytes(a, b string) (string, bool) {
	tb := translatorTexts(b)
	k := 0
	for _, t := range translatorTexts(a) {
		for k < len(tb) && tb[k] != t {
			k++
		}
		if k == len(tb) {
			return t, false
		}
		k++
	}
	return "", true
}

// verbatimCurrent reports whether every code and math block of the result
// is one of the English page's now, unless a marker says it was removed or
// is outdated; it returns the first one that is not.
func verbatimCurrent(en, res string) (string, bool) {
	eb, el := frontmatter.SplitBody([]byte(en))
	have := map[string]bool{}
	for _, b := range blocks.Parse(eb, el) {
		have[b.Raw] = true
	}
	rb, rl := frontmatter.SplitBody([]byte(res))
	bs := blocks.Parse(rb, rl)
	for i, b := range bs {
		if (b.Kind == blocks.Code || b.Kind == blocks.Math) && !have[strings.ReplaceAll(b.Raw, "\r\n", "\n")] && !(i > 0 && isMarker(bs[i-1])) {
			return b.Raw, false
		}
	}
	return "", true
}
