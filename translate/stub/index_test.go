package stub

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/frontmatter"
)

// checkFind checks ix.Find(tr) against MayBeStub with each of the pages
// ix holds (srcs, by number): Find lists exactly the pages MayBeStub
// keeps, or, when it says it lists only some, MaxFound of them and
// MayBeStub keeps more.
func checkFind(t *testing.T, name string, ix *Index, srcs []*Source, tr []byte) (found int) {
	t.Helper()
	var want []int32
	for i, s := range srcs {
		if s.MayBeStub(tr) {
			want = append(want, int32(i))
		}
	}
	got, all := ix.Find(tr, nil)
	slices.Sort(got)
	switch {
	case all && !slices.Equal(got, want):
		t.Errorf("%s: Find = %v, MayBeStub keeps %v", name, got, want)
	case !all && (len(got) != MaxFound || len(want) <= MaxFound):
		t.Errorf("%s: Find lists %v and says there are more; MayBeStub keeps %v", name, got, want)
	case !all:
		for _, p := range got {
			if !slices.Contains(want, p) {
				t.Errorf("%s: Find lists page %d, which MayBeStub rules out", name, p)
			}
		}
	}
	return len(want)
}

// TestIndexFind: an index of every English page of the corpus finds, for
// each page of the corpus (English pages, their translations, and stubs
// made from them and partly translated), exactly the English pages
// MayBeStub would keep.
func TestIndexFind(t *testing.T) {
	docs := filepath.Join(testcorpus.Shared(t), "docs")
	var paths []string
	en := englishPages(t)
	for p := range en {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	ix := &Index{}
	srcs := make([]*Source, len(paths))
	for i, p := range paths {
		body, _ := frontmatter.SplitBody(en[p])
		ix.Add(int32(i), body)
		srcs[i] = NewSource(en[p])
	}
	var pages []string
	err := filepath.WalkDir(docs, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	hits := 0
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := frontmatter.SplitBody(b)
		if checkFind(t, p, ix, srcs, body) > 0 {
			hits++
		}
	}
	for _, p := range paths[:20] {
		r, err := Make(en[p], Options{Lang: "fr", Style: Comments})
		if err != nil {
			continue
		}
		for _, share := range []float64{0, 0.5, 0.9} {
			body, _ := frontmatter.SplitBody(translateSome(r.Src, share, rng))
			if checkFind(t, fmt.Sprintf("stub of %s, %.0f%% translated", p, share*100), ix, srcs, body) > 0 {
				hits++
			}
		}
	}
	t.Logf("%d English pages indexed, %d pages checked, %d with a page found", len(paths), len(pages)+60, hits)
	if hits < len(paths) {
		t.Errorf("only %d pages find an English page: the test checks little", hits)
	}
}

// TestIndexFindBoilerplate: a line that many pages share finds them all,
// up to MaxFound, and Find says there are more.
func TestIndexFindBoilerplate(t *testing.T) {
	ix := &Index{}
	var srcs []*Source
	for i := range MaxFound + 2 {
		en := fmt.Sprintf("Page %d has its own first line of prose.\n\nSee the course notes for the full details.\n", i)
		ix.Add(int32(i), []byte(en))
		srcs = append(srcs, NewSource([]byte("---\n---\n"+en)))
	}
	if n := checkFind(t, "boilerplate", ix, srcs, []byte("Traduit. See the course notes for the full details.")); n != MaxFound+2 {
		t.Errorf("MayBeStub keeps %d pages, want %d", n, MaxFound+2)
	}
	if _, all := ix.Find([]byte("See the course notes for the full details."), nil); all {
		t.Error("Find says it lists every page of the boilerplate line; want more than it lists")
	}
	if got, all := ix.Find([]byte("Page 3 has its own first line"), nil); !all || !slices.Equal(got, []int32{3}) {
		t.Errorf("Find(page 3's opening) = %v, %v; want [3], true", got, all)
	}
	empty := &Index{}
	if got, all := empty.Find([]byte("Page 3 has its own first line"), nil); !all || len(got) != 0 {
		t.Errorf("an empty index finds %v, %v; want nothing", got, all)
	}
}

// FuzzIndexFind checks Find against MayBeStub on two English pages.
func FuzzIndexFind(f *testing.F) {
	f.Add("The first paragraph has several words.\n", "A line with four words\nand more\n", "x <!-- c -->The first paragraph has<!---->several words.")
	f.Add("A line with four words\n", "A line with four words\n", "A line with four words")
	f.Add("Some prose with a <b>tag</b> inside\nshort one\n", "two words\n", "Some prose with a <b>tag</b> inside it")
	f.Fuzz(func(t *testing.T, en1, en2, tr string) {
		ix := &Index{}
		ix.Add(0, []byte(en1))
		ix.Add(1, []byte(en2))
		srcs := []*Source{NewSource([]byte("---\n---\n" + en1)), NewSource([]byte("---\n---\n" + en2))}
		if !strings.HasPrefix(en1, "---") && !strings.HasPrefix(en2, "---") {
			checkFind(t, fmt.Sprintf("Find(%q)", tr), ix, srcs, []byte(tr))
		}
	})
}

// BenchmarkIndexFind is the quick test as status runs it on a first run:
// every English page of the corpus indexed, then every page of the
// corpus looked up (compare BenchmarkQuickTest, one source at a time).
func BenchmarkIndexFind(b *testing.B) {
	docs := filepath.Join(testcorpus.Shared(b), "docs")
	var bodies [][]byte
	err := filepath.WalkDir(docs, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			src, err := os.ReadFile(p)
			body, _ := frontmatter.SplitBody(src)
			bodies = append(bodies, body)
			return err
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	var english [][]byte
	for _, src := range englishPages(b) {
		body, _ := frontmatter.SplitBody(src)
		english = append(english, body)
	}
	b.ReportAllocs()
	var pages []int32
	for b.Loop() {
		ix := &Index{}
		for i, body := range english {
			ix.Add(int32(i), body)
		}
		for _, body := range bodies {
			pages, _ = ix.Find(body, pages[:0])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(bodies)), "ns/page")
}
