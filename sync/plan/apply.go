package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ExistsError is returned when a file the plan creates is already there.
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string { return fmt.Sprintf("%s already exists", e.Path) }

// ChangedError is returned when a file the plan rewrites changed on disk
// after the plan was made.
type ChangedError struct{ Path string }

func (e *ChangedError) Error() string {
	return fmt.Sprintf("%s changed on disk while langref was planning", e.Path)
}

// Options change how a plan is applied.
type Options struct {
	// Force writes over existing files, after moving each to a backup.
	Force bool
}

// Done is one write that Apply made.
type Done struct {
	Path string
	// Backup is where the file's former contents went, relative to the
	// root, or "".
	Backup string
	// Unchanged is true when the file already held the new bytes.
	Unchanged bool
}

// Apply writes the plan: every file through a temporary file in its own
// folder, synced, then moved into place. It checks every write before
// making any, so that a refusal leaves the disk as it was.
func (p *Plan) Apply(o Options) ([]Done, error) {
	ws := p.Sorted()
	for _, w := range ws {
		if err := p.check(w, o); err != nil {
			return nil, err
		}
	}
	var done []Done
	for _, w := range ws {
		d, err := p.write(w, o)
		if err != nil {
			return done, err
		}
		done = append(done, d)
	}
	return done, nil
}

func (p *Plan) abs(rel string) string { return filepath.Join(p.Root, filepath.FromSlash(rel)) }

// inside checks that rel stays in the root once symbolic links are
// followed: the deepest part of its path that exists must resolve to a
// place under the resolved root, since writing follows links.
func (p *Plan) inside(rel string) error {
	root, err := filepath.EvalSymlinks(p.Root)
	if err != nil {
		return err
	}
	at := p.abs(rel)
	for {
		if _, err := os.Lstat(at); err == nil {
			break
		}
		parent := filepath.Dir(at)
		if parent == at {
			return nil
		}
		at = parent
	}
	real, err := filepath.EvalSymlinks(at)
	if err != nil {
		return err
	}
	if r, err := filepath.Rel(root, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return fmt.Errorf("%q (through a symbolic link, to %q): %w", rel, real, ErrEscape)
	}
	return nil
}

func (p *Plan) check(w Write, o Options) error {
	if err := CheckPath(w.Path); err != nil {
		return err
	}
	if err := p.inside(w.Path); err != nil {
		return err
	}
	cur, err := os.ReadFile(p.abs(w.Path))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !w.Create() {
			return &ChangedError{Path: w.Path}
		}
		return nil
	case err != nil:
		return err
	case w.Create() && !o.Force:
		return &ExistsError{Path: w.Path}
	case !w.Create() && !bytes.Equal(cur, w.Old):
		return &ChangedError{Path: w.Path}
	}
	return nil
}

func (p *Plan) write(w Write, o Options) (Done, error) {
	d := Done{Path: w.Path}
	full := p.abs(w.Path)
	if cur, err := os.ReadFile(full); err == nil && bytes.Equal(cur, w.New) {
		d.Unchanged = true
		return d, nil
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return d, err
	}
	if w.Create() && o.Force {
		b, err := backup(full)
		if err != nil {
			return d, err
		}
		if b != "" {
			d.Backup, _ = filepath.Rel(p.Root, b)
			d.Backup = filepath.ToSlash(d.Backup)
		}
	}
	if w.Create() {
		return d, createAtomic(full, w.New)
	}
	return d, replaceAtomic(full, w.New)
}

// backup moves full to the first free name of full~, full.~1~, full.~2~
// ...: names Jekyll skips. It returns "" when full does not exist.
func backup(full string) (string, error) {
	if _, err := os.Lstat(full); errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	name := full + "~"
	for i := 1; exists(name); i++ {
		name = fmt.Sprintf("%s.~%d~", full, i)
	}
	return name, os.Rename(full, name)
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// createAtomic writes a new file: a synced temporary file linked to its
// name, which fails if the name exists (as O_EXCL would), so a file that
// appeared meanwhile is never overwritten.
func createAtomic(full string, data []byte) error {
	tmp, err := writeTemp(full, data, 0o644)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, full); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &ExistsError{Path: full}
		}
		return createExclusive(full, data) // no hard links here
	}
	return syncDir(filepath.Dir(full))
}

// createExclusive is createAtomic for file systems without hard links.
func createExclusive(full string, data []byte) error {
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return &ExistsError{Path: full}
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// replaceAtomic rewrites an existing file through a synced temporary file
// renamed over it, keeping its permissions.
func replaceAtomic(full string, data []byte) error {
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(full); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := writeTemp(full, data, mode)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, full); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(full))
}

// writeTemp writes data to a synced temporary file beside full. Its name
// starts with "." so that Jekyll would skip it if it were left behind.
func writeTemp(full string, data []byte, mode fs.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(full), "."+filepath.Base(full)+".langref-*")
	if err != nil {
		return "", err
	}
	name := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// syncDir makes a rename or link in dir durable; file systems that cannot
// sync a folder are not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}
