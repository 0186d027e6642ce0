package change

import (
	"strings"
	"testing"
)

// FuzzSquashed: appendSquashed writes what the expression it replaces
// wrote.
func FuzzSquashed(f *testing.F) {
	for _, s := range []string{"", " ", "<p>a</p>\n<p>b</p>\n", "> < <> <", "a\u00a0b\u3000 <x>\t\n<y>", "\xff \xe2\x80", ">\u2028<", " <a> b  </a> "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "> <", "><")
		if got := string(appendSquashed(nil, []byte(s))); got != want {
			t.Fatalf("appendSquashed(%q) = %q, want %q", s, got, want)
		}
		if got := string(appendSquashed([]byte("x"), []byte(s))); got != "x"+want {
			t.Fatalf("appendSquashed(x, %q) = %q, want %q", s, got, "x"+want)
		}
	})
}
