package align

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/translate/blocks"
)

// FuzzAlign aligns a source page with a translation, seeded with DLSP20
// pages and their French and Chinese translations when the corpus is
// here. Properties: one match per source block; targets in range,
// ascending, and none for a comment of the source; no translation block
// the anchor of two source blocks; Lines agrees with the targets; a page
// aligned with itself matches every block to itself, surely; Matched is
// one-to-one, increasing, and the identity on a page and itself.
func FuzzAlign(f *testing.F) {
	if _, err := testcorpus.Find(); err == nil && !testcorpus.FuzzWorker() {
		docs := filepath.Join(testcorpus.Shared(f), "docs")
		for _, p := range []string{"week01/01-1.md", "week02/02-2.md", "week09/09-1.md", "week12/12-3.md"} {
			en := readOr(f, filepath.Join(docs, "en", p))
			for _, lang := range []string{"fr", "zh"} {
				if tr := readOr(f, filepath.Join(docs, lang, p)); tr != nil {
					f.Add(head(en, 4000), head(tr, 4000))
				}
			}
		}
	}
	f.Add([]byte("# A\n\ntext\n\n```\ncode\n```\n"), []byte("# A\n\ntexte\n\n```\ncode\n```\n"))
	f.Add([]byte("para one\n\npara two\n"), []byte("<!--\npara one\n-->\nun\n\n<!--\npara two\n-->\ndeux\n"))
	f.Add([]byte("## H\n\n$$\nx\n$$\n\n![i](a.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"), []byte("## H\n\n| a | b |\n|---|---|\n"))
	f.Fuzz(func(t *testing.T, srcText, tgtText []byte) {
		src, tgt := blocks.Parse(srcText, 1), blocks.Parse(tgtText, 1)
		checkAlignment(t, Align(src, tgt), src, tgt)
		self := Align(src, src)
		for i, m := range self.Matches {
			if src[i].Kind == blocks.Comment {
				continue
			}
			if len(m.Target) != 1 || m.Target[0] != i || !m.Sure() {
				t.Fatalf("a page aligned with itself: block %d (line %d) matched %v by %s", i, src[i].Line, m.Target, m.Method)
			}
		}
		checkMatched(t, Matched(src, tgt), len(tgt))
		for i, j := range Matched(src, src) {
			if j != i {
				t.Fatalf("Matched of a page and itself maps block %d to %d", i, j)
			}
		}
	})
}

func checkAlignment(t *testing.T, a *Alignment, src, tgt []blocks.Block) {
	t.Helper()
	if len(a.Matches) != len(src) {
		t.Fatalf("%d matches for %d source blocks", len(a.Matches), len(src))
	}
	used := map[int]int{}
	for i, m := range a.Matches {
		for k, j := range m.Target {
			if j < 0 || j >= len(tgt) || k > 0 && j <= m.Target[k-1] {
				t.Fatalf("block %d: targets %v out of range or order (%d target blocks)", i, m.Target, len(tgt))
			}
			if prev, ok := used[j]; ok && m.Method == Anchor && a.Matches[prev].Method == Anchor {
				t.Fatalf("target block %d is the anchor of source blocks %d and %d", j, prev, i)
			}
			used[j] = i
		}
		if src[i].Kind == blocks.Comment && len(m.Target) > 0 {
			t.Fatalf("source comment %d matched %v", i, m.Target)
		}
		first, last, ok := a.Lines(i)
		if ok != (len(m.Target) > 0) || ok && (first != tgt[m.Target[0]].Line || last != tgt[m.Target[len(m.Target)-1]].EndLine) {
			t.Fatalf("Lines(%d) = %d, %d, %v for targets %v", i, first, last, ok, m.Target)
		}
	}
}

func checkMatched(t *testing.T, fwd []int, n int) {
	t.Helper()
	last := -1
	for i, j := range fwd {
		if j < 0 {
			continue
		}
		if j >= n || j <= last {
			t.Fatalf("Matched maps block %d to %d after %d (%d new blocks)", i, j, last, n)
		}
		last = j
	}
}

// readOr returns the file's bytes, or nil when it does not exist.
func readOr(tb testing.TB, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		tb.Fatal(err)
	}
	return b
}

// head returns b cut after the last blank line within its first n bytes:
// small inputs fuzz faster.
func head(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	for i := n; i > 1; i-- {
		if b[i-1] == '\n' && b[i-2] == '\n' {
			return b[:i]
		}
	}
	return b[:n]
}
