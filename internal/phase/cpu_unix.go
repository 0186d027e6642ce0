//go:build unix

package phase

import (
	"syscall"
	"time"
)

// CPU returns the CPU time the process has used so far, user and system,
// its children's not included (they count once waited for); benchmarks
// report it beside wall time, which a busy machine makes meaningless.
func CPU() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
