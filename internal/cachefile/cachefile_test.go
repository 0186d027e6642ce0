package cachefile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestWriteReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "langref", "c.bin")
	for _, want := range []string{"first", "second"} {
		if err := Write(path, []byte(want)); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(path); err != nil || string(got) != want {
			t.Fatalf("read %q, %v; want %q", got, err, want)
		}
	}
	if es, _ := os.ReadDir(filepath.Dir(path)); len(es) != 1 {
		t.Errorf("%d files left in the folder, want the cache only", len(es))
	}
}

// TestWriteFuncFailing: a file whose writing fails does not replace the
// cache, and leaves no temporary file.
func TestWriteFuncFailing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "langref", "c.bin")
	if err := Write(path, []byte("kept")); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("failed")
	err := WriteFunc(path, func(w io.Writer) error {
		w.Write(bytes.Repeat([]byte("x"), 1<<20)) // more than the buffer: some reach the file
		return failed
	})
	if !errors.Is(err, failed) {
		t.Errorf("WriteFunc = %v, want the error of write", err)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != "kept" {
		t.Errorf("read %q, %v; want the cache as it was", got, err)
	}
	if es, _ := os.ReadDir(filepath.Dir(path)); len(es) != 1 {
		t.Errorf("%d files left in the folder, want the cache only", len(es))
	}
}

func TestWriteFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(file, "c.bin"), []byte("x")); err == nil {
		t.Error("writing under a file succeeded")
	}
}

func TestDir(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v: %s", err, out)
	}
	sub := filepath.Join(repo, "docs")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.EvalSymlinks(filepath.Join(repo, ".git"))
	got, _ := filepath.EvalSymlinks(filepath.Dir(Dir(sub)))
	if got != want || filepath.Base(Dir(sub)) != "langref" {
		t.Errorf("Dir = %q, want %q/langref", Dir(sub), want)
	}
	if d := Dir(t.TempDir()); d != "" {
		t.Errorf("outside a repository, Dir = %q, want none", d)
	}
}

func TestBuildStamp(t *testing.T) {
	if BuildStamp() == "" || BuildStamp() != BuildStamp() {
		t.Errorf("BuildStamp = %q", BuildStamp())
	}
}
