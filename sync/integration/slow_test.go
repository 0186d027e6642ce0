package integration_test

import "testing"

// slow skips t under -short: every test here reads a real corpus whole,
// some several times, and builds sites with Jekyll or Hugo. The normal
// run (go test ./...) runs them; the race run of .ci/run (go test -race
// -short ./...) leaves them out: the race detector makes them many times
// slower (TestStaleCache alone passed 20 minutes), and the concurrent
// code they exercise is raced by the tests of sync/stale, sync/history and
// sync/site.
func slow(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("slow: reads a whole corpus; skipped under -short (the race run)")
	}
}
