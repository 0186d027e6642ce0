// Package progress draws one line of progress on a terminal, redrawn in
// place while long work goes on: "judging 812/2,000 pages". It shows
// nothing for work shorter than a delay (a second), redraws at most every
// interval (a tenth of a second), and erases itself when the work ends, so
// that no trace of it remains above the command's output. A nil *Line
// draws nothing: callers ask For whether to draw at all.
package progress

import (
	"io"
	"strconv"
	"strings"
	gosync "sync"
	"time"

	"golang.org/x/text/width"
)

// Defaults of Options.
const (
	DefaultDelay    = time.Second
	DefaultInterval = 100 * time.Millisecond
	DefaultWidth    = 80
)

// Options tune a Line; zero values take the defaults.
type Options struct {
	// Delay is how long work goes on before the line first shows.
	Delay time.Duration
	// Interval is the least time between two redraws.
	Interval time.Duration
	// Width is the terminal's width in columns: the text is cut to fit
	// in one line less one column, since a full line would wrap.
	Width int
	// Now tells the time; tests pass a fake clock.
	Now func() time.Time
}

// Text renders the state of the work as the line's text, in the user's
// language: what is being counted (a step id such as "history"), how many
// are done, and how many in all (0 when not known).
type Text func(step string, done, total int) string

// Line is one progress line on a terminal. Its methods are safe for
// concurrent use, and do nothing on a nil *Line.
type Line struct {
	mu      gosync.Mutex
	w       io.Writer
	text    Text
	o       Options
	start   time.Time
	last    time.Time // of the last redraw
	step    string    // of the last report
	done    int       // of the last report
	shown   bool      // text is on the screen
	stopped bool
}

// New returns a line drawn on w, which must be a terminal.
func New(w io.Writer, text Text, o Options) *Line {
	if o.Delay == 0 {
		o.Delay = DefaultDelay
	}
	if o.Interval == 0 {
		o.Interval = DefaultInterval
	}
	if o.Width <= 0 {
		o.Width = DefaultWidth
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Line{w: w, text: text, o: o, start: o.Now()}
}

// Terminal says where a command runs, for For.
type Terminal struct {
	// Stdout and Stderr are true when the streams are terminals.
	Stdout, Stderr bool
	// Quiet is true under -q; Term is $TERM ("dumb" terminals cannot
	// erase a line).
	Quiet bool
	Term  string
}

// For returns a Line drawn on stderr when t allows one, else nil: both
// streams are terminals (piped output, JSON and CI formats get none, and
// a terminal reading stderr alone would keep the line after the output),
// not -q, and the terminal can erase a line.
func For(stderr io.Writer, t Terminal, text Text, o Options) *Line {
	if !t.Stdout || !t.Stderr || t.Quiet || t.Term == "dumb" {
		return nil
	}
	return New(stderr, text, o)
}

// Report sets the state of the work and redraws the line if it is time:
// once the delay has passed, at most once per interval within a step, at
// once for a new step.
func (l *Line) Report(step string, done, total int) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	// Reports from several goroutines may come out of order: a count
	// never goes down within a step.
	if step == l.step && done < l.done {
		return
	}
	newStep := step != l.step
	l.step, l.done = step, done
	now := l.o.Now()
	if l.stopped || now.Sub(l.start) < l.o.Delay || (l.shown && !newStep && now.Sub(l.last) < l.o.Interval) {
		return
	}
	l.last, l.shown = now, true
	io.WriteString(l.w, "\r"+fit(l.text(step, done, total), l.o.Width-1)+"\x1b[K")
}

// Clear erases the line, if shown, before other output; the next Report
// draws it again.
func (l *Line) Clear() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.clear()
}

func (l *Line) clear() {
	if l.shown {
		io.WriteString(l.w, "\r\x1b[K")
		l.shown = false
	}
}

// Stop erases the line, if shown, and draws it no more: work that reports
// late (a history read in the background) cannot draw over the output.
func (l *Line) Stop() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.clear()
	l.stopped = true
}

// fit cuts s to n columns (wide CJK characters take two), ending with
// "…" when cut; line breaks become spaces.
func fit(s string, n int) string {
	s = strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
	if columnsOf(s) <= n {
		return s
	}
	var b strings.Builder
	cols := 0
	for _, r := range s {
		if cols+columns(r) > n-1 { // one column for "…"
			break
		}
		b.WriteRune(r)
		cols += columns(r)
	}
	return b.String() + "…"
}

// columns is the width of r on a terminal.
func columns(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

func columnsOf(s string) int {
	n := 0
	for _, r := range s {
		n += columns(r)
	}
	return n
}

// Group writes n with sep between groups of three digits: 1,234,567.
func Group(n int, sep string) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}
