package history

import (
	"bytes"
	"strings"
)

// This file serves reports (issue 16): where the repository is hosted, and
// git's own mapping of author names (.mailmap).

// RemoteURL returns the URL of the remote "origin" as git knows it, or ""
// when there is none.
func (r *Repo) RemoteURL() string {
	out, err := r.run("remote", "get-url", "origin")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// AuthorNames maps each author name of HEAD's history that the repository's
// .mailmap changes to the name it maps it to (git log's %an to %aN). It is
// empty without a .mailmap.
func (r *Repo) AuthorNames() (map[string]string, error) {
	out := map[string]string{}
	if r.Head == "" {
		return out, nil
	}
	b, err := r.run("log", "--no-color", "--format=%an%x00%aN", r.Head)
	if err != nil {
		return nil, err
	}
	for _, line := range bytes.Split(b, []byte{'\n'}) {
		raw, mapped, ok := bytes.Cut(line, []byte{0})
		if ok && !bytes.Equal(raw, mapped) {
			out[string(raw)] = string(mapped)
		}
	}
	return out, nil
}
