package testfs

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := Dir(t, map[string]string{"a.md": "A", "x/y/b.md": "B"})
	WritePairs(t, dir, "x/c.md", "C", "a.md", "A2")
	for name, want := range map[string]string{"a.md": "A2", "x/y/b.md": "B", "x/c.md": "C"} {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
}
