package modetest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestHere: the body runs where a file of mode 000 cannot be read, as
// root too (without the capabilities that override modes).
func TestHere(t *testing.T) {
	if !Here(t) {
		return
	}
	p := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(p, []byte("x"), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(p); !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("read a file of mode 000: %v", err)
	}
}
