package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testfs"
)

// TestBadLinkExitCodes pins the exit codes of the catalogue's symbolic
// links (bad-input-symlinks.txt): a link in a loop or out of the site at a
// translation's path is a finding of check (1), a broken page in status
// (0), and stops new, with --force too (1, on stderr).
func TestBadLinkExitCodes(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "outside.md")
	if err := os.WriteFile(outside, []byte("---\nlang-ref: a\nlang: fr\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"a.md", outside} {
		tests := []struct {
			args []string
			want int
		}{
			{[]string{"check"}, 1},
			{[]string{"status"}, 0},
			{[]string{"new", "--lang", "fr", "a"}, 1},
			{[]string{"new", "--lang", "fr", "--force", "a"}, 1},
			{[]string{"new", "--lang", "fr", "--missing", "--force"}, 1},
		}
		for _, tt := range tests {
			t.Run(target+" "+strings.Join(tt.args, " "), func(t *testing.T) {
				root := testfs.Dir(t, map[string]string{
					"_config.yml": "title: Docs\n",
					"en/a.md":     "---\nlang-ref: a\nlang: en\n---\nText.\n",
				})
				if err := os.MkdirAll(filepath.Join(root, "fr"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(target, filepath.Join(root, "fr", "a.md")); err != nil {
					t.Skip("this file system has no symbolic links:", err)
				}
				var stdout, stderr bytes.Buffer
				got := run(append([]string{"--root", root}, tt.args...), strings.NewReader(""), &stdout, &stderr, fakeEnv("LANG", "C"))
				if got != tt.want {
					t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", got, tt.want, &stdout, &stderr)
				}
				if tt.want == 1 && tt.args[0] == "new" && !strings.Contains(stderr.String(), "fr/a.md is a symbolic link") {
					t.Errorf("new does not name the link:\n%s", &stderr)
				}
				if b, _ := os.ReadFile(outside); string(b) != "---\nlang-ref: a\nlang: fr\n---\n" {
					t.Errorf("the file outside the site was written: %q", b)
				}
			})
		}
	}
}

// TestBadLinksJekyllOracle: what langref says of each kind of link is
// what Jekyll does with it: a loop and a link to nothing stop the whole
// build (safe mode or not), and safe mode (GitHub Pages) leaves a link
// out of the site out, while a plain build reads it. Needs jekyll
// (Debian: apt-get install jekyll).
func TestBadLinksJekyllOracle(t *testing.T) {
	jekyll, err := exec.LookPath("jekyll")
	if err != nil {
		t.Skip("jekyll is not on PATH (Debian: apt-get install jekyll)")
	}
	outside := filepath.Join(t.TempDir(), "outside.md")
	if err := os.WriteFile(outside, []byte("---\nlang-ref: a\nlang: fr\n---\nOutside.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, target string
		safe         bool
		builds       bool   // the build succeeds
		page         bool   // _site/fr/a.html is there
		says         string // in check's finding
	}{
		{"loop", "a.md", false, false, false, "a symbolic link in a loop"},
		{"loop, safe", "a.md", true, false, false, "a symbolic link in a loop"},
		{"to nothing", "nowhere.md", false, false, false, "which does not exist"},
		{"to nothing, safe", "nowhere.md", true, false, false, "which does not exist"},
		{"outside, safe", outside, true, true, false, "outside the site"},
		{"outside, not safe", outside, false, true, true, "outside the site"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := testfs.Dir(t, map[string]string{
				"_config.yml": "title: Docs\n",
				"en/a.md":     "---\nlang-ref: a\nlang: en\n---\nText.\n",
			})
			if err := os.MkdirAll(filepath.Join(root, "fr"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(tt.target, filepath.Join(root, "fr", "a.md")); err != nil {
				t.Skip("this file system has no symbolic links:", err)
			}
			site := filepath.Join(t.TempDir(), "_site")
			args := []string{"build", "--quiet", "--source", root, "--destination", site}
			if tt.safe {
				args = append(args, "--safe")
			}
			out, err := exec.Command(jekyll, args...).CombinedOutput()
			if (err == nil) != tt.builds {
				t.Fatalf("jekyll build (safe %v): %v, want it to build: %v\n%s", tt.safe, err, tt.builds, out)
			}
			if _, err := os.Stat(filepath.Join(site, "fr", "a.html")); tt.builds && (err == nil) != tt.page {
				t.Errorf("fr/a.html built: %v, want %v", err == nil, tt.page)
			}
			var stdout, stderr bytes.Buffer
			run([]string{"--root", root, "check"}, strings.NewReader(""), &stdout, &stderr, fakeEnv("LANG", "C"))
			if !strings.Contains(stdout.String(), "fr/a.md:1:1: error: ") || !strings.Contains(stdout.String(), tt.says) {
				t.Errorf("check does not report fr/a.md:\n%s%s", &stdout, &stderr)
			}
		})
	}
}
