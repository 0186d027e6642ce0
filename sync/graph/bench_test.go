package graph

import (
	"os"
	"testing"

	"github.com/langref/langref/sync/site"
)

// BenchmarkBuild pairs the pages of the site at $LANGREF_BENCH_SITE,
// loaded once as `langref status` loads it:
//
//	LANGREF_BENCH_SITE=/tmp/s1/docs go test ./sync/graph -run '^$' -bench Build
func BenchmarkBuild(b *testing.B) {
	root := os.Getenv("LANGREF_BENCH_SITE")
	if root == "" {
		b.Skip("LANGREF_BENCH_SITE is not set")
	}
	s, err := site.LoadLean(root)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Build(s)
	}
}
