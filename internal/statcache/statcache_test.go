package statcache

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// past is a modification time well before any run of the tests.
var past = time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)

func write(t *testing.T, path, text string, mtime time.Time) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

func lstat(t *testing.T, path string) Stat {
	t.Helper()
	st, err := Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// nextTick returns once the file system's clock has moved past the
// change time of the file at path, so that a change made now gives the
// file another change time: two changes within a clock tick (a few
// milliseconds) would share one, and only the racy rule tells them apart.
func nextTick(t *testing.T, path string) {
	t.Helper()
	probe := path + ".tick"
	defer os.Remove(probe)
	for st := lstat(t, path); ; time.Sleep(time.Millisecond) {
		if err := os.WriteFile(probe, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if lstat(t, probe).Ctime > st.Ctime {
			return
		}
	}
}

// remember runs a first pass over the file at page: a miss, then the
// page's text Put and saved.
func remember(t *testing.T, cache, page string) {
	t.Helper()
	c := Open(cache, "k")
	st := lstat(t, page)
	if _, ok := c.Get("page", st); ok {
		t.Fatal("a hit in a new cache")
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	c.Put("page", st, b)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestChangedFilesAreReadAgain: a file's entry is trusted only while
// nothing of its stat data changed; every way of changing a file seen by
// git's index makes it a miss, including a same-size edit whose
// modification time is set back (as an edit within the same second
// keeps it), and an entry no older than the cache file (racily clean).
func TestChangedFilesAreReadAgain(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, page, cache string)
		hit    bool
	}{
		{"unchanged", func(*testing.T, string, string) {}, true},
		{"read again without change", func(t *testing.T, page, _ string) {
			if _, err := os.ReadFile(page); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"new contents, new size", func(t *testing.T, page, _ string) {
			write(t, page, "---\nlang: de\nmore\n---\n", past)
		}, false},
		{"touched", func(t *testing.T, page, _ string) {
			later := past.Add(time.Second)
			if err := os.Chtimes(page, later, later); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"touched by a nanosecond", func(t *testing.T, page, _ string) {
			later := past.Add(time.Nanosecond)
			if err := os.Chtimes(page, later, later); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"same-size edit in the same second", func(t *testing.T, page, _ string) {
			write(t, page, "---\nlang: de\n---\n", past) // fr → de, same size, same mtime
		}, false},
		{"mode changed", func(t *testing.T, page, _ string) {
			if err := os.Chmod(page, 0o600); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"replaced by a copy with the same times", func(t *testing.T, page, _ string) {
			tmp := page + ".new"
			write(t, tmp, "---\nlang: de\n---\n", past)
			if err := os.Rename(tmp, page); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"racily clean: modified when the cache was written", func(t *testing.T, page, cache string) {
			if err := os.Chtimes(cache, past, past); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"racily clean: modified after the cache was written", func(t *testing.T, page, cache string) {
			before := past.Add(-time.Second)
			if err := os.Chtimes(cache, before, before); err != nil {
				t.Fatal(err)
			}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			page, cache := filepath.Join(dir, "page.md"), filepath.Join(dir, "pages.bin")
			write(t, page, "---\nlang: fr\n---\n", past)
			remember(t, cache, page)
			nextTick(t, page)
			tt.change(t, page, cache)
			c := Open(cache, "k")
			data, hit := c.Get("page", lstat(t, page))
			if hit != tt.hit {
				t.Fatalf("Get hit = %v, want %v", hit, tt.hit)
			}
			if hit && data != "---\nlang: fr\n---\n" {
				t.Errorf("Get = %q, want what was Put", data)
			}
		})
	}
}

// TestRecentFilesAreNotKept: a file modified within RacyWindow before
// the run began is read again on the next run, whatever the cache file's
// time; once older, it is kept.
func TestRecentFilesAreNotKept(t *testing.T) {
	dir := t.TempDir()
	page, cache := filepath.Join(dir, "page.md"), filepath.Join(dir, "pages.bin")
	write(t, page, "x", time.Now())
	remember(t, cache, page)
	c := Open(cache, "k")
	if _, ok := c.Get("page", lstat(t, page)); ok {
		t.Fatal("a file modified just now was kept")
	}
	write(t, page, "x", past)
	remember(t, cache, page)
	if _, ok := Open(cache, "k").Get("page", lstat(t, page)); !ok {
		t.Fatal("an old file was not kept")
	}
}

// TestCacheFileDamage: a cache file that is cut short, has a byte
// changed, was written under another key or by another format, or is
// no file at all, is an empty cache; the next Save replaces it.
func TestCacheFileDamage(t *testing.T) {
	tests := []struct {
		name   string
		damage func(b []byte) []byte
		key    string
	}{
		{"cut short", func(b []byte) []byte { return b[:len(b)-5] }, "k"},
		{"one byte changed", func(b []byte) []byte { b[len(magic)+4] ^= 1; return b }, "k"},
		{"CRC changed", func(b []byte) []byte { b[len(b)-1] ^= 1; return b }, "k"},
		{"empty", func([]byte) []byte { return nil }, "k"},
		{"another format", func(b []byte) []byte { b[len(magic)-2] = '0'; return b }, "k"},
		{"another key", func(b []byte) []byte { return b }, "other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			page, cache := filepath.Join(dir, "page.md"), filepath.Join(dir, "pages.bin")
			write(t, page, "---\nlang: fr\n---\n", past)
			remember(t, cache, page)
			b, err := os.ReadFile(cache)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(cache, tt.damage(b), 0o644); err != nil {
				t.Fatal(err)
			}
			c := Open(cache, tt.key)
			st := lstat(t, page)
			if _, ok := c.Get("page", st); ok {
				t.Fatal("a damaged cache gave a hit")
			}
			c.Put("page", st, []byte("again"))
			if err := c.Save(); err != nil {
				t.Fatal(err)
			}
			if data, ok := Open(cache, tt.key).Get("page", st); !ok || data != "again" {
				t.Errorf("after Save: Get = %q, %v; want the new entry", data, ok)
			}
		})
	}
}

// TestSaveWritesOnlyChanges: a run that found every entry and put none
// leaves the file alone; a run that no longer sees a file drops it.
func TestSaveWritesOnlyChanges(t *testing.T) {
	dir := t.TempDir()
	a, b, cache := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md"), filepath.Join(dir, "pages.bin")
	write(t, a, "a", past)
	write(t, b, "b", past)
	c := Open(cache, "k")
	c.Put("a", lstat(t, a), []byte("A"))
	c.Put("b", lstat(t, b), []byte("B"))
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(cache, past.Add(time.Hour), past.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	c = Open(cache, "k")
	c.Get("a", lstat(t, a))
	c.Get("b", lstat(t, b))
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(cache); err != nil || !fi.ModTime().Equal(past.Add(time.Hour)) {
		t.Fatalf("a run with nothing new wrote the cache (%v)", err)
	}
	c = Open(cache, "k")
	c.Get("a", lstat(t, a))
	if c.Hits() != 1 {
		t.Errorf("Hits = %d, want 1", c.Hits())
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = Open(cache, "k")
	if _, ok := c.Get("b", lstat(t, b)); ok {
		t.Error("the entry of a file the last run did not see was kept")
	}
	if _, ok := c.Get("a", lstat(t, a)); !ok {
		t.Error("the entry of a file the last run saw was dropped")
	}
}

// TestExpectKeepsEntries checks that Expect, called before or after
// entries are put, loses none of them.
func TestExpectKeepsEntries(t *testing.T) {
	dir := t.TempDir()
	page, cache := filepath.Join(dir, "page.md"), filepath.Join(dir, "cache")
	write(t, page, "text", past)
	st := lstat(t, page)
	c := Open(cache, "k")
	c.Expect(3)
	c.Put("a", st, []byte("A"))
	c.Expect(100)
	c.Put("b", st, []byte("B"))
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	again := Open(cache, "k")
	again.Expect(2)
	for name, want := range map[string]string{"a": "A", "b": "B"} {
		if got, ok := again.Get(name, st); !ok || got != want {
			t.Errorf("Get(%q) = %q, %v; want %q, true", name, got, ok, want)
		}
	}
}
