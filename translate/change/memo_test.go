package change

import (
	"reflect"
	"testing"
)

// TestMemo: comparing through one Memo, every edit of the corpus history
// twice and both ways, gives the changes CompareBlocks gives.
func TestMemo(t *testing.T) {
	var m Memo
	edits := historyEdits(t)
	for round := range 2 { // the second round finds every pair remembered
		for _, e := range edits {
			for _, p := range [][2]int{{0, 1}, {1, 0}} {
				a, b := e.a, e.b
				if p[0] == 1 {
					a, b = b, a
				}
				if got, want := m.CompareBlocks(a, b), CompareBlocks(a, b); !reflect.DeepEqual(got, want) {
					t.Fatalf("round %d, %s: Memo.CompareBlocks differs from CompareBlocks", round, e.path)
				}
			}
		}
	}
	if len(m.m) == 0 {
		t.Fatal("the memo remembered nothing")
	}
	var none *Memo
	if got, want := none.Classify("a b", "a c"), Classify("a b", "a c"); got != want {
		t.Errorf("nil Memo: Classify = %v, want %v", got, want)
	}
}

// TestPair: Pair gives the changes of CompareBlocks, but for the classes
// of modified blocks, for every edit of the corpus history.
func TestPair(t *testing.T) {
	for _, e := range historyEdits(t) {
		got, want := Pair(e.a, e.b), CompareBlocks(e.a, e.b)
		for i := range want {
			if want[i].Kind == "modified" {
				want[i].Class = Cosmetic
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: Pair differs from CompareBlocks", e.path)
		}
	}
}
