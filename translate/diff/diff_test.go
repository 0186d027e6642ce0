package diff

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/locales"
	"github.com/langref/langref/translate/change"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const ticks = "```"

// English versions of a page: the baseline, then one per commit.
var versions = []Version{
	{Rev: "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Src: []byte("---\nlang-ref: intro\n---\n\n# Intro\n\nEnergy models assign a low energy to good answers.\n\n## Code\n\n" +
		ticks + "python\nx = torch.zeros(3)\n" + ticks + "\n\n## Notes\n\nWe recieve the data in batches of equal size.\n\nThe loss is $L = \\sum_i e_i$ over the batch.\n\nA short remark about training that nobody reads.\n")},
	{Rev: "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", Title: "Explain training", Src: []byte("---\nlang-ref: intro\n---\n\n# Intro\n\nEnergy models assign a low energy to good answers. They are trained with contrastive methods.\n\n## Code\n\n" +
		ticks + "python\nx = torch.zeros(3)\n" + ticks + "\n\n## Notes\n\nWe recieve the data in batches of equal size.\n\nThe loss is $L = \\sum_i e_i$ over the batch.\n\nA short remark about training that nobody reads.\n")},
	{Rev: "3333333ccccccccccccccccccccccccccccccccc", Title: "Fix a typo and rewrap", Src: []byte("---\nlang-ref: intro\n---\n\n# Intro\n\nEnergy models assign a low energy to good answers. They are trained with contrastive methods.\n\n## Code\n\n" +
		ticks + "python\nx = torch.zeros(3)\n" + ticks + "\n\n## Notes\n\nWe receive the data in batches of equal size.\n\nThe loss is $L = \\sum_i e_i$ over the batch.\n\nA short remark about training\nthat nobody reads.\n")},
	{Rev: "4444444ddddddddddddddddddddddddddddddddd", Title: "Use ones and a mean", Src: []byte("---\nlang-ref: intro\n---\n\n# Intro\n\nEnergy models assign a low energy to good answers. They are trained with contrastive methods.\n\n## Code\n\n" +
		ticks + "python\nx = torch.ones(3)\n" + ticks + "\n\n## Notes\n\nWe receive the data in batches of equal size.\n\nThe loss is $L = \\frac{1}{N} \\sum_i e_i$ over the batch.\n\nA short remark about training\nthat nobody reads.\n")},
}

var translation = []byte("---\nlang: fr\nlang-ref: intro\n---\n\n# Introduction\n\nLes modèles à énergie donnent une énergie basse aux bonnes réponses.\n\n## Code\n\n" +
	ticks + "python\nx = torch.zeros(3)\n" + ticks + "\n\n## Notes\n\nNous recevons les données par lots de même taille.\n\nLa perte est $L = \\sum_i e_i$ sur le lot.\n\nUne courte remarque sur l'entraînement que personne ne lit.\n")

func input(all bool) Input {
	return Input{Lang: "fr", Key: "intro", SourcePath: "docs/en/intro.md", TranslationPath: "docs/fr/intro.md",
		Baseline: Baseline{Rev: versions[0].Rev, Source: "last-commit"}, Versions: versions, Translation: translation, AllChanges: all}
}

func TestBuildClasses(t *testing.T) {
	p := Build(input(true))
	want := []struct {
		class   change.Class
		block   string
		section string
		lines   string
		commits string
	}{
		{change.Content, "paragraph", "Intro", "8-8", "Explain training"},
		{change.Verbatim, "code", "Intro › Code", "12-14", "Use ones and a mean"},
		{change.Typo, "paragraph", "Intro › Notes", "18-18", "Fix a typo and rewrap"},
		{change.Verbatim, "paragraph", "Intro › Notes", "20-20", "Use ones and a mean"},
		{change.Cosmetic, "paragraph", "Intro › Notes", "22-22", "Fix a typo and rewrap"},
	}
	if len(p.Changes) != len(want) {
		t.Fatalf("%d changes, want %d: %+v", len(p.Changes), len(want), p.Changes)
	}
	for i, w := range want {
		c := p.Changes[i]
		lines := ""
		if c.Translation.Lines != nil {
			lines = lineRange(*c.Translation.Lines)
			lines = strings.ReplaceAll(lines, "–", "-")
			if !strings.Contains(lines, "-") {
				lines += "-" + lines
			}
		}
		var titles []string
		for _, cm := range c.Commits {
			titles = append(titles, cm.Title)
		}
		got := []string{c.Class.String(), c.Block, strings.Join(c.Section, " › "), lines, strings.Join(titles, "; ")}
		exp := []string{w.class.String(), w.block, w.section, w.lines, w.commits}
		if strings.Join(got, "|") != strings.Join(exp, "|") {
			t.Errorf("change %d = %q, want %q", i, got, exp)
		}
	}
	if s := p.Changes[0].Sentences; len(s) != 1 || s[0] != "They are trained with contrastive methods." {
		t.Errorf("new sentences = %q", s)
	}
	if hidden := Build(input(false)).Hidden; hidden != 1 {
		t.Errorf("hidden = %d, want 1 (the rewrap)", hidden)
	}
}

func TestGolden(t *testing.T) {
	p := locales.New("en")
	r := &Report{Lang: "fr", Pages: []*Page{Build(input(false))}}
	formats := map[string]func(*bytes.Buffer) error{
		"text.txt":      func(b *bytes.Buffer) error { return Text(b, r, p, false) },
		"unified.patch": func(b *bytes.Buffer) error { return Unified(b, r) },
		"markdown.md":   func(b *bytes.Buffer) error { return Markdown(b, r, p) },
		"json.json":     func(b *bytes.Buffer) error { return JSON(b, r) },
		"html.html":     func(b *bytes.Buffer) error { return HTML(b, r, p) },
	}
	for name, render := range formats {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := render(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", name), b.Bytes())
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it):\n%s", path, got)
	}
}

// TestUnifiedApplies checks that git apply takes the patch on the English
// text at the baseline, and that applying it gives the current text.
func TestUnifiedApplies(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	path := filepath.Join(dir, "docs", "en", "intro.md")
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, versions[0].Src, 0o644)
	var b bytes.Buffer
	if err := Unified(&b, &Report{Pages: []*Page{Build(input(false))}}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "p.patch"), b.Bytes(), 0o644)
	git("apply", "--check", "p.patch")
	git("apply", "p.patch")
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, versions[len(versions)-1].Src) {
		t.Errorf("patched file:\n%s", got)
	}
	for _, tt := range []struct{ a, b string }{{"a\nb", "a\nc"}, {"", "x\n"}, {"x\n", "x\ny"}, {"1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\nX\n4\n5\n6\n7\n8\nY\n"}} {
		os.WriteFile(path, []byte(tt.a), 0o644)
		os.WriteFile(filepath.Join(dir, "p.patch"), []byte(Patch("docs/en/intro.md", []byte(tt.a), []byte(tt.b))), 0o644)
		git("apply", "p.patch")
		if got, _ := os.ReadFile(path); string(got) != tt.b {
			t.Errorf("Patch(%q, %q) applied gives %q", tt.a, tt.b, got)
		}
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct{ name, a, b, want string }{
		{"one word", "called natural inhibition here", "called lateral inhibition here", "called [-natural-]{+lateral+} inhibition here"},
		{"added sentence", "Good answers.", "Good answers. They are trained.", "Good answers.{+ They are trained.+}"},
		{"phrase", "fit your model. Larger beta", "fit your model: as beta", "fit your model[-. Larger-]{+: as+} beta"},
		{"rewrap is kept", "a b\nc", "a b c", "a b c"},
		{"Chinese by character", "能量很低。", "能量很高。", "能量很[-低-]{+高+}。"},
		{"Japanese by character", "エネルギーは低い", "エネルギーは高い", "エネルギーは[-低-]{+高+}い"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for _, op := range wordDiff(tt.a, tt.b) {
				switch op.Op {
				case "-":
					b.WriteString("[-" + op.Text + "-]")
				case "+":
					b.WriteString("{+" + op.Text + "+}")
				default:
					b.WriteString(op.Text)
				}
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}

// TestCJKTranslation places a changed English paragraph in a Chinese page.
func TestCJKTranslation(t *testing.T) {
	in := Input{Lang: "zh", SourcePath: "en/a.md", TranslationPath: "zh/a.md", Baseline: Baseline{Rev: "1", Source: "since"},
		Versions: []Version{
			{Rev: "1", Src: []byte("# Energy\n\nThe energy is low.\n\n![plot](e.png)\n\nIt falls fast.\n")},
			{Rev: "2", Title: "More", Src: []byte("# Energy\n\nThe energy is low.\n\n![plot](e.png)\n\nIt falls fast. Then it rises again slowly.\n")},
		},
		Translation: []byte("# 能量\n\n能量很低。\n\n![图](e.png)\n\n它下降得很快。\n"),
	}
	p := Build(in)
	if len(p.Changes) != 1 {
		t.Fatalf("changes: %+v", p.Changes)
	}
	c := p.Changes[0]
	if c.Translation.Lines == nil || c.Translation.Lines.Start != 7 || !c.Translation.Sure || c.Translation.Text != "它下降得很快。" {
		t.Errorf("place = %+v", c.Translation)
	}
	if len(c.Sentences) != 1 || c.Sentences[0] != "Then it rises again slowly." {
		t.Errorf("sentences = %q", c.Sentences)
	}
}

// TestAmbiguous: three English paragraphs became two in the translation;
// the output says the place is unsure and offers both.
func TestAmbiguous(t *testing.T) {
	in := Input{Lang: "fr", SourcePath: "en/a.md", TranslationPath: "fr/a.md", Baseline: Baseline{Rev: "1", Source: "since"},
		Versions: []Version{
			{Rev: "1", Src: []byte("## H\n\nFirst point here.\n\nSecond point here.\n\nThird point here.\n\n## I\n")},
			{Rev: "2", Title: "Reword", Src: []byte("## H\n\nFirst point here.\n\nSecond point here, with a new clause that matters a lot.\n\nThird point here.\n\n## I\n")},
		},
		Translation: []byte("## H\n\nPremier et deuxième points.\n\nTroisième point.\n\n## I\n"),
	}
	p := Build(in)
	if p.Unsure != 1 || p.Changes[0].Translation.Sure || p.Changes[0].Translation.Method != "unsure" {
		t.Fatalf("page = %+v", p)
	}
	var b bytes.Buffer
	Text(&b, &Report{Pages: []*Page{p}}, locales.New("en"), false)
	for _, want := range []string{"translation line 3–5 (alignment unsure", "1 change whose place in the translation is unsure"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, &b)
		}
	}
}

// TestBuildStates: with the staleness analysis's states, changes the
// translation already has, those below --stale-on and those only commits
// needing no translation made are hidden unless AllChanges, and changes a
// sync can copy are counted and marked.
func TestBuildStates(t *testing.T) {
	in := input(false)
	// The first lines of the changes: content 7, code 11, typo 17, math
	// 19, cosmetic 21 (the same at the baseline and now).
	in.States = []BlockState{
		{OldLine: 7, Line: 7, State: "applied", Evidence: "rewritten", Commit: "5555555eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"},
		{OldLine: 11, Line: 11, State: "copy", Evidence: "verbatim-old"},
		{OldLine: 17, Line: 17, State: "cosmetic"},
		{OldLine: 19, Line: 19, State: "ignored", Evidence: "ignored-commit", Commit: "6666666fffffffffffffffffffffffffffffffff"},
		{OldLine: 21, Line: 21, State: "cosmetic"},
	}
	tests := []struct {
		name                    string
		all                     bool
		states                  string
		hidden, applied, copies int
		ignored                 int
	}{
		{"default", false, "copy", 2, 1, 1, 1},
		{"all changes", true, "applied copy cosmetic ignored cosmetic", 0, 0, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in.AllChanges = tt.all
			p := Build(in)
			var got []string
			for _, c := range p.Changes {
				got = append(got, c.State)
			}
			if strings.Join(got, " ") != tt.states || p.Hidden != tt.hidden || p.Applied != tt.applied || p.Copy != tt.copies || p.Ignored != tt.ignored {
				t.Errorf("states %q, hidden %d, applied %d, copy %d, ignored %d; want %q, %d, %d, %d, %d",
					got, p.Hidden, p.Applied, p.Copy, p.Ignored, tt.states, tt.hidden, tt.applied, tt.copies, tt.ignored)
			}
		})
	}
}
