package stale

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// TestUnchangedSourceNotReadAgain: a source page whose contents are those
// it had at its translation's baseline (the hash the site took of it as it
// loaded) is judged from the page at the baseline, not read again; a page
// changed since is read again.
func TestUnchangedSourceNotReadAgain(t *testing.T) {
	en2 := strings.Replace(en, "downhill", "down the slope", 1)
	for _, tt := range []struct {
		name    string
		now     string // the source page after the translation's commit
		wantErr bool   // Analyze reads the removed source page again
	}{
		{"unchanged since the baseline: not read again", en, false},
		{"changed since: read again", en2, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			r.Write("docs/en/a.md", en, "docs/fr/a.md", fr)
			r.Commit("add")
			if tt.now != en {
				r.Write("docs/en/a.md", tt.now)
				r.Commit("edit")
			}
			root := filepath.Join(r.Dir, "docs")
			s, err := site.LoadLean(root)
			if err != nil {
				t.Fatal(err)
			}
			analyzeRemoved(t, s, nil, root, "en/a.md", tt.wantErr)
		})
	}
}

// analyzeRemoved analyses the site s, loaded from root with the history
// prefetch pre (nil for none), after removing its file rel: Analyze fails
// exactly when it reads that file again (wantErr); when it does not,
// fr/a.md has its history baseline and no change.
func analyzeRemoved(t *testing.T, s *site.Site, pre *Prefetch, root, rel string, wantErr bool) {
	t.Helper()
	g := graph.Build(s)
	o := DefaultOptions(g)
	o.Prefetch, o.NoCache, o.Release = pre, true, true
	if err := os.Remove(filepath.Join(root, filepath.FromSlash(rel))); err != nil {
		t.Fatal(err)
	}
	res, err := Analyze(g, o)
	if (err != nil) != wantErr {
		t.Fatalf("Analyze: error %v, want one: %v", err, wantErr)
	}
	if err == nil {
		want{source: History, class: 0}.check(t, page(t, res, "fr/a.md"))
	}
}
