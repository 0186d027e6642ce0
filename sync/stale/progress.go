package stale

import gosync "sync"

// Progress is told how long work goes, for a progress line: what is being
// counted (StepHistory, StepJudge), how many are done, and how many in all
// (0 when not known). It may be called from several goroutines, one at a
// time for StepJudge, and often: it must be quick.
type Progress func(step string, done, total int)

// The steps Progress is told of.
const (
	// StepHistory counts the commits git log has given so far.
	StepHistory = "history"
	// StepJudge counts the translations whose staleness is settled.
	StepJudge = "judge"
)

// tally counts the translations settled; a nil *tally counts nothing.
// Counting and reporting happen under one lock, so the counts Progress
// hears never go down and the last one is the total, although items are
// settled on several goroutines.
type tally struct {
	report Progress
	total  int
	mu     gosync.Mutex
	done   int
}

func newTally(p Progress, total int) *tally {
	if p == nil {
		return nil
	}
	return &tally{report: p, total: total}
}

func (t *tally) add() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.done++
	t.report(StepJudge, t.done, t.total)
}

// countCommits returns the callback of history.Repo.LoadCounting that
// tells p.progress, or nil.
func (p *Prefetch) countCommits() func(int) {
	if p.progress == nil {
		return nil
	}
	return func(n int) { p.progress(StepHistory, n, 0) }
}
