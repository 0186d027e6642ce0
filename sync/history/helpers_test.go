package history

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/langref/langref/internal/gittest"
)

// TestMain keeps the user's git configuration out of the tests.
func TestMain(m *testing.M) {
	gittest.Isolate()
	os.Exit(m.Run())
}

// author makes the commits of the test repositories: a name beyond ASCII
// and a zone other than UTC show in the commits History reads.
var author = gittest.Identity{
	Author: "Zoé Auteur", AuthorEmail: "zoe@example.com",
	Committer: "Com Mitter", CommitterEmail: "cm@example.com",
	Zone: "+0200",
}

// testRepo is a git repository in a temporary folder, with commits made at
// fixed, increasing dates so that their order and hashes are stable.
type testRepo struct {
	*gittest.Repo
	t *testing.T
}

func newTestRepo(t *testing.T) *testRepo {
	t.Helper()
	r := gittest.New(t)
	r.As = author
	return &testRepo{Repo: r, t: t}
}

// open opens the repository and loads the history of pathspecs.
func (r *testRepo) load(pathspecs ...string) (*Repo, *History) {
	r.t.Helper()
	repo, err := Open(r.Dir)
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
