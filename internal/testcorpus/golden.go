package testcorpus

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// Golden checks got, one line each, against the golden file, or rewrites
// the file when update is set (a test's -update flag). It reports the first
// 10 lines that differ and how many do.
func Golden(tb testing.TB, file string, got []string, update bool) {
	tb.Helper()
	if update {
		if err := os.WriteFile(file, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want := readLines(tb, file)
	if len(want) != len(got) {
		tb.Fatalf("%d lines, %s has %d (-update rewrites it when the change is intended)", len(got), file, len(want))
	}
	bad := 0
	for i := range got {
		if got[i] != want[i] {
			if bad++; bad <= 10 {
				tb.Errorf("%s:%d changed:\n got %s\nwant %s", file, i+1, got[i], want[i])
			}
		}
	}
	if bad > 0 {
		tb.Errorf("%d of %d lines differ from %s (-update rewrites it when the change is intended)", bad, len(got), file)
	}
}

func readLines(tb testing.TB, file string) []string {
	tb.Helper()
	f, err := os.Open(file)
	if err != nil {
		tb.Fatalf("%v (-update writes it)", err)
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		out = append(out, s.Text())
	}
	if err := s.Err(); err != nil {
		tb.Fatalf("read %q: %v", file, err)
	}
	return out
}
