// Package discover finds the root of a documentation site the way git
// finds its repository: from the current folder upward to the repository
// root, then from the repository root down into the folders sites usually
// live in.
package discover

import (
	"errors"
	"fmt"
	"github.com/langref/langref/sync/generators"
	"os"
	"path/filepath"
	"strings"
)

// Markers are the files whose presence makes a folder a site root: the
// generator profiles' own (sync/generators), and langref's .langref.yml.
var Markers = append([]string{".langref.yml"}, generators.Markers()...)

// Folders are where a repository usually keeps its site, looked into from
// the repository root when no folder above the start is a site root.
var Folders = []string{"docs", "website", "site"}

// How says how a root was found.
type How string

// The ways a root is found.
const (
	Named  How = "given"  // named by the user (--root), and a site root
	Upward How = "upward" // the start folder or one above it
	Down   How = "down"   // one of Folders under the repository root or under the root given
	Plain  How = "plain"  // named by the user, with no marker in it or below it
)

// Result is a site root and how it was found.
type Result struct {
	// Root is the site root: absolute, clean and free of symbolic links.
	Root string
	// Repo is the nearest folder at or above Root that holds .git, or ""
	// when there is none.
	Repo string
	// Marker is the marker file that made Root a site root ("" for Plain).
	Marker string
	How    How
}

// NotFoundError says where discovery looked and found no site.
type NotFoundError struct {
	// Start is the folder discovery started from.
	Start string
	// Looked are the folders it looked in, in order.
	Looked []string
	// Markers are the files it looked for.
	Markers []string
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("no site root at or above %q (looked for %s)", e.Start, strings.Join(e.Markers, ", "))
}

// ErrNotFound matches every NotFoundError with errors.Is.
var ErrNotFound = errors.New("no site root")

// Is makes errors.Is(err, ErrNotFound) true for a NotFoundError.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// Find looks for the site root from dir: dir and the folders above it up
// to the repository root (or to the filesystem root outside a
// repository), then Folders under the repository root (or under dir).
func Find(dir string) (*Result, error) {
	start, err := real(dir)
	if err != nil {
		return nil, err
	}
	repo := RepoRoot(start)
	var looked []string
	for d := start; ; d = filepath.Dir(d) {
		looked = append(looked, d)
		if m := marker(d); m != "" {
			return &Result{Root: d, Repo: RepoRoot(d), Marker: m, How: Upward}, nil
		}
		if d == repo || filepath.Dir(d) == d {
			break
		}
	}
	base := repo
	if base == "" {
		base = start
	}
	r, seen := below(base)
	if r != nil {
		return r, nil
	}
	looked = append(looked, seen...)
	return nil, &NotFoundError{Start: start, Looked: looked, Markers: Markers}
}

// Given resolves a root the user named: the folder itself when it holds a
// marker, else the first of Folders under it that does, else the folder
// as it is, a plain site. It fails only when root is not a folder.
func Given(root string) (*Result, error) {
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("site root %q is not a folder", root)
	}
	d, err := real(root)
	if err != nil {
		return nil, err
	}
	if m := marker(d); m != "" {
		return &Result{Root: d, Repo: RepoRoot(d), Marker: m, How: Named}, nil
	}
	if r, _ := below(d); r != nil {
		return r, nil
	}
	return &Result{Root: d, Repo: RepoRoot(d), How: Plain}, nil
}

// below looks for a site root in Folders under base.
func below(base string) (*Result, []string) {
	var seen []string
	for _, f := range Folders {
		d := filepath.Join(base, f)
		seen = append(seen, d)
		if m := marker(d); m != "" {
			return &Result{Root: d, Repo: RepoRoot(d), Marker: m, How: Down}, seen
		}
	}
	return nil, seen
}

// marker returns the first of Markers that dir holds as a file, or "".
func marker(dir string) string {
	for _, m := range Markers {
		if fi, err := os.Stat(filepath.Join(dir, m)); err == nil && fi.Mode().IsRegular() {
			return m
		}
	}
	return ""
}

// RepoRoot returns the nearest folder at or above dir that holds a .git
// entry (a folder, or a file in a linked work tree), or "".
func RepoRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// real returns dir absolute, clean and with symbolic links resolved, so
// that a root reached through a link is the folder it points to.
func real(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	r, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", fmt.Errorf("site root %q: %w", dir, err)
	}
	return r, nil
}
