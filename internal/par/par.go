// Package par runs independent pieces of work on all processors.
package par

import (
	"runtime"
	"sync"
)

// Do calls f(0) to f(n-1), each once, on at most GOMAXPROCS goroutines,
// and returns when all calls have returned. The calls must not depend on
// one another's order.
func Do(n int, f func(i int)) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				f(i)
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}
