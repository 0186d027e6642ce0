package site

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/frontmatter"
)

// TestBadLinks: a symbolic link at a page's path is never followed; the
// links that lead nowhere langref reads are files of the site with their
// problem and target, in lean loads too, and with nothing to read
// through them; a link inside the site and a link to a folder are left
// out, as before.
func TestBadLinks(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "outside.md")
	if err := os.WriteFile(outside, []byte("---\nlang-ref: a\n---\nNot the site's.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := []struct {
		path, target string
		want         frontmatter.ProblemKind // "" for no file
	}{
		{"fr/self.md", "self.md", LinkLoop},
		{"fr/ab1.md", "ab2.md", LinkLoop},
		{"fr/ab2.md", "ab1.md", LinkLoop},
		{"fr/gone.md", "nowhere.md", LinkMissing},
		{"fr/abs.md", outside, LinkOutside},
		{"fr/rel.md", "../../" + filepath.Base(filepath.Dir(outside)) + "/outside.md", LinkOutside},
		{"fr/inside.md", "../en/a.md", ""},
		{"fr/folder.md", "../en", ""},
		{"fr/image.png", "nowhere.png", ""}, // not a page's path
		{"_drafts/loop.md", "loop.md", ""},  // Jekyll skips the folder
	}
	for _, lean := range []bool{false, true} {
		root := testfs.Dir(t, map[string]string{
			"_config.yml": "title: Docs\n",
			"en/a.md":     "---\nlang-ref: a\nlang: en\n---\nText.\n",
			"fr/keep.md":  "---\nlang-ref: a\nlang: fr\n---\nTexte.\n",
		})
		for _, l := range links {
			full := filepath.Join(root, filepath.FromSlash(l.path))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(l.target, full); err != nil {
				t.Skip("this file system has no symbolic links:", err)
			}
		}
		load := Load
		if lean {
			load = LoadLean
		}
		s, err := load(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range links {
			f := s.Lookup(l.path)
			switch {
			case l.want == "" && f != nil:
				t.Errorf("lean %v: %s -> %s is a file of the site: %+v", lean, l.path, l.target, f.Doc)
			case l.want == "":
			case f == nil:
				t.Errorf("lean %v: %s -> %s is not a file of the site", lean, l.path, l.target)
			case !f.BadLink() || !f.Unreadable() || f.Doc.Page || f.Doc.Problem.Kind != l.want || f.Doc.Problem.Detail != l.target:
				t.Errorf("lean %v: %s -> %s: BadLink %v, Doc %+v, problem %+v; want %s", lean, l.path, l.target, f.BadLink(), f.Doc, f.Doc.Problem, l.want)
			default:
				if b, err := s.Contents(f); err != nil || len(b) != 0 {
					t.Errorf("lean %v: Contents(%s) = %q, %v; want nothing read through the link", lean, l.path, b, err)
				}
			}
		}
		for i := 1; i < len(s.Files); i++ {
			if s.Files[i-1].Path >= s.Files[i].Path {
				t.Errorf("lean %v: files out of order: %s before %s", lean, s.Files[i-1].Path, s.Files[i].Path)
			}
		}
	}
}
