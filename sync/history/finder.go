package history

// finder finds the changes of one commit by path.
type finder interface {
	// change returns the change to path in the commit's diff against its
	// k-th parent.
	change(k int, path string) (*FileChange, bool)
	// movedOut returns the rename away from path of a commit that is no
	// merge.
	movedOut(path string) (*FileChange, bool)
}

// indexFinder finds the changes of commit i in the history's indexes,
// which following a single file builds (History.trace).
type indexFinder struct {
	h *History
	i int
}

func (x indexFinder) change(k int, path string) (*FileChange, bool) {
	ch, ok := x.h.changes[changeKey{x.i, k, path}]
	return ch, ok
}

func (x indexFinder) movedOut(path string) (*FileChange, bool) {
	ch, ok := x.h.movedOut[changeKey{x.i, 0, path}]
	return ch, ok
}

// commitFinder finds the changes of one commit in the commit itself, for
// Follow, which visits each commit once: scanning a small commit's
// changes costs less than indexing the whole history, and a large one is
// indexed while it is visited.
type commitFinder struct {
	c      *Commit
	diffs  [][]FileChange           // the commit's diffs against each parent
	byPath []map[string]*FileChange // by diff, for large commits
	moved  map[string]*FileChange
}

// scanLimit is the number of changes up to which a commit is scanned
// rather than indexed.
const scanLimit = 16

func newCommitFinder(c *Commit) *commitFinder {
	x := &commitFinder{c: c, diffs: c.diffs}
	if !c.Merge() {
		x.diffs = [][]FileChange{c.Changes}
	}
	return x
}

// index builds the maps of a large commit on the first lookup.
func (x *commitFinder) index() {
	if x.byPath != nil {
		return
	}
	total := 0
	for _, d := range x.diffs {
		total += len(d)
	}
	if total <= scanLimit {
		return
	}
	x.byPath = make([]map[string]*FileChange, len(x.diffs))
	x.moved = map[string]*FileChange{}
	for k, d := range x.diffs {
		x.byPath[k] = make(map[string]*FileChange, len(d))
		for j := range d {
			x.byPath[k][d[j].Path] = &d[j]
		}
	}
	if !x.c.Merge() {
		for j, ch := range x.c.Changes {
			if ch.Status == 'R' {
				x.moved[ch.OldPath] = &x.c.Changes[j]
			}
		}
	}
}

func (x *commitFinder) change(k int, path string) (*FileChange, bool) {
	x.index()
	if x.byPath != nil {
		if k >= len(x.byPath) {
			return nil, false
		}
		ch, ok := x.byPath[k][path]
		return ch, ok
	}
	if k >= len(x.diffs) {
		return nil, false
	}
	var found *FileChange
	d := x.diffs[k]
	for j := range d {
		if d[j].Path == path {
			found = &d[j] // the last one wins, as in the index
		}
	}
	return found, found != nil
}

func (x *commitFinder) movedOut(path string) (*FileChange, bool) {
	if x.c.Merge() {
		return nil, false
	}
	x.index()
	if x.moved != nil {
		ch, ok := x.moved[path]
		return ch, ok
	}
	var found *FileChange
	for j, ch := range x.c.Changes {
		if ch.Status == 'R' && ch.OldPath == path {
			found = &x.c.Changes[j]
		}
	}
	return found, found != nil
}
