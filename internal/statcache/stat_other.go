//go:build !linux && !darwin

package statcache

import "os"

// Lstat returns the stat data of the file at path, not following a
// symbolic link. On this system it knows no change time or inode, and
// the size, modification time and mode alone tell a file changed.
func Lstat(path string) (Stat, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return Stat{}, err
	}
	return Stat{Size: fi.Size(), Mtime: fi.ModTime().UnixNano(), Mode: uint32(fi.Mode())}, nil
}

// LstatAt is Lstat of the file name in the open folder dir, whose path
// is full.
func LstatAt(dir *os.File, name, full string) (Stat, error) { return Lstat(full) }
