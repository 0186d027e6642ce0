//go:build !unix

package fsread

import (
	"errors"
	"io"
	"io/fs"
	"os"
)

// handle is an open file, where there is no cheaper way to read one.
type handle struct{ f *os.File }

// open opens the file name; listed says it is a regular file, as a
// listing saw it (see handle_linux.go).
func open(name string, listed bool) (handle, error) {
	f, err := os.Open(name)
	return handle{f}, unwrap(err)
}

// size returns the size of a regular file, or -1.
func (h handle) size() int {
	fi, err := h.f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return -1
	}
	return int(fi.Size())
}

func (h handle) read(p []byte) (int, error) {
	n, err := h.f.Read(p)
	if err == io.EOF {
		err = nil
	}
	return n, unwrap(err)
}

func (h handle) close() { h.f.Close() }

// unwrap returns the cause of an *fs.PathError, which AppendIf wraps again.
func unwrap(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}
