package change

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/translate/blocks"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt from the current output")

const goldenFile = "testdata/golden.txt"

// digestChanges hashes changes, naming blocks by their index in a and b.
func digestChanges(cs []Change, a, b []blocks.Block) string {
	index := func(b *blocks.Block, bs []blocks.Block) int {
		if b == nil {
			return -1
		}
		for i := range bs {
			if &bs[i] == b {
				return i
			}
		}
		return -2
	}
	h := sha256.New()
	fmt.Fprintf(h, "%d changes\n", len(cs))
	for _, c := range cs {
		fmt.Fprintf(h, "%s %s %d %d\n", c.Kind, c.Class, index(c.Old, a), index(c.New, b))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// goldenCases are the comparisons the golden file records: every edit of
// the corpus history, and each edit's new version against itself with
// synthetic edits (see mutate).
func goldenCases(tb testing.TB) []goldenCase {
	var out []goldenCase
	for _, e := range historyEdits(tb) {
		name := e.old[:12] + " " + e.new[:12] + " " + e.path
		out = append(out, goldenCase{name, e.a, e.b})
		out = append(out, goldenCase{name + " mutated", e.b, mutate(e.b)})
	}
	return out
}

type goldenCase struct {
	name string
	a, b []blocks.Block
}

// TestGolden checks that CompareBlocks gives the changes recorded in
// testdata/golden.txt. Run with -update only when a change of output is
// intended.
func TestGolden(t *testing.T) {
	cases := goldenCases(t)
	got := make([]string, len(cases))
	var wg sync.WaitGroup
	var next atomic.Int64
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(cases); i = int(next.Add(1) - 1) {
				c := cases[i]
				got[i] = digestChanges(CompareBlocks(c.a, c.b), c.a, c.b) + " " + c.name
			}
		})
	}
	wg.Wait()
	testcorpus.Golden(t, goldenFile, got, *update)
}

// mutate returns bs with deterministic edits of the kinds authors make:
// every 3rd block gets a transposed letter, every 5th a word replaced,
// every 7th a reflow, every 11th is dropped, every 13th gets a new
// sentence, every 17th a changed digit.
func mutate(bs []blocks.Block) []blocks.Block {
	var out []blocks.Block
	line := 1
	for i, b := range bs {
		raw := b.Raw
		switch {
		case i%11 == 10:
			continue
		case i%3 == 2:
			raw = transpose(raw)
		case i%5 == 4:
			raw = strings.Replace(raw, " the ", " a ", 1)
		case i%7 == 6:
			raw = strings.Replace(raw, " ", "\n", 1)
		case i%13 == 12:
			raw += " And then something entirely new happens here."
		case i%17 == 16:
			raw = strings.Replace(raw, "1", "2", 1)
		}
		for _, nb := range blocks.Parse([]byte(raw), line) {
			out = append(out, nb)
		}
		line += strings.Count(raw, "\n") + 2
	}
	return out
}

// transpose swaps two letters in the middle of the longest word of s.
func transpose(s string) string {
	best, at := 0, -1
	for i, w := range strings.Fields(s) {
		_ = i
		if len(w) > best && isASCIIWord(w) {
			best, at = len(w), strings.Index(s, w)
		}
	}
	if at < 0 || best < 4 {
		return s
	}
	b := []byte(s)
	m := at + best/2
	b[m], b[m+1] = b[m+1], b[m]
	return string(b)
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if (w[i]|0x20) < 'a' || (w[i]|0x20) > 'z' {
			return false
		}
	}
	return true
}
