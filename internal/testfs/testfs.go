// Package testfs writes small trees of files for tests.
package testfs

import (
	"os"
	"path/filepath"
	"testing"
)

// Write creates the files, slash path → contents, under dir, with the
// folders they need. It fails the test on any error.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		writeFile(t, dir, name, content)
	}
}

// WritePairs is Write for files given as path, contents pairs, written in
// that order; a last unpaired path is ignored.
func WritePairs(t testing.TB, dir string, pathContents ...string) {
	t.Helper()
	for i := 0; i+1 < len(pathContents); i += 2 {
		writeFile(t, dir, pathContents[i], pathContents[i+1])
	}
}

// Dir creates the files in a new temporary folder and returns its path.
func Dir(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	Write(t, dir, files)
	return dir
}

func writeFile(t testing.TB, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
