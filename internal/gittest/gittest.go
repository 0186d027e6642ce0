// Package gittest makes git repositories for tests whose commits have
// fixed authors and dates, so that their order and hashes are stable.
package gittest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testfs"
)

// Isolate keeps the user's and the system's git configuration out of every
// git process the tests start, their own and those of the code under test.
// Call it from TestMain.
func Isolate() {
	os.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	os.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
}

// Identity is who makes the commits, and the time zone of their dates.
type Identity struct {
	Author, AuthorEmail       string
	Committer, CommitterEmail string
	Zone                      string // as in "+0200"
}

// Default is the identity of New's repositories and of Run.
var Default = Identity{"A", "a@example.com", "C", "c@example.com", "+0000"}

// Run runs git in dir as Default, tick hours after a fixed time, and returns
// its trimmed output. It fails the test when git fails.
func Run(t testing.TB, dir string, tick int, args ...string) string {
	t.Helper()
	return Default.Run(t, dir, tick, args...)
}

// Run runs git in dir as id, tick hours after a fixed time, and returns its
// trimmed output. It fails the test when git fails.
func (id Identity) Run(t testing.TB, dir string, tick int, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	date := fmt.Sprintf("%d %s", 1700000000+tick*3600, id.Zone)
	cmd.Env = append(os.Environ(),
		"GIT_AUTHOR_NAME="+id.Author, "GIT_AUTHOR_EMAIL="+id.AuthorEmail, "GIT_AUTHOR_DATE="+date,
		"GIT_COMMITTER_NAME="+id.Committer, "GIT_COMMITTER_EMAIL="+id.CommitterEmail, "GIT_COMMITTER_DATE="+date)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Repo is a git repository in a temporary folder, on branch main.
type Repo struct {
	Dir string
	// Tick is the hour, after a fixed time, of the commands run; Commit
	// advances it.
	Tick int
	// As makes the commits.
	As Identity
	// Hash maps the subject of each commit to its hash.
	Hash map[string]string

	t testing.TB
}

// New creates an empty repository, committing as Default. It skips the
// test when git is not installed.
func New(t testing.TB) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &Repo{Dir: t.TempDir(), As: Default, Hash: map[string]string{}, t: t}
	r.Git("-c", "init.defaultBranch=main", "init", "-q")
	return r
}

// Git runs git in the repository and returns its trimmed output.
func (r *Repo) Git(args ...string) string {
	r.t.Helper()
	return r.As.Run(r.t, r.Dir, r.Tick, args...)
}

// Write sets the contents of the files given as slash path, contents pairs.
func (r *Repo) Write(pathContents ...string) {
	r.t.Helper()
	testfs.WritePairs(r.t, r.Dir, pathContents...)
}

// Commit stages everything and commits it, an hour after the previous
// commit, with the given subject; it returns the commit's hash.
func (r *Repo) Commit(subject string) string {
	r.t.Helper()
	r.Tick++
	r.Git("add", "-A")
	r.Git("commit", "-q", "--allow-empty", "-m", subject)
	h := r.Git("rev-parse", "HEAD")
	r.Hash[subject] = h
	return h
}

// LogCalls puts a git on PATH that appends each of its command lines to
// the file it returns, then runs the real git: tests count the git
// processes the code under test starts. It skips t without git.
func LogCalls(t testing.TB) (log string) {
	t.Helper()
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	bin, log := t.TempDir(), filepath.Join(t.TempDir(), "calls")
	script := "#!/bin/sh\necho \"$*\" >> " + log + "\nexec " + real + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return log
}
