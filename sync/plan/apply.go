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
// making any, so that a refusal leaves the disk as it was; a path that
// leaves the root (ErrEscape) is refused before anything else is checked
// (found by FuzzApply: a name too long to create was reported instead).
//
// A file rewritten (Old set) that someone edited since the plan was made
// is planned again with Redo, or refused; it is read once more just
// before its new contents replace it, and a change then is a
// ChangedError, never an overwrite. Run under Lock, so that other
// langref runs wait rather than race.
func (p *Plan) Apply(o Options) ([]Done, error) {
	ws := p.Sorted()
	for _, w := range ws { // a path out of the root first, whatever else is wrong
		if err := CheckPath(w.Path); err != nil {
			return nil, err
		}
	}
	for i := range ws {
		if err := p.check(&ws[i], o); err != nil {
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

func (p *Plan) check(w *Write, o Options) error {
	if err := CheckPath(w.Path); err != nil {
		return err
	}
	if err := p.inside(w.Path); err != nil {
		return err
	}
	cur, err := readRegular(p.abs(w.Path))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !w.Create() {
			return &ChangedError{Path: w.Path}
		}
		return nil
	case err != nil:
		return &WriteError{Path: w.Path, Err: err}
	case w.Create() && !o.Force:
		return &ExistsError{Path: w.Path}
	case !w.Create() && !bytes.Equal(cur, w.Old):
		return p.redo(w, cur)
	}
	return nil
}

// redo plans w again from cur, the file's contents now.
func (p *Plan) redo(w *Write, cur []byte) error {
	if w.Redo == nil {
		return &ChangedError{Path: w.Path}
	}
	n, err := w.Redo(cur)
	if err != nil {
		return err
	}
	w.Old, w.New = cur, n
	return nil
}

// ErrNotRegular is returned for a file to rewrite that is not a regular
// file (a folder, a device, a pipe), which langref neither reads nor
// replaces.
var ErrNotRegular = errors.New("not a regular file")

// readRegular reads the regular file full (through symbolic links),
// refusing anything else before opening it, so that a pipe cannot block
// the read.
func readRegular(full string) ([]byte, error) {
	fi, err := os.Stat(full)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	return os.ReadFile(full)
}

// WriteError is a file the plan could not write, named by its path in
// the plan rather than by the temporary file that failed; Err is the
// cause (no space left, permission denied...).
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return fmt.Sprintf("writing %s: %v", e.Path, e.Err) }

func (e *WriteError) Unwrap() error { return e.Err }

// cause strips the path of the temporary file from err.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func (p *Plan) write(w Write, o Options) (Done, error) {
	d, err := p.write1(w, o)
	var changed *ChangedError
	var exists *ExistsError
	if err != nil && !errors.As(err, &changed) && !errors.As(err, &exists) {
		err = &WriteError{Path: w.Path, Err: cause(err)}
	}
	return d, err
}

func (p *Plan) write1(w Write, o Options) (Done, error) {
	d := Done{Path: w.Path}
	full := p.abs(w.Path)
	if !w.Create() && bytes.Equal(w.Old, w.New) {
		d.Unchanged = true
		return d, nil
	}
	if !w.Create() {
		// A symbolic link inside the root (inside checked where it
		// leads) is written through: its target gets the new contents.
		real, err := filepath.EvalSymlinks(full)
		if err != nil {
			return d, err
		}
		if err := replaceAtomic(real, w.Old, w.New); err != nil {
			if errors.Is(err, errChanged) {
				return d, &ChangedError{Path: w.Path}
			}
			return d, err
		}
		return d, nil
	}
	if cur, err := readRegular(full); err == nil && bytes.Equal(cur, w.New) {
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
	err := createAtomic(full, w.New)
	var exists *ExistsError
	if errors.As(err, &exists) {
		exists.Path = w.Path
	}
	return d, err
}

// backup moves full to the first free name of full~, full.~1~, full.~2~
// ...: names Jekyll skips. It returns "" when full does not exist.
func backup(full string) (string, error) {
	if _, err := os.Lstat(full); errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	name, _ := backupName(full)
	return name, os.Rename(full, name)
}

// backupName returns the first free name of full~, full.~1~, full.~2~ ...
func backupName(full string) (string, error) {
	name := full + "~"
	for i := 1; exists(name); i++ {
		name = fmt.Sprintf("%s.~%d~", full, i)
	}
	return name, nil
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

// errChanged says the file to replace no longer held what the plan read.
var errChanged = errors.New("changed since the plan")

// replaceAtomic rewrites an existing file through a synced temporary file
// renamed over it, keeping its permissions. The file is read again once
// the temporary file is written, just before the rename: if it no longer
// holds old, nothing is replaced.
func replaceAtomic(full string, old, data []byte) error {
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(full); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := writeTemp(full, data, mode)
	if err != nil {
		return err
	}
	if cur, err := readRegular(full); err != nil || !bytes.Equal(cur, old) {
		os.Remove(tmp)
		if err != nil {
			return err
		}
		return errChanged
	}
	if err := exchange(tmp, full); err == nil {
		return checkExchanged(tmp, full, old, data)
	}
	if err := os.Rename(tmp, full); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(full))
}

// checkExchanged follows the exchange of the new file tmp with full: tmp
// now holds what full held at that instant. When that is still old, tmp
// goes; else an editor saved the file between the last read and the
// exchange, and its file is put back in place. The new contents, data,
// are then dropped; whatever else turned up meanwhile is kept as a
// backup.
func checkExchanged(tmp, full string, old, data []byte) error {
	was, err := os.ReadFile(tmp)
	if err == nil && bytes.Equal(was, old) {
		os.Remove(tmp)
		return syncDir(filepath.Dir(full))
	}
	if err := exchange(tmp, full); err != nil {
		return err
	}
	if mine, err := os.ReadFile(tmp); err == nil && bytes.Equal(mine, data) {
		os.Remove(tmp)
	} else if b, err := backupName(full); err == nil {
		os.Rename(tmp, b)
	}
	return errChanged
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
