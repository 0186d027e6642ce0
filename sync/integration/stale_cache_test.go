package integration_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/translate/change"
)

// TestStaleCache checks that the cache of stale.Analyze never changes its
// results: on a cold cache, a warm one, with another StaleOn, after a
// translation changed, and with a corrupt cache file.
func TestStaleCache(t *testing.T) {
	slow(t)
	dir := testcorpus.Clone(t)
	root := filepath.Join(dir, "docs")
	cacheFile := filepath.Join(dir, ".git", "langref", "stale-v4.bin")
	analyze := func(staleOn change.Class, noCache bool) *stale.Result {
		t.Helper()
		s, err := site.Load(root)
		if err != nil {
			t.Fatal(err)
		}
		g := graph.Build(s)
		o := stale.DefaultOptions(g)
		o.StaleOn, o.NoCache = staleOn, noCache
		res, err := stale.Analyze(g, o)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	same := func(name string, staleOn change.Class) {
		t.Helper()
		want := analyze(staleOn, true)
		got := analyze(staleOn, false)
		got.Repeatable = want.Repeatable // keyed on the run with the cache only
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: results differ with the cache", name)
			for p, w := range want.Pages {
				if g := got.Pages[p]; !reflect.DeepEqual(g, w) {
					t.Errorf("%s: %s\ngot  %+v\nwant %+v", name, p, g, w)
				}
			}
		}
	}
	if _, err := os.Stat(cacheFile); err == nil {
		t.Fatal("the clone has a cache already")
	}
	same("cold", stale.DefaultStaleOn)
	if _, err := os.Stat(cacheFile); err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	same("warm", stale.DefaultStaleOn)
	same("stale on typo", change.Typo)

	before := analyze(stale.DefaultStaleOn, false).Page("fr/week01/01-1.md")
	page := filepath.Join(root, "en", "week01", "01-1.md")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(b, "\nOne more paragraph, which no translation has yet.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	same("source page changed", stale.DefaultStaleOn)
	if after := analyze(stale.DefaultStaleOn, false).Page("fr/week01/01-1.md"); len(after.Changes) != len(before.Changes)+1 {
		t.Errorf("fr/week01/01-1.md: %d changes after a new source paragraph, want %d", len(after.Changes), len(before.Changes)+1)
	}

	if err := os.WriteFile(cacheFile, []byte("langref-stale-v4\n\x00\x05\x07fr/a.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	same("corrupt cache", stale.DefaultStaleOn)
}

// TestPrefetch checks that history read in the background while the site
// loads, and files followed in the background while the graph is built,
// give the results Analyze gets by reading and following them itself,
// and that a prefetch of another folder is not used.
func TestPrefetch(t *testing.T) {
	slow(t)
	dir := testcorpus.Clone(t)
	root := filepath.Join(dir, "docs")
	analyze := func(pre *stale.Prefetch, followAll bool) *stale.Result {
		t.Helper()
		s, err := site.LoadLean(root)
		if err != nil {
			t.Fatal(err)
		}
		if followAll {
			var paths []string
			for _, f := range s.Files {
				paths = append(paths, f.Path)
			}
			pre.FollowAll(paths)
		}
		g := graph.Build(s)
		o := stale.DefaultOptions(g)
		o.NoCache, o.Release, o.Prefetch = true, true, pre
		res, err := stale.Analyze(g, o)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	want := analyze(nil, false)
	if got := analyze(stale.PrefetchHistory(root), false); !reflect.DeepEqual(got, want) {
		t.Error("results differ with the history prefetched")
	}
	if got := analyze(stale.PrefetchHistory(root), true); !reflect.DeepEqual(got, want) {
		t.Error("results differ with every file followed in the background")
	}
	if got := analyze(stale.PrefetchHistory(t.TempDir()), true); !reflect.DeepEqual(got, want) {
		t.Error("results differ with the history of another folder prefetched")
	}
}
