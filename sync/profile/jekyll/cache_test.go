package jekyll

import (
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/langref/langref/internal/cachefile"
	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/profile"
)

const cacheTestConfig = `title: Site
default_lang: en
exclude: [drafts]
include: [_keep]
title: Again
prologues:
  - path: en/index.md
chapters:
  - path: en/week01/01.md
    sections:
      - path: en/week01/01-1.md
        sections:
          - path: en/week01/01-1-1.md
fr:
  title: Site
  chapters: &ch
    - path: fr/week01/01.md
de:
  title: Seite
es:
  title: Sitio
  chapters: *ch
`

// TestReadCachedReadsAsRead: the rules from the configuration cache are
// those Read gives, on the run that writes the cache and on those that
// read it, and a damaged, foreign or outdated cache is read as none.
func TestReadCachedReadsAsRead(t *testing.T) {
	root := testfs.Dir(t, map[string]string{"_config.yml": cacheTestConfig})
	dir := t.TempDir()
	path := configCachePath(dir, root)
	want, err := Profile{}.Read(root)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name   string
		before func(t *testing.T)
	}{
		{"no cache yet", func(*testing.T) {}},
		{"from the cache", func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no cache written: %v", err)
			}
			cfg, _ := os.ReadFile(filepath.Join(root, "_config.yml"))
			navAt, err := decodeConfig(newRules(), b, configCacheKey(cachefile.BuildStamp(), root, cfg))
			if err == nil {
				_, err = navs(b, navAt)
			}
			if err != nil {
				t.Fatalf("the cache written does not read back: %v", err)
			}
		}},
		{"a damaged cache", func(t *testing.T) { flipByte(t, path, 60) }},
		{"a truncated cache", func(t *testing.T) { truncate(t, path, 40) }},
		{"an empty cache", func(t *testing.T) { truncate(t, path, 0) }},
		{"a cache of another root", func(t *testing.T) {
			other := t.TempDir()
			testfs.Write(t, other, map[string]string{"_config.yml": "title: Other\n"})
			if _, err := (Profile{}).ReadCached(other, dir); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(configCachePath(dir, other))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.before(t)
			got, err := Profile{}.ReadCached(root, dir)
			if err != nil {
				t.Fatal(err)
			}
			sameRules(t, got, want)
		})
	}
	t.Run("a changed configuration", func(t *testing.T) {
		testfs.Write(t, root, map[string]string{"_config.yml": "default_lang: fr\nexclude: [old]\n"})
		want, err := Profile{}.Read(root)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Profile{}.ReadCached(root, dir)
		if err != nil {
			t.Fatal(err)
		}
		sameRules(t, got, want)
		if got.SourceLang != "fr" || got.InputKey == "" {
			t.Errorf("got source language %q, input key %q; want fr and a key", got.SourceLang, got.InputKey)
		}
	})
	t.Run("an error in the configuration is no cache", func(t *testing.T) {
		testfs.Write(t, root, map[string]string{"_config.yml": "default_lang: [en]\n"})
		if _, err := (Profile{}).ReadCached(root, dir); err == nil {
			t.Fatal("no error for a list as default_lang")
		}
	})
}

// sameRules fails t unless got and want hold the same rules: the fields
// read from the configuration, the navigation by what it lists, and the
// entry filter by what it does.
func sameRules(t *testing.T, got, want *profile.Rules) {
	t.Helper()
	if got.ConfigFile != want.ConfigFile || got.SourceLang != want.SourceLang || got.InputKey != want.InputKey {
		t.Errorf("got %q %q %q, want %q %q %q", got.ConfigFile, got.SourceLang, got.InputKey, want.ConfigFile, want.SourceLang, want.InputKey)
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{{"exclude", got.Exclude, want.Exclude}, {"include", got.Include, want.Include}, {"dups", got.ConfigDups, want.ConfigDups}} {
		if !reflect.DeepEqual(f.got, f.want) && !(reflect.ValueOf(f.got).Len() == 0 && reflect.ValueOf(f.want).Len() == 0) {
			t.Errorf("%s: got %v, want %v", f.name, f.got, f.want)
		}
	}
	if len(got.Nav) != len(want.Nav) {
		t.Errorf("got navigations of %d languages, want %d", len(got.Nav), len(want.Nav))
	}
	for lang, w := range want.Nav {
		g := got.Nav[lang]
		if g == nil || g.Lang != w.Lang || g.Line != w.Line || g.File != w.File || len(g.Items) != len(w.Items) ||
			len(w.Items) > 0 && !reflect.DeepEqual(g.Items, w.Items) {
			t.Errorf("navigation of %s: got %+v, want %+v", lang, g, w)
			continue
		}
		for _, it := range w.Items {
			if g.Index(it.Path) != w.Index(it.Path) {
				t.Errorf("navigation of %s: %s at %d, want %d", lang, it.Path, g.Index(it.Path), w.Index(it.Path))
			}
		}
	}
	for _, rel := range []string{"drafts/a.md", "_keep/a.md", "_other/a.md", "en/a.md", "old/a.md", "node_modules/x.md"} {
		if g, w := got.Skip(rel, false), want.Skip(rel, false); g != w {
			t.Errorf("skip %s: got %q, want %q", rel, g, w)
		}
	}
}

func flipByte(t *testing.T, path string, at int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[min(at, len(b)-1)] ^= 0x55
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func truncate(t *testing.T, path string, n int64) {
	t.Helper()
	if err := os.Truncate(path, n); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Dir(path)); err != nil {
		t.Fatal(err)
	}
}

// TestReadCachedDeferNav: from the cache, the navigation is left to nav,
// which returns what Read reads, also from a cache whose navigation does
// not decode though its checksum holds.
func TestReadCachedDeferNav(t *testing.T) {
	root := testfs.Dir(t, map[string]string{"_config.yml": cacheTestConfig})
	dir := t.TempDir()
	want, err := Profile{}.Read(root)
	if err != nil {
		t.Fatal(err)
	}
	if _, nav, err := (Profile{}).ReadCachedDeferNav(root, dir); err != nil || nav != nil {
		t.Fatalf("the run that writes the cache: nav deferred %t, error %v", nav != nil, err)
	}
	check := func(t *testing.T) {
		t.Helper()
		got, nav, err := Profile{}.ReadCachedDeferNav(root, dir)
		if err != nil {
			t.Fatal(err)
		}
		if nav == nil || got.Nav != nil {
			t.Fatalf("from the cache: nav deferred %t, Nav %v; want deferred, nil", nav != nil, got.Nav)
		}
		got.Nav = nav()
		sameRules(t, got, want)
	}
	t.Run("from the cache", check)
	t.Run("a navigation that does not decode", func(t *testing.T) {
		path := configCachePath(dir, root)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		body := append(b[:len(b)-4:len(b)-4], 0) // a byte after the navigation
		body = binary.BigEndian.AppendUint32(body, crc32.Checksum(body, castagnoli))
		if err := os.WriteFile(path, body, 0o600); err != nil {
			t.Fatal(err)
		}
		check(t)
	})
}
