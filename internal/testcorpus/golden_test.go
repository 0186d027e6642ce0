package testcorpus_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
)

// recorder is a testing.TB that keeps the failures it is told of.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Fatal(args ...any) { r.Fatalf("%s", fmt.Sprint(args...)) }

// golden runs Golden on its own goroutine, which Fatal ends, and returns
// the failures it reported.
func golden(t *testing.T, file string, got []string, update bool) []string {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		testcorpus.Golden(r, file, got, update)
	}()
	<-done
	return r.failures
}

func lines(n int, format string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf(format, i)
	}
	return out
}

func TestGolden(t *testing.T) {
	file := filepath.Join(t.TempDir(), "golden.txt")
	want := lines(15, "line %d")
	if f := golden(t, file, want, true); f != nil {
		t.Fatalf("Golden with update failed: %q", f)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != strings.Join(want, "\n")+"\n" {
		t.Fatalf("update wrote %q, %v", b, err)
	}
	tests := []struct {
		name     string
		got      []string
		failures int
		last     string
	}{
		{"same", want, 0, ""},
		{"one line changed", append(want[:14:14], "other"), 2, "1 of 15 lines differ"},
		{"all lines changed", lines(15, "other %d"), 11, "15 of 15 lines differ"},
		{"one line more", append(want, "other"), 1, "16 lines, " + file + " has 15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := golden(t, file, tt.got, false)
			if len(f) != tt.failures || len(f) > 0 && !strings.HasPrefix(f[len(f)-1], tt.last) {
				t.Errorf("Golden reported %d failures, want %d ending with %q:\n%s", len(f), tt.failures, tt.last, strings.Join(f, "\n"))
			}
		})
	}
}

func TestGoldenMissing(t *testing.T) {
	f := golden(t, filepath.Join(t.TempDir(), "missing.txt"), []string{"a"}, false)
	if len(f) != 1 || !strings.Contains(f[0], "-update writes it") {
		t.Errorf("Golden of a missing file reported %q", f)
	}
}
