package main

import "testing"

// slow skips t under -short: the tests that clone a real corpus, build a
// site with Jekyll or Hugo, or drive a browser. The normal run (go test
// ./...) runs them; the race run of .ci/run (go test -race -short ./...)
// leaves them out, since the race detector makes them several times
// slower and what they exercise concurrently runs in the other tests too.
func slow(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("slow: clones a corpus, builds a site or drives a browser; skipped under -short (the race run)")
	}
}
