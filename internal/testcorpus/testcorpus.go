// Package testcorpus gives integration tests and benchmarks a git clone of
// the shared DLSP20 corpus (../shared/corpora/dlsp20-docs.bundle), and skips
// them with a clear message on machines that do not have it.
package testcorpus

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	gosync "sync"
	"testing"
)

// Bundle is the corpus file, relative to a folder at or above the
// working directory (CI checks out ../shared beside the repository).
const Bundle = "shared/corpora/dlsp20-docs.bundle"

// SkipMessage is why tests skip when the corpus is absent.
const SkipMessage = "../shared/corpora/dlsp20-docs.bundle not found: the DLSP20 integration tests need the shared corpus"

// Find returns the absolute path of the bundle, looking in every folder
// from the working directory up to the filesystem root.
func Find() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, filepath.FromSlash(Bundle))
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New(SkipMessage)
		}
		dir = parent
	}
}

// Clone clones the corpus into a fresh temporary folder that tb removes,
// and returns the clone's path; the site root is Clone(tb)+"/docs". The
// clone is the test's own to change.
func Clone(tb testing.TB) string {
	tb.Helper()
	bundle, err := Find()
	if err != nil {
		tb.Skip(err.Error())
	}
	dir := filepath.Join(tb.TempDir(), "dlsp20")
	if err := clone(bundle, dir); err != nil {
		tb.Fatal(err)
	}
	return dir
}

var shared struct {
	once gosync.Once
	dir  string
	err  error
}

// Shared returns one clone per test binary, made on first use, for tests
// and benchmarks that only read it: cloning takes seconds. Call Cleanup
// from TestMain to remove it.
func Shared(tb testing.TB) string {
	tb.Helper()
	bundle, err := Find()
	if err != nil {
		tb.Skip(err.Error())
	}
	shared.once.Do(func() {
		tmp, err := os.MkdirTemp("", "langref-dlsp20-")
		if err != nil {
			shared.err = err
			return
		}
		shared.dir = filepath.Join(tmp, "dlsp20")
		shared.err = clone(bundle, shared.dir)
	})
	if shared.err != nil {
		tb.Fatal(shared.err)
	}
	return shared.dir
}

// Cleanup removes the clone Shared made, if any.
func Cleanup() {
	if shared.dir != "" {
		os.RemoveAll(filepath.Dir(shared.dir))
	}
}

// Main runs the tests of a package that uses Shared, removes the clone and
// exits with the tests' code. Call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	Cleanup()
	os.Exit(code)
}

func clone(bundle, dir string) error {
	out, err := exec.Command("git", "clone", "-q", bundle, dir).CombinedOutput()
	if err != nil {
		return fmt.Errorf("git clone %q: %w: %s", bundle, err, bytes.TrimSpace(out))
	}
	return nil
}
