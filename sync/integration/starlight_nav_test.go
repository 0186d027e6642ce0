package integration_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/site"
)

// TestStarlightCorpusSidebar reads the sidebar of Starlight's own
// astro.config.mjs as text: its slugs, in order, name the English pages
// (autogenerate groups list none), and a slug renamed in the clone names
// no page, at its own line.
func TestStarlightCorpusSidebar(t *testing.T) {
	root := filepath.Join(testcorpus.CloneBundle(t, testcorpus.Starlight), "docs")
	s, err := site.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	nav := s.Nav["en"]
	if nav == nil || !s.NavShared || len(s.Nav) != 1 {
		t.Fatalf("navs %v, shared %v: want one, the source's, shared", s.Nav, s.NavShared)
	}
	want := []string{"getting-started.mdx", "manual-setup.mdx", "environmental-impact.mdx"}
	if len(nav.Items) < len(want) {
		t.Fatalf("%d sidebar entries", len(nav.Items))
	}
	for i, w := range want {
		if got := nav.Items[i].Path; got != "src/content/docs/"+w {
			t.Errorf("entry %d = %s, want src/content/docs/%s", i, got, w)
		}
	}
	for _, it := range nav.Items {
		if f := s.Lookup(it.Path); f == nil {
			t.Errorf("%s:%d: %s is no page", s.ConfigFile, it.Line, it.Path)
		}
	}
	t.Logf("%d sidebar entries", len(nav.Items))

	cfg := filepath.Join(root, "astro.config.mjs")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Count(string(b[:strings.Index(string(b), "'manual-setup'")]), "\n") + 1
	if err := os.WriteFile(cfg, []byte(strings.Replace(string(b), "'manual-setup'", "'manual-set-up'", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = site.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	it := s.Nav["en"].Items[1]
	if it.Path != "src/content/docs/manual-set-up" || it.Line != line || s.Lookup(it.Path) != nil {
		t.Errorf("renamed slug: %+v, want src/content/docs/manual-set-up at line %d, no page", it, line)
	}
}
