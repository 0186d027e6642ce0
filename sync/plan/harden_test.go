package plan_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"github.com/langref/langref/internal/modetest"
	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/plan"
)

// TestApplyWritesThroughSymlinks: a _config.yml that is a symbolic link
// to a file inside the root stays a link, and its target gets the new
// contents; one leading outside is refused and nothing changes.
func TestApplyWritesThroughSymlinks(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "site")
	testfs.WritePairs(t, dir, "site/conf/real.yml", "old\n", "outside.yml", "out\n")
	link := filepath.Join(root, "_config.yml")
	if err := os.Symlink("conf/real.yml", link); err != nil {
		t.Skip("no symlinks:", err)
	}
	p := &plan.Plan{Root: root, Writes: []plan.Write{{Path: "_config.yml", Old: []byte("old\n"), New: []byte("new\n")}}}
	if _, err := p.Apply(plan.Options{}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("_config.yml is no longer a link: %v %v", fi, err)
	}
	if got := read(t, filepath.Join(root, "conf", "real.yml")); got != "new\n" {
		t.Errorf("target = %q", got)
	}
	noTemp(t, root)

	os.Remove(link)
	os.Symlink(filepath.Join(dir, "outside.yml"), link)
	p = &plan.Plan{Root: root, Writes: []plan.Write{{Path: "_config.yml", Old: []byte("out\n"), New: []byte("new\n")}}}
	if _, err := p.Apply(plan.Options{}); !errors.Is(err, plan.ErrEscape) {
		t.Errorf("err = %v, want ErrEscape", err)
	}
	if got := read(t, filepath.Join(dir, "outside.yml")); got != "out\n" {
		t.Errorf("outside = %q", got)
	}
}

// TestApplyRedoesAfterAnEdit: a file edited since the plan is planned
// again from its new contents, keeping the edit.
func TestApplyRedoesAfterAnEdit(t *testing.T) {
	root := t.TempDir()
	testfs.WritePairs(t, root, "_config.yml", "a\n# edited\n")
	redo := func(cur []byte) ([]byte, error) { return append(cur, "b\n"...), nil }
	p := &plan.Plan{Root: root, Writes: []plan.Write{{Path: "_config.yml", Old: []byte("a\n"), New: []byte("a\nb\n"), Redo: redo}}}
	if _, err := p.Apply(plan.Options{}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(root, "_config.yml")); got != "a\n# edited\nb\n" {
		t.Errorf("_config.yml = %q", got)
	}
}

// TestApplyRefusesNonRegularFiles: a pipe in place of _config.yml is
// refused, not read (which would block).
func TestApplyRefusesNonRegularFiles(t *testing.T) {
	root := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(root, "_config.yml"), 0o644); err != nil {
		t.Skip(err)
	}
	p := &plan.Plan{Root: root, Writes: []plan.Write{{Path: "_config.yml", Old: []byte("a\n"), New: []byte("b\n")}}}
	var we *plan.WriteError
	if _, err := p.Apply(plan.Options{}); !errors.As(err, &we) || !errors.Is(err, plan.ErrNotRegular) || we.Path != "_config.yml" {
		t.Errorf("err = %v", err)
	}
}

// TestApplyRefusesToCreateOverAFolder (found by FuzzApply): a file to
// create where a folder is is refused, even with Force (a folder is never
// moved aside), naming the file; the plan's other writes are not made.
func TestApplyRefusesToCreateOverAFolder(t *testing.T) {
	for _, force := range []bool{false, true} {
		root := t.TempDir()
		testfs.WritePairs(t, root, "00/0", "0")
		p := &plan.Plan{Root: root, Writes: []plan.Write{{Path: "00/0", Old: []byte("0"), New: []byte("1")}, {Path: "00", New: []byte("new")}}}
		_, err := p.Apply(plan.Options{Force: force})
		var we *plan.WriteError
		if !errors.As(err, &we) || we.Path != "00" || !errors.Is(err, plan.ErrNotRegular) {
			t.Errorf("force %v: err = %v", force, err)
		}
		if b, _ := os.ReadFile(filepath.Join(root, "00", "0")); string(b) != "0" {
			t.Errorf("force %v: 00/0 = %q, want it untouched", force, b)
		}
		if _, err := os.Stat(filepath.Join(root, "00~")); err == nil {
			t.Errorf("force %v: the folder was moved aside", force)
		}
	}
}

// TestWriteErrorsNameTheFile: a folder langref cannot write to gives an
// error naming the file, not the temporary file.
func TestWriteErrorsNameTheFile(t *testing.T) {
	if !modetest.Here(t) { // root writes anywhere, unless without CAP_DAC_OVERRIDE
		return
	}
	root := t.TempDir()
	testfs.WritePairs(t, root, "fr/keep", "k")
	os.Chmod(filepath.Join(root, "fr"), 0o555)
	defer os.Chmod(filepath.Join(root, "fr"), 0o755)
	p := &plan.Plan{Root: root, Writes: []plan.Write{{Path: "fr/a.md", New: []byte("A")}}}
	_, err := p.Apply(plan.Options{})
	var we *plan.WriteError
	if !errors.As(err, &we) || we.Path != "fr/a.md" || !errors.Is(err, os.ErrPermission) {
		t.Fatalf("err = %v", err)
	}
	if got := err.Error(); got != "writing fr/a.md: permission denied" {
		t.Errorf("message %q", got)
	}
}

// TestWriteErrorsNameTheFileWhenFull: a write that fails halfway (the
// file size limit, as a full disk would) names the file written, not the
// temporary file, and leaves no temporary file; it runs as root too,
// unlike TestWriteErrorsNameTheFile. The limit is the process's for the
// length of the test (no test of this package runs in parallel).
func TestWriteErrorsNameTheFileWhenFull(t *testing.T) {
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip(err)
	}
	root := t.TempDir()
	p := &plan.Plan{Root: root, Writes: []plan.Write{{Path: "fr/a.md", New: bytes.Repeat([]byte("x"), 10000)}}}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: 4096, Max: old.Max}); err != nil {
		t.Skip(err)
	}
	_, err := p.Apply(plan.Options{})
	syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old)
	var we *plan.WriteError
	if !errors.As(err, &we) || we.Path != "fr/a.md" || !errors.Is(err, syscall.EFBIG) {
		t.Fatalf("err = %v", err)
	}
	if got := err.Error(); got != "writing fr/a.md: file too large" {
		t.Errorf("message %q", got)
	}
	if ents, _ := os.ReadDir(filepath.Join(root, "fr")); len(ents) != 0 {
		t.Errorf("left in fr/: %v", ents)
	}
}

// TestCleanTemps removes what an interrupted Apply left, and nothing else.
func TestCleanTemps(t *testing.T) {
	root := t.TempDir()
	testfs.WritePairs(t, root, "._config.yml.langref-123", "x", "fr/.a.md.langref-9", "x",
		"fr/a.md", "keep", ".hidden", "keep", "fr/.a.md.langref-", "keep", ".git/.x.langref-1", "keep")
	got, err := plan.CleanTemps(root)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"._config.yml.langref-123", "fr/.a.md.langref-9"}; !slices.Equal(got, want) {
		t.Errorf("removed %v, want %v", got, want)
	}
	if left := tree(t, root); len(left) != 4 {
		t.Errorf("left %v", left)
	}
}

// TestLockWaits: a second Lock waits for the first to be released.
func TestLockWaits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "langref", "lock")
	release, err := plan.Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan struct{})
	go func() {
		r2, err := plan.Lock(path)
		if err == nil {
			r2()
		}
		close(got)
	}()
	select {
	case <-got:
		t.Fatal("a second lock was granted while the first was held")
	default:
	}
	release()
	<-got
}
