package site

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/langref/langref/internal/statcache"
	"github.com/langref/langref/internal/testfs"
)

// long ago is the modification time of the pages of these tests: older
// than statcache.RacyWindow, so that the page cache keeps them.
var longAgo = time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)

var cachedSite = map[string]string{
	"_config.yml":   "title: t\n",
	"index.md":      "---\nlang-ref: home\n---\nHome.\n",
	"en/a.md":       "---\nlang-ref: a\ntitle: A\ntags: [x, y]\n---\nA.\n",
	"en/b.md":       "---\nlang-ref: b\n---\nB.\n",
	"fr/a.md":       "---\nlang: fr\nlang-ref: a\n---\nUn A.\n",
	"fr/b.md":       "---\nlang: fr\nlang-ref: b\n---\nUn B.\n",
	"fr/bad.md":     "---\nlang: fr\ntitle: a: b\n---\n",
	"fr/static.txt": "no front matter\n",
	"fr/notes.txt":  "---\nlang: fr\n---\nA page with another extension.\n",
}

// ageAll sets the modification time of every file under root to longAgo.
func ageAll(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, longAgo, longAgo)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func init() { keepPageCache = true } // loadCached counts the cache's hits

// loadCached loads the site at root lean with the page cache in dir and
// returns it and how many files the cache answered for.
func loadCached(t *testing.T, root, dir string, v Visitor) (*Site, int) {
	t.Helper()
	s, err := LoadLeanWith(root, LeanOptions{Visit: v, CacheDir: func() string { return dir }})
	if err != nil {
		t.Fatal(err)
	}
	if s.pages == nil {
		t.Fatal("no page cache was opened")
	}
	return s, s.pages.Hits()
}

// sameSite fails unless got, loaded with the page cache, is what a lean
// load without it reads: the same files, sums, folders and front matter.
func sameSite(t *testing.T, got *Site, root string) {
	t.Helper()
	want, err := LoadLean(root)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(paths(got), paths(want)) {
		t.Fatalf("files %v, want %v", paths(got), paths(want))
	}
	for i, f := range got.Files {
		w := want.Files[i]
		if f.Folder != w.Folder || f.size != w.size || (f.Sum == nil) != (w.Sum == nil) || f.Sum != nil && *f.Sum != *w.Sum {
			t.Errorf("%s: folder %q, size %d; want %q, %d, or another sum", f.Path, f.Folder, f.size, w.Folder, w.size)
		}
		if !reflect.DeepEqual(f.Doc, w.Doc) {
			t.Errorf("%s: Doc %#v, want %#v", f.Path, f.Doc, w.Doc)
		}
	}
	if !reflect.DeepEqual(got.Left, want.Left) || !reflect.DeepEqual(got.Languages, want.Languages) {
		t.Errorf("left %v, languages %v; want %v, %v", got.Left, got.Languages, want.Left, want.Languages)
	}
}

func rewrite(t *testing.T, root, rel, text string, mtime time.Time) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

// TestPageCacheReadsChangedFilesAgain: a second lean load with the page
// cache reads again exactly the files that changed, whatever the change,
// and gives the site a load without the cache gives. The pages are
// written long ago; a same-size edit with the old modification time set
// back stands for an edit within the same second.
func TestPageCacheReadsChangedFilesAgain(t *testing.T) {
	files := len(cachedSite) - 1 // but _config.yml: fr/static.txt is known to be no page
	tests := []struct {
		name   string
		change func(t *testing.T, root string)
		hits   int
	}{
		{"nothing changed", func(*testing.T, string) {}, files},
		{"new contents", func(t *testing.T, root string) {
			rewrite(t, root, "fr/a.md", "---\nlang: fr\nlang-ref: a\ntitle: Nouveau\n---\nUn A, revu.\n", longAgo)
		}, files - 1},
		{"touched", func(t *testing.T, root string) {
			later := longAgo.Add(time.Second)
			if err := os.Chtimes(filepath.Join(root, "fr/a.md"), later, later); err != nil {
				t.Fatal(err)
			}
		}, files - 1},
		{"same-size edit in the same second", func(t *testing.T, root string) {
			rewrite(t, root, "fr/a.md", "---\nlang: fr\nlang-ref: b\n---\nUn A.\n", longAgo) // a → b
		}, files - 1},
		{"same-size edit of the body in the same second", func(t *testing.T, root string) {
			rewrite(t, root, "en/b.md", "---\nlang-ref: b\n---\nC.\n", longAgo)
		}, files - 1},
		{"a page loses its front matter", func(t *testing.T, root string) {
			rewrite(t, root, "fr/notes.txt", "A text file now.\n", longAgo)
		}, files - 1},
		{"a file gains front matter", func(t *testing.T, root string) {
			rewrite(t, root, "fr/static.txt", "---\nlang: fr\n---\nno\n", longAgo)
		}, files - 1},
		{"a syntax error fixed", func(t *testing.T, root string) {
			rewrite(t, root, "fr/bad.md", "---\nlang: fr\ntitle: 'a: b'\n---\n", longAgo)
		}, files - 1},
		{"a page removed", func(t *testing.T, root string) {
			if err := os.Remove(filepath.Join(root, "en/b.md")); err != nil {
				t.Fatal(err)
			}
		}, files - 1},
		{"a page added", func(t *testing.T, root string) {
			testfs.Write(t, root, map[string]string{"en/c.md": "---\nlang-ref: c\n---\nC.\n"})
		}, files},
		{"a page replaced by a link", func(t *testing.T, root string) {
			p := filepath.Join(root, "en/b.md")
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("a.md", p); err != nil {
				t.Fatal(err)
			}
		}, files - 1},
		{"the cache file damaged", func(t *testing.T, root string) {
			cache, err := filepath.Glob(filepath.Join(root, "..", "cache", "pages-*.bin"))
			if err != nil || len(cache) != 1 {
				t.Fatalf("cache files %v (%v)", cache, err)
			}
			if err := os.WriteFile(cache[0], []byte("langref-statcache-v1\nbroken"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			root, dir := filepath.Join(base, "site"), filepath.Join(base, "cache")
			testfs.Write(t, root, cachedSite)
			ageAll(t, root)
			if _, hits := loadCached(t, root, dir, Visitor{}); hits != 0 {
				t.Fatalf("the first load found %d files in an empty cache", hits)
			}
			for _, rel := range []string{"fr/a.md", "en/b.md", "fr/notes.txt", "fr/static.txt", "fr/bad.md"} {
				waitTick(t, filepath.Join(root, rel))
			}
			tt.change(t, root)
			s, hits := loadCached(t, root, dir, Visitor{})
			if hits != tt.hits {
				t.Errorf("the cache answered for %d files, want %d", hits, tt.hits)
			}
			sameSite(t, s, root)
			s, _ = loadCached(t, root, dir, Visitor{}) // from the cache the second load wrote
			sameSite(t, s, root)
		})
	}
}

// waitTick returns once the file system's clock has moved past the change
// time of the file at path: a change made within the same clock tick (a
// few milliseconds) would leave the change time as it was, and only the
// modification time would tell the cache, which the tests set back.
func waitTick(t *testing.T, path string) {
	t.Helper()
	st, err := statcache.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	probe := filepath.Join(filepath.Dir(path), ".tick")
	defer os.Remove(probe)
	for ; ; time.Sleep(time.Millisecond) {
		if err := os.WriteFile(probe, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if p, err := statcache.Lstat(probe); err != nil || p.Ctime > st.Ctime {
			return
		}
	}
}

// TestPageCacheRecentFiles: files modified just before the run are read
// again on the next run (the racy window), then kept once older.
func TestPageCacheRecentFiles(t *testing.T) {
	base := t.TempDir()
	root, dir := filepath.Join(base, "site"), filepath.Join(base, "cache")
	testfs.Write(t, root, cachedSite)
	loadCached(t, root, dir, Visitor{})
	if _, hits := loadCached(t, root, dir, Visitor{}); hits != 0 {
		t.Errorf("files written just now were trusted: %d hits", hits)
	}
	ageAll(t, root)
	loadCached(t, root, dir, Visitor{})
	if _, hits := loadCached(t, root, dir, Visitor{}); hits != len(cachedSite)-1 {
		t.Errorf("old files: %d hits, want %d", hits, len(cachedSite)-1)
	}
}

// TestPageCacheVisitor: a visitor sees a page the cache knows only when
// it wants to, and then with its body; the cache answers for the rest.
func TestPageCacheVisitor(t *testing.T) {
	base := t.TempDir()
	root, dir := filepath.Join(base, "site"), filepath.Join(base, "cache")
	testfs.Write(t, root, cachedSite)
	ageAll(t, root)
	var mu sync.Mutex
	var seen []string
	see := func(f *File, body []byte) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, f.Path+": "+string(body))
	}
	v := Visitor{Source: see, Translation: see}
	loadCached(t, root, dir, v)
	if len(seen) != 7 {
		t.Fatalf("the first load visited %d pages, want 7: %q", len(seen), seen)
	}
	seen = nil
	v.SourceWants = func(f *File) bool { return f.Path == "en/a.md" && f.Sum != nil && f.Doc != nil }
	v.TranslationWants = func(f *File) bool { return f.Path == "fr/b.md" }
	s, hits := loadCached(t, root, dir, v)
	sort.Strings(seen)
	if want := []string{"en/a.md: A.\n", "fr/b.md: Un B.\n"}; !reflect.DeepEqual(seen, want) {
		t.Errorf("visited %q, want %q", seen, want)
	}
	if hits != len(cachedSite)-1 {
		t.Errorf("%d hits, want %d: pages read for the visitor are no news", hits, len(cachedSite)-1)
	}
	sameSite(t, s, root)
}

// TestReadLetsGoOfThePageCache checks that a read site holds neither the
// page cache's entries nor the visitor: written by then, they would be
// held through everything the caller does next (on a 20,000-page site,
// 75 MB of entries and a stub scan's index).
func TestReadLetsGoOfThePageCache(t *testing.T) {
	keepPageCache = false
	defer func() { keepPageCache = true }()
	base := t.TempDir()
	root, dir := filepath.Join(base, "site"), filepath.Join(base, "cache")
	testfs.Write(t, root, cachedSite)
	var seen atomic.Int64 // the visitor is called from the readers' goroutines
	v := Visitor{Source: func(*File, []byte) { seen.Add(1) }}
	s, err := LoadLeanWith(root, LeanOptions{Visit: v, CacheDir: func() string { return dir }})
	if err != nil {
		t.Fatal(err)
	}
	if seen.Load() == 0 {
		t.Fatal("the visitor saw no page")
	}
	if s.pages != nil || s.visit != nil {
		t.Errorf("the site holds the page cache (%v) or the visitor (%v)", s.pages != nil, s.visit != nil)
	}
	if cache, _ := filepath.Glob(filepath.Join(dir, "pages-*.bin")); len(cache) != 1 {
		t.Errorf("cache files %v, want one written before it was let go", cache)
	}
}

// TestPageCacheSavedLater: with SaveLater, the page cache is written once
// WaitSaved returns, and the next load finds every file in it.
func TestPageCacheSavedLater(t *testing.T) {
	base := t.TempDir()
	root, dir := filepath.Join(base, "site"), filepath.Join(base, "cache")
	testfs.Write(t, root, cachedSite)
	ageAll(t, root)
	s, err := LoadLeanWith(root, LeanOptions{CacheDir: func() string { return dir }, SaveLater: true})
	if err != nil {
		t.Fatal(err)
	}
	s.WaitSaved()
	if _, hits := loadCached(t, root, dir, Visitor{}); hits != len(cachedSite)-1 {
		t.Errorf("the cache written later answered for %d files, want %d", hits, len(cachedSite)-1)
	}
	var none *Site
	none.WaitSaved() // returns: no site, nothing to wait for
	s.WaitSaved()    // returns again
}
