package stale

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/langref/langref/translate/change"
)

// fullPage returns a page with every field set, in several scripts.
func fullPage() *Page {
	return &Page{
		Path:               "zh/guide/安装.md",
		SourcePath:         "en/guide/install.md",
		Baseline:           "0123456789abcdef0123456789abcdef01234567",
		BaselineSource:     Recorded,
		SourceCommitsSince: 300,
		Changes: []Change{
			{Class: change.Content, Kind: "added", Line: 12, EndLine: 14, Text: "Installez « langref » avec go install…",
				State: New, Alignment: "unsure", TrLine: 9, TrEndLine: 20},
			{Class: change.Typo, Kind: "modified", Line: 40, EndLine: 40, OldLine: 38, OldEndLine: 39, Text: "Ünïcödé, 中文, emoji 🚀", State: Cosmetic},
			{Class: change.Cosmetic, Kind: "removed", OldLine: 70, State: Applied, Evidence: Rewritten,
				Commit: "fedcba9876543210fedcba9876543210fedcba98", TrLine: 61, TrEndLine: 61, Alignment: "anchor"},
		},
		Class:     change.Content,
		Stale:     true,
		Minor:     true,
		Structure: []Mismatch{{Aspect: Headings, Source: 3, Translation: 2, Line: 10, SourceLine: 11}, {Aspect: Tables, Source: -1, Translation: 1 << 30}},
		Notes:     []string{NoteBadRecord, NoteShallow, ""},
		BadBaseline: &BadBaseline{
			Reason: "not-in-history", Key: "l10n.sourceCommit", Value: "deadbeef",
			Line: 4, Col: 19, Suggest: "89abcdef0123456789abcdef0123456789abcdef",
		},
		Suspect:    true,
		Unverified: []Mismatch{{Aspect: CodeBlock, Source: 2, Translation: 1, Line: 30, SourceLine: 33}},
	}
}

// TestCacheRoundTrip checks that a cache reads back as it was written,
// and as encoding/gob, its former format, read it back: empty slices
// become nil, a BadBaseline of zero values stays one.
func TestCacheRoundTrip(t *testing.T) {
	tests := []struct {
		name       string
		page, want *Page
	}{
		{"every field", fullPage(), fullPage()},
		{"no page", nil, nil},
		{"zero page", &Page{}, &Page{}},
		{"nil slices", &Page{Path: "fr/a.md"}, &Page{Path: "fr/a.md"}},
		{"empty slices read back nil",
			&Page{Changes: []Change{}, Structure: []Mismatch{}, Notes: []string{}},
			&Page{}},
		{"zero elements",
			&Page{Changes: []Change{{}}, Structure: []Mismatch{{}}, Notes: []string{""}},
			&Page{Changes: []Change{{}}, Structure: []Mismatch{{}}, Notes: []string{""}}},
		{"zero bad baseline", &Page{BadBaseline: &BadBaseline{}}, &Page{BadBaseline: &BadBaseline{}}},
		{"negative numbers",
			&Page{SourceCommitsSince: -1, Class: -2, Changes: []Change{{Class: -3, Line: -4, EndLine: -6, OldLine: -5, OldEndLine: -7, TrLine: -8, TrEndLine: -9}}},
			&Page{SourceCommitsSince: -1, Class: -2, Changes: []Change{{Class: -3, Line: -4, EndLine: -6, OldLine: -5, OldEndLine: -7, TrLine: -8, TrEndLine: -9}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key := sha256.Sum256([]byte("k"))
			c := &cache{RunKey: "run ключ", Entries: []cacheEntry{{Path: "fr/a.md", Key: hex.EncodeToString(key[:]), Page: tt.page}}}
			want := []cacheEntry{{Path: "fr/a.md", Key: hex.EncodeToString(key[:]), Page: tt.want}}
			got, err := decodeCache(c.encode())
			if err != nil {
				t.Fatal(err)
			}
			if got.RunKey != c.RunKey || !reflect.DeepEqual(got.Entries, want) {
				t.Errorf("read back %s, want %s", dumpCache(got), dumpCache(&cache{RunKey: c.RunKey, Entries: want}))
			}
			if viaGob := gobRoundTrip(t, c); !reflect.DeepEqual(got.Entries, viaGob.Entries) {
				t.Errorf("read back %s, gob read back %s", dumpCache(got), dumpCache(viaGob))
			}
			if e, ok := got.lookup("fr/a.md", key); ok != (tt.page != nil) || e != got.Entries[0].Page {
				t.Errorf("lookup gives %v, %v; want the page read", e, ok)
			}
			if _, ok := got.lookup("fr/a.md", sha256.Sum256([]byte("other"))); ok {
				t.Error("lookup of another key gives the page")
			}
		})
	}
}

// TestCacheRoundTripMany checks that a cache of many entries, with empty
// strings as path, key and run key, reads back from its file as it was
// written, in the same order, and as from encoding/gob.
func TestCacheRoundTripMany(t *testing.T) {
	c := syntheticCache(2000)
	c.RunKey = ""
	c.Entries = append(c.Entries, cacheEntry{Page: fullPage()})
	path := filepath.Join(t.TempDir(), cacheFile)
	if err := c.write(path); err != nil {
		t.Fatal(err)
	}
	got, want := readCache(path), gobRoundTrip(t, c)
	if got.RunKey != want.RunKey || len(got.Entries) != len(want.Entries) {
		t.Fatalf("read back run key %q and %d entries, want %q and %d", got.RunKey, len(got.Entries), want.RunKey, len(want.Entries))
	}
	for i, w := range want.Entries {
		if g := got.Entries[i]; !reflect.DeepEqual(g, w) {
			t.Errorf("entry %d: read back %s, want %s", i, dumpEntry(g), dumpEntry(w))
		}
	}
	if b, err := os.ReadFile(path); err != nil || !bytes.Equal(got.encode(), b) {
		t.Errorf("the cache read back is written differently (%v)", err)
	}
}

// TestCacheDamaged checks that a missing, truncated, damaged or foreign
// file is an empty cache.
func TestCacheDamaged(t *testing.T) {
	file := (&cache{RunKey: "run", Entries: []cacheEntry{{Path: "fr/a.md", Key: "k", Page: fullPage()}}}).encode()
	tests := map[string][]byte{
		"empty":             {},
		"header only":       []byte(cacheHeader),
		"another format":    append([]byte("langref-stale-v3\n"), file[len(cacheHeader):]...),
		"encoding/gob":      []byte("\x1f\xff\x81\x03\x01\x01\x05cache\xff\x82langref-stale-v2\x00"),
		"a byte too many":   append(bytes.Clone(file), 0),
		"unknown flag":      append([]byte(cacheHeader), "\x00\x01\x01a\x01k\x80"...),
		"flag without page": append([]byte(cacheHeader), "\x00\x01\x01a\x01k\x04"...),
		"huge count":        append([]byte(cacheHeader), "\x00\xff\xff\xff\xff\xff\xff\xff\xff\x7f"...),
		"huge string":       append([]byte(cacheHeader), "\xff\xff\xff\xff\x0f"...),
		"varint overflow":   append([]byte(cacheHeader), "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"...),
		"a path twice":      (&cache{Entries: []cacheEntry{{Path: "a"}, {Path: "a"}}}).encode(),
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		garbage := make([]byte, r.IntN(2000))
		for j := range garbage {
			garbage[j] = byte(r.Uint32())
		}
		tests[fmt.Sprint("garbage ", i)] = append([]byte(cacheHeader), garbage...)
	}
	for n := range len(file) {
		tests[fmt.Sprint("truncated to ", n)] = file[:n]
	}
	dir := t.TempDir()
	if c := readCache(filepath.Join(dir, "missing")); !isEmpty(c) {
		t.Errorf("missing file: %s, want an empty cache", dumpCache(c))
	}
	for name, b := range tests {
		path := filepath.Join(dir, "cache")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if c := readCache(path); !isEmpty(c) {
			t.Errorf("%s: %s, want an empty cache", name, dumpCache(c))
		}
	}
}

func isEmpty(c *cache) bool {
	_, found := c.lookup("a", [sha256.Size]byte{})
	return c.RunKey == "" && len(c.Entries) == 0 && c.byPath != nil && !found
}

// FuzzDecodeCache checks that no file makes the decoder panic, and that
// whatever it reads, it writes so that it reads back the same, to the
// byte.
func FuzzDecodeCache(f *testing.F) {
	f.Add([]byte(cacheHeader + "\x00\x00"))
	f.Add((&cache{RunKey: "run", Entries: []cacheEntry{{Path: "fr/a.md", Key: "k", Page: fullPage()}}}).encode())
	f.Add((&cache{Entries: []cacheEntry{{Path: "a"}, {Path: "b", Page: &Page{}}}}).encode())
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := decodeCache(b)
		if err != nil {
			return
		}
		file := c.encode()
		again, err := decodeCache(file)
		if err != nil {
			t.Fatalf("cannot read back what was read: %v", err)
		}
		if !reflect.DeepEqual(again, c) {
			t.Errorf("read back %s, then %s", dumpCache(c), dumpCache(again))
		}
		if !bytes.Equal(again.encode(), file) {
			t.Error("the cache read back is written differently")
		}
	})
}

// BenchmarkCacheFormat writes and reads a cache of the size of the
// 20,000-page site's (138,000 translations), in this format and in
// encoding/gob, the former one, as the former code did: from and to a
// map by path.
func BenchmarkCacheFormat(b *testing.B) {
	c := syntheticCache(138_000)
	g := toGob(c)
	file, err := gobEncode(g)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d entries: %d bytes, %d in encoding/gob", len(c.Entries), len(c.encode()), len(file))
	b.Run("encode", func(b *testing.B) {
		for b.Loop() {
			c.encode()
		}
	})
	b.Run("encode-scattered", func(b *testing.B) {
		// Entries in an order that jumps around memory, as a map's.
		scattered := &cache{RunKey: c.RunKey, Entries: slices.Clone(c.Entries)}
		rand.New(rand.NewPCG(1, 2)).Shuffle(len(scattered.Entries), func(i, j int) {
			scattered.Entries[i], scattered.Entries[j] = scattered.Entries[j], scattered.Entries[i]
		})
		for b.Loop() {
			scattered.encode()
		}
	})
	b.Run("decode", func(b *testing.B) {
		file := c.encode()
		for b.Loop() {
			if _, err := decodeCache(file); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gob-encode", func(b *testing.B) {
		for b.Loop() {
			if _, err := gobEncode(g); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gob-decode", func(b *testing.B) {
		for b.Loop() {
			if _, err := gobDecode(file); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// syntheticCache returns a cache of n entries shaped like those of a
// large site: pages with a baseline from history, a quarter of them with
// changes, some with structure mismatches, notes or a bad recorded
// baseline. In encoding/gob it takes about the 30 MB of the 20,000-page
// site's.
func syntheticCache(n int) *cache {
	r := rand.New(rand.NewPCG(20, 138))
	hex := func(n int) string {
		const digits = "0123456789abcdef"
		b := make([]byte, n)
		for i := range b {
			b[i] = digits[r.IntN(16)]
		}
		return string(b)
	}
	langs := []string{"fr", "de", "es", "it", "ja", "ko", "pt", "ru", "zh"}
	c := &cache{RunKey: hex(64), Entries: make([]cacheEntry, 0, n)}
	for i := range n {
		src := fmt.Sprintf("en/part%02d/ch%04d/page-%05d.md", i%7, i%300, i/len(langs))
		p := &Page{
			Path: langs[i%len(langs)] + src[2:], SourcePath: src,
			Baseline: hex(40), BaselineSource: History, SourceCommitsSince: r.IntN(5),
			Changes: []Change{},
		}
		for range max(0, r.IntN(12)-8) {
			cl := change.Class(r.IntN(4))
			p.Changes = append(p.Changes, Change{Class: cl, Kind: "modified", Line: r.IntN(400), OldLine: r.IntN(400),
				Text: "A paragraph of the source page, cut after some words of it…"[:10+r.IntN(50)]})
			p.Class = max(p.Class, cl)
		}
		p.Stale, p.Minor = p.Class >= DefaultStaleOn, len(p.Changes) > 0 && p.Class < DefaultStaleOn
		if r.IntN(10) == 0 {
			p.Structure = []Mismatch{{Aspect: Links, Source: 7, Translation: 6, Line: r.IntN(400), SourceLine: r.IntN(400)}}
		}
		if r.IntN(20) == 0 {
			p.Notes = []string{NoteUntracked}
		}
		if r.IntN(100) == 0 {
			p.BadBaseline = &BadBaseline{Reason: "not-commit", Key: "l10n.sourceCommit", Value: "HEAD~3", Line: 3, Col: 20, Suggest: hex(40)}
		}
		c.Entries = append(c.Entries, cacheEntry{Path: p.Path, Key: hex(64), Page: p})
	}
	return c
}

// gobCache is the cache as it was before cache_format.go, in
// encoding/gob.
type gobCache struct {
	Format  string
	RunKey  string
	Entries map[string]*gobEntry
}

type gobEntry struct {
	Key  string
	Page *Page
}

// gobRoundTrip returns c as encoding/gob read it back, in c's order.
func gobRoundTrip(t *testing.T, c *cache) *cache {
	t.Helper()
	b, err := gobEncode(toGob(c))
	if err != nil {
		t.Fatal(err)
	}
	g, err := gobDecode(b)
	if err != nil {
		t.Fatal(err)
	}
	back := &cache{RunKey: g.RunKey}
	for _, e := range c.Entries {
		back.Entries = append(back.Entries, cacheEntry{Path: e.Path, Key: g.Entries[e.Path].Key, Page: g.Entries[e.Path].Page})
	}
	return back
}

func toGob(c *cache) *gobCache {
	g := &gobCache{Format: "langref-stale-v2", RunKey: c.RunKey, Entries: make(map[string]*gobEntry, len(c.Entries))}
	for _, e := range c.Entries {
		g.Entries[e.Path] = &gobEntry{Key: e.Key, Page: e.Page}
	}
	return g
}

func gobEncode(g *gobCache) ([]byte, error) {
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(g)
	return buf.Bytes(), err
}

func gobDecode(b []byte) (*gobCache, error) {
	g := &gobCache{}
	return g, gob.NewDecoder(bytes.NewReader(b)).Decode(g)
}

// dumpCache shows a cache with its pages, for test failures.
func dumpCache(c *cache) string {
	s := fmt.Sprintf("{RunKey:%q", c.RunKey)
	for _, e := range c.Entries {
		s += " " + dumpEntry(e)
	}
	return s + "}"
}

func dumpEntry(e cacheEntry) string {
	s := fmt.Sprintf("{Path:%q Key:%q Page:%+v", e.Path, e.Key, e.Page)
	if e.Page != nil && e.Page.BadBaseline != nil {
		s += fmt.Sprintf(" BadBaseline:%+v", *e.Page.BadBaseline)
	}
	return s + "}"
}
