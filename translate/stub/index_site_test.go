package stub

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/phase"
	"github.com/langref/langref/sync/frontmatter"
)

// BenchmarkIndexSite is the quick test as status runs it on the first
// run on the site at $LANGREF_BENCH_SITE: the English pages (under en/)
// indexed, then every other page looked up. Add and Find are timed apart:
//
//	LANGREF_BENCH_SITE=/tmp/s/docs go test ./translate/stub -run '^$' -bench IndexSite
func BenchmarkIndexSite(b *testing.B) {
	root := os.Getenv("LANGREF_BENCH_SITE")
	if root == "" {
		b.Skip("LANGREF_BENCH_SITE is not set")
	}
	var english, translations [][]byte
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		body, _ := frontmatter.SplitBody(src)
		if strings.HasPrefix(p, filepath.Join(root, "en")+"/") {
			english = append(english, body)
		} else {
			translations = append(translations, body)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Add", func(b *testing.B) {
		b.ReportAllocs()
		cpu := phase.CPU()
		defer func() { b.ReportMetric(float64(phase.CPU()-cpu)/float64(b.N), "cpu-ns/op") }()
		for b.Loop() {
			ix := &Index{}
			for i, body := range english {
				ix.Add(int32(i), body)
			}
		}
	})
	ix := &Index{}
	for i, body := range english {
		ix.Add(int32(i), body)
	}
	found := 0
	b.Run("Find", func(b *testing.B) {
		b.ReportAllocs()
		var pages []int32
		cpu := phase.CPU()
		for b.Loop() {
			found = 0
			for _, body := range translations {
				pages, _ = ix.Find(body, pages[:0])
				found += len(pages)
			}
		}
		b.ReportMetric(float64(phase.CPU()-cpu)/float64(b.N), "cpu-ns/op")
	})
	b.Logf("%d English pages, %d openings; %d translations, %d pages found", len(english), len(ix.ops), len(translations), found)
}
