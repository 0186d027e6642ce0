// Package fsread reads whole files with as few system calls as the platform
// allows. langref reads every page of a site, often twice: on unix a file
// costs an open, an fstat, usually a single read and a close, without the
// *os.File that os.ReadFile sets up and tears down around them.
package fsread

import (
	"io/fs"
	"slices"
)

// maxRead bounds one read, as package os does: some systems refuse reads
// of more than 2 GiB at once.
const maxRead = 1 << 30

// ReadFile returns the contents of the file name, as os.ReadFile does,
// into a buffer sized for it. The result is never nil without an error.
func ReadFile(name string) ([]byte, error) {
	return Append(nil, name)
}

// Append appends the contents of the file name to buf, growing it only
// when it lacks room, and returns the extended buffer. On error it returns
// buf with what was read before the error, and a *fs.PathError.
func Append(buf []byte, name string) ([]byte, error) {
	buf, _, err := AppendIf(buf, name, 0, nil)
	return buf, err
}

// AppendIf is Append for the files a caller can choose by their start: it
// reads the first n bytes of the file (fewer when the file is shorter) and
// reads the rest, and reports true, only when want reports true for them.
// When want does not, it returns buf as it was. The file is opened once.
// A nil want wants every file.
func AppendIf(buf []byte, name string, n int, want func(head []byte) bool) ([]byte, bool, error) {
	return appendIf(buf, name, unknownSize, n, want)
}

// AppendSize is Append for a file that was size bytes long when last
// listed or read: it trusts size instead of asking the system, which
// saves a system call per file. A file of another size is still read
// whole.
func AppendSize(buf []byte, name string, size int) ([]byte, error) {
	buf, _, err := appendIf(buf, name, max(size, 0), 0, nil)
	return buf, err
}

// AppendIfSize is AppendIf for a file that was size bytes long when last
// listed or read, trusted as AppendSize trusts it.
func AppendIfSize(buf []byte, name string, size, n int, want func(head []byte) bool) ([]byte, bool, error) {
	return appendIf(buf, name, max(size, 0), n, want)
}

// unknownSize is the size appendIf asks the system for.
const unknownSize = -2

// appendIf is AppendIf for a file of the size given, or unknownSize.
func appendIf(buf []byte, name string, size, n int, want func(head []byte) bool) ([]byte, bool, error) {
	h, err := open(name, size != unknownSize)
	if err != nil {
		return buf, false, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer h.close()
	if size == unknownSize {
		size = h.size()
	}
	r := reader{h: h, size: size, start: len(buf)}
	if want != nil {
		buf, err = r.fill(r.grow(buf, n), n)
		head := buf[r.start:]
		if err == nil && !want(head[:min(n, len(head))]) {
			return buf[:r.start], false, nil
		}
	}
	if err == nil {
		buf, err = r.fill(r.grow(buf, -1), -1)
	}
	if err != nil {
		return buf, false, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if buf == nil {
		buf = []byte{}
	}
	return buf, true, nil
}

// reader reads one open file appended to a buffer from its index start.
type reader struct {
	h     handle
	size  int // the file's size when opened or as expected, or -1 when unknown
	start int
	eof   bool
}

// grow makes room in buf for the first n bytes of the file, or for a
// negative n all of it, and one more byte, so that one read of a file of
// known size reads them and sees the end.
func (r *reader) grow(buf []byte, n int) []byte {
	if r.size < 0 {
		return slices.Grow(buf, 512)
	}
	if n < 0 || n > r.size {
		n = r.size
	}
	return slices.Grow(buf, max(n-(len(buf)-r.start), 0)+1)
}

// fill reads into buf until it holds at least n bytes of the file, or,
// for a negative n, until the end of the file; it grows buf when full.
// A read that leaves room unfilled once the file's known size is reached
// ends the file without another read to see it end: had the file grown,
// the read would have filled the room.
func (r *reader) fill(buf []byte, n int) ([]byte, error) {
	for !r.eof && (n < 0 || len(buf)-r.start < n) {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		room := buf[len(buf):cap(buf)]
		room = room[:min(len(room), maxRead)]
		m, err := r.h.read(room)
		if err != nil {
			return buf, err
		}
		buf = buf[:len(buf)+m]
		r.eof = m == 0 || m < len(room) && len(buf)-r.start == r.size
	}
	return buf, nil
}

// ReadFileSize is ReadFile for a file that was size bytes long when last
// read: it trusts size instead of asking the system, which saves a system
// call per file. A file of another size is still read whole.
func ReadFileSize(name string, size int) ([]byte, error) {
	return AppendSize(nil, name, size)
}
