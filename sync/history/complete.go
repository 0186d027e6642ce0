package history

import (
	"errors"
	"os/exec"
	"strings"
)

// Completeness says what a clone's history lacks, for the commands that
// must not report staleness resting on history that is not there as fact.
// Its JSON form is part of langref's output (the "history" field of
// status, check and report).
type Completeness struct {
	// Shallow: a shallow clone (git clone --depth, CI checkouts), whose
	// old commits are missing (git rev-parse --is-shallow-repository).
	Shallow bool `json:"shallow"`
	// Partial: a partial clone (git clone --filter), whose old file
	// versions git fetches from the promisor remote when asked, if it can.
	Partial bool `json:"partial"`
	// NoGit: no history at all (not a work tree, or git not installed).
	NoGit bool `json:"no_git,omitempty"`
	// Remote and Filter name the promisor remote and its filter
	// (blob:none, tree:0 ...) of a partial clone.
	Remote string `json:"promisor_remote,omitempty"`
	Filter string `json:"filter,omitempty"`
}

// Complete reports whether the whole history is there.
func (c Completeness) Complete() bool { return !c.Shallow && !c.Partial && !c.NoGit }

// Inspect tells how complete the history of the repository holding dir
// is. Outside a work tree, or without git, it returns NoGit and no error.
func Inspect(dir string) (Completeness, error) {
	r, err := Open(dir)
	if errors.Is(err, ErrNoGit) {
		return Completeness{NoGit: true}, nil
	}
	if err != nil {
		return Completeness{}, err
	}
	c := Completeness{Shallow: r.Shallow}
	c.Partial, c.Remote, c.Filter, err = r.partial()
	return c, err
}

// partial reads the configuration that makes a partial clone: a remote
// with promisor = true (and its partialclonefilter), or
// extensions.partialClone naming one.
func (r *Repo) partial() (ok bool, remote, filter string, err error) {
	out, err := r.run("config", "--get-regexp", `^(extensions\.partialclone|remote\..*\.(promisor|partialclonefilter))$`)
	var exit *exec.ExitError
	if errors.As(errors.Unwrap(err), &exit) && exit.ExitCode() == 1 {
		return false, "", "", nil // no such key: a full clone
	}
	if err != nil {
		return false, "", "", err
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		key, val, _ := strings.Cut(line, " ")
		switch {
		case key == "extensions.partialclone":
			ok, remote = true, val
		case strings.HasSuffix(key, ".promisor") && val == "true":
			ok = true
			if remote == "" {
				remote = strings.TrimSuffix(strings.TrimPrefix(key, "remote."), ".promisor")
			}
		case strings.HasSuffix(key, ".partialclonefilter"):
			filter = val
		}
	}
	return ok, remote, filter, nil
}
