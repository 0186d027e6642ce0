//go:build linux && !(amd64 || arm64)

package statcache

import "golang.org/x/sys/unix"

// lstatat is fstatat(2) of name in the folder dir, not following a
// symbolic link.
func lstatat(dir int, name string, st *unix.Stat_t) error {
	return unix.Fstatat(dir, name, st, unix.AT_SYMLINK_NOFOLLOW)
}
