package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// syncTotal reads the last line of `langref sync`.
var syncTotal = regexp.MustCompile(`(\d+) stale pages? synced: (\d+) verbatim fix(?:es)?, (\d+) blocks? replaced, (\d+) comments? updated, (\d+) blocks? marked outdated, (\d+) new blocks? inserted, (\d+) blocks? marked removed, (\d+) changes? left`)

// TestSyncCorpus runs `langref sync` for French (English kept in comments)
// and Chinese on a clone of DLSP20: every stale page is synced, no word
// the translators wrote is lost or moved, front matter is kept byte for
// byte, pages that are not stale are left alone, and a second run changes
// nothing.
func TestSyncCorpus(t *testing.T) {
	slow(t)
	repo := testcorpus.Clone(t)
	root := filepath.Join(repo, "docs")
	for _, lang := range []string{"fr", "zh"} {
		t.Run(lang, func(t *testing.T) {
			stale := statusPaths(t, root, lang, "stale")
			before := langFiles(t, root, lang)
			out := runOK(t, root, "sync", "--lang", lang)
			m := syncTotal.FindStringSubmatch(out)
			if m == nil {
				t.Fatalf("no totals in:\n%s", out)
			}
			t.Logf("%s: %d stale pages; %s", lang, len(stale), m[0])
			if n, _ := strconv.Atoi(m[1]); n != len(stale) {
				t.Errorf("synced %d pages, status lists %d stale", n, len(stale))
			}
			after := langFiles(t, root, lang)
			isStale := map[string]bool{}
			for _, p := range stale {
				isStale[p] = true
			}
			changed := 0
			for p, b := range before {
				a := after[p]
				if a == b {
					continue
				}
				changed++
				if !isStale[filepath.ToSlash(filepath.Join("docs", p))] {
					t.Errorf("%s is not stale, yet sync changed it", p)
				}
				checkKept(t, p, b, a)
			}
			t.Logf("%s: %d files changed", lang, changed)
			again := runOK(t, root, "sync", "--lang", lang)
			if m := syncTotal.FindStringSubmatch(again); m == nil || strings.Join(m[2:8], " ") != "0 0 0 0 0 0" {
				t.Errorf("the second run does something:\n%s", again)
			}
			for p, a := range langFiles(t, root, lang) {
				if after[p] != a {
					t.Errorf("the second run changed %s", p)
				}
			}
		})
	}
	git(t, repo, "checkout", "-q", ".")
	t.Run("mark", func(t *testing.T) { checkMarkCorpus(t, repo, root) })
}

// checkKept checks that sync kept a page's front matter byte for byte and
// every word its translator wrote, in order.
func checkKept(t *testing.T, p, before, after string) {
	t.Helper()
	bb, _ := frontmatter.SplitBody([]byte(before))
	ab, _ := frontmatter.SplitBody([]byte(after))
	// The front matter may only gain the baseline sync records.
	fb, fa := before[:len(before)-len(bb)], after[:len(after)-len(ab)]
	if added := addedLines(fb, fa); fa != fb && (len(added) != 1 || !baselineLine.MatchString(added[0])) {
		t.Errorf("%s: the front matter changed:\n%s\n%s", p, fb, fa)
	}
	if x, ok := keptTexts(before, after); !ok {
		t.Errorf("%s: the translator's text %q is lost or changed", p, x)
	}
	wa := translatorWords(after)
	k := 0
	for _, w := range translatorWords(before) {
		for k < len(wa) && wa[k] != w {
			k++
		}
		if k == len(wa) {
			t.Errorf("%s: the translator's word %q is lost", p, w)
			return
		}
		k++
	}
}

// baselineLine is the line sync and mark add.
var baselineLine = regexp.MustCompile(`^source-commit: [0-9a-f]{40}\r?$`)

// addedLines returns the lines of b that a lacks, when b only adds lines
// to a; nil otherwise.
func addedLines(a, b string) []string {
	la, lb := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	var out []string
	i := 0
	for _, l := range lb {
		if i < len(la) && la[i] == l {
			i++
			continue
		}
		out = append(out, strings.TrimSuffix(l, "\n"))
	}
	if i != len(la) {
		return nil
	}
	return out
}

// keptTexts reports whether the text of every block the translator wrote
// in before (outside comments, code and math, verbatim parts aside) is in
// after, byte for byte and in order; it returns the first one missing.
func keptTexts(before, after string) (string, bool) {
	ta := translatorTexts(after)
	k := 0
	for _, x := range translatorTexts(before) {
		for k < len(ta) && ta[k] != x {
			k++
		}
		if k == len(ta) {
			return x, false
		}
		k++
	}
	return "", true
}

func translatorTexts(src string) []string {
	body, line := frontmatter.SplitBody([]byte(src))
	var out []string
	for _, b := range blocks.Parse(body, line) {
		if b.Kind == blocks.Comment || b.Kind == blocks.Code || b.Kind == blocks.Math {
			continue
		}
		vs := slices.Clone(b.Verbatim)
		slices.SortFunc(vs, func(x, y string) int { return len(y) - len(x) })
		t := b.Raw
		for _, v := range vs {
			if v != "" {
				t = strings.ReplaceAll(t, v, "")
			}
		}
		out = append(out, t)
	}
	return out
}

// translatorWords returns the words of a page's prose outside comments,
// code and math, numbers aside (verbatim parts sync may correct).
func translatorWords(src string) []string {
	body, line := frontmatter.SplitBody([]byte(src))
	var out []string
	for _, b := range blocks.Parse(body, line) {
		if b.Kind == blocks.Comment || b.Kind == blocks.Code || b.Kind == blocks.Math {
			continue
		}
		for _, w := range change.Words(b.Prose) {
			if w[0] < '0' || w[0] > '9' {
				out = append(out, w)
			}
		}
	}
	return out
}

// checkMarkCorpus marks every French page that is not stale, and one stale
// page with --force: each file gains one line, the baseline key, and
// status then shows them translated.
func checkMarkCorpus(t *testing.T, repo, root string) {
	stale := statusPaths(t, root, "fr", "stale")
	translated := statusPaths(t, root, "fr", "translated")
	runOK(t, root, "mark", "--lang", "fr", "--all")
	code, _, stderr := runCode(root, "mark", "--lang", "fr", stale[0])
	if code != exitFindings || !strings.Contains(stderr, "does not follow its source yet") {
		t.Errorf("mark of stale %s: exit %d, %s", stale[0], code, stderr)
	}
	runOK(t, root, "mark", "--lang", "fr", "--force", stale[0])
	numstat := git(t, repo, "diff", "--numstat")
	lines := strings.Split(strings.TrimSpace(numstat), "\n")
	if len(lines) != len(translated)+1 {
		t.Errorf("%d files changed, want %d", len(lines), len(translated)+1)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "1\t0\t") {
			t.Errorf("git diff --numstat: %q, want one added line", l)
		}
	}
	diff := git(t, repo, "diff", "-U0")
	for _, l := range strings.Split(diff, "\n") {
		if strings.HasPrefix(l, "+") && !strings.HasPrefix(l, "+++") && !baselineLine.MatchString(l[1:]) {
			t.Errorf("mark added %q", l)
		}
	}
	now := statusPaths(t, root, "fr", "stale")
	if len(now) != len(stale)-1 {
		t.Errorf("%d stale pages after mark --force, want %d", len(now), len(stale)-1)
	}
	if !slices.Contains(statusPaths(t, root, "fr", "translated"), stale[0]) {
		t.Errorf("%s is not translated after mark --force", stale[0])
	}
	t.Logf("marked %d pages, each with one line; %d stale pages left", len(lines), len(now))
}

// statusPaths returns the paths (relative to the repository) of the
// translations of lang in state.
func statusPaths(t *testing.T, root, lang, state string) []string {
	t.Helper()
	out := runOK(t, root, "status", "--lang", lang, "--format", "tsv")
	var paths []string
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) > 3 && cols[1] == state {
			paths = append(paths, cols[3])
		}
	}
	return paths
}

// langFiles returns the contents of every file of a language's tree, by
// path relative to the site root.
func langFiles(t *testing.T, root, lang string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(filepath.Join(root, lang), func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
