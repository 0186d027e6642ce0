package stale

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/langref/langref/internal/gittest"
	"github.com/langref/langref/translate/change"
)

// states lists the changes of p as "kind class state evidence", with the
// commit of rewritten evidence.
func states(p *Page) []string {
	var out []string
	for _, c := range p.Changes {
		s := fmt.Sprintf("%s %s %s", c.Kind, c.Class, c.State)
		if c.Evidence != "" {
			s += " " + string(c.Evidence)
		}
		if c.Commit != "" {
			s += " " + c.Commit
		}
		out = append(out, s)
	}
	return out
}

func checkStates(t *testing.T, p *Page, stale bool, want ...string) {
	t.Helper()
	if got := states(p); p.Stale != stale || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: stale %v, changes:\n%s\nwant stale %v, changes:\n%s", p.Path, p.Stale, strings.Join(got, "\n"), stale, strings.Join(want, "\n"))
	}
}

func lang(src, code string) string { return strings.Replace(src, "lang: fr", "lang: "+code, 1) }

// TestBulkFix: a commit that fixes a formula in the English and in three
// translations leaves those three current, the fix applied, and the
// translation it missed stale, with a fix a sync can copy.
func TestBulkFix(t *testing.T) {
	r := newRepo(t)
	trs := map[string]string{"fr": fr, "de": lang(fr, "de"), "ja": lang(fr, "ja"), "es": lang(fr, "es")}
	r.Write("docs/en/a.md", en)
	for l, s := range trs {
		r.Write("docs/"+l+"/a.md", s)
	}
	r.Commit("add")
	fix := func(s string) string { return strings.Replace(s, "x^2", "\\log x^2", 1) }
	r.Write("docs/en/a.md", fix(en), "docs/fr/a.md", fix(trs["fr"]), "docs/de/a.md", fix(trs["de"]), "docs/ja/a.md", fix(trs["ja"]))
	r.Commit("Added missing log")
	res := analyze(t, r.Dir)
	for _, l := range []string{"fr", "de", "ja"} {
		p := page(t, res, l+"/a.md")
		checkStates(t, p, false, "modified verbatim applied verbatim-present")
		if p.Baseline != r.Hash["add"] || p.SourceCommitsSince != 1 {
			t.Errorf("%s: baseline %.7s, %d commits since; want the creation, 1", p.Path, p.Baseline, p.SourceCommitsSince)
		}
	}
	p := page(t, res, "es/a.md")
	checkStates(t, p, true, "modified verbatim copy verbatim-old")
	if c := p.Changes[0]; c.TrLine != 9 || c.TrEndLine != 11 || c.Line != 8 || c.EndLine != 10 || c.OldLine != 8 {
		t.Errorf("lines: English %d-%d (was %d), translation %d-%d; want 8-10 (8), 9-11", c.Line, c.EndLine, c.OldLine, c.TrLine, c.TrEndLine)
	}
}

// TestPartialSync: a translator's commit that brings one of two English
// changes into the translation settles that one alone.
func TestPartialSync(t *testing.T) {
	const (
		en0 = "---\nlang-ref: a\n---\n# Training\n\nWe follow the gradient downhill until the loss stops falling.\n\n## Momentum\n\nMomentum keeps a fraction of the previous step in memory.\n"
		fr0 = "---\nlang: fr\nlang-ref: a\n---\n# Entraînement\n\nNous suivons le gradient vers le bas jusqu'à ce que la perte cesse de baisser.\n\n## Inertie\n\nL'inertie garde en mémoire une fraction du pas précédent.\n"
	)
	r := newRepo(t)
	r.Write("docs/en/a.md", en0, "docs/fr/a.md", fr0)
	r.Commit("add")
	en1 := strings.Replace(en0, "until the loss stops falling", "with a learning rate that shrinks over time", 1)
	en1 = strings.Replace(en1, "keeps a fraction of the previous step in memory", "keeps a fraction of the previous update in memory, scaled by a coefficient", 1)
	r.Write("docs/en/a.md", en1)
	r.Commit("rewrite")
	fr1 := strings.Replace(fr0, "L'inertie garde en mémoire une fraction du pas précédent.", "L'inertie garde en mémoire une fraction de la mise à jour précédente, multipliée par un coefficient.", 1)
	r.Write("docs/fr/a.md", fr1)
	sync := r.Commit("[FR] sync momentum")
	p := page(t, analyze(t, r.Dir), "fr/a.md")
	checkStates(t, p, true,
		"modified content outdated",
		"modified content applied rewritten "+sync)
	if p.Class != change.Content {
		t.Errorf("class %s, want content", p.Class)
	}
	if c := p.Changes[0]; c.TrLine != 7 || c.Alignment != "order" {
		t.Errorf("the outdated block is at translation line %d (%s), want 7 (order)", c.TrLine, c.Alignment)
	}
}

// TestSuspectBaseline: a recorded baseline whose English had a code block
// the translation lacks makes the page suspect, whatever changed since.
func TestSuspectBaseline(t *testing.T) {
	const (
		en0 = "---\nlang-ref: a\n---\n# Install\n\nRun this:\n\n```sh\ngo install example.org/tool@latest\n```\n\nThen run it.\n"
		fr0 = "---\nlang: fr\nlang-ref: a\n---\n# Installation\n\nLancez ceci, puis lancez-le.\n"
	)
	r := newRepo(t)
	r.Write("docs/en/a.md", en0)
	pin := r.Commit("add English")
	r.Write("docs/fr/a.md", withKey(fr0, "source-commit", pin))
	r.Commit("add French")
	p := page(t, analyze(t, r.Dir), "fr/a.md")
	if !p.Suspect || len(p.Unverified) != 1 || p.Unverified[0].Aspect != CodeBlock || p.Unverified[0].Source != 1 || p.Unverified[0].Translation != 0 {
		t.Errorf("suspect %v, unverified %+v; want a code block missing", p.Suspect, p.Unverified)
	}
	if p.Stale || p.BaselineSource != Recorded {
		t.Errorf("stale %v, baseline %s; want current, recorded", p.Stale, p.BaselineSource)
	}
}

// TestKeptEnglish: a translation created after an English change, but
// keeping in comments the English from before it, was made from the older
// English: the change shows, evidence kept-english. Kept text that no
// version of the English had (a translator's edit of the comment) does
// not count.
func TestKeptEnglish(t *testing.T) {
	const (
		para0 = "Lateral inhibition makes neighbouring units compete, so that only a few of them respond."
		para1 = "Lateral inhibition makes neighbouring units compete, so that most of them stay silent and only a few respond strongly."
		en0   = "---\nlang-ref: a\n---\n# Sparse coding\n\n" + para0 + "\n"
		en1   = "---\nlang-ref: a\n---\n# Sparse coding\n\n" + para1 + "\n"
	)
	fr := func(kept string) string {
		return "---\nlang: fr\nlang-ref: a\n---\n# Codage parcimonieux\n\n<!-- " + kept + " -->\nL'inhibition latérale met les unités voisines en concurrence.\n"
	}
	tests := []struct {
		name  string
		kept  string
		stale bool
	}{
		{"English of the previous version", para0, true},
		{"English no version had", "Lateral inhibition makes neighbouring units compete, so that just a few of them answer.", false},
		{"English of the current version", para1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			r.Write("docs/en/a.md", en0)
			r.Commit("English")
			r.Write("docs/en/a.md", en1)
			r.Commit("English rewritten")
			r.Write("docs/fr/a.md", fr(tt.kept))
			r.Commit("French, from the first English")
			p := page(t, analyze(t, r.Dir), "fr/a.md")
			if tt.stale {
				checkStates(t, p, true, "modified content outdated kept-english")
			} else {
				checkStates(t, p, false)
			}
		})
	}
}

// TestTableRows: rows added to an English table are missing from a
// translation whose later commit rewrote other rows of its table.
func TestTableRows(t *testing.T) {
	const (
		en0 = "---\nlang-ref: a\n---\n# Schedule\n\n| Week | Topic |\n|---|---|\n| 1 | History |\n| 2 | Gradient descent |\n"
		fr0 = "---\nlang: fr\nlang-ref: a\n---\n# Programme\n\n| Semaine | Sujet |\n|---|---|\n| 1 | Histoire |\n| 2 | Descente de gradient |\n"
	)
	r := newRepo(t)
	r.Write("docs/en/a.md", en0, "docs/fr/a.md", fr0)
	r.Commit("add")
	r.Write("docs/en/a.md", en0+"| 3 | Convolutions |\n")
	r.Commit("week 3")
	r.Write("docs/fr/a.md", strings.Replace(fr0, "Histoire", "Histoire et motivation", 1))
	r.Commit("[FR] reword week 1")
	checkStates(t, page(t, analyze(t, r.Dir), "fr/a.md"), true, "modified content outdated")
}

// TestKeptSplitDifferently: kept English that splits source paragraphs
// otherwise than the source (one paragraph kept in two comments, or a
// question and its answer kept together) is compared line for line with
// the source block it matches: a respelling is no change, a new clause is.
// A link added to a heading leaves it the same block, changed.
func TestKeptSplitDifferently(t *testing.T) {
	const (
		question = "**Question**: Why cosine similarity?"
		answer0  = "Answer: With an L2 norm, it is very easy to make two vectors similar by making them short (close to the center)."
		answer1  = "Answer: With an L2 norm, it is very easy to make two vectors similar by making them short (close to the centre)."
		answer2  = "Answer: With an L2 norm, it is very easy to make two vectors similar by making them long (far from the center)."
		intro    = "Another definition of regularization, from Ian Goodfellow:"
		quote    = "Regularization is any modification we make to a learning algorithm that is intended to reduce its generalization error."
	)
	tests := []struct {
		name     string
		en0, en1 string // the English the translation keeps, the English now
		kept     string // the comments of the translation
		stale    bool
	}{
		{"one paragraph kept in two comments, respelled", question + "\n" + answer0, question + "\n" + answer1,
			"<!-- " + question + " -->\n<!-- " + answer0 + " -->", false},
		{"one paragraph kept in two comments, rewritten", question + "\n" + answer0, question + "\n" + answer2,
			"<!-- " + question + " -->\n<!-- " + answer0 + " -->", true},
		{"a paragraph and the quote after it kept together", intro + "\n> " + quote, intro + "\n> " + quote + "\n\nA closing paragraph, added later, that the translation also has.",
			"<!--\n" + intro + "\n> " + quote + "\n-->", false},
		{"a link added to a heading", "## Bayesian neural networks: estimating uncertainty", "## [Bayesian neural networks: estimating uncertainty](https://youtu.be/x?t=29)",
			"<!--\n## Bayesian neural networks: estimating uncertainty\n-->", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			r.Write("docs/en/a.md", "---\nlang-ref: a\n---\n# Similarity\n\n"+tt.en0+"\n")
			r.Commit("English")
			r.Write("docs/en/a.md", "---\nlang-ref: a\n---\n# Similarity\n\n"+tt.en1+"\n")
			r.Commit("English edited")
			r.Write("docs/fr/a.md", "---\nlang: fr\nlang-ref: a\n---\n# Similarité\n\n"+tt.kept+"\n\nRéponse : avec une norme L2, il est facile de rendre deux vecteurs similaires.\n")
			r.Commit("French, from the first English")
			p := page(t, analyze(t, r.Dir), "fr/a.md")
			switch {
			case !tt.stale:
				checkStates(t, p, false)
			case strings.Contains(tt.en1, "]("):
				checkStates(t, p, true, "modified verbatim outdated kept-english")
			default:
				checkStates(t, p, true, "modified content outdated kept-english")
			}
		})
	}
}

// TestReviewerPortsFix: a reviewer who rewrote a translation's paragraph
// and then the English one to match wrote the new wording in both: the
// English change is applied, though the translation's commit came first.
// The same rewrite before an English change by someone else says nothing
// of that change.
func TestReviewerPortsFix(t *testing.T) {
	const (
		en0 = "---\nlang-ref: a\n---\n# Faces\n\nFalse positives: there are many variations of non-face objects.\n"
		en1 = "---\nlang-ref: a\n---\n# Faces\n\nFalse positives: there are many ways a hand or a wall may look like a face.\n"
		fr0 = "---\nlang: fr\nlang-ref: a\n---\n# Visages\n\nFaux positifs : il y a beaucoup de variantes d'objets qui ne sont pas des visages.\n"
		fr1 = "---\nlang: fr\nlang-ref: a\n---\n# Visages\n\nFaux positifs : une main ou un mur peuvent ressembler à un visage, de bien des façons.\n"
	)
	reviewer := gittest.Identity{Author: "R", AuthorEmail: "r@example.com", Committer: "R", CommitterEmail: "r@example.com", Zone: "+0200"}
	other := gittest.Identity{Author: "O", AuthorEmail: "o@example.com", Committer: "O", CommitterEmail: "o@example.com", Zone: "+0000"}
	tests := []struct {
		name     string
		enAuthor gittest.Identity
		stale    bool
	}{
		{"English changed by the reviewer", reviewer, false},
		{"English changed by someone else", other, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			r.Write("docs/en/a.md", en0)
			r.Commit("English")
			r.Write("docs/fr/a.md", fr0)
			r.Commit("French")
			r.As = reviewer
			r.Write("docs/fr/a.md", fr1)
			r.Commit("French reviewed")
			r.As = tt.enAuthor
			r.Write("docs/en/a.md", en1)
			r.Commit("English reworded")
			p := page(t, analyze(t, r.Dir), "fr/a.md")
			if tt.stale {
				checkStates(t, p, true, "modified content outdated")
			} else {
				checkStates(t, p, false, "modified content applied rewritten "+r.Hash["French reviewed"])
			}
		})
	}
}

// TestPlaceholder: a translation that is one sentence saying the page
// will be translated never carried the English: English changes leave
// nothing to update in it, and it is not stale. A short page translated
// in one paragraph is no placeholder.
func TestPlaceholder(t *testing.T) {
	const (
		en0 = "---\nlang-ref: a\n---\n# About\n\nFirst paragraph of the page.\n\nSecond paragraph of the page.\n\nThird paragraph of the page.\n\nFourth paragraph of the page.\n"
		en1 = "---\nlang-ref: a\n---\n# About\n\nFirst paragraph of the page, now saying something else entirely.\n\nSecond paragraph of the page.\n\nThird paragraph of the page.\n\nFourth paragraph of the page.\n"
		zh  = "---\nlang: zh\nlang-ref: a\n---\nThis will be the translated version of the about page.\n"
	)
	tests := []struct {
		name     string
		en0, en1 string
		stale    bool
		want     string
	}{
		{"placeholder of a long page", en0, en1, false, "modified content applied not-carried"},
		{"one paragraph for a page of one", "---\nlang-ref: a\n---\nThe first paragraph of the page.\n", "---\nlang-ref: a\n---\nThe first paragraph of the page, now saying something else entirely.\n", true, "modified content outdated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			r.Write("docs/en/a.md", tt.en0)
			r.Commit("English")
			r.Write("docs/zh/a.md", zh)
			r.Commit("Chinese placeholder")
			r.Write("docs/en/a.md", tt.en1)
			r.Commit("English changed")
			checkStates(t, page(t, analyze(t, r.Dir), "zh/a.md"), tt.stale, tt.want)
		})
	}
}

// TestAddedVerbatim: an English block of verbatim material (code, a
// component tag) added since the baseline is applied when the translation
// holds it as it is, or wrote its own version (comments localised) after
// the English last changed it; a version the translation held before is
// a copy to make.
func TestAddedVerbatim(t *testing.T) {
	const (
		en0    = "---\nlang-ref: a\n---\n# Setup\n\nInstall the theme first.\n\n<Steps>\n\nRun the installer.\n\n</Steps>\n"
		fr0    = "---\nlang: fr\nlang-ref: a\n---\n# Installation\n\nInstallez d'abord le thème.\n\n<Steps>\n\nLancez l'installateur.\n\n</Steps>\n"
		code   = "```js\n// Print a greeting to the console\nconsole.log('hello');\n```\n"
		codeFr = "```js\n// Affiche un salut dans la console\nconsole.log('hello');\n```\n"
	)
	para := "Then print a greeting to check that the theme loads in the browser console.\n\n"
	paraFr := "Affichez ensuite un salut pour vérifier que le thème se charge dans la console du navigateur.\n\n"
	tests := []struct {
		name  string
		steps func(r *gittest.Repo)
		stale bool
		want  []string
	}{
		{"a component tag the translation has, more than once", func(r *gittest.Repo) {
			r.Write("docs/en/a.md", en0+"\n<Steps>\n\nRestart the server.\n\n</Steps>\n")
			r.Commit("more steps")
			r.Write("docs/fr/a.md", fr0+"\n<Steps>\n\nRedémarrez le serveur.\n\n</Steps>\n")
			translator(r, "fr: more steps")
		}, false, []string{"added verbatim applied verbatim-present", "added content applied rewritten @fr: more steps", "added verbatim applied verbatim-present"}},
		{"an example whose comments the translator localised", func(r *gittest.Repo) {
			r.Write("docs/en/a.md", en0+"\n"+para+code)
			r.Commit("greeting")
			r.Write("docs/fr/a.md", fr0+"\n"+paraFr+codeFr)
			translator(r, "fr: greeting")
		}, false, []string{"added content applied rewritten @fr: greeting", "added verbatim applied rewritten @fr: greeting"}},
		{"an example changed again after the translator localised it", func(r *gittest.Repo) {
			r.Write("docs/en/a.md", en0+"\n"+para+code)
			r.Commit("greeting")
			r.Write("docs/fr/a.md", fr0+"\n"+paraFr+codeFr)
			translator(r, "fr: greeting")
			r.Write("docs/en/a.md", en0+"\n"+para+strings.Replace(code, "console.log('hello')", "console.info('hello')", 1))
			r.Commit("info")
		}, true, []string{"added content applied rewritten @fr: greeting", "added verbatim copy verbatim-old"}},
		{"an example the translator changed in English after localising it: still a copy", func(r *gittest.Repo) {
			r.Write("docs/en/a.md", en0+"\n"+para+code)
			r.Commit("greeting")
			r.Write("docs/fr/a.md", fr0+"\n"+paraFr+codeFr)
			translator(r, "fr: greeting")
			r.Write("docs/en/a.md", en0+"\n"+para+strings.Replace(code, "console.log('hello')", "console.info('hello')", 1))
			translator(r, "info")
		}, true, []string{"added content applied rewritten @fr: greeting", "added verbatim copy verbatim-old"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			r.Write("docs/en/a.md", en0, "docs/fr/a.md", fr0)
			r.Commit("add")
			tt.steps(r)
			p := page(t, analyze(t, r.Dir), "fr/a.md")
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				if at := strings.Index(w, "@"); at >= 0 {
					w = w[:at] + r.Hash[w[at+1:]]
				}
				want[i] = w
			}
			checkStates(t, p, tt.stale, want...)
		})
	}
}

// translator commits as someone who made none of the English commits.
func translator(r *gittest.Repo, subject string) {
	as := r.As
	r.As = gittest.Identity{Author: "T", AuthorEmail: "t@example.com", Committer: "T", CommitterEmail: "t@example.com", Zone: "+0000"}
	r.Commit(subject)
	r.As = as
}

// TestOneBlobProcess: the blobs of both stages (the English at each
// baseline, then the history of the translations whose changes the texts
// leave open) come from one git cat-file --batch, however many pages.
func TestOneBlobProcess(t *testing.T) {
	const (
		en0 = "---\nlang-ref: a\n---\n# Training\n\nWe follow the gradient downhill until the loss stops falling.\n"
		fr0 = "---\nlang: fr\nlang-ref: a\n---\n# Entraînement\n\nNous suivons le gradient vers le bas jusqu'à ce que la perte cesse de baisser.\n"
	)
	r := newRepo(t)
	keys := []string{"a", "b", "c"}
	for _, k := range keys {
		r.Write("docs/en/"+k+".md", strings.Replace(en0, "lang-ref: a", "lang-ref: "+k, 1),
			"docs/fr/"+k+".md", strings.Replace(fr0, "lang-ref: a", "lang-ref: "+k, 1))
	}
	r.Commit("add")
	for _, k := range keys {
		r.Write("docs/en/"+k+".md", strings.Replace(strings.Replace(en0, "lang-ref: a", "lang-ref: "+k, 1),
			"until the loss stops falling", "with a learning rate that shrinks over time", 1))
	}
	r.Commit("rewrite")
	r.Write("docs/fr/b.md", strings.Replace(strings.Replace(fr0, "lang-ref: a", "lang-ref: b", 1),
		"jusqu'à ce que la perte cesse de baisser", "avec un pas d'apprentissage qui décroît", 1))
	sync := r.Commit("[FR] sync b")
	log := countGit(t)
	res := analyze(t, r.Dir)
	checkStates(t, page(t, res, "fr/a.md"), true, "modified content outdated")
	checkStates(t, page(t, res, "fr/b.md"), false, "modified content applied rewritten "+sync)
	checkStates(t, page(t, res, "fr/c.md"), true, "modified content outdated")
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), "cat-file --batch\n") + strings.Count(string(b), "cat-file --batch-command"); n != 1 {
		t.Errorf("%d git cat-file --batch processes, want 1:\n%s", n, b)
	}
}
