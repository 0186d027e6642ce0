package stale

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestChangedLines checks changedLines against its definition: the lines
// bytes.Split gives, less those the two texts share at the start and at
// the end.
func TestChangedLines(t *testing.T) {
	def := func(a, b []byte) int {
		x, y := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
		for len(x) > 0 && len(y) > 0 && bytes.Equal(x[0], y[0]) {
			x, y = x[1:], y[1:]
		}
		for len(x) > 0 && len(y) > 0 && bytes.Equal(x[len(x)-1], y[len(y)-1]) {
			x, y = x[:len(x)-1], y[:len(y)-1]
		}
		return max(len(x), len(y))
	}
	r := rand.New(rand.NewPCG(1, 2))
	text := func() []byte {
		var b []byte
		for range r.IntN(8) {
			b = append(b, "ab\n"[r.IntN(3)])
		}
		return b
	}
	for range 20000 {
		a, b := text(), text()
		if got, want := changedLines(a, b), def(a, b); got != want {
			t.Fatalf("changedLines(%q, %q) = %d; want %d", a, b, got, want)
		}
	}
}
