// Package browser runs headless Chromium for tests that look at what
// langref's HTML reports show a person: a screenshot, and the DOM after
// the page's script ran.
package browser

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Find returns the path of a Chromium, or "": $LANGREF_CHROMIUM, else the
// first of chromium, chromium-browser and google-chrome in PATH.
func Find() string {
	if p := os.Getenv("LANGREF_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Browser is a headless Chromium for one test.
type Browser struct {
	t    testing.TB
	path string
}

// New returns a browser, or skips the test when none is installed, except
// in CI (CI set), where .ci/run installs one and its absence fails.
func New(t testing.TB) *Browser {
	t.Helper()
	p := Find()
	if p == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium not found, and CI is set: .ci/run installs it (apt-get install chromium)")
		}
		t.Skip("chromium not found: install it (apt-get install chromium) to run the browser tests")
	}
	return &Browser{t: t, path: p}
}

// flags run Chromium headless on a closed network, with a fresh profile.
var flags = []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"}

// run starts Chromium on file with extra flags and returns its stdout and
// stderr.
func (b *Browser) run(file string, extra ...string) (string, string) {
	b.t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		b.t.Fatal(err)
	}
	ctx, cancel := b.context()
	defer cancel()
	args := append(append(append([]string{}, flags...), "--user-data-dir="+b.t.TempDir()), extra...)
	cmd := exec.CommandContext(ctx, b.path, append(args, "file://"+filepath.ToSlash(abs))...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		b.t.Fatalf("%s: %v\n%s", b.path, err, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// context bounds Chromium by the test binary's own deadline (go test
// -timeout), less a margin to report it, and by nothing else: a fixed
// limit here would fail the tests on a loaded machine (a report took 34 s
// to open at load 30), which is a measure for a benchmark, not a test.
func (b *Browser) context() (context.Context, context.CancelFunc) {
	if t, ok := b.t.(interface{ Deadline() (time.Time, bool) }); ok {
		if d, ok := t.Deadline(); ok {
			return context.WithDeadline(context.Background(), d.Add(-30*time.Second))
		}
	}
	return context.WithCancel(context.Background())
}

// DOM loads file, runs its scripts and returns the resulting DOM, failing
// the test on any uncaught error or console message: a report logs none.
func (b *Browser) DOM(file string) string {
	b.t.Helper()
	dom, logs := b.run(file, "--dump-dom", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000")
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, "Uncaught") || strings.Contains(line, ":CONSOLE") {
			b.t.Errorf("%s: console: %s", file, line)
		}
	}
	return dom
}

// Screenshot saves a PNG of file as a 1280×height window shows it, and
// returns its size in bytes.
func (b *Browser) Screenshot(file, png string, height int) int64 {
	b.t.Helper()
	b.run(file, "--screenshot="+png, "--window-size=1280,"+strconv.Itoa(height))
	fi, err := os.Stat(png)
	if err != nil {
		b.t.Fatalf("no screenshot: %v", err)
	}
	return fi.Size()
}
