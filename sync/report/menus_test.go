package report

import (
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// TestMenusAreNoChapters: Hugo's menus list a few pages (main, footer),
// not every page: a Hugo site's chapters stay its folders.
func TestMenusAreNoChapters(t *testing.T) {
	root := testfs.Dir(t, map[string]string{
		"hugo.toml":                 "[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content/fr'\n",
		"content/en/docs/_index.md": "---\ntitle: Docs\nmenu: main\n---\n",
		"content/en/docs/a.md":      "---\ntitle: A\nmenu:\n  main:\n    parent: Docs\n---\n",
		"content/en/blog/b.md":      "---\ntitle: B\n---\n",
	})
	s, err := site.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	if n := s.Nav["en"]; n == nil || len(n.Items) != 2 {
		t.Fatalf("en menus %+v", n)
	}
	for _, src := range sources(graph.Build(s)) {
		if src.Chapter != "folder:"+src.Folder || src.Folder == "" {
			t.Errorf("%s: chapter %q, folder %q", src.Path, src.Chapter, src.Folder)
		}
	}
}
