//go:build linux && (amd64 || arm64)

package plan

import (
	"syscall"
	"unsafe"
)

// sysRenameat2 is renameat2's number, which package syscall lacks on amd64.
var sysRenameat2 = map[string]uintptr{"amd64": 316, "arm64": 276}[goarch]

const renameExchange = 2 // RENAME_EXCHANGE

// exchange swaps the files at paths a and b atomically.
func exchange(a, b string) error {
	pa, err := syscall.BytePtrFromString(a)
	if err != nil {
		return err
	}
	pb, err := syscall.BytePtrFromString(b)
	if err != nil {
		return err
	}
	atFDCWD := -100 // AT_FDCWD: paths relative to the working folder
	_, _, errno := syscall.Syscall6(sysRenameat2, uintptr(atFDCWD), uintptr(unsafe.Pointer(pa)),
		uintptr(atFDCWD), uintptr(unsafe.Pointer(pb)), renameExchange, 0)
	if errno != 0 {
		return errno
	}
	return nil
}
