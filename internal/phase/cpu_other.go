//go:build !unix

package phase

import "time"

// cpuTime returns -1: the CPU time the process has used is not known here.
func cpuTime() time.Duration { return -1 }
