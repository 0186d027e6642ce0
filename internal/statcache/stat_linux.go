package statcache

import "syscall"

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
