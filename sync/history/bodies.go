package history

import (
	"bytes"
	"fmt"
	"strings"
)

// Bodies returns, by commit hash, the bodies of the messages (all but the
// subject line) of the commits reachable from Head that changed a file
// under the pathspecs and whose message matches pattern, a git extended
// regular expression: one git log --grep, which leaves the other messages
// unread. It returns nothing when the repository has no commits.
func (r *Repo) Bodies(pattern string, pathspecs ...string) (map[string]string, error) {
	out := map[string]string{}
	if r.Head == "" {
		return out, nil
	}
	if len(pathspecs) == 0 {
		pathspecs = []string{"."}
	}
	args := []string{"log", "-z", "--no-color", "--no-show-signature", "-E", "--grep=" + pattern,
		"--format=%H%x00%b", r.Head, "--"}
	b, err := r.run(append(args, pathspecs...)...)
	if err != nil {
		return nil, fmt.Errorf("read the commit messages of %q: %w", strings.Join(pathspecs, " "), err)
	}
	return parseBodies(b)
}

// parseBodies reads the output of Bodies' git log: each commit's hash,
// NUL, its body, and a NUL between commits.
func parseBodies(b []byte) (map[string]string, error) {
	out := map[string]string{}
	tokens := bytes.Split(bytes.TrimSuffix(b, []byte{0}), []byte{0})
	if len(b) == 0 {
		return out, nil
	}
	if len(tokens)%2 != 0 {
		return nil, fmt.Errorf("read the commit messages: unexpected output of git log (%d fields)", len(tokens))
	}
	for i := 0; i < len(tokens); i += 2 {
		h := strings.TrimSpace(string(tokens[i]))
		if _, err := ParseObjectID(h); err != nil || h == "" {
			return nil, fmt.Errorf("read the commit messages: unexpected commit %q in git log's output", h)
		}
		out[h] = string(tokens[i+1])
	}
	return out, nil
}
