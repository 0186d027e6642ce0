package testcorpus_test

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
)

func TestMain(m *testing.M) { testcorpus.Main(m) }

func TestFindOutsideTheRepository(t *testing.T) {
	t.Chdir(t.TempDir())
	if p, err := testcorpus.Find(); err == nil {
		t.Skipf("a corpus is reachable from the temporary folder too: %s", p)
	} else if err.Error() != testcorpus.SkipMessage {
		t.Errorf("Find error = %q, want %q", err, testcorpus.SkipMessage)
	}
}

func TestClone(t *testing.T) {
	dir := testcorpus.Clone(t)
	if _, err := os.Stat(filepath.Join(dir, "docs", "_config.yml")); err != nil {
		t.Fatalf("clone has no docs/_config.yml: %v", err)
	}
}

func TestMarkdownChanges(t *testing.T) {
	changes := testcorpus.MarkdownChanges(t)
	var ids []string
	modified := 0
	for _, c := range changes {
		if c.Old != "" {
			ids = append(ids, c.Old)
			modified++
		}
		ids = append(ids, c.New)
	}
	if modified == 0 || modified == len(changes) {
		t.Errorf("%d of %d changes have an old version, want some but not all", modified, len(changes))
	}
	for i, src := range testcorpus.ReadBlobs(t, ids) {
		if id := blobID(src); id != ids[i] {
			t.Fatalf("ReadBlobs gave the blob %s for %s", id, ids[i])
		}
	}
}

// blobID is the id git gives a blob of contents src.
func blobID(src []byte) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(src))
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}
