package main

import (
	"io"
	"strings"
	"testing"

	"github.com/langref/langref/locales"
	"github.com/urfave/cli/v2"
)

// appIn is langref's command line with its messages in ui.
func appIn(ui string) *cli.App {
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	e.p = locales.New(ui, "en")
	e.out = newOutput(io.Discard, e.getenv)
	return e.app()
}

// TestHelpExamples: every command's help shows examples, in every
// language langref speaks, and no switch's usage has `quotes`, which
// urfave/cli would print as the value the switch does not take.
func TestHelpExamples(t *testing.T) {
	for _, ui := range locales.Languages() {
		app := appIn(ui)
		for _, c := range app.VisibleCommands() {
			if strings.TrimSpace(c.Description) == "" || !strings.Contains(c.Description, "langref "+c.Name) &&
				!strings.Contains(c.Description, "langref completion") {
				t.Errorf("%s: langref %s --help has no examples (add examples.%s to the locales)", ui, c.Name, c.Name)
			}
			for _, f := range c.Flags {
				if b, ok := f.(*cli.BoolFlag); ok && strings.Contains(b.Usage, "`") {
					t.Errorf("%s: langref %s --%s: a switch's usage with `quotes` shows them as its value: %q", ui, c.Name, b.Name, b.Usage)
				}
			}
		}
	}
}
