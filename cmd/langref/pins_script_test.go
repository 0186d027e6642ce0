package main

import (
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	scriptCmds["gitvar"] = gitVar
	scriptCmds["setkey"] = setKey
}

// gitVar sets the environment variable NAME of the script to the hash
// of the commit REV names in the repository of the current folder, its
// first LEN digits when given, for scripts that record baselines:
//
//	gitvar OUTSIDE HEAD
//	gitvar SHORT HEAD~1 8
func gitVar(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: gitvar NAME REV [LEN]")
	}
	cmd := exec.Command("git", "rev-parse", "--verify", args[1]+"^{commit}")
	cmd.Dir = ts.MkAbs(".")
	out, err := cmd.CombinedOutput()
	if err != nil {
		ts.Fatalf("git rev-parse %s: %v\n%s", args[1], err, out)
	}
	hash := strings.TrimSpace(string(out))
	if len(args) == 3 {
		n, err := strconv.Atoi(args[2])
		ts.Check(err)
		hash = hash[:min(n, len(hash))]
	}
	ts.Setenv(args[0], hash)
}

// setKey sets KEY to VALUE in the front matter of FILE, as a translator
// would by hand: the line "KEY: …" replaced, or added after the opening
// ---.
//
//	setkey site/content/fr/a.md default_lang_commit v2
func setKey(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: setkey FILE KEY VALUE")
	}
	path := ts.MkAbs(args[0])
	b, err := os.ReadFile(path)
	ts.Check(err)
	lines := strings.SplitAfter(string(b), "\n")
	line := args[1] + ": " + args[2] + "\n"
	for i, l := range lines {
		if strings.HasPrefix(l, args[1]+":") {
			lines[i] = line
			ts.Check(os.WriteFile(path, []byte(strings.Join(lines, "")), 0o644))
			return
		}
	}
	if len(lines) == 0 || lines[0] != "---\n" {
		ts.Fatalf("%s has no front matter", args[0])
	}
	lines = append(lines[:1], append([]string{line}, lines[1:]...)...)
	ts.Check(os.WriteFile(path, []byte(strings.Join(lines, "")), 0o644))
}
