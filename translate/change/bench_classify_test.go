package change

import "testing"

// BenchmarkClassifyModified classifies every pair of modified blocks of
// the English edits of the corpus history: the classifier alone, without
// the alignment of CompareBlocks.
func BenchmarkClassifyModified(b *testing.B) {
	var pairs [][2]string
	for _, e := range englishEdits(b) {
		for _, c := range CompareBlocks(e.a, e.b) {
			if c.Kind == "modified" {
				pairs = append(pairs, [2]string{dedent(c.Old.Raw), dedent(c.New.Raw)})
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pairs {
			Classify(p[0], p[1])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pairs)), "ns/pair")
}
