// Package cachefile keeps langref's caches between runs: where they live
// (a folder of the repository's git directory, shared by its work trees),
// the stamp of the build that wrote them, and how they are written. A cache
// is never required: callers take a missing or unreadable file for an
// empty cache and ignore failed writes.
package cachefile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
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
	return WriteFunc(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// WriteFunc is Write for a file that write writes to w, buffered, rather
// than one held whole in memory first: the file replaces the one at path
// only when write returns no error.
func WriteFunc(path string, write func(w io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
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

// LockFile returns the lock file of the site at root, which commands that
// write the site hold (see plan.Lock): "lock" in the cache folder (Dir),
// shared by the repository's work trees, or ".langref.lock" in the site
// root outside git (Jekyll skips names that start with a dot).
func LockFile(root string) string {
	if d := Dir(root); d != "" {
		return filepath.Join(d, "lock")
	}
	return filepath.Join(root, ".langref.lock")
}

// MaxSize is the largest cache file Read accepts.
const MaxSize = 1 << 30

// ErrNotCache is returned by Read for a file that cannot be a cache: not
// a regular file (a link to /dev/zero, a pipe) or larger than the bound.
var ErrNotCache = errors.New("not a cache file")

// Read returns the contents of the cache file at path, refusing, before
// reading anything, a file that is not regular (symbolic links are
// followed) or holds more than limit bytes; limit <= 0 means MaxSize. It
// reads at most limit bytes even if the file grows meanwhile.
func Read(path string, limit int64) ([]byte, error) {
	b, _, err := ReadStat(path, limit)
	return b, err
}

// ReadStat is Read, also returning what the open file's stat said of it
// before it was read: its modification time tells when it was written,
// which caches that trust files by their stat data need (see
// internal/statcache).
func ReadStat(path string, limit int64) ([]byte, os.FileInfo, error) {
	if limit <= 0 {
		limit = MaxSize
	}
	if fi, err := os.Stat(path); err != nil {
		return nil, nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s: %w", path, ErrNotCache) // a pipe would block the open
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() > limit {
		return nil, nil, fmt.Errorf("%s: %w", path, ErrNotCache)
	}
	b, err := readUpTo(f, fi.Size(), limit)
	if err == nil && int64(len(b)) > limit {
		return nil, nil, fmt.Errorf("%s: %w", path, ErrNotCache)
	}
	return b, fi, err
}

// ReadPrefix returns the first n bytes of the cache file at path (all
// of it when shorter) and what its stat said of it, refusing, before
// reading anything, a file that is not regular (symbolic links are
// followed): for caches whose start says whether the rest is needed.
func ReadPrefix(path string, n int64) ([]byte, os.FileInfo, error) {
	if fi, err := os.Stat(path); err != nil {
		return nil, nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s: %w", path, ErrNotCache)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s: %w", path, ErrNotCache)
	}
	b, err := readUpTo(f, min(fi.Size(), n), n)
	return b[:min(int64(len(b)), n)], fi, err
}

// readUpTo reads f, size bytes long when it was opened, to its end or
// to one byte past limit, into a buffer sized for it: no copies as the
// buffer grows, and no more memory touched than the file needs.
func readUpTo(f io.Reader, size, limit int64) ([]byte, error) {
	b := make([]byte, 0, min(size, limit)+1)
	for int64(len(b)) <= limit {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := f.Read(b[len(b):min(int64(cap(b)), limit+1)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return b, nil
}
