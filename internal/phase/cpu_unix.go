//go:build unix

package phase

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, user and system, or
// -1 when the system does not tell.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
