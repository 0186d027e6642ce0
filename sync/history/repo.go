// Package history reads the git history of a docs site in one pass: which
// commits touched which files, following renames, and the contents of files
// at past commits.
//
// Every operation runs a fixed number of git processes, however many files
// or revisions it is asked about: Open runs two, Load one (git log), Blobs
// one (git cat-file --batch), StreamBlobs one (git cat-file --batch-command
// --buffer, or --batch before git 2.36, asked as the caller goes, and
// git version once per git binary), ResolveCommits one (git cat-file
// --batch-check), Bodies one (git log --grep) and BaselineCommits two at
// most (the same, and one git rev-list from HEAD).
//
// Paths are always slash-separated and relative to the repository root, as
// git prints them.
package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNoGit reports that history is unavailable: git is not installed, or the
// directory is not inside a git work tree. Callers can test for it with
// errors.Is and carry on without history.
var ErrNoGit = errors.New("no git history")

// RefusedError reports that git refused to read a repository that is
// there: one another user owns ("dubious ownership"), an unreadable .git,
// a repository across a file system boundary. Err carries git's own words.
type RefusedError struct {
	Dir string
	Err error
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("git refuses the repository at %q: %v", e.Dir, e.Err)
}

func (e *RefusedError) Unwrap() error { return e.Err }

// Dubious reports whether git refused the repository because another user
// owns it (safe.directory).
func (e *RefusedError) Dubious() bool { return strings.Contains(e.Err.Error(), "dubious ownership") }

// Repo is a git work tree, seen from the commit that HEAD named when it was
// opened.
type Repo struct {
	// Root is the absolute path of the top of the work tree.
	Root string
	// Head is the full hash of the commit HEAD pointed to, or "" when the
	// repository has no commits yet.
	Head string
	// Shallow is true in a shallow clone, where old history is missing.
	Shallow bool
	// CommonDir is the absolute path of the repository's git directory
	// shared by all its work trees (git rev-parse --git-common-dir), where
	// langref may keep caches.
	CommonDir string

	git      string          // path to the git binary
	boundary map[string]bool // commits whose parents a shallow clone cut off
}

// Open finds the git repository that contains dir. The error wraps ErrNoGit
// when git is not installed or dir is not inside a work tree, and is a
// *RefusedError when git refuses the repository that is there.
func Open(dir string) (*Repo, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, fmt.Errorf("%w: git is not installed or not in PATH (hint: install git to compare translations with their history)", ErrNoGit)
	}
	r := &Repo{git: git}
	// One git process in the usual case: rev-parse prints HEAD last. It
	// fails on an unborn HEAD (or outside a work tree): then ask again
	// without HEAD, and for HEAD apart.
	head := true
	out, err := r.runIn(dir, "rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-path", "shallow", "--git-common-dir", "-q", "--verify", "HEAD^{commit}")
	if err != nil {
		head = false
		out, err = r.runIn(dir, "rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-path", "shallow", "--git-common-dir")
	}
	if err != nil {
		if strings.Contains(err.Error(), "not a git repository") && !hasGitDir(dir) {
			return nil, fmt.Errorf("%w: %q is not inside a git work tree (hint: run langref inside a clone of the site)", ErrNoGit, dir)
		}
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return nil, &RefusedError{Dir: dir, Err: err}
		}
		return nil, fmt.Errorf("open git repository at %q: %w", dir, err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if head && len(lines) == 5 {
		r.Head, lines = lines[4], lines[:4]
	}
	if len(lines) != 4 {
		return nil, fmt.Errorf("open git repository at %q: unexpected output of git rev-parse: %q", dir, out)
	}
	r.Root = filepath.Clean(filepath.FromSlash(lines[0]))
	r.Shallow = lines[1] == "true"
	r.CommonDir = filepath.FromSlash(lines[3])
	if !filepath.IsAbs(r.CommonDir) {
		r.CommonDir, _ = filepath.Abs(filepath.Join(dir, r.CommonDir))
	}
	if err := r.readBoundary(dir, lines[2]); err != nil {
		return nil, err
	}
	// rev-parse fails quietly, with no output, on an unborn HEAD.
	if !head {
		if out, err := r.run("rev-parse", "-q", "--verify", "HEAD^{commit}"); err == nil {
			r.Head = strings.TrimSpace(string(out))
		}
	}
	return r, nil
}

// hasGitDir reports whether dir or a folder above it holds a repository
// (a .git folder with HEAD, unreadable perhaps, or a .git file naming one):
// git then refused a repository that is there (on another file system,
// unreadable, pointing nowhere) rather than found none. An empty .git
// folder is no repository, to git either.
func hasGitDir(dir string) bool {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	for {
		if isGitDir(filepath.Join(dir, ".git")) {
			return true
		}
		up := filepath.Dir(dir)
		if up == dir {
			return false
		}
		dir = up
	}
}

// isGitDir reports whether path looks like a repository's .git, as git
// tells one (is_git_directory): a folder with HEAD, objects and refs, or
// that cannot be looked into; or a "gitdir:" file.
func isGitDir(path string) bool {
	fi, err := os.Lstat(path)
	switch {
	case err != nil:
		return false
	case fi.IsDir():
		for _, name := range []string{"HEAD", "objects", "refs"} {
			if _, err := os.Lstat(filepath.Join(path, name)); errors.Is(err, fs.ErrNotExist) {
				return false
			}
		}
		return true
	}
	b, err := os.ReadFile(path)
	return err != nil || bytes.HasPrefix(b, []byte("gitdir:"))
}

// readBoundary loads the list of shallow boundary commits from the file git
// names with --git-path shallow (relative to dir).
func (r *Repo) readBoundary(dir, path string) error {
	if !r.Shallow {
		return nil
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read the shallow boundary of %q: %w", r.Root, err)
	}
	r.boundary = make(map[string]bool)
	for _, h := range strings.Fields(string(data)) {
		r.boundary[h] = true
	}
	return nil
}

// Rel returns path (absolute, or relative to the current directory) as a
// slash-separated path relative to Root, for use as a pathspec or a file
// path in a History. It fails for paths outside the work tree.
func (r *Repo) Rel(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("resolve %q: %w", path, err)
	}
	root, rel := evalSymlinks(r.Root), evalSymlinks(abs)
	rel, err = filepath.Rel(root, rel)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%q is outside the git work tree %q", path, r.Root)
	}
	return filepath.ToSlash(rel), nil
}

// evalSymlinks resolves path as far as it exists, so that a path through a
// symbolic link compares equal to the real path git reports.
func evalSymlinks(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p
	}
	dir, base := filepath.Split(path)
	if dir == path || base == "" {
		return path
	}
	return filepath.Join(evalSymlinks(filepath.Clean(dir)), base)
}

// gitConfig pins the settings that would otherwise let a user's
// configuration change the output we parse.
var gitConfig = []string{
	"-c", "core.quotepath=false",
	"-c", "log.showRoot=true",
	"-c", "log.follow=false",
	"-c", "diff.relative=false",
	"--literal-pathspecs",
}

// command prepares a git command that runs in dir.
func (r *Repo) command(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(r.git, append(append([]string{}, gitConfig...), args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LC_ALL=C", "GIT_PAGER=cat")
	return cmd
}

// run runs git at the top of the work tree and returns its output.
func (r *Repo) run(args ...string) ([]byte, error) {
	return r.runIn(r.Root, args...)
}

// runIn runs git in dir and returns its output; the error carries git's
// own message.
func (r *Repo) runIn(dir string, args ...string) ([]byte, error) {
	cmd := r.command(dir, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, gitError(args[0], err, stderr.Bytes())
	}
	return out, nil
}

// gitError describes a failed git command with what it printed on stderr
// (which often says how to fix the problem), on one line.
func gitError(sub string, err error, stderr []byte) error {
	var lines []string
	for _, l := range strings.Split(string(stderr), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	msg := strings.Join(lines, "; ")
	if msg == "" {
		return fmt.Errorf("git %s: %w", sub, err)
	}
	return fmt.Errorf("git %s: %w: %s", sub, err, msg)
}

// batch runs one git cat-file process that reads lines from the given
// inputs and hands its output to read, which must consume all of it.
func (r *Repo) batch(mode string, inputs []string, read func(*bufio.Reader) error) error {
	cmd := r.command(r.Root, "cat-file", mode)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	// Write in the background: git stops reading when its output is not
	// being read.
	wrote := make(chan error, 1)
	go func() {
		w := bufio.NewWriter(stdin)
		for _, in := range inputs {
			w.WriteString(in)
			w.WriteByte('\n')
		}
		err := w.Flush()
		stdin.Close()
		wrote <- err
	}()
	readErr := read(bufio.NewReaderSize(stdout, 64<<10))
	if readErr != nil {
		stdout.Close() // unblock git so that Wait returns
	}
	waitErr := cmd.Wait()
	writeErr := <-wrote
	switch {
	case readErr != nil:
		return fmt.Errorf("git cat-file %s: %w", mode, readErr)
	case waitErr != nil:
		return gitError("cat-file", waitErr, stderr.Bytes())
	case writeErr != nil:
		return fmt.Errorf("git cat-file %s: %w", mode, writeErr)
	}
	return nil
}

// lines runs git at the top of the work tree and hands each line of its
// output to each, without the line break, until each returns false: then
// it stops reading and ends git, whose exit is no error.
func (r *Repo) lines(each func(string) bool, args ...string) error {
	cmd := r.command(r.Root, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git %s: %w", args[0], err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git %s: %w", args[0], err)
	}
	sc := bufio.NewScanner(stdout)
	stopped := false
	for sc.Scan() {
		if !each(sc.Text()) {
			stopped = true
			break
		}
	}
	if stopped {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil
	}
	readErr := sc.Err()
	if err := cmd.Wait(); err != nil {
		return gitError(args[0], err, stderr.Bytes())
	}
	if readErr != nil {
		return fmt.Errorf("git %s: %w", args[0], readErr)
	}
	return nil
}
