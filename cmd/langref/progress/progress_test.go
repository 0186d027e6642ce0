package progress

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

// clock is a fake clock that tests move by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func text(step string, done, total int) string {
	return fmt.Sprintf("%s %d/%d", step, done, total)
}

func newLine(c *clock, w *bytes.Buffer) *Line {
	return New(w, text, Options{Now: c.now})
}

// TestDelay: work shorter than the delay draws nothing.
func TestDelay(t *testing.T) {
	c, w := &clock{t: time.Unix(0, 0)}, &bytes.Buffer{}
	l := newLine(c, w)
	for i := range 9 {
		c.advance(100 * time.Millisecond)
		l.Report("judge", i, 10)
	}
	l.Stop()
	if w.Len() != 0 {
		t.Errorf("drew %q before the delay", w.String())
	}
}

// TestThrottle: at most one redraw per interval, each in place.
func TestThrottle(t *testing.T) {
	c, w := &clock{t: time.Unix(0, 0)}, &bytes.Buffer{}
	l := newLine(c, w)
	c.advance(time.Second)
	// 100 reports over half a second: 5 redraws at most, one per 100 ms.
	for i := range 100 {
		l.Report("judge", i, 100)
		c.advance(5 * time.Millisecond)
	}
	draws := strings.Count(w.String(), "\r")
	if draws < 4 || draws > 6 {
		t.Errorf("%d redraws in half a second, want about 5:\n%q", draws, w.String())
	}
	if !strings.HasPrefix(w.String(), "\rjudge 0/100\x1b[K") {
		t.Errorf("first draw %q", w.String())
	}
	if strings.Contains(w.String(), "\n") {
		t.Errorf("a line break: the line is not redrawn in place:\n%q", w.String())
	}
}

// TestNewStep: a new step is drawn at once, whatever the interval.
func TestNewStep(t *testing.T) {
	c, w := &clock{t: time.Unix(0, 0)}, &bytes.Buffer{}
	l := newLine(c, w)
	c.advance(time.Second)
	l.Report("history", 5, 0)
	l.Report("history", 6, 0)
	l.Report("judge", 1, 2)
	if want := "\rhistory 5/0\x1b[K\rjudge 1/2\x1b[K"; w.String() != want {
		t.Errorf("got %q, want %q", w.String(), want)
	}
}

// TestOutOfOrder: a count that goes down within a step is a late report
// from another goroutine, not drawn.
func TestOutOfOrder(t *testing.T) {
	c, w := &clock{t: time.Unix(0, 0)}, &bytes.Buffer{}
	l := newLine(c, w)
	c.advance(time.Second)
	l.Report("judge", 2, 3)
	c.advance(time.Second)
	l.Report("judge", 1, 3)
	c.advance(time.Second)
	l.Report("judge", 3, 3)
	if want := "\rjudge 2/3\x1b[K\rjudge 3/3\x1b[K"; w.String() != want {
		t.Errorf("got %q, want %q", w.String(), want)
	}
}

// TestClear: Stop erases the line; later reports draw nothing, and a
// line never shown is not erased.
func TestClear(t *testing.T) {
	c, w := &clock{t: time.Unix(0, 0)}, &bytes.Buffer{}
	l := newLine(c, w)
	c.advance(2 * time.Second)
	l.Report("history", 10, 0)
	l.Stop()
	if want := "\rhistory 10/0\x1b[K\r\x1b[K"; w.String() != want {
		t.Errorf("got %q, want %q", w.String(), want)
	}
	c.advance(time.Second)
	l.Report("history", 20, 0)
	l.Stop()
	if want := "\rhistory 10/0\x1b[K\r\x1b[K"; w.String() != want {
		t.Errorf("after Stop: got %q, want %q", w.String(), want)
	}

	w.Reset()
	quiet := newLine(c, w)
	quiet.Stop()
	if w.Len() != 0 {
		t.Errorf("erased a line never shown: %q", w.String())
	}
}

// TestClearThenRedraw: Clear erases the line for other output; the next
// report draws it again at once.
func TestClearThenRedraw(t *testing.T) {
	c, w := &clock{t: time.Unix(0, 0)}, &bytes.Buffer{}
	l := newLine(c, w)
	c.advance(time.Second)
	l.Report("judge", 1, 3)
	l.Clear()
	l.Report("judge", 2, 3)
	if want := "\rjudge 1/3\x1b[K\r\x1b[K\rjudge 2/3\x1b[K"; w.String() != want {
		t.Errorf("got %q, want %q", w.String(), want)
	}
}

// TestFor: a line only when both streams are terminals, not -q, and the
// terminal can erase; nil draws nothing.
func TestFor(t *testing.T) {
	tests := []struct {
		name string
		t    Terminal
		want bool
	}{
		{"terminal", Terminal{Stdout: true, Stderr: true, Term: "xterm"}, true},
		{"stdout piped", Terminal{Stdout: false, Stderr: true}, false},
		{"stderr piped", Terminal{Stdout: true, Stderr: false}, false},
		{"both piped", Terminal{}, false},
		{"quiet", Terminal{Stdout: true, Stderr: true, Quiet: true}, false},
		{"dumb terminal", Terminal{Stdout: true, Stderr: true, Term: "dumb"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, w := &clock{t: time.Unix(0, 0)}, &bytes.Buffer{}
			l := For(w, tt.t, text, Options{Now: c.now})
			if (l != nil) != tt.want {
				t.Fatalf("line %v, want %v", l != nil, tt.want)
			}
			c.advance(time.Hour)
			l.Report("judge", 1, 2)
			l.Clear()
			l.Stop()
			if drew := w.Len() > 0; drew != tt.want {
				t.Errorf("drew %q", w.String())
			}
		})
	}
}

// TestFit: the text fits the terminal's width less one column, wide
// characters counted twice.
func TestFit(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"judging 8/20 pages", 40, "judging 8/20 pages"},
		{"judging 8/20 pages", 10, "judging 8…"},
		{"正在判断 8/20 个页面", 10, "正在判断 …"},
		{"two\nlines", 20, "two lines"},
	}
	for _, tt := range tests {
		if got := fit(tt.s, tt.n); got != tt.want {
			t.Errorf("fit(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

func TestGroup(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4321: "-4,321"} {
		if got := Group(n, ","); got != want {
			t.Errorf("Group(%d) = %q, want %q", n, got, want)
		}
	}
}
