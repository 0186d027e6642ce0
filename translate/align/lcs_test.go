package align

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestLCSMethodsAgree checks that Myers' diff, used for tables too large
// to build, finds common subsequences as long as the table's, valid ones
// (in order, equal non-empty keys).
func TestLCSMethodsAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		a, b := randomKeys(r, n%40), randomKeys(r, (n*7)%40)
		ia, ib := nonEmpty(a), nonEmpty(b)
		tab, my := table(a, b, ia, ib), myers(a, b, ia, ib)
		for _, got := range [][][2]int{tab, my, lcs(a, b)} {
			valid(t, a, b, got)
		}
		if len(tab) != len(my) || len(lcs(a, b)) != len(tab) {
			t.Fatalf("a=%q b=%q: table %d pairs, myers %d, lcs %d", a, b, len(tab), len(my), len(lcs(a, b)))
		}
	}
}

func randomKeys(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		if k := r.IntN(5); k > 0 {
			out[i] = fmt.Sprint("k", k)
		}
	}
	return out
}

func valid(t *testing.T, a, b []string, ps [][2]int) {
	t.Helper()
	for k, p := range ps {
		if a[p[0]] == "" || a[p[0]] != b[p[1]] || k > 0 && (p[0] <= ps[k-1][0] || p[1] <= ps[k-1][1]) {
			t.Fatalf("a=%q b=%q: bad pairs %v", a, b, ps)
		}
	}
}

// TestLCSLargeStaysSmall aligns 200,000 anchors with themselves changed
// here and there: the table would take 160 GB.
func TestLCSLargeStaysSmall(t *testing.T) {
	n := 200000
	a, b := make([]string, n), make([]string, n)
	for i := range a {
		a[i], b[i] = fmt.Sprint("h", i%1000), fmt.Sprint("h", i%1000)
		if i%5000 == 7 {
			b[i] = "changed"
		}
	}
	if got := len(lcs(a, b)); got != n-n/5000 {
		t.Errorf("lcs has %d pairs, want %d", got, n-n/5000)
	}
}
