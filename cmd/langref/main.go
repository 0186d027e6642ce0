// Command langref keeps the translations of a documentation site paired
// with their source pages. See docs/ for the manual.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
)

func main() {
	defaultMemoryLimit(os.Getenv)
	stop := startProfile(os.Getenv("LANGREF_CPUPROFILE"))
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	writeAllocProfile(os.Getenv("LANGREF_MEMPROFILE"))
	os.Exit(code)
}

// memoryLimit is the garbage collector's soft memory limit unless
// GOMEMLIMIT sets another: large sites stay under 1 GiB, and sites whose
// heap stays well below it never reach it.
const memoryLimit = 900 << 20

// gcPercent is the collector's GOGC unless the environment sets one.
// With the memory limit as the real bound, the collector need not run
// each time the heap doubles while it is small: on the 20,000-page bench
// site a first status run took 0.4 s less (8 interleaved pairs, 7 faster;
// peak 910 MiB against 898 MiB); on DLSP20 a run peaks at 53 MB.
const gcPercent = 400

// defaultMemoryLimit sets memoryLimit and gcPercent when the environment
// sets none.
func defaultMemoryLimit(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// startProfile writes a CPU profile of the run to path, for developers
// (LANGREF_CPUPROFILE=cpu.out langref status; go tool pprof cpu.out), and
// returns the function that ends it. An empty path profiles nothing.
func startProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "langref: LANGREF_CPUPROFILE:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// writeAllocProfile writes the run's allocations to path, for developers
// (LANGREF_MEMPROFILE=mem.out langref diff ...; go tool pprof
// -sample_index=alloc_space mem.out). An empty path writes nothing.
func writeAllocProfile(path string) {
	if path == "" {
		return
	}
	runtime.GC() // the profile holds the allocations up to the last collection
	f, err := os.Create(path)
	if err == nil {
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		f.Close()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "langref: LANGREF_MEMPROFILE:", err)
	}
}
