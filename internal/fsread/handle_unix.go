//go:build unix && !linux

package fsread

import "syscall"

// handle is an open file descriptor, without the *os.File that would
// register it with the runtime's poller and attach a cleanup to it.
type handle int

// open opens the file name; listed says it is a regular file, as a
// listing saw it (see handle_linux.go).
func open(name string, listed bool) (handle, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return handle(fd), err
		}
	}
}

// size returns the size of a regular file, or -1.
func (h handle) size() int {
	var st syscall.Stat_t
	for {
		err := syscall.Fstat(int(h), &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
			return -1
		}
		return int(st.Size)
	}
}

func (h handle) read(p []byte) (int, error) {
	for {
		n, err := syscall.Read(int(h), p)
		if err != syscall.EINTR {
			return max(n, 0), err
		}
	}
}

func (h handle) close() { syscall.Close(int(h)) }
