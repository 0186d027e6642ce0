//go:build !unix

package phase

import "time"

// cpu returns 0 where the process's CPU time is not read.
func cpu() time.Duration { return 0 }
