package blocks

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
)

// page is one markdown file of the corpus, its body split from its front matter.
type page struct {
	path      string
	body      []byte
	firstLine int
}

var corpus struct {
	once  sync.Once
	pages []page
	err   error
}

// corpusPages reads the pages of the corpus clone the package's tests
// share, once per test binary; it skips the test when the corpus is
// missing.
func corpusPages(tb testing.TB) []page {
	tb.Helper()
	dir := testcorpus.Shared(tb)
	corpus.once.Do(func() { corpus.pages, corpus.err = loadCorpus(dir) })
	if corpus.err != nil {
		tb.Fatal(corpus.err)
	}
	return corpus.pages
}

func loadCorpus(dir string) ([]page, error) {
	var pages []page
	err := filepath.WalkDir(filepath.Join(dir, "docs"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		body, line := testcorpus.SplitFrontMatter(src)
		pages = append(pages, page{rel, body, line})
		return err
	})
	return pages, err
}

// checkBlocks verifies the invariants every parse must keep: lines in
// range and in order, Raw equal to the source lines less the last line break.
func checkBlocks(t testing.TB, body []byte, first int, bs []Block) {
	t.Helper()
	srcLines := strings.Split(strings.TrimSuffix(string(body), "\n"), "\n")
	last := first + len(srcLines) - 1
	prev := first
	for _, b := range bs {
		if b.Line < first || b.EndLine < b.Line || b.EndLine > last {
			t.Fatalf("%s outside lines %d-%d", shape(b), first, last)
		}
		if b.Line < prev {
			t.Fatalf("%s starts before the previous block (line %d)", shape(b), prev)
		}
		prev = b.Line
		want := strings.TrimSuffix(strings.Join(srcLines[b.Line-first:b.EndLine-first+1], "\n"), "\r")
		if b.Raw != want {
			t.Fatalf("%s: Raw %q, want %q", shape(b), b.Raw, want)
		}
	}
}

func TestCorpus(t *testing.T) {
	pages := corpusPages(t)
	withPairs := map[string]int{}
	perLang := map[string]int{}
	for _, p := range pages {
		bs := Parse(p.body, p.firstLine)
		checkBlocks(t, p.body, p.firstLine, bs)
		lang := strings.Split(p.path, string(filepath.Separator))[1]
		perLang[lang]++
		if len(Pairs(bs)) > 0 {
			withPairs[lang]++
		}
	}
	t.Logf("%d pages; pages with comment pairs: fr %d/%d, ja %d/%d", len(pages),
		withPairs["fr"], perLang["fr"], withPairs["ja"], perLang["ja"])
	if withPairs["fr"] == 0 || withPairs["ja"] == 0 {
		t.Errorf("no comment pairs found in fr or ja pages")
	}
}

func BenchmarkParseCorpus(b *testing.B) {
	pages := corpusPages(b)
	size := 0
	for _, p := range pages {
		size += len(p.body)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			Parse(p.body, p.firstLine)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
}

// TestCorpusPairsWith: comments parsed once through one Originals for all
// the corpus's pages give every page the pairs Pairs gives it.
func TestCorpusPairsWith(t *testing.T) {
	var o Originals
	for range 2 { // the second round finds every comment parsed
		for _, p := range corpusPages(t) {
			bs := Parse(p.body, p.firstLine)
			if got, want := PairsWith(bs, &o), Pairs(bs); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: PairsWith differs from Pairs", p.path)
			}
		}
	}
}

func BenchmarkPairsCorpus(b *testing.B) {
	pages := corpusPages(b)
	parsed := make([][]Block, len(pages))
	for i, p := range pages {
		parsed[i] = Parse(p.body, p.firstLine)
	}
	for _, bench := range []struct {
		name  string
		pairs func([]Block) []CommentPair
	}{
		{"each", Pairs},
		{"shared", func(bs []Block) []CommentPair { return PairsWith(bs, sharedOriginals) }},
	} {
		b.Run(bench.name, func(b *testing.B) {
			for b.Loop() {
				for _, bs := range parsed {
					bench.pairs(bs)
				}
			}
		})
	}
}

var sharedOriginals = new(Originals)

// BenchmarkParseSharedCorpus is BenchmarkParseCorpus with ParseShared,
// which does not copy the body.
func BenchmarkParseSharedCorpus(b *testing.B) {
	pages := corpusPages(b)
	for b.Loop() {
		for _, p := range pages {
			ParseShared(p.body, p.firstLine)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
}
