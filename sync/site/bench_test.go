package site

import (
	"os"
	"testing"
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
