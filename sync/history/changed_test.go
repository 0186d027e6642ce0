package history

import (
	"os"
	"path/filepath"
	"testing"
)

// TestChangedSince: what a pull request changed since its base, as git
// diff base...HEAD sees it, plus the work tree and untracked files, with
// each file as the base had it.
func TestChangedSince(t *testing.T) {
	r := newTestRepo(t)
	r.Write("docs/en/a.md", "a\n", "docs/fr/a.md", "un\n", "docs/en/b.md", "b\n", "docs/en/old.md", "old\n")
	r.Commit("base")
	r.Git("branch", "base")
	r.Write("docs/en/a.md", "a2\n")
	r.Git("mv", "docs/en/old.md", "docs/en/new.md")
	r.Commit("change a, rename old")
	r.Git("checkout", "-q", "base")
	r.Write("docs/en/b.md", "b on base\n") // moved on after the branch: not the pull request's
	r.Commit("base moves on")
	r.Git("checkout", "-q", "-")
	r.Write("docs/fr/a.md", "un2\n", "docs/fr/new.md", "nouveau\n")
	if err := os.WriteFile(filepath.Join(r.Dir, ".gitignore"), []byte("*.tmp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r.Write("docs/x.tmp", "ignored\n")
	repo, err := Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := repo.ChangedSince("base")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		".gitignore":     "<none>",
		"docs/en/a.md":   "a\n",
		"docs/en/new.md": "<none>",
		"docs/en/old.md": "old\n",
		"docs/fr/a.md":   "un\n",
		"docs/fr/new.md": "<none>",
	}
	if len(got) != len(want) {
		t.Errorf("ChangedSince = %+v, want the files of %v", got, want)
	}
	for _, c := range got {
		old := "<none>"
		if c.Old != nil {
			old = string(c.Old)
		}
		if w, ok := want[c.Path]; !ok || w != old {
			t.Errorf("%s: old %q, want %q (listed: %v)", c.Path, old, w, ok)
		}
	}
	if _, err := repo.ChangedSince("no-such-rev"); err == nil {
		t.Error("an unknown revision is no error")
	}
}
