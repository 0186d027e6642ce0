// Command langref keeps the translations of a documentation site paired
// with their source pages. See docs/ for the manual.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	defaultMemoryLimit(os.Getenv)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// memoryLimit is the garbage collector's soft memory limit unless
// GOMEMLIMIT sets another: large sites stay under 1 GiB, and sites whose
// heap stays well below it never reach it.
const memoryLimit = 900 << 20

// defaultMemoryLimit sets memoryLimit when the environment sets none.
func defaultMemoryLimit(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
