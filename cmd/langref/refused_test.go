package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/langref/langref/internal/gittest"
)

// TestRefusedExitCode checks that git's refusal of the repository stops
// every command that reads history with exit code 1, git's words and a
// hint; new writes its stubs and warns. GIT_TEST_ASSUME_DIFFERENT_OWNER is
// git's own test switch for a repository another user owns.
func TestRefusedExitCode(t *testing.T) {
	r := gittest.New(t)
	r.Write("_config.yml", "title: Docs\n", "en/a.md", "---\nlang-ref: a\n---\n# A\n", "en/b.md", "---\nlang-ref: b\n---\n# B\n",
		"fr/a.md", "---\nlang: fr\nlang-ref: a\n---\n# A\n")
	r.Commit("add")
	t.Setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"status"}, exitFindings},
		{[]string{"check", "--format", "json"}, exitFindings},
		{[]string{"diff", "--lang", "fr", "a"}, exitFindings},
		{[]string{"mark", "--lang", "fr", "--all"}, exitFindings},
		{[]string{"sync", "--lang", "fr"}, exitFindings},
		{[]string{"new", "--lang", "fr", "--dry-run", "b"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.args[0], func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := run(append([]string{"--root", r.Dir}, tt.args...), strings.NewReader(""), &stdout, &stderr, fakeEnv("LANG", "C"))
			if got != tt.want {
				t.Errorf("exit %d, want %d\nstderr:\n%s", got, tt.want, &stderr)
			}
			if !strings.Contains(stderr.String(), "detected dubious ownership") || !strings.Contains(stderr.String(), "hint: another user owns this repository") {
				t.Errorf("stderr does not quote git and give the hint:\n%s", &stderr)
			}
		})
	}
}
