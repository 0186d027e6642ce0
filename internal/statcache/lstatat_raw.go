//go:build linux && (amd64 || arm64)

package statcache

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// lstatat is fstatat(2) of name in the folder dir, not following a
// symbolic link, as a raw system call that keeps the thread's processor:
// the kernel answers it from its caches, or at worst the disk, without
// waiting on any goroutine. Through the runtime's entry and exit, a call
// that the kernel preempts on a busy machine is seen to block, and the
// processor is handed to another thread and back (see internal/fsread);
// a site's walk makes one per file.
func lstatat(dir int, name string, st *unix.Stat_t) error {
	p, err := unix.BytePtrFromString(name)
	if err != nil {
		return err
	}
	_, _, errno := unix.RawSyscall6(unix.SYS_NEWFSTATAT, uintptr(dir), uintptr(unsafe.Pointer(p)),
		uintptr(unsafe.Pointer(st)), unix.AT_SYMLINK_NOFOLLOW, 0, 0)
	if errno != 0 {
		return syscall.Errno(errno)
	}
	return nil
}
