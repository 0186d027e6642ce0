package hugo

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
)

// TestCascade: draft and build options cascade from a section's front
// matter to its descendants in the same language, and from the site
// configuration to every page, as their targets say; a page's own value
// and a nearer cascade win.
func TestCascade(t *testing.T) {
	files := map[string]string{
		"hugo.toml": "[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content/fr'\n" +
			"[[cascade]]\n[cascade.build]\nrender = 'never'\n[cascade.target]\npath = '/legacy/**'\n",
		"content/en/_index.md":           "---\ncascade:\n  - build: {render: never}\n    target: {path: '/internal/**'}\n---\n",
		"content/en/internal.md":         "---\ntitle: x\n---\n",
		"content/en/internal/x.md":       "---\ntitle: x\n---\n",
		"content/en/legacy/old.md":       "x\n",
		"content/en/docs/_index.md":      "---\ncascade:\n  draft: true\n  _target: {lang: fr}\n---\n",
		"content/en/docs/a.md":           "---\ntitle: a\n---\n",
		"content/fr/docs/_index.md":      "---\ncascade:\n  draft: true\n---\n",
		"content/fr/docs/a.md":           "---\ntitle: a\n---\n",
		"content/fr/docs/c.md":           "---\ndraft: false\n---\n",
		"content/fr/docs/deep/_index.md": "---\ncascade:\n  draft: false\n---\n",
		"content/fr/docs/deep/d.md":      "---\ntitle: d\n---\n",
		"content/en/blog/_index.md":      "+++\n[cascade]\ndraft = true\n[cascade._target]\nkind = '{page,taxonomy}'\n+++\n",
		"content/en/blog/p.md":           "{\"title\": \"p\"}\n",
		"content/en/blog/sub/_index.md":  "---\ntitle: sub\n---\n",
		"content/en/blog/b/index.md":     "---\ntitle: bundle\n---\n",
	}
	root := testfs.Dir(t, files)
	r, err := Profile{}.Read(root)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rel  string
		want profile.Reason
	}{
		{"content/en/internal.md", profile.Kept},
		{"content/en/internal/x.md", profile.Headless},
		{"content/en/legacy/old.md", profile.Headless},
		{"content/en/_index.md", profile.Kept},
		{"content/en/docs/a.md", profile.Kept},
		{"content/fr/docs/_index.md", profile.Kept},
		{"content/fr/docs/a.md", profile.Draft},
		{"content/fr/docs/c.md", profile.Kept},
		{"content/fr/docs/deep/_index.md", profile.Draft},
		{"content/fr/docs/deep/d.md", profile.Kept},
		{"content/en/blog/p.md", profile.Draft},
		{"content/en/blog/b/index.md", profile.Draft},
		{"content/en/blog/sub/_index.md", profile.Kept},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(tt.rel)))
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Drop(tt.rel, frontmatter.ParseWith(src, r.FrontMatter)); got != tt.want {
				t.Errorf("Drop = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"/docs/**", "/docs/a/b", true},
		{"/docs/**", "/docs", false},
		{"{/docs,/docs/**}", "/docs", true},
		{"/docs/*", "/docs/a/b", false},
		{"{page,section}", "section", true},
		{"fr", "fr-ca", false},
		{"fr*", "fr-ca", true},
	}
	for _, tt := range tests {
		if got := glob(tt.pattern).MatchString(tt.s); got != tt.want {
			t.Errorf("glob(%q) on %q = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

// langCascadeSite sets draft by cascade at the top level and per
// language: fr's own cascade (languages.fr.cascade) and de's (in
// config/_default/languages.toml) replace the top-level one for their
// pages.
var langCascadeSite = map[string]string{
	"hugo.toml": "baseURL = 'https://example.org/'\n[[cascade]]\ndraft = true\n[cascade._target]\npath = '/top/**'\n" +
		"[languages.en]\ncontentDir = 'content/en'\nweight = 1\n[languages.fr]\ncontentDir = 'content/fr'\nweight = 2\n" +
		"[[languages.fr.cascade]]\ndraft = true\n[languages.fr.cascade._target]\npath = '/x*'\n",
	"config/_default/languages.toml": "[de]\ncontentDir = 'content/de'\nweight = 3\n[[de.cascade]]\ndraft = true\n",
	"content/en/x1.md":               "---\ntitle: X\n---\n",
	"content/en/y.md":                "---\ntitle: Y\n---\n",
	"content/en/top/t.md":            "---\ntitle: T\n---\n",
	"content/fr/x1.md":               "---\ntitle: X\n---\n",
	"content/fr/y.md":                "---\ntitle: Y\n---\n",
	"content/fr/top/t.md":            "---\ntitle: T\n---\n",
	"content/de/y.md":                "---\ntitle: Y\n---\n",
	"content/de/z.md":                "---\ntitle: Z\ndraft: false\n---\n",
}

// TestLanguageCascade: a language's own cascade replaces the top-level
// one for its pages; the pages it makes drafts are those `hugo list
// drafts` lists, when Hugo is installed.
func TestLanguageCascade(t *testing.T) {
	root := testfs.Dir(t, langCascadeSite)
	r, err := Profile{}.Read(root)
	if err != nil {
		t.Fatal(err)
	}
	var drafts []string
	for rel := range langCascadeSite {
		if !strings.HasPrefix(rel, "content/") {
			continue
		}
		src, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if r.Drop(rel, frontmatter.ParseWith(src, r.FrontMatter)) == profile.Draft {
			drafts = append(drafts, rel)
		}
	}
	slices.Sort(drafts)
	want := []string{"content/de/y.md", "content/en/top/t.md", "content/fr/x1.md"}
	if !slices.Equal(drafts, want) {
		t.Errorf("drafts %q, want %q", drafts, want)
	}
	if _, err := exec.LookPath("hugo"); err != nil {
		t.Skip("hugo is not installed (.ci/run installs Debian's)")
	}
	cmd := exec.Command("hugo", "list", "drafts", "--source", root)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("hugo list drafts: %v", err)
	}
	var hugo []string
	for _, ln := range strings.Split(string(out), "\n") {
		if p, _, _ := strings.Cut(ln, ","); strings.HasPrefix(p, "content/") {
			hugo = append(hugo, p)
		}
	}
	slices.Sort(hugo)
	if !slices.Equal(drafts, hugo) {
		t.Errorf("langref's drafts %q, hugo list drafts %q", drafts, hugo)
	}
}
