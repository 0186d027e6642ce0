package main

import (
	"bytes"
	"os"
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
