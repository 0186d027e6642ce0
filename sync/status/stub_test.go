package status

import (
	"encoding/binary"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/cachefile"
	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/translate/stub"
)

func TestMain(m *testing.M) { testcorpus.Main(m) }

const english = "---\nlang-ref: a\n---\n\n# A page\n\n" +
	"The first paragraph has several words in it.\n\n" +
	"The second paragraph has several words too.\n\n" +
	"The third paragraph also has some words.\n\n" +
	"The fourth paragraph is the last of them.\n"

// stubSite writes a site whose English page has a stub in fr, a half
// translated stub in es, and a translation in de, and returns its root.
func stubSite(t *testing.T) string {
	t.Helper()
	mk := func(lang string) string {
		r, err := stub.Make([]byte(english), stub.Options{Lang: lang, LangKey: "lang"})
		if err != nil {
			t.Fatal(err)
		}
		return string(r.Src)
	}
	es := strings.Replace(mk("es"), "\n\nThe first paragraph has several words in it.\n", "\n\nEl primer párrafo tiene varias palabras.\n", 1)
	return testfs.Dir(t, map[string]string{
		"_config.yml": "title: Docs\n",
		"en/a.md":     english,
		"fr/a.md":     mk("fr"),
		"es/a.md":     es,
		"de/a.md":     "---\nlang: de\nlang-ref: a\n---\n\n# Eine Seite\n\nDer erste Absatz hat einige Wörter.\n",
	})
}

func detect(t *testing.T, root string, o StubOptions) map[string]Progress {
	t.Helper()
	s, err := site.LoadLean(root)
	if err != nil {
		t.Fatal(err)
	}
	return detectIn(t, graph.Build(s), o)
}

func detectIn(t *testing.T, g *graph.Graph, o StubOptions) map[string]Progress {
	t.Helper()
	stubs, err := DetectStubsWith(g, o)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Progress{}
	for p, pr := range stubs {
		out[p.File.Path] = *pr
	}
	return out
}

func sameStubs(t *testing.T, what string, got, want map[string]Progress) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %v, want %v", what, got, want)
		return
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %v, want %v", what, got, want)
			return
		}
	}
}

func cacheEntries(t *testing.T, dir string) int {
	t.Helper()
	return len(readStubCache(filepath.Join(dir, stubCacheFile)).results)
}

// TestStubCache: results are the same without a cache, with an empty
// one, and with a full one; a full cache answers without reading pages.
func TestStubCache(t *testing.T) {
	root := stubSite(t)
	want := detect(t, root, StubOptions{})
	if len(want) != 2 || want["fr/a.md"] != (Progress{0, 4}) || want["es/a.md"] != (Progress{1, 4}) {
		t.Fatalf("without a cache: %v, want the fr and es stubs", want)
	}
	dir := filepath.Join(t.TempDir(), "langref")
	sameStubs(t, "empty cache", detect(t, root, StubOptions{CacheDir: dir}), want)
	if n := cacheEntries(t, dir); n != 3 {
		t.Fatalf("the cache holds %d results, want 3", n)
	}
	s, err := site.LoadLean(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "fr", "es", "de"} {
		if err := os.Remove(filepath.Join(root, lang, "a.md")); err != nil {
			t.Fatal(err)
		}
	}
	sameStubs(t, "full cache, pages gone", detectIn(t, graph.Build(s), StubOptions{CacheDir: dir}), want)
}

// TestStubCacheFollowsContents: a changed page is read again, and
// results no page uses any more leave the cache.
func TestStubCacheFollowsContents(t *testing.T) {
	root := stubSite(t)
	dir := t.TempDir()
	detect(t, root, StubOptions{CacheDir: dir})
	fr := "---\nlang: fr\nlang-ref: a\n---\n\n# Une page\n\nLe premier paragraphe a plusieurs mots.\n"
	testfs.Write(t, root, map[string]string{"fr/a.md": fr})
	if err := os.Remove(filepath.Join(root, "de", "a.md")); err != nil {
		t.Fatal(err)
	}
	want := detect(t, root, StubOptions{})
	if len(want) != 1 {
		t.Fatalf("without a cache: %v, want the es stub only", want)
	}
	sameStubs(t, "after changes", detect(t, root, StubOptions{CacheDir: dir}), want)
	if n := cacheEntries(t, dir); n != 2 {
		t.Errorf("the cache holds %d results, want 2 (fr's new one, es)", n)
	}
}

// TestStubCacheDamaged: a corrupt, truncated or foreign cache is an empty
// one, and a cache that cannot be written changes nothing.
func TestStubCacheDamaged(t *testing.T) {
	root := stubSite(t)
	want := detect(t, root, StubOptions{})
	dir := t.TempDir()
	path := filepath.Join(dir, stubCacheFile)
	detect(t, root, StubOptions{CacheDir: dir})
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte{}, good...)
	flipped[len(flipped)-1] = 0x80 // an unfinished uvarint
	for name, b := range map[string][]byte{
		"garbage":      []byte("not a cache"),
		"truncated":    good[:len(good)-5],
		"bad number":   flipped,
		"other format": append([]byte("langref-stubs-v0 x\n"), good[len(stubCacheHeader()):]...),
		"empty":        nil,
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			sameStubs(t, name, detect(t, root, StubOptions{CacheDir: dir}), want)
			if n := cacheEntries(t, dir); n != 3 {
				t.Errorf("the cache was not written again: %d results", n)
			}
		})
	}
	file := filepath.Join(t.TempDir(), "file")
	testfs.Write(t, filepath.Dir(file), map[string]string{"file": "x"})
	sameStubs(t, "unwritable", detect(t, root, StubOptions{CacheDir: filepath.Join(file, "langref")}), want)
}

// TestStubCacheChangedWhileRead: a page that changed between loading and
// reading fails the run rather than cache a result under the wrong key.
func TestStubCacheChangedWhileRead(t *testing.T) {
	root := stubSite(t)
	s, err := site.LoadLean(root)
	if err != nil {
		t.Fatal(err)
	}
	testfs.Write(t, root, map[string]string{"fr/a.md": "---\nlang: fr\nlang-ref: a\n---\n\nUne page.\n"})
	dir := t.TempDir()
	if _, err := DetectStubsWith(graph.Build(s), StubOptions{CacheDir: dir}); err == nil || !strings.Contains(err.Error(), `"fr/a.md" changed`) {
		t.Errorf("err = %v, want fr/a.md changed", err)
	}
	if _, err := os.Stat(filepath.Join(dir, stubCacheFile)); err == nil {
		t.Error("a failed run wrote the cache")
	}
}

// TestDetectStubsCorpus: on DLSP20, whose translations are all finished,
// no page is a stub, with or without the cache.
func TestDetectStubsCorpus(t *testing.T) {
	root := filepath.Join(testcorpus.Shared(t), "docs")
	dir := t.TempDir()
	for _, o := range []StubOptions{{}, {CacheDir: dir}, {CacheDir: dir}} {
		if got := detect(t, root, o); len(got) != 0 {
			t.Errorf("%+v: stubs %v", o, got)
		}
	}
	if n := cacheEntries(t, dir); n < 400 {
		t.Errorf("the cache holds %d results", n)
	}
}

// BenchmarkDetectStubs is stub detection on a first run over DLSP20 (the
// site loaded lean, as status does), without a cache.
func BenchmarkDetectStubs(b *testing.B) {
	benchmarkDetectStubs(b, false)
}

// BenchmarkDetectStubsCached is stub detection on later runs over
// DLSP20, answered by the cache.
func BenchmarkDetectStubsCached(b *testing.B) {
	benchmarkDetectStubs(b, true)
}

func benchmarkDetectStubs(b *testing.B, cached bool) {
	s, err := site.LoadLean(filepath.Join(testcorpus.Shared(b), "docs"))
	if err != nil {
		b.Fatal(err)
	}
	g := graph.Build(s)
	var o StubOptions
	if cached {
		o.CacheDir = b.TempDir()
		if _, err := DetectStubsWith(g, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DetectStubsWith(g, o); err != nil {
			b.Fatal(err)
		}
	}
}

// TestStubCacheRoundTrip writes a cache of more results than one write
// holds and reads them back.
func TestStubCacheRoundTrip(t *testing.T) {
	results := map[stubKey]stubResult{}
	for i := range 5000 {
		var k stubKey
		binary.BigEndian.PutUint32(k[:], uint32(i))
		k[31] = byte(i)
		results[k] = stubResult{uint32(i % 7), uint32(i)}
	}
	path := filepath.Join(t.TempDir(), stubCacheFile)
	if err := cachefile.WriteFunc(path, func(w io.Writer) error { return writeStubCache(w, results) }); err != nil {
		t.Fatal(err)
	}
	if got := readStubCache(path).results; !maps.Equal(got, results) {
		t.Errorf("read %d results back, want the %d written", len(got), len(results))
	}
}
