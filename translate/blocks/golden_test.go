package blocks

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"hash"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt from the current output")

const goldenFile = "testdata/golden.txt"

// digestBlocks hashes every field of bs, nil and empty Verbatim apart.
func digestBlocks(h hash.Hash, bs []Block) {
	fmt.Fprintf(h, "%d blocks %t\n", len(bs), bs == nil)
	for _, b := range bs {
		fmt.Fprintf(h, "%d %d %d %d %q %q %q %q %q %t %q\n", b.Kind, b.Level, b.Line, b.EndLine,
			b.Raw, b.Text, b.Prose, b.Heading, b.Comment, b.Verbatim == nil, b.Verbatim)
	}
}

// goldenDigest digests everything Parse makes of one page version: the
// page, its comment pairs, and each block's source parsed alone (as
// translate/change does).
func goldenDigest(src []byte) string {
	h := sha256.New()
	body, first := splitFrontMatter(src)
	bs := Parse(body, first)
	digestBlocks(h, bs)
	for _, p := range Pairs(bs) {
		digestBlocks(h, p.Original)
		digestBlocks(h, p.Translation)
	}
	for _, b := range bs {
		digestBlocks(h, Parse([]byte(b.Raw), 1))
	}
	digestBlocks(h, Parse(body, 1)) // offsets of 1, as for bodies without front matter
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// TestGolden checks that Parse gives, field for field, the output recorded
// in testdata/golden.txt for every version of every page in the corpus's
// history. Run with -update only when a change of output is intended.
func TestGolden(t *testing.T) {
	blobs := historyBlobs(t)
	got := make([]string, len(blobs))
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() { // concurrently, as callers parse
			for i := int(next.Add(1) - 1); i < len(blobs); i = int(next.Add(1) - 1) {
				b := blobs[i]
				got[i] = b.id[:12] + " " + goldenDigest(b.src) + " " + b.path
			}
		})
	}
	wg.Wait()
	if *update {
		if err := os.WriteFile(goldenFile, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readGolden(t)
	if len(want) != len(got) {
		t.Fatalf("%d page versions, golden file has %d", len(got), len(want))
	}
	bad := 0
	for i := range got {
		if got[i] != want[i] {
			if bad++; bad <= 10 {
				t.Errorf("output changed:\n got %s\nwant %s", got[i], want[i])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d page versions differ from %s", bad, len(got), goldenFile)
	}
}

func readGolden(t *testing.T) []string {
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		out = append(out, s.Text())
	}
	return out
}
