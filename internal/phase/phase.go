// Package phase marks where a run is, for developers measuring it: with
// LANGREF_PHASES set, each Mark prints the time since the program started,
// the process's CPU time so far (user and system, where the system tells
// it) and the phase's name to standard error; with LANGREF_HEAPSNAP=PREFIX, it
// also collects garbage and writes the live heap's profile to
// PREFIX.NAME (go tool pprof -sample_index=inuse_space). Unset, Mark costs
// one load of a boolean.
package phase

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

var (
	start    = time.Now()
	print    = os.Getenv("LANGREF_PHASES") != ""
	heapSnap = os.Getenv("LANGREF_HEAPSNAP")
	on       = print || heapSnap != ""
)

// Mark notes that the phase name has ended.
func Mark(name string) {
	if !on {
		return
	}
	if print {
		fmt.Fprintf(os.Stderr, "langref: phase %7.3fs cpu %7.3fs %s\n", time.Since(start).Seconds(), CPU().Seconds(), name)
	}
	if heapSnap != "" {
		writeHeap(heapSnap + "." + name)
	}
}

func writeHeap(path string) {
	runtime.GC()
	f, err := os.Create(path)
	if err == nil {
		err = pprof.Lookup("heap").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "langref: LANGREF_HEAPSNAP:", err)
	}
}
