//go:build !unix

package plan

import "os"

// lockFile does nothing where flock is missing: concurrent runs are then
// caught only by Apply's comparison before each rename.
func lockFile(f *os.File) error { return nil }
