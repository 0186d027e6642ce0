package history

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpen(t *testing.T) {
	r := newTestRepo(t)
	r.Write("docs/en/a.md", "a\n")
	head := r.Commit("add")
	root := evalSymlinks(r.Dir)

	tests := []struct {
		name string
		dir  string
	}{
		{"root", r.Dir},
		{"subfolder", filepath.Join(r.Dir, "docs", "en")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo, err := Open(tt.dir)
			if err != nil {
				t.Fatal(err)
			}
			if evalSymlinks(repo.Root) != root || repo.Head != head || repo.Shallow {
				t.Errorf("got Root %q, Head %q, Shallow %v; want %q, %q, false", repo.Root, repo.Head, repo.Shallow, root, head)
			}
		})
	}
}

func TestOpenEmptyRepo(t *testing.T) {
	r := newTestRepo(t)
	repo, h := r.load("docs")
	if repo.Head != "" || len(h.Commits) != 0 || len(h.FileLog("docs/a.md")) != 0 {
		t.Errorf("got Head %q and %d commits; want none", repo.Head, len(h.Commits))
	}
}

func TestOpenWithoutGit(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T) string
		want  string
	}{
		{"not a repository", func(t *testing.T) string {
			dir := t.TempDir()
			t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
			return dir
		}, "not inside a git work tree"},
		{"git not installed", func(t *testing.T) string {
			t.Setenv("PATH", t.TempDir())
			return t.TempDir()
		}, "git is not installed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(tt.setup(t))
			if !errors.Is(err, ErrNoGit) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "hint:") {
				t.Errorf("got error %v; want ErrNoGit saying %q with a hint", err, tt.want)
			}
		})
	}
}

func TestOpenMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nope")
	_, err := Open(dir)
	if err == nil || errors.Is(err, ErrNoGit) || !strings.Contains(err.Error(), dir) {
		t.Errorf("got error %v; want one naming %q that is not ErrNoGit", err, dir)
	}
}

func TestRel(t *testing.T) {
	r := newTestRepo(t)
	r.Write("docs/a.md", "a\n")
	r.Commit("add")
	repo, _ := r.load()
	tests := []struct {
		name, path, want string
		fails            bool
	}{
		{"root", r.Dir, ".", false},
		{"folder", filepath.Join(r.Dir, "docs"), "docs", false},
		{"file not yet created", filepath.Join(r.Dir, "docs", "new", "b.md"), "docs/new/b.md", false},
		{"outside", filepath.Dir(r.Dir), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := repo.Rel(tt.path)
			if (err != nil) != tt.fails || got != tt.want {
				t.Errorf("Rel(%q) = %q, %v; want %q (fails: %v)", tt.path, got, err, tt.want, tt.fails)
			}
		})
	}
}

// TestOpenRefused checks that git's refusal of a repository that is there
// is reported in git's own words, never taken for the absence of history:
// a repository another user owns (git's own test switch
// GIT_TEST_ASSUME_DIFFERENT_OWNER makes git see one; as root, a chown too),
// and a .git that points nowhere.
func TestOpenRefused(t *testing.T) {
	r := newTestRepo(t)
	r.Write("docs/en/a.md", "a\n")
	r.Commit("add")
	broken := t.TempDir()
	if err := os.WriteFile(filepath.Join(broken, ".git"), []byte("gitdir: "+filepath.Join(broken, "gone")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		dir     string
		env     string
		dubious bool
		says    string
	}{
		{"owned by another user (simulated)", r.Dir, "GIT_TEST_ASSUME_DIFFERENT_OWNER=1", true, "detected dubious ownership"},
		{"a .git that points nowhere", broken, "", false, "not a git repository"},
	}
	if os.Geteuid() == 0 {
		other := newTestRepo(t)
		other.Write("a.md", "a\n")
		other.Commit("add")
		if err := os.Chown(other.Dir, 12345, 12345); err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct {
			name    string
			dir     string
			env     string
			dubious bool
			says    string
		}{"owned by another user", other.Dir, "", true, "detected dubious ownership"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if k, v, ok := strings.Cut(tt.env, "="); ok {
				t.Setenv(k, v)
			}
			_, err := Open(tt.dir)
			var refused *RefusedError
			if !errors.As(err, &refused) || errors.Is(err, ErrNoGit) {
				t.Fatalf("err = %v, want a RefusedError", err)
			}
			if refused.Dubious() != tt.dubious || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("err = %v (dubious %v), want git's words %q", err, refused.Dubious(), tt.says)
			}
		})
	}
	if _, err := Open(t.TempDir()); !errors.Is(err, ErrNoGit) {
		t.Errorf("a folder without .git: err = %v, want ErrNoGit", err)
	}
	empty := t.TempDir()
	if err := os.Mkdir(filepath.Join(empty, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(empty, ".git", "HEAD"), []byte("ref: refs/heads/main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(empty); !errors.Is(err, ErrNoGit) {
		t.Errorf("a .git folder with HEAD alone, no repository to git either: err = %v, want ErrNoGit", err)
	}
}
