package history

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain keeps the user's git configuration out of the tests.
func TestMain(m *testing.M) {
	os.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	os.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	os.Exit(m.Run())
}

// testRepo is a git repository in a temporary folder, with commits made at
// fixed, increasing dates so that their order and hashes are stable.
type testRepo struct {
	t    *testing.T
	dir  string
	tick int
	hash map[string]string // subject → commit hash
}

func newTestRepo(t *testing.T) *testRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &testRepo{t: t, dir: t.TempDir(), hash: make(map[string]string)}
	r.git("-c", "init.defaultBranch=main", "init", "-q")
	return r
}

// git runs git in the repository and returns its trimmed output.
func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	return gitIn(r.t, r.dir, r.tick, args...)
}

func gitIn(t *testing.T, dir string, tick int, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	date := fmt.Sprintf("%d +0200", 1700000000+tick*3600)
	cmd.Env = append(os.Environ(),
		"GIT_AUTHOR_NAME=Zoé Auteur", "GIT_AUTHOR_EMAIL=zoe@example.com", "GIT_AUTHOR_DATE="+date,
		"GIT_COMMITTER_NAME=Com Mitter", "GIT_COMMITTER_EMAIL=cm@example.com", "GIT_COMMITTER_DATE="+date)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// write sets the contents of the files given as path, contents pairs.
func (r *testRepo) write(pathContents ...string) {
	r.t.Helper()
	for i := 0; i < len(pathContents); i += 2 {
		p := filepath.Join(r.dir, filepath.FromSlash(pathContents[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(pathContents[i+1]), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// commit stages everything and commits it with the given subject.
func (r *testRepo) commit(subject string) string {
	r.t.Helper()
	r.tick++
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", subject)
	h := r.git("rev-parse", "HEAD")
	r.hash[subject] = h
	return h
}

// open opens the repository and loads the history of pathspecs.
func (r *testRepo) load(pathspecs ...string) (*Repo, *History) {
	r.t.Helper()
	repo, err := Open(r.dir)
	if err != nil {
		r.t.Fatal(err)
	}
	h, err := repo.Load(pathspecs...)
	if err != nil {
		r.t.Fatal(err)
	}
	return repo, h
}

// describe renders a file log as "subject status path" lines, with the old
// path of renames, for comparison in tests.
func describe(log []FileEvent) []string {
	var out []string
	for _, e := range log {
		s := fmt.Sprintf("%s %c %s", e.Commit.Subject, e.Status, e.Path)
		if e.OldPath != "" {
			s += " <- " + e.OldPath
		}
		out = append(out, s)
	}
	return out
}

func equalLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
