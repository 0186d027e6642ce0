package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/langref/langref/internal/gittest"
)

// syncRepo is a Jekyll site in a git repository with pages fr
// translations that a later English commit made stale: a formula to copy
// and a sentence to mark in each.
func syncRepo(t *testing.T, pages int) string {
	t.Helper()
	r := gittest.New(t)
	r.Write("_config.yml", "title: Docs\n")
	for i := range pages {
		r.Write(fmt.Sprintf("en/p%02d.md", i), fmt.Sprintf("---\nlang-ref: p%02d\nlang: en\n---\n# Page %d\n\nThe formula $y = %dx$ gives the line.\n\nThe model learns.\n", i, i, i))
		r.Write(fmt.Sprintf("fr/p%02d.md", i), fmt.Sprintf("---\nlang-ref: p%02d\nlang: fr\n---\n# Page %d\n\nLa formule $y = %dx$ donne la droite.\n\nLe modèle apprend.\n", i, i, i))
	}
	r.Commit("Translate")
	for i := range pages {
		r.Write(fmt.Sprintf("en/p%02d.md", i), fmt.Sprintf("---\nlang-ref: p%02d\nlang: en\n---\n# Page %d\n\nThe formula $y = %dx + 1$ gives the line.\n\nThe network model learns a linear function from data.\n", i, i, i))
	}
	r.Commit("Add a bias")
	return r.Dir
}

// copyTree copies the folder src (a repository) to a new folder.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "repo")
	if out, err := exec.Command("cp", "-a", src, dst).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v\n%s", err, out)
	}
	return dst
}

// frFiles returns the fr translations of root, by name.
func frFiles(t *testing.T, root string, pages int) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for i := range pages {
		name := fmt.Sprintf("fr/p%02d.md", i)
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = b
	}
	return out
}

// TestKilledSyncIsCompletedByTheNext kills `sync` (SIGKILL) at random
// points: every translation is then either as it was or as a whole sync
// writes it (no half-written file), and a second sync leaves every page
// as one uninterrupted sync does, with no temporary file.
func TestKilledSyncIsCompletedByTheNext(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	exe := langrefExe(t)
	const pages = 8
	origin := syncRepo(t, pages)
	old := frFiles(t, origin, pages)
	whole := copyTree(t, origin)
	start := time.Now()
	out, err := runExe(exe, whole, "sync", "--lang", "fr")
	took := time.Since(start) // kills land anywhere in a run this long
	if err != nil {
		t.Fatalf("sync: %v\n%s", err, out)
	}
	want := frFiles(t, whole, pages)
	for name := range want {
		if bytes.Equal(want[name], old[name]) {
			t.Fatalf("sync left %s as it was: the test needs pages it rewrites", name)
		}
	}
	killed, partial := 0, 0
	for round := range 12 {
		root := copyTree(t, origin)
		cmd := exec.Command(exe, "--root", root, "sync", "--lang", "fr")
		cmd.Env = append(os.Environ(), "LANG=C", "NO_COLOR=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.Int64N(int64(took))))
		cmd.Process.Signal(syscall.SIGKILL)
		if err := cmd.Wait(); err != nil {
			killed++
		}
		written := 0
		for name, b := range frFiles(t, root, pages) {
			if !bytes.Equal(b, old[name]) && !bytes.Equal(b, want[name]) {
				t.Fatalf("round %d: %s is neither as it was nor as sync writes it:\n%s", round, name, b)
			}
			if bytes.Equal(b, want[name]) {
				written++
			}
		}
		if written > 0 && written < pages {
			partial++
		}
		if out, err := runExe(exe, root, "sync", "--lang", "fr"); err != nil {
			t.Fatalf("round %d: sync after a kill: %v\n%s", round, err, out)
		}
		for name, b := range frFiles(t, root, pages) {
			if !bytes.Equal(b, want[name]) {
				t.Errorf("round %d: after the second sync %s is\n%s\nwant\n%s", round, name, b, want[name])
			}
		}
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && strings.Contains(d.Name(), ".langref-") {
				t.Errorf("round %d: temporary file left: %s", round, p)
			}
			return nil
		})
	}
	t.Logf("%d of 12 runs killed before they ended, %d with some pages written and others not", killed, partial)
}
