package history

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// block is one header of git log -m output and the changes after it; a
// merge prints one block per parent.
type block struct {
	commit  *Commit
	changes []FileChange
}

// parseLog parses the output of git log -z -m --raw --no-abbrev with the
// header format above. It also reads --name-status output, whose changes
// carry no object ids.
func parseLog(data []byte) ([]*Commit, error) {
	return readLog(bufio.NewReader(bytes.NewReader(data)), nil)
}

// countEvery is how many commits readLog reads between two calls of its
// count: often enough for a progress line, not for every commit.
const countEvery = 256

// readLog is parseLog reading the output from r as git writes it, rather
// than from a copy of all of it (tens of MB on a large site's history,
// grown by doubling), calling count, when not nil, with the number of
// commits read so far, last with all of them.
func readLog(r *bufio.Reader, count func(commits int)) ([]*Commit, error) {
	p := logParser{r: r, intern: make(map[string]string)}
	var blocks []block
	commits := 0
	for {
		tok, ok := p.next()
		if !ok {
			break
		}
		tok = bytes.TrimPrefix(tok, []byte("\n"))
		switch {
		case len(tok) == 0:
			continue
		case string(tok) == "commit":
			c, err := p.header()
			if err != nil {
				return nil, err
			}
			if len(blocks) == 0 || blocks[len(blocks)-1].commit.Hash != c.Hash {
				if commits++; count != nil && commits%countEvery == 0 {
					count(commits)
				}
			}
			blocks = append(blocks, block{commit: c})
		case len(blocks) == 0:
			return nil, fmt.Errorf("git log output at byte %d: %q where a commit header was expected", p.start, tok)
		default:
			ch, err := p.change(tok)
			if err != nil {
				return nil, err
			}
			last := &blocks[len(blocks)-1]
			last.changes = append(last.changes, ch)
		}
	}
	if p.err != nil {
		return nil, fmt.Errorf("git log output at byte %d: %w", p.pos, p.err)
	}
	if count != nil {
		count(commits)
	}
	return groupBlocks(blocks), nil
}

// groupBlocks turns the blocks git log -m printed into commits: a merge's
// consecutive blocks are its diffs against each parent in turn.
func groupBlocks(blocks []block) []*Commit {
	var commits []*Commit
	for i := 0; i < len(blocks); {
		c := blocks[i].commit
		j := i + 1
		for j < len(blocks) && blocks[j].commit.Hash == c.Hash {
			j++
		}
		if !c.Merge() {
			// An exact copy: grown by append, the changes took a quarter
			// more memory than they hold, for the whole run (the followed
			// files' logs point into them).
			c.Changes = slices.Clone(blocks[i].changes)
		} else if j-i == len(c.Parents) {
			// git prints no block for an empty diff, so a block per parent
			// is the only case where the order says which parent is which.
			for _, b := range blocks[i:j] {
				c.diffs = append(c.diffs, b.changes)
			}
			c.Changes = combined(c.diffs)
		}
		commits = append(commits, c)
		i = j
	}
	return commits
}

// combined returns the changes of the first diff whose path changed against
// every parent.
func combined(diffs [][]FileChange) []FileChange {
	var out []FileChange
	for _, ch := range diffs[0] {
		if inAll(ch.Path, diffs[1:]) {
			out = append(out, ch)
		}
	}
	return out
}

func inAll(path string, diffs [][]FileChange) bool {
	for _, diff := range diffs {
		found := false
		for _, ch := range diff {
			if ch.Path == path {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// logParser splits git's -z output into NUL-terminated tokens.
type logParser struct {
	r          *bufio.Reader
	long       []byte // a token longer than r's buffer, put together
	pos, start int    // offsets in the output: of what follows, of the token
	done       bool   // the output ended
	err        error  // reading it failed
	intern     map[string]string
}

// next returns the next token, valid until the next call; the last one
// may lack its NUL.
func (p *logParser) next() ([]byte, bool) {
	if p.done {
		return nil, false
	}
	p.start = p.pos
	tok, err := p.r.ReadSlice(0)
	if err == bufio.ErrBufferFull {
		p.long = append(p.long[:0], tok...)
		for err == bufio.ErrBufferFull {
			tok, err = p.r.ReadSlice(0)
			p.long = append(p.long, tok...)
		}
		tok = p.long
	}
	p.pos += len(tok)
	if err != nil {
		p.done = true
		if err != io.EOF {
			p.err = err
		}
		return tok, len(tok) > 0
	}
	return tok[:len(tok)-1], true
}

// str returns the next token as a string, interned so that the many copies
// of a path share memory.
func (p *logParser) str(what string) (string, error) {
	tok, ok := p.next()
	if !ok {
		return "", fmt.Errorf("git log output ends where %s was expected", what)
	}
	if s, ok := p.intern[string(tok)]; ok {
		return s, nil
	}
	s := string(tok)
	p.intern[s] = s
	return s, nil
}

// header reads the fields that follow a "commit" token.
func (p *logParser) header() (*Commit, error) {
	var f [5]string
	for i, what := range []string{"a hash", "parents", "a date", "an author", "a subject"} {
		s, err := p.str(what)
		if err != nil {
			return nil, err
		}
		f[i] = s
	}
	at, err := time.Parse(time.RFC3339, f[2])
	if err != nil {
		return nil, fmt.Errorf("git log output: commit %s: author date: %w", f[0], err)
	}
	return &Commit{Hash: f[0], Parents: strings.Fields(f[1]), Time: at, Author: f[3], Subject: f[4]}, nil
}

// change reads one change: a --raw token such as
// ":100644 100644 <old id> <new id> R087", or a --name-status token such as
// "R087", then the paths that follow.
func (p *logParser) change(tok []byte) (FileChange, error) {
	var ch FileChange
	status := tok
	if tok[0] == ':' {
		f, ok := fiveFields(tok[1:])
		if !ok {
			return ch, fmt.Errorf("git log output at byte %d: bad change %q", p.start, tok)
		}
		var err error
		if ch.OldBlob, err = blobID(f[0], f[2]); err == nil {
			ch.Blob, err = blobID(f[1], f[3])
		}
		if err != nil {
			return ch, fmt.Errorf("git log output at byte %d: %w", p.start, err)
		}
		status = f[4]
	}
	ch.Status = status[0]
	if !strings.ContainsRune("ACDMRTUXB", rune(ch.Status)) {
		return ch, fmt.Errorf("git log output at byte %d: unknown file status %q", p.start, status)
	}
	if len(status) > 1 {
		score, err := strconv.Atoi(string(status[1:]))
		if err != nil {
			return ch, fmt.Errorf("git log output at byte %d: bad file status %q", p.start, status)
		}
		ch.Score = score
	}
	var err error
	if ch.Status == 'R' || ch.Status == 'C' {
		if ch.OldPath, err = p.str("a path"); err != nil {
			return ch, err
		}
	}
	ch.Path, err = p.str("a path")
	return ch, err
}

// blobID reads the object id of a --raw change side: zero unless its mode
// is a file's (a submodule's commit is no blob; an absent side has mode 0).
func blobID(mode, hex []byte) (ObjectID, error) {
	id, err := ParseObjectID(string(hex))
	if err != nil || mode[0] != '1' || string(mode) == "160000" {
		return ObjectID{}, err
	}
	return id, nil
}

// fiveFields splits a --raw change's "<mode> <mode> <id> <id> <status>"
// at its spaces, without allocating; ok is false unless there are exactly
// five non-empty fields.
func fiveFields(b []byte) (f [5][]byte, ok bool) {
	for i := range f {
		j := bytes.IndexByte(b, ' ')
		if i == len(f)-1 {
			j = len(b)
			if bytes.IndexByte(b, ' ') >= 0 {
				return f, false
			}
		}
		if j <= 0 {
			return f, false
		}
		f[i], b = b[:j], b[min(j+1, len(b)):]
	}
	return f, true
}
