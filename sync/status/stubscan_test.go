package status

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// scanAndLoad loads the site at root with a StubScan whose cache folder
// is dir ("" for none).
func scanAndLoad(t *testing.T, root, dir string) (*graph.Graph, *StubScan) {
	t.Helper()
	scan := NewStubScan(func() string { return dir })
	s, err := site.LoadLeanVisit(root, scan.Visitor())
	if err != nil {
		t.Fatal(err)
	}
	return graph.Build(s), scan
}

// TestStubScan: with the scan, stub detection finds the same stubs and
// reads again only the translations that may be stubs: the finished de
// translation, changed on disk after the load, is not read (reading it
// would fail the run), while the fr stub, changed too, is.
func TestStubScan(t *testing.T) {
	root := stubSite(t)
	want := detect(t, root, StubOptions{})
	g, scan := scanAndLoad(t, root, "")
	sameStubs(t, "with the scan", detectIn(t, g, StubOptions{Scan: scan}), want)

	g, scan = scanAndLoad(t, root, "")
	testfs.Write(t, root, map[string]string{"de/a.md": "---\nlang: de\nlang-ref: a\n---\n\nGeändert.\n"})
	sameStubs(t, "de changed after the scan", detectIn(t, g, StubOptions{Scan: scan}), want)
	testfs.Write(t, root, map[string]string{"fr/a.md": "---\nlang: fr\nlang-ref: a\n---\n\nUne page.\n"})
	if _, err := DetectStubsWith(g, StubOptions{Scan: scan}); err == nil || !strings.Contains(err.Error(), `"fr/a.md" changed`) {
		t.Errorf("err = %v, want fr/a.md read again and found changed", err)
	}
}

// TestStubScanWithCache: pages whose results the cache holds are neither
// indexed nor looked up, and the results stay the same; a page not in the
// cache is.
func TestStubScanWithCache(t *testing.T) {
	root := stubSite(t)
	want := detect(t, root, StubOptions{})
	dir := filepath.Join(t.TempDir(), "langref")
	detect(t, root, StubOptions{CacheDir: dir})
	g, scan := scanAndLoad(t, root, dir)
	if len(scan.ids) != 0 || len(scan.found) != 0 {
		t.Errorf("with every result cached, the scan indexed %d pages and looked up %d", len(scan.ids), len(scan.found))
	}
	sameStubs(t, "cached", detectIn(t, g, StubOptions{CacheDir: dir, Scan: scan}), want)

	testfs.Write(t, root, map[string]string{"de/a.md": "---\nlang: de\nlang-ref: a\n---\n\nNeu geschrieben, ganz auf Deutsch.\n"})
	g, scan = scanAndLoad(t, root, dir)
	if len(scan.found) != 1 {
		t.Errorf("the scan looked up %d translations, want 1 (de, changed)", len(scan.found))
	}
	sameStubs(t, "de changed", detectIn(t, g, StubOptions{CacheDir: dir, Scan: scan}), want)
}

// TestStubScanCorpus: on DLSP20, whose translations are all finished, the
// scan rules out most of them (432 of 488: the others keep some English
// lines outside comments) and stub detection finds no stub.
func TestStubScanCorpus(t *testing.T) {
	root := filepath.Join(testcorpus.Shared(t), "docs")
	g, scan := scanAndLoad(t, root, "")
	ruledOut := 0
	for _, r := range scan.found {
		if len(r.pages) == 0 && !r.many {
			ruledOut++
		}
	}
	if len(scan.ids) < 50 || len(scan.found) < 400 || ruledOut < len(scan.found)*8/10 {
		t.Errorf("the scan indexed %d pages and looked up %d translations, ruling out %d", len(scan.ids), len(scan.found), ruledOut)
	}
	if got := detectIn(t, g, StubOptions{Scan: scan}); len(got) != 0 {
		t.Errorf("stubs %v, want none", got)
	}
}

// scanAndLoadCached is scanAndLoad with the page cache in dir too.
func scanAndLoadCached(t *testing.T, root, dir string) (*graph.Graph, *StubScan) {
	t.Helper()
	scan := NewStubScan(func() string { return dir })
	s, err := site.LoadLeanWith(root, site.LeanOptions{Visit: scan.Visitor(), CacheDir: func() string { return dir }})
	if err != nil {
		t.Fatal(err)
	}
	return graph.Build(s), scan
}

// age sets the modification time of the files of root, rel paths, to an
// hour ago, older than the page cache's racy window.
func age(t *testing.T, root string, rels ...string) {
	t.Helper()
	ago := time.Now().Add(-time.Hour)
	for _, rel := range rels {
		if err := os.Chtimes(filepath.Join(root, rel), ago, ago); err != nil {
			t.Fatal(err)
		}
	}
}

// TestStubScanWithPageCache: with the page cache, a repeated run reads no
// page, and the stubs are those found without any cache, after the
// translation or the source page changed.
func TestStubScanWithPageCache(t *testing.T) {
	pages := []string{"en/a.md", "fr/a.md", "es/a.md", "de/a.md"}
	root := stubSite(t)
	age(t, root, pages...)
	dir := filepath.Join(t.TempDir(), "langref")
	run := func(what string) {
		t.Helper()
		g, scan := scanAndLoadCached(t, root, dir)
		sameStubs(t, what, detectIn(t, g, StubOptions{CacheDir: dir, Scan: scan}), detect(t, root, StubOptions{}))
	}
	run("first run")
	g, scan := scanAndLoadCached(t, root, dir)
	if len(scan.ids) != 0 || len(scan.found) != 0 {
		t.Errorf("a repeated run indexed %d pages and looked up %d", len(scan.ids), len(scan.found))
	}
	sameStubs(t, "repeated", detectIn(t, g, StubOptions{CacheDir: dir, Scan: scan}), detect(t, root, StubOptions{}))

	fr, err := os.ReadFile(filepath.Join(root, "fr/a.md"))
	if err != nil {
		t.Fatal(err)
	}
	testfs.Write(t, root, map[string]string{"de/a.md": strings.Replace(string(fr), "lang: fr", "lang: de", 1)})
	age(t, root, "de/a.md")
	run("de turned into a stub")
	testfs.Write(t, root, map[string]string{"en/a.md": english + "\nA fifth paragraph, added to the English page.\n"})
	age(t, root, "en/a.md")
	run("English page changed")
}
