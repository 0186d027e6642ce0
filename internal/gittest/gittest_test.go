package gittest

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	Isolate()
	os.Exit(m.Run())
}

func TestCommitsAreReproducible(t *testing.T) {
	var hashes [2]string
	for i := range hashes {
		r := New(t)
		r.Write("docs/a.md", "A\n")
		hashes[i] = r.Commit("add a")
		if r.Hash["add a"] != hashes[i] || r.Tick != 1 {
			t.Fatalf("Hash = %v, Tick = %d after one commit %s", r.Hash, r.Tick, hashes[i])
		}
	}
	if hashes[0] != hashes[1] {
		t.Errorf("same commit, two hashes: %s, %s", hashes[0], hashes[1])
	}
	if got := Run(t, t.TempDir(), 0, "--version"); got == "" {
		t.Error("Run returned no output")
	}
}
