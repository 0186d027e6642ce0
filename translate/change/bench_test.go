package change

import (
	"testing"

	"github.com/langref/langref/translate/blocks"
)

// BenchmarkCompareHistory compares the two versions of every edit of an
// English page in the corpus history.
func BenchmarkCompareHistory(b *testing.B) {
	edits := englishEdits(b)
	b.ResetTimer()
	for b.Loop() {
		for _, e := range edits {
			CompareBlocks(e.a, e.b)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(edits)), "µs/pair")
}

// BenchmarkCompareMutated compares English pages with synthetic edits of
// most of their blocks: many modified blocks to classify.
func BenchmarkCompareMutated(b *testing.B) {
	edits := englishEdits(b)
	var pairs [][2][]blocks.Block
	for _, e := range edits {
		pairs = append(pairs, [2][]blocks.Block{e.b, mutate(e.b)})
	}
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pairs {
			CompareBlocks(p[0], p[1])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pairs)), "µs/pair")
}
