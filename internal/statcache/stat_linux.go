package statcache

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// Lstat returns the stat data of the file at path, not following a
// symbolic link.
func Lstat(path string) (Stat, error) {
	var st syscall.Stat_t
	for {
		err := syscall.Lstat(path, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return Stat{}, err
		}
		return Stat{
			Size:  st.Size,
			Mtime: st.Mtim.Nano(),
			Ctime: st.Ctim.Nano(),
			Ino:   st.Ino,
			Mode:  st.Mode,
		}, nil
	}
}

// LstatAt is Lstat of the file name in the open folder dir, whose path
// is full: the kernel then looks up one name rather than the whole path.
func LstatAt(dir *os.File, name, full string) (Stat, error) {
	return LstatFd(int(dir.Fd()), name, full)
}

// LstatFd is LstatAt of the folder open as the descriptor dir.
func LstatFd(dir int, name, full string) (Stat, error) {
	var st unix.Stat_t
	for {
		err := lstatat(dir, name, &st)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return Stat{}, &os.PathError{Op: "lstat", Path: full, Err: err}
		}
		return Stat{
			Size:  st.Size,
			Mtime: st.Mtim.Nano(),
			Ctime: st.Ctim.Nano(),
			Ino:   st.Ino,
			Mode:  st.Mode,
		}, nil
	}
}
