package history

import (
	"reflect"
	"testing"
)

// historyPaths returns every path the history names, and one it does not.
func historyPaths(h *History) []string {
	paths := []string{"docs/never.md"}
	seen := map[string]bool{}
	for _, c := range h.Commits {
		diffs := append([][]FileChange{c.Changes}, c.diffs...)
		for _, d := range diffs {
			for _, ch := range d {
				for _, p := range []string{ch.Path, ch.OldPath} {
					if p != "" && !seen[p] {
						seen[p] = true
						paths = append(paths, p)
					}
				}
			}
		}
	}
	return paths
}

// checkFollow checks that Follow gives, for every path of the history,
// the log, truncation and path at every step'th commit that the file by
// file methods give.
func checkFollow(t *testing.T, h *History, step int) {
	t.Helper()
	paths := historyPaths(h)
	var at []At
	for _, p := range paths {
		for i := 0; i < len(h.Commits); i += step {
			at = append(at, At{p, h.Commits[i].Hash})
		}
	}
	l := h.Follow(paths, at)
	for _, p := range paths {
		if got, want := l.FileLog(p), h.FileLog(p); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Follow log\n%v\nwant\n%v", p, describe(got), describe(want))
		}
		if got, want := l.Truncated(p), h.Truncated(p); got != want {
			t.Errorf("%s: Follow Truncated = %v; want %v", p, got, want)
		}
		tr := h.trace(p)
		for i := 0; i < len(h.Commits); i += step {
			if got, want := l.at[atKey{l.ids[p], i}], tr.names[i]; got != want {
				t.Errorf("%s at %s: Follow PathAt = %q; want %q", p, h.Commits[i].Subject, got, want)
			}
		}
	}
}

func TestFollowLinear(t *testing.T) {
	r := linearRepo(t)
	_, h := r.load("docs")
	checkFollow(t, h, 1)
	_, h = r.load()
	checkFollow(t, h, 1)
}

func TestFollowCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("follows every file of the corpus")
	}
	_, _, h := loadCorpus(t)
	checkFollow(t, h, 7)
}

// TestFollowUnasked checks that Logs falls back to the history for what
// Follow was not asked.
func TestFollowUnasked(t *testing.T) {
	r := linearRepo(t)
	_, h := r.load("docs")
	l := h.Follow([]string{"docs/en/a.md"}, nil)
	p, rev := "docs/fr/week01/a.md", r.Hash["add"]
	if got := l.PathAt(p, rev); got != "docs/fr/a.md" {
		t.Errorf("PathAt = %q; want docs/fr/a.md", got)
	}
	if got := l.PathAt("docs/en/a.md", rev); got != "docs/en/a.md" {
		t.Errorf("PathAt = %q; want docs/en/a.md", got)
	}
	if got, want := len(l.FileLog(p)), len(h.FileLog(p)); got != want {
		t.Errorf("FileLog has %d events; want %d", got, want)
	}
}
