package history

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Blobs returns the contents of many files at past commits, read by one git
// cat-file process. Each spec names a file as git does, "rev:path" (such as
// "3f2a9c1:docs/fr/index.md"). Specs that name no file (a path absent at
// that commit, an unknown rev, a folder) are left out of the map and listed
// in missing, in the order given; they are not errors.
func (r *Repo) Blobs(specs []string) (blobs map[string][]byte, missing []string, err error) {
	blobs = make(map[string][]byte)
	err = r.EachBlob(specs, func(spec string, data []byte, ok bool) {
		if ok {
			blobs[spec] = data
		} else {
			missing = append(missing, spec)
		}
	})
	if err != nil {
		return nil, nil, err
	}
	missing = inOrder(specs, missing)
	return blobs, missing, nil
}

// inOrder returns the specs of some in the order of all.
func inOrder(all, some []string) []string {
	want := make(map[string]bool, len(some))
	for _, s := range some {
		want[s] = true
	}
	var out []string
	for _, s := range all {
		if want[s] {
			out = append(out, s)
			delete(want, s)
		}
	}
	return out
}

// EachBlob reads what Blobs reads, with one git cat-file process, but hands
// each file to f as soon as it is read rather than keeping them all: f sees
// every distinct spec once, with ok false for those that name no file.
// Specs git cannot be asked about (empty, or with a line break) come first,
// then the others in the order given. f runs on the calling goroutine; git
// waits while it does.
func (r *Repo) EachBlob(specs []string, f func(spec string, data []byte, ok bool)) error {
	readable, bad := uniqueLines(specs)
	for _, spec := range bad {
		f(spec, nil, false)
	}
	if len(readable) == 0 {
		return nil
	}
	return r.batch("--batch", readable, func(out *bufio.Reader) error {
		for _, spec := range readable {
			data, isBlob, err := readObject(out)
			if err != nil {
				return fmt.Errorf("reading %q: %w", spec, err)
			}
			if !isBlob {
				data = nil
			}
			f(spec, data, isBlob)
		}
		return nil
	})
}

// readObject reads one answer of git cat-file --batch: a header line
// "<hash> <type> <size>" and the contents, or "<spec> missing" (or
// "ambiguous"). It reports whether a blob was read.
func readObject(out *bufio.Reader) ([]byte, bool, error) {
	line, err := out.ReadString('\n')
	if err != nil {
		return nil, false, err
	}
	fields := strings.Fields(line)
	if n := len(fields); n < 2 || fields[n-1] == "missing" || fields[n-1] == "ambiguous" {
		return nil, false, nil
	}
	if len(fields) != 3 {
		return nil, false, fmt.Errorf("unexpected answer %q", line)
	}
	size, err := strconv.Atoi(fields[2])
	if err != nil {
		return nil, false, fmt.Errorf("unexpected answer %q", line)
	}
	data := make([]byte, size+1) // the contents end with a newline
	if _, err := io.ReadFull(out, data); err != nil {
		return nil, false, err
	}
	return data[:size], fields[1] == "blob", nil
}

// ResolveCommits finds the commits that revisions name, with one git
// cat-file process. A rev may be anything git understands, such as a full or
// abbreviated hash, a branch or "HEAD~2". The map holds the full hash of
// each rev that names a commit; the others (unknown, ambiguous, or not a
// commit) are absent. Whether a commit is part of a loaded History is
// History.Commit's business.
func (r *Repo) ResolveCommits(revs []string) (map[string]string, error) {
	hashes := make(map[string]string)
	revs, _ = uniqueLines(revs)
	if len(revs) == 0 {
		return hashes, nil
	}
	inputs := make([]string, len(revs))
	for i, rev := range revs {
		inputs[i] = rev + "^{commit}"
	}
	err := r.batch("--batch-check=%(objectname) %(objecttype)", inputs, func(out *bufio.Reader) error {
		for _, rev := range revs {
			line, err := out.ReadString('\n')
			if err != nil {
				return fmt.Errorf("resolving %q: %w", rev, err)
			}
			if hash, ok := strings.CutSuffix(strings.TrimSuffix(line, "\n"), " commit"); ok {
				hashes[rev] = hash
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return hashes, nil
}

// uniqueLines drops duplicates and splits off the names that git cat-file
// cannot read from a line: empty ones, and those with a line break.
func uniqueLines(names []string) (ok, bad []string) {
	seen := make(map[string]bool, len(names))
	for _, name := range names {
		if seen[name] {
			continue
		}
		seen[name] = true
		if name == "" || strings.ContainsAny(name, "\n\r") {
			bad = append(bad, name)
		} else {
			ok = append(ok, name)
		}
	}
	return ok, bad
}
