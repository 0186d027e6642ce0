// Package par runs independent pieces of work on all processors.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls f(0) to f(n-1), each once, on at most GOMAXPROCS goroutines,
// and returns when all calls have returned. The calls must not depend on
// one another's order.
func Do(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}
