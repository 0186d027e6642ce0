package status

import (
	"bytes"
	"os"
	"testing"

	"github.com/langref/langref/internal/phase"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// BenchmarkReadForStatus reads the site at $LANGREF_BENCH_SITE as the
// first `langref status` does before its staleness pipeline (no cache
// yet): the walk with each file's stat data, the reads with the stub
// scan and a Contents visitor as cheap as the history prefetch's, the page
// cache written, then the graph. It reports the process's CPU time (user
// and system) per load beside the wall time, which a busy machine makes
// meaningless:
//
//	LANGREF_BENCH_SITE=/tmp/s/docs go test ./sync/status -run '^$' -bench ReadForStatus
func BenchmarkReadForStatus(b *testing.B) {
	root := os.Getenv("LANGREF_BENCH_SITE")
	if root == "" {
		b.Skip("LANGREF_BENCH_SITE is not set")
	}
	b.ReportAllocs()
	cpu := phase.CPU()
	for b.Loop() {
		dir := b.TempDir()
		cacheDir := func() string { return dir }
		scan := NewStubScan(cacheDir)
		v := scan.Visitor()
		v.Contents = func(f *site.File, src []byte) { _ = bytes.Contains(src, []byte("<!--")) }
		sc, err := site.ScanLean(root, site.LeanOptions{Visit: v, CacheDir: cacheDir})
		if err != nil {
			b.Fatal(err)
		}
		_ = sc.Fingerprint()
		s, err := sc.Read()
		if err != nil {
			b.Fatal(err)
		}
		graph.Build(s)
	}
	b.ReportMetric(float64(phase.CPU()-cpu)/float64(b.N), "cpu-ns/op")
}
