package main

import (
	"io"
	"slices"

	"github.com/langref/langref/locales"
	"testing"
)

// TestInterspersed: flags may follow a command's arguments, as in
// `langref status docs/en --lang fr`; they move in front of the arguments
// before urfave/cli reads them, values and "--" respected.
func TestInterspersed(t *testing.T) {
	e := &env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	e.p = locales.New("en")
	app := e.app()
	tests := []struct {
		name       string
		args, want []string
	}{
		{"flags first stay", []string{"status", "--lang", "fr", "a.md"}, []string{"status", "--lang", "fr", "a.md"}},
		{"flag with value after an argument", []string{"status", "a.md", "--lang", "fr"}, []string{"status", "--lang", "fr", "a.md"}},
		{"bool flag takes no value", []string{"check", "a.md", "--strict", "b.md"}, []string{"check", "--strict", "a.md", "b.md"}},
		{"flag=value", []string{"status", "a.md", "--format=json"}, []string{"status", "--format=json", "a.md"}},
		{"global flags before the command", []string{"--root", "site", "status", "a", "-l", "fr"}, []string{"--root", "site", "status", "-l", "fr", "a"}},
		{"global flag after the command", []string{"status", "--root", "docs", "a"}, []string{"--root", "docs", "status", "a"}},
		{"global flag=value after an argument", []string{"check", "a", "--root=docs", "--strict"}, []string{"--root=docs", "check", "--strict", "a"}},
		{"global switch after the command", []string{"status", "-q", "--lang", "fr"}, []string{"-q", "status", "--lang", "fr"}},
		{"after -- everything is an argument", []string{"status", "a", "--", "--lang"}, []string{"status", "a", "--", "--lang"}},
		{"unknown command untouched", []string{"bogus", "a", "--x"}, []string{"bogus", "a", "--x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := interspersed(app, tt.args); !slices.Equal(got, tt.want) {
				t.Errorf("interspersed(%q) = %q, want %q", tt.args, got, tt.want)
			}
		})
	}
}
