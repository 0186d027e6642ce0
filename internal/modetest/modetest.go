// Package modetest runs tests that need file modes to hold (a file langref
// may not read, a folder it may not write to) where they hold: as a user
// other than root, or as root without the capabilities that override
// them, CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH. Root keeps its user id
// and loses only those, in a run of the test binary under setpriv
// (util-linux), so the test needs no other user and no changed owners.
package modetest

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// childEnv marks the run of the test binary that Here starts.
const childEnv = "LANGREF_MODETEST_CHILD"

// Here reports whether the calling test, a top-level test, is to run in
// this process: file modes hold here. When they do not (root), it runs
// the test again in a child process without the capabilities that
// override them and returns false, having failed t if the child failed,
// or skipped t if the child skipped or could not be started that way.
func Here(t *testing.T) bool {
	t.Helper()
	if ModesHold(t) {
		return true
	}
	if os.Getenv(childEnv) != "" {
		t.Skip("file modes do not hold even without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("root ignores file modes, and setpriv (util-linux), which can drop that power, is not installed")
	}
	cmd := exec.Command(setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search",
		os.Args[0], "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.CombinedOutput()
	switch {
	case bytes.Contains(out, []byte("--- PASS: "+t.Name()+" ")):
		t.Logf("ran as root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (setpriv):\n%s", out)
	case bytes.Contains(out, []byte("--- SKIP: "+t.Name()+" ")):
		t.Skipf("skipped without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH:\n%s", out)
	case !bytes.Contains(out, []byte("=== RUN   "+t.Name())):
		t.Skipf("root ignores file modes, and setpriv could not drop that power (%v):\n%s", err, out)
	default:
		t.Errorf("failed as root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (setpriv): %v\n%s", err, out)
	}
	return false
}

// ModesHold reports whether this process is refused a file whose mode
// grants nothing.
func ModesHold(t *testing.T) bool {
	t.Helper()
	p := filepath.Join(t.TempDir(), "no-access")
	if err := os.WriteFile(p, nil, 0); err != nil {
		t.Fatal(err)
	}
	_, err := os.ReadFile(p)
	return errors.Is(err, fs.ErrPermission)
}
