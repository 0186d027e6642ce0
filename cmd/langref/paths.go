package main

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/langref/langref/sync/check"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/status"
)

// resolvePaths turns command-line paths into paths relative to the
// repository root: each is taken relative to the current directory or,
// failing that, to the site root. A path that is neither is a usage error
// with the nearest path of the site's files as a hint.
func (e *env) resolvePaths(s *site.Site, args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		abs, err := filepath.Abs(a)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(abs); err != nil {
			abs = filepath.Join(s.Root, filepath.FromSlash(a))
			if _, err := os.Stat(abs); err != nil {
				return nil, e.noPath(s, a)
			}
		}
		rel, err := filepath.Rel(s.RepoRoot(), abs)
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil, fmt.Errorf("%q is outside the repository %q", a, s.RepoRoot())
		}
		out = append(out, filepath.ToSlash(rel))
	}
	return out, nil
}

// under reports whether repo-relative path p is one of paths or inside one
// of them; every path is under an empty list.
func under(p string, paths []string) bool {
	if len(paths) == 0 {
		return true
	}
	for _, q := range paths {
		if q == "." || p == q || strings.HasPrefix(p, q+"/") {
			return true
		}
	}
	return false
}

func filterPages(ps []status.Page, paths []string) []status.Page {
	if len(paths) == 0 {
		return ps
	}
	out := []status.Page{}
	for _, p := range ps {
		if under(p.Path, paths) || under(p.SourcePath, paths) {
			out = append(out, p)
		}
	}
	return out
}

// noPath is the error for arg, which names no file from here or from the
// site root, with the nearest path of the site's files or folders (from
// the repository root or the site root) as a hint.
func (e *env) noPath(s *site.Site, arg string) error {
	msg := e.p.T("cliref.error.no-path", map[string]any{"Path": fmt.Sprintf("%q", arg), "Root": fmt.Sprintf("%q", s.Root)})
	if near := check.Nearest(strings.TrimSuffix(arg, "/"), sitePaths(s)); near != "" {
		return usageErr(e.withHint(msg, e.p.T("hint.did-you-mean", map[string]any{"Name": near})))
	}
	return usageErr(errors.New(msg))
}

// sitePaths are the paths of s's files and of the folders that hold them,
// from the repository root and from the site root.
func sitePaths(s *site.Site) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range s.Files {
		for p := f.Path; p != "." && p != "" && !seen[p]; p = path.Dir(p) {
			seen[p] = true
			out = append(out, p, s.RepoPath(p))
		}
	}
	return out
}
