package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/status"
	"github.com/langref/langref/translate/diff"
)

// runIn runs langref in dir and returns its stdout, stderr and exit code.
func runIn(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb, fakeEnv("LANG", "C"))
	return out.String(), errb.String(), code
}

// TestDiscoverCorpus: from every folder level of a DLSP20 clone, with no
// --root, status finds docs/ and prints the same summary; with --lang, the
// paths are relative to the folder it runs in.
func TestDiscoverCorpus(t *testing.T) {
	slow(t)
	repo := testcorpus.Shared(t) // read only
	want, _, code := runIn(t, repo, "status")
	if code != 0 || !strings.HasPrefix(want, "lang\tsource_pages\t") || !strings.Contains(want, "\nfr\t60\t") {
		t.Fatalf("status from the repository root: exit %d\n%s", code, want)
	}
	for _, dir := range []string{"docs", "docs/fr", "docs/en", "docs/en/week01", "docs/fr/week01", ".git/.."} {
		t.Run(dir, func(t *testing.T) {
			got, errs, code := runIn(t, filepath.Join(repo, dir), "status")
			if code != 0 || got != want {
				t.Errorf("status from %s: exit %d\n%s\n%s", dir, code, got, errs)
			}
		})
	}
	got, _, _ := runIn(t, filepath.Join(repo, "docs/fr/week01"), "status", "--lang", "fr", "--format", "tsv")
	if !strings.Contains(got, "\tch.01-1\t01-1.md\t../../en/week01/01-1.md\t") {
		t.Errorf("paths are not relative to docs/fr/week01:\n%.600s", got)
	}
	got, _, _ = runIn(t, filepath.Join(repo, "docs/fr/week01"), "check", "--format", "json")
	if strings.Contains(got, `"path": "../`) || !strings.Contains(got, `"path": "docs/`) {
		t.Errorf("check --format json paths are not relative to the repository:\n%.600s", got)
	}
	// The repository root as --root: the site below it, not 485 unknown-lang errors.
	got, _, _ = runIn(t, repo, "--root", repo, "check")
	if strings.Contains(got, "[unknown-lang]") && strings.Count(got, "[unknown-lang]") > 5 {
		t.Errorf("--root at the repository root reads the wrong folder:\n%.600s", got)
	}
}

// TestShallowCorpus: on a depth-1 clone of DLSP20, no page whose
// translation commit is missing is called stale or up to date: status,
// diff --stale and report agree, every format says the clone is shallow,
// and --require-history refuses to answer.
func TestShallowCorpus(t *testing.T) {
	slow(t)
	full := testcorpus.Shared(t) // cloned from, never changed
	dir := filepath.Join(t.TempDir(), "shallow")
	if out, err := exec.Command("git", "clone", "-q", "--depth", "1", "-c", "gc.auto=0", "-c", "maintenance.auto=false", "file://"+filepath.ToSlash(full), dir).CombinedOutput(); err != nil {
		t.Fatalf("git clone --depth 1: %v\n%s", err, out)
	}
	out, errs, code := runIn(t, dir, "status", "--format", "json", "--lang", "fr")
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "shallow clone") || !strings.Contains(errs, "git fetch --unshallow") || !strings.Contains(errs, "fetch-depth: 0") {
		t.Errorf("stderr does not say the clone is shallow and how to fix it:\n%s", errs)
	}
	var r status.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.History == nil || !r.History.Shallow {
		t.Errorf("status JSON history = %+v, want shallow", r.History)
	}
	var fr status.Language
	for _, l := range r.Languages {
		if l.Lang == "fr" {
			fr = l
		}
	}
	if fr.Stale != 0 || fr.Unknown != 59 || fr.Missing != 1 {
		t.Errorf("fr on a shallow clone: %+v; want 0 stale, 59 unknown, 1 missing", fr)
	}
	out, _, code = runIn(t, dir, "diff", "--stale", "--lang", "fr", "--format", "json")
	var d diff.Report
	if err := json.Unmarshal([]byte(out), &d); err != nil || code != 0 {
		t.Fatalf("diff --stale: exit %d, %v", code, err)
	}
	if len(d.Pages) != fr.Stale {
		t.Errorf("diff --stale shows %d French pages, status %d stale", len(d.Pages), fr.Stale)
	}
	out, _, _ = runIn(t, dir, "report", "--format", "json")
	var rep struct {
		Status status.Report `json:"status"`
		Clone  *struct {
			Shallow bool `json:"shallow"`
		} `json:"clone"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Clone == nil || !rep.Clone.Shallow {
		t.Errorf("report JSON clone = %+v, want shallow", rep.Clone)
	}
	for _, l := range rep.Status.Languages {
		if l.Lang == "fr" && (l.Stale != fr.Stale || l.Unknown != fr.Unknown) {
			t.Errorf("report fr %+v disagrees with status %+v", l, fr)
		}
	}
	if _, errs, code := runIn(t, dir, "--require-history", "check"); code != 2 || !strings.Contains(errs, "--require-history") {
		t.Errorf("--require-history on a shallow clone: exit %d, %s", code, errs)
	}
	if _, errs, code := runIn(t, dir, "status", "--fail-under", "fr=90"); code != 2 || !strings.Contains(errs, "unknown state") {
		t.Errorf("--fail-under on a shallow clone: exit %d, %s; want 2: coverage cannot be judged", code, errs)
	}
	// No cache is written from a shallow history.
	if entries, err := os.ReadDir(filepath.Join(dir, ".git", "langref")); err == nil {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "stale") {
				t.Errorf("a staleness cache was written from shallow history: %s", e.Name())
			}
		}
	}
}

// TestPartialCorpus: a blobless clone of DLSP20 (git clone
// --filter=blob:none) says so in the JSON and on stderr, with the fix.
func TestPartialCorpus(t *testing.T) {
	slow(t)
	full := testcorpus.Shared(t) // cloned from, never changed
	dir := filepath.Join(t.TempDir(), "partial")
	// The filter needs uploadpack.allowFilter on the side that serves it.
	// No maintenance in the background after lazy fetches: the test removes the clone.
	clone := exec.Command("git", "clone", "-q", "--filter=blob:none", "-c", "gc.auto=0", "-c", "maintenance.auto=false",
		"--upload-pack", "git -c uploadpack.allowFilter=true upload-pack",
		"file://"+filepath.ToSlash(full), dir)
	if out, err := clone.CombinedOutput(); err != nil {
		t.Fatalf("git clone --filter=blob:none: %v\n%s", err, out)
	}
	out, errs, code := runIn(t, dir, "check", "--format", "json")
	if code != 1 {
		t.Fatalf("check: exit %d: %s", code, errs)
	}
	var r struct {
		History struct {
			Shallow, Partial bool
			Filter           string
		} `json:"history"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if !r.History.Partial || r.History.Shallow || r.History.Filter != "blob:none" {
		t.Errorf("history = %+v, want partial with filter blob:none", r.History)
	}
	if !strings.Contains(errs, "partial clone (remote origin, filter blob:none)") || !strings.Contains(errs, "clone without --filter") {
		t.Errorf("stderr does not say the clone is partial and how to fix it:\n%s", errs)
	}
	if _, errs, code := runIn(t, dir, "--require-history", "status"); code != 2 || !strings.Contains(errs, "partial clone") {
		t.Errorf("--require-history on a partial clone: exit %d, %s", code, errs)
	}
}
