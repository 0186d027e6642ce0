package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/status"
)

// resolvePaths turns command-line paths into paths relative to the
// repository root: each is taken relative to the current directory or,
// failing that, to the site root.
func resolvePaths(s *site.Site, args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		abs, err := filepath.Abs(a)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(abs); err != nil {
			abs = filepath.Join(s.Root, filepath.FromSlash(a))
			if _, err := os.Stat(abs); err != nil {
				return nil, fmt.Errorf("%q is neither a path from here nor from the site root %q", a, s.Root)
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
