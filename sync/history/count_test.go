package history

import (
	"bytes"
	"slices"
	"testing"
)

// TestLoadCounting: the count reaches the number of commits read, never
// goes down, and the history is the one Load reads.
func TestLoadCounting(t *testing.T) {
	r := linearRepo(t)
	repo, want := r.load()
	var counts []int
	h, err := repo.LoadCounting(func(n int) { counts = append(counts, n) })
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Commits) != len(want.Commits) {
		t.Fatalf("%d commits, Load reads %d", len(h.Commits), len(want.Commits))
	}
	if len(counts) == 0 || counts[len(counts)-1] != len(h.Commits) || !slices.IsSorted(counts) {
		t.Errorf("counts %v, want them rising to %d", counts, len(h.Commits))
	}
}

// TestHeaderCounter: headers are counted wherever the output is cut into
// writes, across the boundaries too.
func TestHeaderCounter(t *testing.T) {
	out := "commit\x00a\x00\x00x\x00\ncommit\x00b\x00\x00:100644 M\x00docs/commitx\x00commit\x00c\x00"
	for size := 1; size <= len(out); size++ {
		var last int
		h := &headerCounter{count: func(n int) { last = n }}
		for i := 0; i < len(out); i += size {
			h.Write([]byte(out[i:min(i+size, len(out))]))
		}
		if last != 3 {
			t.Errorf("size %d: %d headers, want 3", size, last)
		}
		if !bytes.Equal(h.buf.Bytes(), []byte(out)) {
			t.Errorf("size %d: output not kept", size)
		}
	}
}
