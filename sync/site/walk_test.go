package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/langref/langref/internal/statcache"
	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/profile"
)

// TestWalkListsAsWalkDir: the parallel walk lists the files and what the
// generator leaves out as a walk with filepath.WalkDir does, and the stat
// data it takes is Lstat's.
func TestWalkListsAsWalkDir(t *testing.T) {
	files := map[string]string{
		"_config.yml":         "title: t\nexclude: [drafts]\n",
		"index.md":            "---\n---\n",
		"a.md":                "---\n---\n",
		"a/b.md":              "---\n---\n",
		"a/b/c.md":            "---\n---\n",
		"a.b/c.md":            "---\n---\n",
		"a-b/c.md":            "---\n---\n",
		"en/x.md":             "---\nlang-ref: x\n---\n",
		"fr/x.md":             "---\nlang: fr\nlang-ref: x\n---\n",
		"fr/deep/er/y.md":     "---\nlang: fr\n---\n",
		"drafts/z.md":         "---\n---\n",
		"_site/en/x.md":       "---\n---\n",
		"_includes/head.html": "<head>\n",
		".hidden.md":          "---\n---\n",
		"static/pic.png":      "png",
	}
	for i := range 40 {
		files[filepath.Join("many", string(rune('a'+i%26))+string(rune('a'+i/26)), "p.md")] = "---\n---\n"
	}
	root := testfs.Dir(t, files)
	if err := os.Symlink(filepath.Join(root, "a"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "a.md"), filepath.Join(root, "link.md")); err != nil {
		t.Fatal(err)
	}
	c, err := LoadConfig(root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.walk(true)
	if err != nil {
		t.Fatal(err)
	}
	paths, left := walkDir(t, c)
	if sorted := slices.Sorted(slices.Values(got.paths)); !reflect.DeepEqual(sorted, paths) {
		t.Errorf("paths\n%q\nwant\n%q", sorted, paths)
	}
	for range 5 { // the order is the folders', then the names': the same on every run
		if again, err := c.walk(true); err != nil || !reflect.DeepEqual(again.paths, got.paths) {
			t.Fatalf("another walk lists %q (%v), the first %q", again.paths, err, got.paths)
		}
	}
	if !reflect.DeepEqual(sortedLeft(got.left), sortedLeft(left)) {
		t.Errorf("left %v, want %v", got.left, left)
	}
	for i, p := range got.paths {
		st, err := statcache.Lstat(p)
		if err != nil || got.bad[i] || got.stats[i] != st {
			t.Errorf("%s: stat %+v (bad %t), want %+v (%v)", p, got.stats[i], got.bad[i], st, err)
		}
	}
	if l, err := c.walk(false); err != nil || l.stats != nil || !reflect.DeepEqual(l.paths, got.paths) {
		t.Errorf("without stat data: %q, %v, %v", l.paths, l.stats, err)
	}
	if _, err := (&Config{Root: filepath.Join(root, "nowhere")}).walk(false); err == nil {
		t.Error("no error for a root that does not exist")
	}
}

// walkDir is the walk as filepath.WalkDir makes it, paths sorted.
func walkDir(t *testing.T, c *Config) ([]string, []Left) {
	var paths []string
	var left []Left
	err := filepath.WalkDir(c.Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == c.Root {
			return err
		}
		rel := filepath.ToSlash(p[len(c.Root)+1:])
		if why := c.skip(rel, d.IsDir()); why != profile.Kept {
			if d.IsDir() {
				left = append(left, Left{Path: rel, Dir: true, Reason: why})
				return filepath.SkipDir
			}
			if c.isPageExt(rel) {
				left = append(left, Left{Path: rel, Reason: why})
			}
			return nil
		}
		if d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(paths)
	return paths, left
}
