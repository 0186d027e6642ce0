package testcorpus

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// The other corpora of ../shared/corpora, for CloneBundle.
const (
	// Glossary is the CNCF Cloud Native Glossary, a Hugo site at the
	// clone's root.
	Glossary = "cncf-glossary.bundle"
	// Starlight is Starlight's documentation, an Astro Starlight site in
	// the clone's docs folder.
	Starlight = "starlight-docs.bundle"
)

// FindBundle returns the absolute path of shared/corpora/name, looking in
// every folder from the working directory up.
func FindBundle(name string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, "shared", "corpora", name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("../shared/corpora/" + name + " not found: this test needs the shared corpus")
		}
		dir = parent
	}
}

// CloneBundle clones shared/corpora/name into a fresh temporary folder
// that tb removes, and returns the clone's path; it skips tb when the
// bundle is absent.
func CloneBundle(tb testing.TB, name string) string {
	tb.Helper()
	bundle, err := FindBundle(name)
	if err != nil {
		tb.Skip(err.Error())
	}
	dir := filepath.Join(tb.TempDir(), filepath.Base(name))
	if err := clone(bundle, dir); err != nil {
		tb.Fatal(err)
	}
	return dir
}
