//go:build !unix

package site

// cpuTime is 0 where getrusage is missing.
func cpuTime() int64 { return 0 }
