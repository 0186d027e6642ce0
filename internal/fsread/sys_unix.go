//go:build unix

package fsread

import "syscall"

// The system calls a handle makes through the runtime, retried when a
// signal interrupts them; handle_linux.go adds raw ones for listed files.

func sysOpen(name string) (int, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// sysSize returns the size of the regular file open as fd, or -1.
func sysSize(fd int) int {
	var st syscall.Stat_t
	for {
		err := syscall.Fstat(fd, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
			return -1
		}
		return int(st.Size)
	}
}

func sysRead(fd int, p []byte) (int, error) {
	for {
		n, err := syscall.Read(fd, p)
		if err != syscall.EINTR {
			return max(n, 0), err
		}
	}
}
