package align

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
)

func TestMain(m *testing.M) { testcorpus.Main(m) }

func body(src []byte) []blocks.Block {
	doc := frontmatter.Parse(src)
	return blocks.Parse(doc.Body, doc.BodyLine)
}

// TestFrenchCommentsExact aligns the English of docs/en/week09/09-1.md, as
// it was when the French page was last committed, with the French page,
// which keeps the English in comments: every English block kept in a
// comment is matched by it, inside the translation that follows that
// comment, and where the comment's blocks and the translation's pair one
// for one the lines are those of the very block.
func TestFrenchCommentsExact(t *testing.T) {
	dir := testcorpus.Shared(t)
	en, err := exec.Command("git", "-C", dir, "show", "e3580ec:docs/en/week09/09-1.md").Output()
	if err != nil {
		t.Fatal(err)
	}
	fr, err := os.ReadFile(filepath.Join(dir, "docs/fr/week09/09-1.md"))
	if err != nil {
		t.Fatal(err)
	}
	src, tgt := body(en), body(fr)
	a := Align(src, tgt)
	pairs := blocks.Pairs(tgt)
	kept := map[string]blocks.CommentPair{}
	for _, p := range pairs {
		for _, o := range p.Original {
			kept[o.Raw] = p
		}
	}
	commented := 0
	for i, b := range src {
		p, ok := kept[b.Raw]
		if !ok {
			continue
		}
		commented++
		m := a.Matches[i]
		first, last, found := a.Lines(i)
		if m.Method != Comment || !found {
			t.Errorf("English line %d %q: method %s, want comment", b.Line, b.Text, m.Method)
			continue
		}
		run := p.Translation
		if first < run[0].Line || last > run[len(run)-1].EndLine {
			t.Errorf("English line %d matched lines %d-%d, outside the translation of its comment (%d-%d)", b.Line, first, last, run[0].Line, run[len(run)-1].EndLine)
		}
	}
	if commented < 40 {
		t.Errorf("only %d English blocks found in comments", commented)
	}
	// Block-exact places, checked by hand against the page.
	exact := map[int][2]int{
		17: {40, 40},   // "The encoder, $W_e$, is similar..." → "L'encodeur $W_e$ est similaire..."
		85: {173, 173}, // "Here, there is a linear decoder..." → "> Ici, il y a un décodeur linéaire..."
	}
	for line, want := range exact {
		found := false
		for i, b := range src {
			if b.Line != line {
				continue
			}
			found = true
			first, last, _ := a.Lines(i)
			if first != want[0] || last != want[1] {
				t.Errorf("English line %d %q → French %d-%d, want %d-%d", line, b.Text, first, last, want[0], want[1])
			}
		}
		if !found {
			t.Errorf("no English block starts at line %d", line)
		}
	}
}
