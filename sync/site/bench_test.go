package site

import (
	"os"
	"testing"

	"github.com/langref/langref/internal/phase"
)

// BenchmarkLoadLean loads the site at $LANGREF_BENCH_SITE as `langref
// status` does, to measure the walk, the reads and the front matter alone:
//
//	LANGREF_BENCH_SITE=/tmp/s1/docs go test ./sync/site -run '^$' -bench LoadLean
func BenchmarkLoadLean(b *testing.B) {
	root := os.Getenv("LANGREF_BENCH_SITE")
	if root == "" {
		b.Skip("LANGREF_BENCH_SITE is not set")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadLean(root); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanLean lists the site at $LANGREF_BENCH_SITE as the first
// `langref status` does (no cache yet: the generator's configuration is
// parsed, each file's stat data taken), without reading any page. It
// reports the CPU time of the process (user and system) per listing
// beside the wall time, which a busy machine makes meaningless:
//
//	LANGREF_BENCH_SITE=/tmp/s1/docs go test ./sync/site -run '^$' -bench ScanLean
func BenchmarkScanLean(b *testing.B) {
	root := os.Getenv("LANGREF_BENCH_SITE")
	if root == "" {
		b.Skip("LANGREF_BENCH_SITE is not set")
	}
	b.ReportAllocs()
	cpu := phase.CPU()
	for b.Loop() {
		dir := b.TempDir()
		if _, err := ScanLean(root, LeanOptions{CacheDir: func() string { return dir }}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(phase.CPU()-cpu)/float64(b.N), "cpu-ns/op")
}
