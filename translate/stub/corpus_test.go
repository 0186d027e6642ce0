package stub

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
)

func TestMain(m *testing.M) { testcorpus.Main(m) }

// englishPages returns the English pages of the DLSP20 corpus.
func englishPages(tb testing.TB) map[string][]byte {
	tb.Helper()
	dir := filepath.Join(testcorpus.Shared(tb), "docs", "en")
	pages := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		pages[p] = b
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return pages
}

// TestMayBeStubSound: on translations made from every English page of the
// corpus, stubs in both styles with a random share of their blocks
// translated, MayBeStub never rules out a page that Progress calls a stub.
func TestMayBeStubSound(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	stubs, checked := 0, 0
	for path, en := range englishPages(t) {
		src := NewSource(en)
		for _, style := range []Style{Comments, Plain} {
			r, err := Make(en, Options{Lang: "fr", Style: style})
			if err != nil {
				continue
			}
			for _, share := range []float64{0, 0.5, 0.7, 0.74, 0.8} {
				tr := translateSome(r.Src, share, rng)
				done, total := src.Progress(tr)
				body, _ := frontmatter.SplitBody(tr)
				checked++
				if !IsStub(done, total) {
					continue
				}
				stubs++
				if !src.MayBeStub(body) {
					t.Errorf("%s, %s style, %.0f%% translated: Progress says stub (%d/%d), MayBeStub rules it out", path, style, share*100, done, total)
				}
			}
		}
	}
	t.Logf("%d stubs in %d translations", stubs, checked)
	if stubs < checked/4 {
		t.Errorf("only %d stubs in %d translations: the test checks little", stubs, checked)
	}
}

// translateSome stands a translator in for a share of the blocks of a
// stub outside comments: their letters rotated (rot13), markup unchanged.
func translateSome(stub []byte, share float64, rng *rand.Rand) []byte {
	body, line := frontmatter.SplitBody(stub)
	lines := strings.SplitAfter(string(stub), "\n")
	for _, b := range blocks.Parse(body, line) {
		if b.Kind == blocks.Comment || !blocks.Translatable(b) || rng.Float64() >= share {
			continue
		}
		for n := b.Line; n <= b.EndLine && n <= len(lines); n++ {
			lines[n-1] = strings.Map(rot13, lines[n-1])
		}
	}
	return []byte(strings.Join(lines, ""))
}

func rot13(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+13)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+13)%26
	}
	return r
}

// BenchmarkQuickTest is the part of stub detection that runs for every
// translation on a first run: preparing each English page of the corpus,
// then the quick test on each of its translations.
func BenchmarkQuickTest(b *testing.B) {
	type pair struct{ en, tr []byte }
	var pairs []pair
	for path, en := range englishPages(b) {
		docs := filepath.Dir(filepath.Dir(filepath.Dir(path)))
		rel := strings.TrimPrefix(path, filepath.Join(docs, "en"))
		trs, _ := filepath.Glob(filepath.Join(docs, "*", rel))
		for _, p := range trs {
			if tr, err := os.ReadFile(p); err == nil && p != path {
				pairs = append(pairs, pair{en, tr})
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		var src *Source
		var last []byte
		for _, p := range pairs {
			if src == nil || &p.en[0] != &last[0] {
				src, last = NewSource(p.en), p.en
			}
			body, _ := frontmatter.SplitBody(p.tr)
			src.MayBeStub(body)
		}
	}
}
