package integration_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/langref/langref/sync/check"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/sync/status"
)

// BenchmarkReadFiles is the floor the others are measured against: walk
// the site and read every file into memory, doing nothing with it.
func BenchmarkReadFiles(b *testing.B) {
	root := siteRoot(b)
	b.SetBytes(siteBytes(b, root))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readAll(root); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStatus is `langref status` without the printing.
func BenchmarkStatus(b *testing.B) {
	root := siteRoot(b)
	b.SetBytes(siteBytes(b, root))
	b.ReportAllocs()
	for b.Loop() {
		g := loadGraph(b, root)
		status.Build(g, status.Options{})
	}
}

// BenchmarkStatusStale is the staleness analysis of `langref status` on
// a first run: reading the site, then stale.Analyze over every language,
// git history included, without the cache of earlier results.
func BenchmarkStatusStale(b *testing.B) {
	benchmarkStale(b, true)
}

// BenchmarkStatusStaleCached is BenchmarkStatusStale on later runs, with
// the results of the first one in the cache.
func BenchmarkStatusStaleCached(b *testing.B) {
	benchmarkStale(b, false)
}

func benchmarkStale(b *testing.B, noCache bool) {
	root := siteRoot(b)
	b.ReportAllocs()
	for b.Loop() {
		g := loadGraph(b, root)
		o := stale.DefaultOptions(g)
		o.NoCache = noCache
		if _, err := stale.Analyze(g, o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck is `langref check` without the printing.
func BenchmarkCheck(b *testing.B) {
	root := siteRoot(b)
	b.SetBytes(siteBytes(b, root))
	b.ReportAllocs()
	for b.Loop() {
		g := loadGraph(b, root)
		status.Build(g, status.Options{})
		check.Run(g)
	}
}

func loadGraph(b *testing.B, root string) *graph.Graph {
	s, err := site.Load(root)
	if err != nil {
		b.Fatal(err)
	}
	return graph.Build(s)
}

// readAll reads every regular file under root and returns their total
// size.
func readAll(root string) (int64, error) {
	var n int64
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		n += int64(len(b))
		return err
	})
	return n, err
}

func siteBytes(b *testing.B, root string) int64 {
	n, err := readAll(root)
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkStatusSite is `langref status` without the printing and
// without the cache, on the site at $LANGREF_BENCH_SITE (such as the docs
// folder of a bench/gensite site), for profiling at scale:
//
//	LANGREF_BENCH_SITE=/tmp/s1/docs go test ./sync/integration -run '^$' \
//	    -bench StatusSite -benchtime 1x -cpuprofile cpu.out
func BenchmarkStatusSite(b *testing.B) {
	root := os.Getenv("LANGREF_BENCH_SITE")
	if root == "" {
		b.Skip("LANGREF_BENCH_SITE is not set")
	}
	b.ReportAllocs()
	for b.Loop() {
		g := loadGraph(b, root)
		o := stale.DefaultOptions(g)
		o.NoCache = true
		res, err := stale.Analyze(g, o)
		if err != nil {
			b.Fatal(err)
		}
		status.Build(g, status.Options{Stale: res})
	}
}
