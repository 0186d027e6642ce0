package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/gittest"
	"github.com/langref/langref/internal/modetest"
	"github.com/langref/langref/internal/testfs"
)

// gitStateSite is a site with one page and its translation.
var gitStateSite = map[string]string{
	"_config.yml": "title: Docs\n",
	"en/a.md":     "---\nlang-ref: a\nlang: en\n---\nText.\n",
	"fr/a.md":     "---\nlang-ref: a\nlang: fr\n---\nTexte.\n",
}

// committed returns a repository holding gitStateSite, committed, then
// with the English changed in a second commit.
func committed(t *testing.T) string {
	t.Helper()
	r := gittest.New(t)
	for p, c := range gitStateSite {
		r.Write(p, c)
	}
	r.Commit("Translate")
	r.Write("en/a.md", "---\nlang-ref: a\nlang: en\n---\nText that says much more now.\n")
	r.Commit("Say more")
	return r.Dir
}

func gitCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestGitStates: the states of git a site can be in (issue 15's bad-input
// catalogue), each with the exit code and what langref says. Dubious
// ownership is simulated by giving the repository to another user (chown,
// possible only as root; git then refuses it as it refuses a clone made
// by someone else), with the user's and system's git configuration (which
// may list safe.directory) kept out.
func TestGitStates(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("SUDO_UID", "")
	tests := []struct {
		name  string
		setup func(t *testing.T) string // returns the site root
		args  []string
		code  int
		out   string // in stdout
		err   string // in stderr
	}{
		{"no git: status counts without history", func(t *testing.T) string { return testfs.Dir(t, gitStateSite) },
			[]string{"status"}, 0, "fr\t1\t1\t0", ""},
		{"no git: diff says it needs history", func(t *testing.T) string { return testfs.Dir(t, gitStateSite) },
			[]string{"diff", "--lang", "fr", "en/a.md"}, 2, "", "is not inside a git work tree"},
		{"no commits: status counts without history", func(t *testing.T) string {
			d := testfs.Dir(t, gitStateSite)
			gitCmd(t, d, "init", "-q")
			return d
		}, []string{"status"}, 0, "fr\t1\t1\t0", ""},
		{"no commits: diff says there is nothing to compare with", func(t *testing.T) string {
			d := testfs.Dir(t, gitStateSite)
			gitCmd(t, d, "init", "-q")
			return d
		}, []string{"diff", "--lang", "fr", "en/a.md"}, 2, "", "the repository has no commits yet"},
		{"detached HEAD: the history is HEAD's", func(t *testing.T) string {
			d := committed(t)
			gitCmd(t, d, "checkout", "-q", "--detach", "HEAD")
			return d
		}, []string{"status"}, 0, "fr\t1\t0\t1", ""},
		{"a work tree of the repository (.git is a file)", func(t *testing.T) string {
			d := committed(t)
			wt := filepath.Join(t.TempDir(), "wt")
			gitCmd(t, d, "worktree", "add", "-q", wt)
			return wt
		}, []string{"diff", "--lang", "fr", "en/a.md"}, 0, "Say more", ""},
		{"a bare repository holds no site", func(t *testing.T) string {
			bare := filepath.Join(t.TempDir(), "bare.git")
			gitCmd(t, committed(t), "clone", "-q", "--bare", ".", bare)
			testfs.Write(t, bare, map[string]string{"_config.yml": "title: Docs\n", "en/a.md": gitStateSite["en/a.md"]})
			return bare
		}, []string{"status"}, 1, "", "must be run in a work tree"},
		{"dubious ownership: git's refusal and its fix", func(t *testing.T) string {
			d := committed(t)
			if os.Getuid() != 0 {
				t.Skip("giving the repository to another user needs root")
			}
			if out, err := exec.Command("chown", "-R", "12345:12345", d).CombinedOutput(); err != nil {
				t.Skipf("chown: %v %s", err, out)
			}
			return d
		}, []string{"status"}, 1, "", "safe.directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := tt.setup(t)
			var out, errb bytes.Buffer
			code := run(append([]string{"--root", root}, tt.args...), strings.NewReader(""), &out, &errb, fakeEnv("LANG", "C"))
			if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errb.String(), tt.err) {
				t.Errorf("exit %d (want %d)\nstdout:\n%s\nstderr:\n%s\nwant %q in stdout, %q in stderr", code, tt.code, &out, &errb, tt.out, tt.err)
			}
		})
	}
}

// TestOddFileNames: a newline in a file name keeps one finding per line
// (the path quoted as git quotes it); : and \ are plain characters.
func TestOddFileNames(t *testing.T) {
	root := testfs.Dir(t, map[string]string{
		"_config.yml": "title: Docs\n",
		"en/a.md":     "---\nlang-ref: a\nlang: en\n---\nText.\n",
		"en/b.md":     "---\nlang-ref: b\nlang: en\n---\nText.\n",
		"en/c.md":     "---\nlang-ref: c\nlang: en\n---\nText.\n",
		"en/z.md":     "---\nlang-ref: z\nlang: en\n---\nText.\n",
		"fr/z.md":     "---\nlang-ref: z\nlang: fr\n---\nTexte.\n",
	})
	names := map[string]string{"fr/a\nb.md": "a", "fr/c:d.md": "b", `fr/e\f.md`: "c"}
	for name, key := range names {
		if err := os.WriteFile(filepath.Join(root, name), []byte("---\nlang-ref: "+key+"\nlang: de\n---\nTexte.\n"), 0o644); err != nil {
			t.Skip("this file system refuses the name:", err)
		}
	}
	var out, errb bytes.Buffer
	code := run([]string{"--root", root, "check"}, strings.NewReader(""), &out, &errb, fakeEnv("LANG", "C"))
	want := []string{`"fr/a\nb.md":3:1: error: lang de`, `fr/c:d.md:3:1: error: lang de`, `fr/e\f.md:3:1: error: lang de`}
	lines := strings.Split(out.String(), "\n")
	if code != 1 || len(lines) != 2*len(want)+2 {
		t.Fatalf("exit %d, %d lines (want 1, %d):\n%s%s", code, len(lines), 2*len(want)+2, &out, &errb)
	}
	for _, w := range want {
		if !strings.Contains(out.String(), "\n"+w) && !strings.HasPrefix(out.String(), w) {
			t.Errorf("no line starting %q in\n%s", w, &out)
		}
	}
}

// TestUnreadableFile: a translation langref may not read (permission
// denied) is an error naming the file (exit 1 or 2), never a crash or a
// silent skip. Root reads every file whatever its mode, so as root the
// test runs without the capabilities that allow it (modetest).
func TestUnreadableFile(t *testing.T) {
	if !modetest.Here(t) {
		return
	}
	root := testfs.Dir(t, gitStateSite)
	p := filepath.Join(root, "fr", "a.md")
	os.Chmod(p, 0)
	defer os.Chmod(p, 0o644)
	var out, errb bytes.Buffer
	code := run([]string{"--root", root, "status"}, strings.NewReader(""), &out, &errb, fakeEnv("LANG", "C"))
	if code == 0 || !strings.Contains(errb.String(), "fr/a.md") || !strings.Contains(errb.String(), "permission denied") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, &out, &errb)
	}
}
