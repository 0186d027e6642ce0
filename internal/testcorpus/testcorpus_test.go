package testcorpus_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
)

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
