package stale

import (
	"path/filepath"
	"testing"

	"github.com/langref/langref/sync/site"
)

// TestUncommentedNotReadAgain: a translation the site's loading saw
// without HTML comments (Prefetch.SeeContents) is not read again to look
// for kept source text; one it did not see is.
func TestUncommentedNotReadAgain(t *testing.T) {
	for _, tt := range []struct {
		name    string
		see     bool // the loading shows the contents to the Prefetch
		wantErr bool // Analyze reads the removed translation again
	}{
		{"seen without comments: not read again", true, false},
		{"not seen: read again", false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			r.Write("docs/en/a.md", en, "docs/fr/a.md", fr)
			r.Commit("add")
			root := filepath.Join(r.Dir, "docs")
			pre := PrefetchHistory(root)
			var v site.Visitor
			if tt.see {
				v.Contents = pre.SeeContents
			}
			s, err := site.LoadLeanWith(root, site.LeanOptions{Visit: v})
			if err != nil {
				t.Fatal(err)
			}
			analyzeRemoved(t, s, pre, root, "fr/a.md", tt.wantErr)
		})
	}
}
