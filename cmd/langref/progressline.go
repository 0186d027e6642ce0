package main

import (
	"os"
	"strconv"
	"time"

	"github.com/langref/langref/cmd/langref/progress"
	"github.com/langref/langref/sync/stale"
)

// issue 14/15: a progress line on stderr for work over a second, on a
// terminal only (package progress decides and draws).

// progress returns the callback that long work reports to, drawing the
// progress line; nil when no line is drawn (piped output, -q, a dumb
// terminal), so that the work does not even count.
func (e *env) progress() stale.Progress {
	e.progOnce.Do(func() {
		t := progress.Terminal{Stdout: e.out.terminal, Stderr: e.stderrTerminal(), Quiet: e.quiet, Term: e.getenv("TERM")}
		e.prog = progress.For(e.stderr, t, e.progressText, e.progressOptions())
	})
	if e.prog == nil {
		return nil
	}
	return e.prog.Report
}

// endProgress erases the progress line for good before the output.
func (e *env) endProgress() { e.prog.Stop() }

// stderrTerminal reports whether stderr is a terminal; LANGREF_FORCE_TTY,
// for tests, says both streams are.
func (e *env) stderrTerminal() bool {
	if e.getenv("LANGREF_FORCE_TTY") != "" {
		return true
	}
	f, ok := e.stderr.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressOptions reads the terminal's width from COLUMNS, and
// LANGREF_PROGRESS_DELAY (a Go duration), for tests that need the line
// without a second's work.
func (e *env) progressOptions() progress.Options {
	var o progress.Options
	if n, err := strconv.Atoi(e.getenv("COLUMNS")); err == nil {
		o.Width = n
	}
	if d, err := time.ParseDuration(e.getenv("LANGREF_PROGRESS_DELAY")); err == nil {
		o.Delay = max(d, time.Nanosecond)
	}
	return o
}

// progressText renders a step of the work in the user's language.
func (e *env) progressText(step string, done, total int) string {
	sep := e.p.T("progress.group")
	// Count, the number the plural form follows, is written grouped too.
	switch step {
	case stale.StepHistory:
		return e.p.N("progress.history", done, map[string]any{"Count": progress.Group(done, sep)})
	case stale.StepJudge:
		return e.p.N("progress.judge", total, map[string]any{"Done": progress.Group(done, sep), "Count": progress.Group(total, sep)})
	}
	return step
}
