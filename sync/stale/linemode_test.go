package stale

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/langref/langref/internal/gittest"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/translate/change"
)

// TestLineMode checks that a page over Options.LineModeBytes is judged as
// a whole, line by line, and says so: its changes are runs of lines, of
// class content, where blocks would be whole paragraphs of their own class.
func TestLineMode(t *testing.T) {
	// A paragraph of three lines, lines 6 to 8 of the file; a typo fixed
	// on its middle line.
	const enPara = "---\nlang-ref: a\n---\n# Gradient descent\n\nWe follow the gradient\ndonwhill until the loss\nstops falling.\n"
	const frPara = "---\nlang: fr\nlang-ref: a\n---\n# Descente de gradient\n\nNous suivons le gradient\nvers le bas jusqu'à ce que\nla perte cesse de baisser.\n"
	fixed := strings.Replace(enPara, "donwhill", "downhill", 1)
	tests := []struct {
		name    string
		limit   int  // Options.LineModeBytes
		noGit   bool // Options.NoGit
		steps   func(r *gittest.Repo)
		want    want
		changes []Change
	}{
		{"typo fixed, under the bound: blocks, a minor typo", 1 << 20, false, func(r *gittest.Repo) {
			r.Write("docs/en/a.md", enPara, "docs/fr/a.md", frPara)
			r.Commit("add")
			r.Write("docs/en/a.md", fixed)
			r.Commit("typo")
		}, want{source: History, since: 1, class: change.Typo, minor: true},
			[]Change{{Class: change.Typo, Kind: "modified", Line: 6, EndLine: 8, OldLine: 6, OldEndLine: 8, Text: "We follow the gradient downhill until the loss stops fallin…", State: Cosmetic}}},
		{"typo fixed, over the bound: the changed line, stale", 64, false, func(r *gittest.Repo) {
			r.Write("docs/en/a.md", enPara, "docs/fr/a.md", frPara)
			r.Commit("add")
			r.Write("docs/en/a.md", fixed)
			r.Commit("typo")
		}, want{source: History, since: 1, class: change.Content, stale: true, notes: NoteLineMode},
			[]Change{{Class: change.Content, Kind: "modified", Line: 7, EndLine: 7, OldLine: 7, OldEndLine: 7, Text: "downhill until the loss", State: Outdated}}},
		{"English the same, translation over the bound: current", len(enPara) + 1, false, func(r *gittest.Repo) {
			r.Write("docs/en/a.md", enPara, "docs/fr/a.md", frPara)
			r.Commit("add")
			r.Write("docs/fr/a.md", frPara+"\nUn paragraphe de plus, que l'anglais n'a pas.\n")
			r.Commit("more French")
		}, want{source: History, class: change.Cosmetic, notes: NoteLineMode}, []Change{}},
		{"English over the bound only at the baseline: stale", len(fixed) + 1, false, func(r *gittest.Repo) {
			r.Write("docs/en/a.md", enPara+"\nA paragraph since removed.\n", "docs/fr/a.md", frPara)
			r.Commit("add")
			r.Write("docs/en/a.md", enPara)
			r.Commit("shorter")
		}, want{source: History, since: 1, class: change.Content, stale: true, notes: NoteLineMode},
			[]Change{{Class: change.Content, Kind: "removed", OldLine: 9, OldEndLine: 10, Text: "A paragraph since removed.", State: Outdated}}},
		{"no history, over the bound: nothing compared, said", 64, true, func(r *gittest.Repo) {
			r.Write("docs/en/a.md", fixed, "docs/fr/a.md", frPara)
		}, want{source: Content, class: change.Cosmetic, notes: NoteLineMode + "," + NoteNoGit}, []Change{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			tt.steps(r)
			s, err := site.Load(filepath.Join(r.Dir, "docs"))
			if err != nil {
				t.Fatal(err)
			}
			g := graph.Build(s)
			o := DefaultOptions(g)
			o.LineModeBytes, o.NoGit, o.NoCache = tt.limit, tt.noGit, true
			res, err := Analyze(g, o)
			if err != nil {
				t.Fatal(err)
			}
			p := page(t, res, "fr/a.md")
			tt.want.check(t, p)
			if !reflect.DeepEqual(p.Changes, tt.changes) {
				t.Errorf("changes\n got %+v\nwant %+v", p.Changes, tt.changes)
			}
		})
	}
}
