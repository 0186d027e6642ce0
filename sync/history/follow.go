package history

// Logs holds the histories of many files, found together by Follow: the
// same answers as History.FileLog, Truncated and PathAt give file by file,
// for the cost of one pass over the history.
type Logs struct {
	h         *History
	ids       map[string]int32 // followed path → file id
	events    [][]FileEvent    // by file id
	truncated []bool           // by file id
	at        map[atKey]string // answers to the PathAt questions asked
}

// At asks Follow for the path that the file at Path in HEAD had in commit
// Rev, as History.PathAt answers it.
type At struct{ Path, Rev string }

type atKey struct {
	id     int32
	commit int
}

// Follow follows every file of paths back through the history in one pass,
// newest commit first, and answers the questions of at on the way. It
// costs about as much as the history has changes, plus, for each merge or
// fork of the history, as much as there are paths.
func (h *History) Follow(paths []string, at []At) *Logs {
	f := newFollower(h, paths)
	for _, q := range at {
		f.ask(q)
	}
	for i := range h.Commits {
		f.visit(i)
	}
	return f.logs
}

// FileLog is History.FileLog for a followed path; for others it asks the
// history.
func (l *Logs) FileLog(path string) []FileEvent {
	if id, ok := l.ids[path]; ok {
		return l.events[id]
	}
	return l.h.FileLog(path)
}

// Truncated is History.Truncated for a followed path; for others it asks
// the history.
func (l *Logs) Truncated(path string) bool {
	if id, ok := l.ids[path]; ok {
		return l.h.shallow && l.truncated[id]
	}
	return l.h.Truncated(path)
}

// PathAt is History.PathAt, answered from the pass when Follow was asked;
// otherwise the history answers it.
func (l *Logs) PathAt(path, rev string) string {
	id, ok := l.ids[path]
	c := l.h.Commit(rev)
	if !ok || c == nil {
		return l.h.PathAt(path, rev)
	}
	if name, ok := l.at[atKey{id, l.h.byHash[c.Hash]}]; ok {
		return name
	}
	return l.h.PathAt(path, rev)
}

// names is what the pass knows at one commit: the name of every followed
// file there, as a path id (0 when the file is absent). Files are numbered
// from 0 and the path of file k in HEAD has id k+1, so that a file that
// still has its own name needs no lookup.
type names struct {
	of    []int32
	moved map[int32][]int32 // path id → files that have it without it being their own
}

func (n *names) clone() *names {
	c := &names{of: append([]int32(nil), n.of...), moved: make(map[int32][]int32, len(n.moved))}
	for p, ids := range n.moved {
		c.moved[p] = append([]int32(nil), ids...)
	}
	return c
}

// set gives file id the name p.
func (n *names) set(id, p int32) {
	old := n.of[id]
	if old == p {
		return
	}
	if old != 0 && old != id+1 {
		l := n.moved[old]
		for k, x := range l {
			if x == id {
				l = append(l[:k], l[k+1:]...)
				break
			}
		}
		if len(l) == 0 {
			delete(n.moved, old)
		} else {
			n.moved[old] = l
		}
	}
	if p != 0 && p != id+1 {
		n.moved[p] = append(n.moved[p], id)
	}
	n.of[id] = p
}

// called appends to dst the files called p.
func (n *names) called(dst []int32, p int32) []int32 {
	if int(p) <= len(n.of) && n.of[p-1] == p {
		dst = append(dst, p-1)
	}
	return append(dst, n.moved[p]...)
}

// follower is one pass of Follow.
type follower struct {
	h      *History
	logs   *Logs
	pathID map[string]int32
	path   []string // by path id; 0 is ""
	state  []*names // by commit: what its children passed on, nil for nothing
	asked  map[int][]int32
	seen   []int // by file id: the stamp of the last touched call that found it
	stamp  int
	hits   []int32
}

func newFollower(h *History, paths []string) *follower {
	f := &follower{h: h, pathID: make(map[string]int32, len(paths)), path: make([]string, 1, 1+len(paths)),
		state: make([]*names, len(h.Commits)), asked: map[int][]int32{}}
	l := &Logs{h: h, ids: make(map[string]int32, len(paths)), at: map[atKey]string{}}
	for _, p := range paths {
		if _, dup := l.ids[p]; !dup {
			l.ids[p] = int32(len(l.ids))
			f.id(p)
		}
	}
	l.events = make([][]FileEvent, len(l.ids))
	l.truncated = make([]bool, len(l.ids))
	f.logs, f.seen = l, make([]int, len(l.ids))
	return f
}

// id returns the id of path p, giving it one if needed.
func (f *follower) id(p string) int32 {
	if id, ok := f.pathID[p]; ok {
		return id
	}
	id := int32(len(f.path))
	f.pathID[p] = id
	f.path = append(f.path, p)
	return id
}

func (f *follower) ask(q At) {
	id, ok := f.logs.ids[q.Path]
	c := f.h.Commit(q.Rev)
	if !ok || c == nil {
		return
	}
	i := f.h.byHash[c.Hash]
	f.asked[i] = append(f.asked[i], id)
	f.logs.at[atKey{id, i}] = ""
}

// visit follows the files through commit i.
func (f *follower) visit(i int) {
	n := f.state[i]
	f.state[i] = nil
	if !f.h.hasChild[i] {
		n = &names{of: make([]int32, len(f.logs.ids)), moved: map[int32][]int32{}}
		for id := range n.of {
			n.of[id] = int32(id + 1)
		}
	}
	if n == nil {
		return
	}
	for _, id := range f.asked[i] {
		f.logs.at[atKey{id, i}] = f.path[n.of[id]]
	}
	if f.h.boundary[i] {
		for id, p := range n.of {
			if p != 0 {
				f.logs.truncated[id] = true
			}
		}
	}
	if f.h.Commits[i].Merge() {
		f.merge(i, n)
	} else {
		f.linear(i, n)
	}
}

// touched returns the files whose name in n is the Path (or, with
// old, the OldPath) of one of changes, each once.
func (f *follower) touched(n *names, changes []FileChange, old bool) []int32 {
	f.hits = f.hits[:0]
	f.stamp++
	add := func(p string) {
		id, ok := f.pathID[p]
		if !ok {
			return
		}
		start := len(f.hits)
		f.hits = n.called(f.hits, id)
		kept := f.hits[:start]
		for _, x := range f.hits[start:] {
			if f.seen[x] != f.stamp {
				f.seen[x] = f.stamp
				kept = append(kept, x)
			}
		}
		f.hits = kept
	}
	for _, ch := range changes {
		add(ch.Path)
		if old && ch.OldPath != "" {
			add(ch.OldPath)
		}
	}
	return f.hits
}

// linear follows the files through commit i, which has at most one parent.
func (f *follower) linear(i int, n *names) {
	c := f.h.Commits[i]
	fd := newCommitFinder(c)
	type rename struct{ id, to int32 }
	var renames []rename
	for _, id := range f.touched(n, c.Changes, true) {
		name := f.path[n.of[id]]
		if ch, ok := eventChange(c, fd, name); ok {
			f.logs.events[id] = append(f.logs.events[id], FileEvent{Commit: c, FileChange: ch})
		}
		if before := nameBefore(0, c, fd, name); before != name {
			renames = append(renames, rename{id, f.nameID(before)})
		}
	}
	for _, r := range renames {
		n.set(r.id, r.to)
	}
	if j := f.h.parents[i]; len(j) == 1 && j[0] >= 0 {
		f.pass(j[0], n)
	}
}

// nameID is the path id of name, 0 for "".
func (f *follower) nameID(name string) int32 {
	if name == "" {
		return 0
	}
	return f.id(name)
}

// merge follows the files through merge commit i.
func (f *follower) merge(i int, n *names) {
	c := f.h.Commits[i]
	fd := newCommitFinder(c)
	for _, id := range f.touched(n, c.Changes, false) {
		if ch, ok := eventChange(c, fd, f.path[n.of[id]]); ok {
			f.logs.events[id] = append(f.logs.events[id], FileEvent{Commit: c, FileChange: ch})
		}
	}
	last := -1
	for k, j := range f.h.parents[i] {
		if j >= 0 {
			last = k
		}
	}
	for k, j := range f.h.parents[i] {
		if j < 0 {
			continue
		}
		pn := n
		if k != last {
			pn = n.clone()
		}
		if c.diffs != nil {
			f.rename(k, c, fd, pn)
		}
		f.pass(j, pn)
	}
}

// rename gives the files the names they had in the k-th parent of merge
// c, whose changes fd finds.
func (f *follower) rename(k int, c *Commit, fd finder, n *names) {
	type rename struct{ id, to int32 }
	var renames []rename
	for _, id := range f.touched(n, c.diffs[k], false) {
		name := f.path[n.of[id]]
		if before := nameBefore(k, c, fd, name); before != name {
			renames = append(renames, rename{id, f.nameID(before)})
		}
	}
	for _, r := range renames {
		n.set(r.id, r.to)
	}
}

// pass hands the names at a child to parent j: the first child to name a
// file names it there.
func (f *follower) pass(j int, n *names) {
	have := f.state[j]
	if have == nil {
		f.state[j] = n
		return
	}
	for id, p := range n.of {
		if have.of[id] == 0 && p != 0 {
			have.set(int32(id), p)
		}
	}
}
