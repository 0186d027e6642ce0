package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
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

// TestReadLogPieces: the output read as git writes it, in pieces of any
// size, with tokens longer than the reader's buffer, parses as it does
// whole, and the count rises to the number of commits, a merge's blocks
// counted once.
func TestReadLogPieces(t *testing.T) {
	long := strings.Repeat("a long subject ", 8)
	var commits []string
	for i := range 2*countEvery + 3 {
		commits = append(commits, join(hdr(fmt.Sprintf("c%d", i), "", long), []string{":100644 100644 " + strings.Repeat("1", 40) + " " + strings.Repeat("2", 40) + " M", "docs/a path longer than sixteen bytes.md"})...)
	}
	merge := join(hdr("m", "p1 p2", "m"), []string{"\nM", "x"}, hdr("m", "p1 p2", "m"), []string{"\nR050", "y", "x"})
	data := raw(append(merge, commits...)...)
	want, err := parseLog(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{1, 7, 16, 100, 4096} {
		var counts []int
		var r io.Reader = bytes.NewReader(data)
		if size == 1 {
			r = iotest.OneByteReader(r)
		} else {
			r = iotest.HalfReader(&pieces{r: r, size: size})
		}
		got, err := readLog(bufio.NewReaderSize(r, 16), func(n int) { counts = append(counts, n) })
		if err != nil {
			t.Fatalf("pieces of %d: %v", size, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("pieces of %d: the commits differ from the whole output's", size)
		}
		if len(counts) != 3 || counts[0] != countEvery || counts[2] != len(want) {
			t.Errorf("pieces of %d: counts %v, want every %d to %d", size, counts, countEvery, len(want))
		}
	}
}

// pieces reads from r at most size bytes at a time.
type pieces struct {
	r    io.Reader
	size int
}

func (p *pieces) Read(b []byte) (int, error) { return p.r.Read(b[:min(len(b), p.size)]) }

// TestReadLogError: a read that fails is an error naming where.
func TestReadLogError(t *testing.T) {
	data := raw(hdr("c1", "", "s")...)
	r := io.MultiReader(bytes.NewReader(data), iotest.ErrReader(errors.New("pipe broke")))
	_, err := readLog(bufio.NewReader(r), nil)
	if err == nil || !strings.Contains(err.Error(), "pipe broke") || !strings.Contains(err.Error(), fmt.Sprintf("byte %d", len(data))) {
		t.Errorf("error %v, want the read's at byte %d", err, len(data))
	}
}
