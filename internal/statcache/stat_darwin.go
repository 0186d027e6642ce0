package statcache

import (
	"os"
	"syscall"
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
			Mtime: st.Mtimespec.Nano(),
			Ctime: st.Ctimespec.Nano(),
			Ino:   st.Ino,
			Mode:  uint32(st.Mode),
		}, nil
	}
}

// LstatAt is Lstat of the file name in the open folder dir, whose path
// is full.
func LstatAt(dir *os.File, name, full string) (Stat, error) { return Lstat(full) }
