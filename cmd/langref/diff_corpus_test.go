package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/translate/diff"
)

// TestDiffCorpusNewSentence: on DLSP20, the English of week 7's first
// lecture gained a sentence about beta after the Chinese translation; the
// diff names the sentence and the Chinese line it belongs to.
func TestDiffCorpusNewSentence(t *testing.T) {
	slow(t)
	dir := testcorpus.Clone(t)
	var out, errb bytes.Buffer
	args := []string{"--root", filepath.Join(dir, "docs"), "diff", "--lang", "zh", "--format", "json", "en/week07/07-1.md"}
	if code := run(args, strings.NewReader(""), &out, &errb, fakeEnv("LANG", "C")); code != 0 {
		t.Fatalf("exit %d: %s", code, &errb)
	}
	var r diff.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	const sentence = `as $\beta \rightarrow \infty$, this function converges to the argmax function;`
	for _, c := range r.Pages[0].Changes {
		for _, s := range c.Sentences {
			if s != sentence {
				continue
			}
			pl := c.Translation
			if pl.Lines == nil || pl.Lines.Start != 85 || !strings.HasPrefix(pl.Text, "那个 $\\beta$ 是正恒量数") || !pl.Sure {
				t.Errorf("placed at %+v", pl)
			}
			if len(c.Commits) != 1 || c.Commits[0].Title != `Rephrase \beta description. (#831)` {
				t.Errorf("commits = %+v", c.Commits)
			}
			return
		}
	}
	t.Errorf("no change names the new sentence:\n%s", &out)
}
