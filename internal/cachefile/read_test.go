package cachefile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadRefusesWhatIsNoCache: a cache that is a link to /dev/zero, a
// pipe or a folder, or larger than the bound, is refused before it is
// read (reading /dev/zero whole ran out of memory), and a regular file
// within the bound is read.
func TestReadRefusesWhatIsNoCache(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	if err := os.WriteFile(at("good"), []byte("cache"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(at("big"), make([]byte, 100), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", at("zero")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(at("fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(at("folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		limit int64
		want  string // contents, or "" for ErrNotCache
	}{
		{"good", 0, "cache"},
		{"big", 99, ""},
		{"big", 100, string(make([]byte, 100))},
		{"zero", 0, ""},
		{"folder", 0, ""},
		{"fifo", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Read(at(tt.name), tt.limit)
			if tt.want == "" {
				if !errors.Is(err, ErrNotCache) {
					t.Errorf("err = %v, want ErrNotCache", err)
				}
				return
			}
			if err != nil || string(b) != tt.want {
				t.Errorf("Read = %q, %v", b, err)
			}
		})
	}
}

func TestMissingIsNotExist(t *testing.T) {
	if _, err := Read(filepath.Join(t.TempDir(), "none"), 0); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v", err)
	}
}
