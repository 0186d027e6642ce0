package main

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/internal/testfs"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output files in testdata/script from the actual output")

func TestMain(m *testing.M) {
	testscript.Main(cleanup{m}, map[string]func(){
		"langref": func() {
			os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
		},
	})
}

// cleanup removes the shared DLSP20 clone (testcorpus.Shared) once the
// tests ran: testscript.Main exits with their result itself.
type cleanup struct{ m *testing.M }

func (c cleanup) Run() int {
	code := c.m.Run()
	testcorpus.Cleanup()
	return code
}

// TestScripts runs the user-manual scripts in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds:          scriptCmds,
		Setup: func(e *testscript.Env) error {
			e.Setenv("LANG", "C")
			e.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}

// TestExitCodes pins the documented exit codes, which the scripts can only
// tell apart by what langref prints: 0 for success, 1 for findings, 2 for
// bad flags, arguments or configuration.
func TestExitCodes(t *testing.T) {
	good := map[string]string{
		"_config.yml": "title: Docs\n",
		"en/a.md":     "---\nlang-ref: a\n---\n",
		"fr/a.md":     "---\nlang: fr\nlang-ref: a\n---\n",
	}
	orphan := with(good, "fr/b.md", "---\nlang: fr\nlang-ref: nothing\n---\n")
	warning := with(good, "en/a.md", "---\nlang-ref: a\ntitle: A\ntitle: B\n---\n")
	two := with(with(good, "en/b.md", "---\nlang-ref: b\n---\n"), "fr/b.md", "---\nlang: fr\nlang-ref: b\n---\n")
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  int
	}{
		{"status of a good site", good, []string{"status"}, 0},
		{"check of a good site", good, []string{"check"}, 0},
		{"check with an error", orphan, []string{"check"}, 1},
		{"status with an orphan still succeeds", orphan, []string{"status"}, 0},
		{"warning without strict", warning, []string{"check"}, 0},
		{"warning with strict", warning, []string{"check", "--strict"}, 1},
		{"bad check format", good, []string{"check", "--format", "xml"}, 2},
		{"bad status format", good, []string{"status", "--format", "xml"}, 2},
		{"unknown flag", good, []string{"check", "--no-such-flag"}, 2},
		{"unknown command", good, []string{"frobnicate"}, 2},
		{"unknown status language", good, []string{"status", "--lang", "de"}, 2},
		{"source language is not a translation language", good, []string{"status", "--lang", "en"}, 2},
		{"path that does not exist", good, []string{"check", "nowhere.md"}, 2},
		{"broken _config.yml", with(good, "_config.yml", "title: [\n"), []string{"check"}, 2},
		{"bad rule severity", with(good, ".langref.yml", "rules:\n  orphan-ref: fatal\n"), []string{"check"}, 2},
		{"bad pairing", with(good, ".langref.yml", "pairing: magic\n"), []string{"check"}, 2},
		{"help", good, []string{"--help"}, 0},
		// Broken input (issue 15): a file at a translation's path that is
		// no readable page is a finding of check and stops new; status
		// shows it and succeeds.
		{"check of an empty translation", with(two, "fr/a.md", ""), []string{"check"}, 1},
		{"status of an empty translation", with(two, "fr/a.md", ""), []string{"status"}, 0},
		{"new over a binary translation", with(two, "fr/a.md", "\x00\x01"), []string{"new", "--lang", "fr", "a"}, 1},
		{"new --missing over a UTF-16 translation", with(two, "fr/a.md", "\xff\xfe-\x00"), []string{"new", "--lang", "fr", "--missing"}, 1},
		{"check of a lang-ref list", with(two, "fr/a.md", "---\nlang: fr\nlang-ref: [a, b]\n---\n"), []string{"check"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := testfs.Dir(t, tt.files)
			var stdout, stderr bytes.Buffer
			args := append([]string{"--root", root}, tt.args...)
			got := run(args, strings.NewReader(""), &stdout, &stderr, fakeEnv("LANG", "C"))
			if got != tt.want {
				t.Errorf("run(%q) = %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, got, tt.want, &stdout, &stderr)
			}
			if got == 2 && !strings.Contains(stderr.String(), "langref: error: ") {
				t.Errorf("exit code 2 without an error on stderr:\n%s", &stderr)
			}
			if got == 1 && stderr.Len() > 0 && tt.args[0] != "new" { // new refuses on stderr
				t.Errorf("findings should not print to stderr, got:\n%s", &stderr)
			}
		})
	}
}

func with(files map[string]string, path, content string) map[string]string {
	out := map[string]string{}
	for k, v := range files {
		out[k] = v
	}
	out[path] = content
	return out
}

func fakeEnv(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}
