package blocks

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"hash"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
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
	body, first := testcorpus.SplitFrontMatter(src)
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
	testcorpus.Golden(t, goldenFile, got, *update)
}
