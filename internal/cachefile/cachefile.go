// Package cachefile keeps langref's caches between runs: where they live
// (a folder of the repository's git directory, shared by its work trees),
// the stamp of the build that wrote them, and how they are written. A cache
// is never required: callers take a missing or unreadable file for an
// empty cache and ignore failed writes.
package cachefile

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	gosync "sync"

	"github.com/langref/langref/sync/history"
)

// Dir returns the folder where langref keeps caches for the site at root:
// $(git rev-parse --git-common-dir)/langref, or "" when root is not in a
// git work tree or git is missing. The folder may not exist yet.
func Dir(root string) string {
	repo, err := history.Open(root)
	if err != nil {
		return ""
	}
	return RepoDir(repo)
}

// RepoDir is Dir for a repository already open, without running git.
func RepoDir(repo *history.Repo) string {
	if repo == nil || repo.CommonDir == "" {
		return ""
	}
	return filepath.Join(repo.CommonDir, "langref")
}

// BuildStamp identifies the langref build, so that a cache ignores the
// results of another build, whose analysis may differ: the commit it was
// built from, or, for builds from a modified tree (and tests), the
// executable's path, size and modification time. It is "" when none of
// these is known, and then nothing is to be cached.
var BuildStamp = gosync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" && modified == "false" {
			return bi.Main.Path + "@" + rev
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprint(exe, fi.Size(), fi.ModTime().UnixNano())
})

// Write replaces the file at path with b atomically: a temporary file in
// the same folder, renamed over it. It makes the folder when missing.
func Write(path string, b []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
