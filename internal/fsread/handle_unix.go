//go:build unix && !linux

package fsread

import "syscall"

// handle is an open file descriptor, without the *os.File that would
// register it with the runtime's poller and attach a cleanup to it.
type handle int

// open opens the file name; listed says it is a regular file, as a
// listing saw it (see handle_linux.go).
func open(name string, listed bool) (handle, error) {
	fd, err := sysOpen(name)
	return handle(fd), err
}

// size returns the size of a regular file, or -1.
func (h handle) size() int { return sysSize(int(h)) }

func (h handle) read(p []byte) (int, error) { return sysRead(int(h), p) }

func (h handle) close() { syscall.Close(int(h)) }
