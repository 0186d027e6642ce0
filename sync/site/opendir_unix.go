//go:build darwin

package site

import (
	"os"

	"golang.org/x/sys/unix"
)

// openDir opens the folder at path for reading its entries, without the
// work os.Open does for files that may be polled (an epoll registration
// a folder refuses: one system call less for each of a site's folders).
func openDir(path string) (*os.File, error) {
	for {
		fd, err := unix.Open(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: path, Err: err}
		}
		return os.NewFile(uintptr(fd), path), nil
	}
}
