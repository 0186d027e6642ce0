package history

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	gosync "sync"
	"time"
)

// Commit is one commit that changed a file under the loaded pathspecs.
type Commit struct {
	Hash string
	// Parents are the hashes of the parent commits within the loaded
	// history: git rewrites a parent that did not touch the pathspecs to
	// its nearest ancestor that did. A root commit, or the oldest commit of
	// a shallow clone, has none.
	Parents []string
	// Time is the author date, in the author's time zone.
	Time    time.Time
	Author  string
	Subject string
	// Changes lists the files the commit changed under the pathspecs. For
	// a merge it lists only the files that differ from every parent, as
	// git log -c does: files changed on more than one side, conflict
	// resolutions and edits made in the merge itself, each as it changed
	// against the first parent. What a merge brought from one side only is
	// recorded on that side's commits.
	Changes []FileChange

	// diffs holds, for a merge, the changes against each parent in order,
	// or nil when git's output could not be matched to the parents.
	diffs [][]FileChange
}

// Merge reports whether c has more than one parent.
func (c *Commit) Merge() bool { return len(c.Parents) > 1 }

// FileChange is one file changed by a commit, as git diff --raw reports
// it.
type FileChange struct {
	// Status is one of 'A' (added), 'M' (modified), 'D' (deleted),
	// 'R' (renamed), 'C' (copied) or 'T' (type changed).
	Status byte
	// Path is the file's path after the commit (before it, for 'D').
	Path string
	// OldPath is the path the content came from, for 'R' and 'C'.
	OldPath string
	// Score is the similarity percentage of a rename or copy.
	Score int
	// OldBlob and Blob are the file's contents before and after the
	// commit, zero where the file is absent (OldBlob of 'A', Blob of 'D')
	// or is no blob (a submodule). Repo.EachBlob reads them by
	// ObjectID.String, without looking up paths in trees.
	OldBlob, Blob ObjectID
}

// History is the history of the files under some pathspecs, as seen from
// HEAD. It is safe for concurrent reads.
type History struct {
	// Commits lists the commits that changed a file under the pathspecs,
	// newest first: by commit date, but never a parent before any of its
	// children (git log --date-order).
	Commits []*Commit

	byHash   map[string]int
	boundary []bool  // the commit is a shallow boundary
	hasChild []bool  // the commit is a parent of another
	parents  [][]int // positions of each commit's parents, -1 when not loaded
	shallow  bool

	// The indexes by path that following one file needs (trace), built on
	// first use: Follow, which follows many files at once, needs none, and
	// on a large history they take more memory than the commits.
	indexOnce gosync.Once
	changes   map[changeKey]*FileChange // by commit, parent and Path
	movedOut  map[changeKey]*FileChange // renames, by commit and OldPath
	touched   map[string][]int          // by path (new or old), the commits that name it, ascending
}

type changeKey struct {
	commit, parent int
	path           string
}

// header is the format of the header git log prints for each commit. It
// starts with a token no status can equal, and every field is a separate
// NUL-terminated token, so that no name or subject can be misread.
const header = "--format=commit%x00%H%x00%P%x00%aI%x00%an%x00%s"

// Load reads, with one git log, the history of the files under the given
// pathspecs (relative to Root, taken literally; the whole tree when none).
//
// History is walked from Head with git's default history simplification:
// commits are listed when they changed a file under the pathspecs, and a
// merge only when its result differs from every parent (branches whose
// changes a merge discarded are left out). Renames are detected (git -M,
// 50% similarity) between paths that are both under the pathspecs; a file
// moved in from elsewhere appears as added. Merges are diffed against each
// parent (git -m) so that renames can be followed through them.
func (r *Repo) Load(pathspecs ...string) (*History, error) {
	return r.LoadCounting(nil, pathspecs...)
}

// LoadCounting is Load that calls count, when not nil, with the number of
// commits read so far while git log's output comes in, for a progress
// line: a long history takes seconds to read.
func (r *Repo) LoadCounting(count func(commits int), pathspecs ...string) (*History, error) {
	if r.Head == "" {
		return newHistory(nil, r), nil
	}
	if len(pathspecs) == 0 {
		// "." keeps the same history simplification as any other pathspec.
		pathspecs = []string{"."}
	}
	args := []string{"log", "-z", "-m", "--raw", "--no-abbrev", "-M", "--parents",
		"--date-order", "--no-color", "--no-show-signature", header, r.Head, "--"}
	commits, err := r.readLog(count, append(args, pathspecs...)...)
	if err != nil {
		return nil, fmt.Errorf("read the history of %q: %w", strings.Join(pathspecs, " "), err)
	}
	return newHistory(commits, r), nil
}

// newHistory indexes commits for lookups by hash and by changed path.
func newHistory(commits []*Commit, r *Repo) *History {
	h := &History{
		Commits:  commits,
		byHash:   make(map[string]int, len(commits)),
		boundary: make([]bool, len(commits)),
		hasChild: make([]bool, len(commits)),
		parents:  make([][]int, len(commits)),
		shallow:  r.Shallow,
	}
	for i, c := range commits {
		h.byHash[c.Hash] = i
		h.boundary[i] = r.boundary[c.Hash]
	}
	for i, c := range commits {
		h.parents[i] = make([]int, len(c.Parents))
		for k, p := range c.Parents {
			j, ok := h.byHash[p]
			if !ok {
				j = -1
			} else {
				h.hasChild[j] = true
			}
			h.parents[i][k] = j
		}
	}
	return h
}

// buildIndex builds the indexes by path, once.
func (h *History) buildIndex() {
	h.indexOnce.Do(func() {
		h.changes = make(map[changeKey]*FileChange)
		h.movedOut = make(map[changeKey]*FileChange)
		h.touched = make(map[string][]int)
		for i, c := range h.Commits {
			h.index(i, c)
		}
	})
}

// index records the changes of commit i for lookups by path.
func (h *History) index(i int, c *Commit) {
	diffs := c.diffs
	if !c.Merge() {
		diffs = [][]FileChange{c.Changes}
	}
	for k, diff := range diffs {
		for j := range diff {
			ch := &diff[j]
			h.changes[changeKey{i, k, ch.Path}] = ch
			h.touch(ch.Path, i)
			if ch.OldPath != "" {
				h.touch(ch.OldPath, i)
			}
		}
	}
	for j, ch := range c.Changes {
		if ch.Status == 'R' && !c.Merge() {
			h.movedOut[changeKey{i, 0, ch.OldPath}] = &c.Changes[j]
		}
	}
}

// touch records that commit i names path.
func (h *History) touch(path string, i int) {
	if l := h.touched[path]; len(l) == 0 || l[len(l)-1] != i {
		h.touched[path] = append(l, i)
	}
}

// Commit returns the commit of the history whose hash is rev or starts with
// it (at least 4 hex digits), or nil when there is none or more than one.
func (h *History) Commit(rev string) *Commit {
	if i, ok := h.byHash[rev]; ok {
		return h.Commits[i]
	}
	if len(rev) < 4 {
		return nil
	}
	var found *Commit
	for _, c := range h.Commits {
		if strings.HasPrefix(c.Hash, rev) {
			if found != nil {
				return nil
			}
			found = c
		}
	}
	return found
}

// readLog runs git log with args and parses its output as it comes
// (readLog), calling count, when not nil, with the number of commits read
// so far. git's own error, which says what went wrong, comes before the
// parser's.
func (r *Repo) readLog(count func(int), args ...string) ([]*Commit, error) {
	cmd := r.command(r.Root, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		return nil, gitError(args[0], err, nil)
	}
	commits, perr := readLog(bufio.NewReaderSize(out, 64<<10), count)
	if perr != nil {
		_, _ = io.Copy(io.Discard, out) // let git finish and tell its error, if any
	}
	if err := cmd.Wait(); err != nil {
		return nil, gitError(args[0], err, stderr.Bytes())
	}
	return commits, perr
}
