package stale

import (
	"os"
	"testing"
	"time"

	"github.com/langref/langref/internal/phase"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// BenchmarkAnalyzeLean is the staleness analysis of `langref status`'s
// first run, without the cache, on the site at $LANGREF_BENCH_SITE (such
// as the docs folder of a bench/gensite site): a lean site, its history
// loaded beforehand, each page let go once analysed. Loading is not
// timed. cpu-s/op is the process's CPU time (user and system) in Analyze,
// steadier than its wall time on a busy machine; git's is not counted.
//
//	LANGREF_BENCH_SITE=/tmp/s1/docs go test ./sync/stale -run '^$' -bench AnalyzeLean -count 5
func BenchmarkAnalyzeLean(b *testing.B) {
	root := os.Getenv("LANGREF_BENCH_SITE")
	if root == "" {
		b.Skip("LANGREF_BENCH_SITE is not set")
	}
	b.ReportAllocs()
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		pre := PrefetchHistory(root)
		s, err := site.LoadLeanWith(root, site.LeanOptions{Visit: site.Visitor{Contents: pre.SeeContents}})
		if err != nil {
			b.Fatal(err)
		}
		g := graph.Build(s)
		if _, err := pre.load(); err != nil {
			b.Fatal(err)
		}
		o := DefaultOptions(g)
		o.Prefetch, o.NoCache, o.Release = pre, true, true
		before := phase.CPU()
		b.StartTimer()
		if _, err := Analyze(g, o); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += phase.CPU() - before
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}
