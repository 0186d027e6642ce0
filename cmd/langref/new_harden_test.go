package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/langref/langref/internal/testfs"
)

// langrefExe returns a command running this test binary as langref: a
// link named langref to it, which testscript.Main (see TestMain) runs as
// the CLI.
func langrefExe(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "langref")
	if err := os.Symlink(self, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	return link
}

// raceSite is a site whose source navigation lists n pages, with fr and
// de blocks listing none yet.
func raceSite(n int) map[string]string {
	var nav strings.Builder
	files := map[string]string{}
	for i := range n {
		fmt.Fprintf(&nav, "  - path: en/p%02d.md\n", i)
		files[fmt.Sprintf("en/p%02d.md", i)] = fmt.Sprintf("---\nlang-ref: p%02d\ntitle: P\n---\nSome English text number %d here.\n", i, i)
	}
	files["_config.yml"] = "title: Docs\nchapters:\n" + nav.String() + "\nfr:\n  title: Docs\n  chapters:\n\nde:\n  title: Docs\n  chapters:\n"
	return files
}

func runExe(exe, root string, args ...string) (string, error) {
	cmd := exec.Command(exe, append([]string{"--root", root}, args...)...)
	cmd.Env = append(os.Environ(), "LANG=C", "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// navCount counts the entries of lang's pages in _config.yml.
func navCount(t *testing.T, root, lang string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "_config.yml"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(b), "path: "+lang+"/")
}

// TestConcurrentNewKeepsEveryEntry runs `new --missing` for fr and de at
// once, as two processes, many times: both succeed and both languages'
// entries are in _config.yml (before the lock, one of them was lost in
// every run).
func TestConcurrentNewKeepsEveryEntry(t *testing.T) {
	exe := langrefExe(t)
	const pages = 6
	for round := range 8 {
		root := testfs.Dir(t, raceSite(pages))
		var wg sync.WaitGroup
		outs, errs := make([]string, 2), make([]error, 2)
		for i, lang := range []string{"fr", "de"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				outs[i], errs[i] = runExe(exe, root, "new", "--lang", lang, "--missing", "--date", "2020-08-01")
			}()
		}
		wg.Wait()
		for i, lang := range []string{"fr", "de"} {
			if errs[i] != nil {
				t.Fatalf("round %d: new --lang %s: %v\n%s", round, lang, errs[i], outs[i])
			}
			if !strings.Contains(outs[i], fmt.Sprintf("added %d entries to the %s navigation", pages, lang)) {
				t.Errorf("round %d: %s said:\n%s", round, lang, outs[i])
			}
			if got := navCount(t, root, lang); got != pages {
				t.Errorf("round %d: %d %s entries in _config.yml, want %d", round, got, lang, pages)
			}
		}
	}
}

// TestNewNeverOverwritesAnEdit runs `new` while an editor saves
// _config.yml again and again (reading it, adding a comment line, saving
// through a temporary file and a rename, as editors do): every one of
// the editor's lines survives, and a new that succeeded left its stubs,
// whose entries a second `new --missing` completes if an edit dropped
// them.
func TestNewNeverOverwritesAnEdit(t *testing.T) {
	exe := langrefExe(t)
	for round := range 10 {
		root := testfs.Dir(t, raceSite(4))
		config := filepath.Join(root, "_config.yml")
		done := make(chan struct{})
		edits := make(chan int)
		go func() {
			k := 0
			defer func() { edits <- k }()
			for {
				select {
				case <-done:
					return
				default:
				}
				k++
				b, err := os.ReadFile(config)
				if err != nil {
					t.Error(err)
					return
				}
				b = append(b, fmt.Sprintf("# edit %d\n", k)...)
				tmp := config + ".editor"
				if err := os.WriteFile(tmp, b, 0o644); err != nil {
					t.Error(err)
					return
				}
				if err := os.Rename(tmp, config); err != nil {
					t.Error(err)
					return
				}
				time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
			}
		}()
		out, err := runExe(exe, root, "new", "--lang", "fr", "--missing", "--date", "2020-08-01")
		close(done)
		k := <-edits
		b, rerr := os.ReadFile(config)
		if rerr != nil {
			t.Fatal(rerr)
		}
		for i := 1; i <= k; i++ {
			if !bytes.Contains(b, fmt.Appendf(nil, "# edit %d\n", i)) {
				t.Fatalf("round %d: edit %d of %d is lost; new said %v\n%s\n_config.yml:\n%s", round, i, k, err, out, b)
			}
		}
		if err != nil && !strings.Contains(out, "changed on disk") {
			t.Fatalf("round %d: new failed: %v\n%s", round, err, out)
		}
		if out, err := runExe(exe, root, "new", "--lang", "fr", "--missing", "--date", "2020-08-01"); err != nil {
			t.Fatalf("round %d: second new: %v\n%s", round, err, out)
		}
		if got := navCount(t, root, "fr"); got != 4 {
			t.Errorf("round %d: %d fr entries after a second new, want 4", round, got)
		}
	}
}

// TestKilledNewIsCompletedByTheNext kills `new` at random points: every
// file is either as it was or as new writes it (no half-written file),
// and a second `new --missing` leaves every page with its stub and its
// navigation entry, and no temporary file.
func TestKilledNewIsCompletedByTheNext(t *testing.T) {
	exe := langrefExe(t)
	const pages = 5
	for round := range 12 {
		root := testfs.Dir(t, raceSite(pages))
		before, _ := os.ReadFile(filepath.Join(root, "_config.yml"))
		cmd := exec.Command(exe, "--root", root, "new", "--lang", "fr", "--missing", "--date", "2020-08-01")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.IntN(60000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		cfg, _ := os.ReadFile(filepath.Join(root, "_config.yml"))
		if !bytes.Equal(cfg, before) && navCount(t, root, "fr") != pages {
			t.Fatalf("round %d: _config.yml is neither old nor new:\n%s", round, cfg)
		}
		for i := range pages {
			b, err := os.ReadFile(filepath.Join(root, fmt.Sprintf("fr/p%02d.md", i)))
			if err == nil && !bytes.Contains(b, []byte("lang: fr")) {
				t.Fatalf("round %d: a half-written stub:\n%s", round, b)
			}
		}
		if out, err := runExe(exe, root, "new", "--lang", "fr", "--missing", "--date", "2020-08-01"); err != nil {
			t.Fatalf("round %d: new after a kill: %v\n%s", round, err, out)
		}
		if got := navCount(t, root, "fr"); got != pages {
			t.Errorf("round %d: %d fr entries after the second run, want %d", round, got, pages)
		}
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && strings.Contains(d.Name(), ".langref-") {
				t.Errorf("round %d: temporary file left: %s", round, p)
			}
			return nil
		})
		for i := range pages {
			if _, err := os.Stat(filepath.Join(root, fmt.Sprintf("fr/p%02d.md", i))); err != nil {
				t.Errorf("round %d: %v", round, err)
			}
		}
	}
}

// TestDeepListIsAFinding: a list 3,000 levels deep (9 MB; check took 81 s
// before the limit) is checked, and reported at its first line past the
// limit, with exit code 0 (a warning); status, report and new go through it.
func TestDeepListIsAFinding(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\nlang-ref: deep\n---\n")
	for i := range 3000 {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	deep := b.String()
	root := testfs.Dir(t, map[string]string{
		"_config.yml": "title: Docs\n",
		"en/deep.md":  deep,
		"fr/deep.md":  strings.Replace(deep, "lang-ref: deep\n", "lang: fr\nlang-ref: deep\n", 1),
		"en/other.md": strings.Replace(deep, "lang-ref: deep", "lang-ref: other", 1),
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"--root", root, "check"}, strings.NewReader(""), &stdout, &stderr, fakeEnv("LANG", "C"))
	// Line 4 holds depth 0; depth 64 (line 68) is the first whose "- " ends past column 128.
	want := "en/deep.md:68:1: warning: this line is nested more than 128 columns deep in lists or quotes"
	if code != 0 || !strings.Contains(stdout.String(), want) {
		t.Fatalf("check = %d\n%s\n%s", code, &stdout, &stderr)
	}
	for _, args := range [][]string{{"status"}, {"report", "--format", "json"}, {"new", "--lang", "fr", "en/other.md"}} {
		stdout.Reset()
		stderr.Reset()
		if code := run(append([]string{"--root", root}, args...), strings.NewReader(""), &stdout, &stderr, fakeEnv("LANG", "C")); code != 0 {
			t.Errorf("%v = %d\n%s\n%s", args, code, &stdout, &stderr)
		}
	}
}
