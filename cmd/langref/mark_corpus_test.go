package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
)

// TestMarkGlossary is the mark round trip on a real Hugo site, the CNCF
// glossary, whose baseline key is Hugo's default_lang_commit: mark --all
// adds one line to each French page that is not stale, and mark --force
// one to a stale page, which status then calls translated; no other byte
// of any file changes.
func TestMarkGlossary(t *testing.T) {
	root := testcorpus.CloneBundle(t, testcorpus.Glossary)
	stale := statusPaths(t, root, "fr", "stale")
	translated := statusPaths(t, root, "fr", "translated")
	if len(stale) == 0 || len(translated) == 0 {
		t.Fatalf("%d stale and %d translated French pages; the test needs both", len(stale), len(translated))
	}
	runOK(t, root, "mark", "--lang", "fr", "--all")
	runOK(t, root, "mark", "--lang", "fr", "--force", stale[0])
	key := regexp.MustCompile(`^default_lang_commit: [0-9a-f]{40}$`)
	lines := strings.Split(strings.TrimSpace(git(t, root, "diff", "--numstat")), "\n")
	if len(lines) != len(translated)+1 {
		t.Errorf("%d files changed, want %d", len(lines), len(translated)+1)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "1\t0\t") {
			t.Errorf("git diff --numstat: %q, want one added line", l)
		}
	}
	for _, l := range strings.Split(git(t, root, "diff", "-U0"), "\n") {
		if strings.HasPrefix(l, "+") && !strings.HasPrefix(l, "+++") && !key.MatchString(l[1:]) {
			t.Errorf("mark added %q", l)
		}
	}
	if !slices.Contains(statusPaths(t, root, "fr", "translated"), stale[0]) {
		t.Errorf("%s is not translated after mark --force", stale[0])
	}
	if now := statusPaths(t, root, "fr", "stale"); len(now) != len(stale)-1 {
		t.Errorf("%d stale pages after mark --force, want %d", len(now), len(stale)-1)
	}
	t.Logf("marked %d pages, one line each", len(lines))
}
