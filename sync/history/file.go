package history

import "slices"

// FileEvent is one commit in the history of a file.
type FileEvent struct {
	Commit *Commit
	// FileChange is the change to the file in that commit, one of the
	// commit's own (shared, not to be modified); its Path is the name the
	// file had after the commit.
	*FileChange
}

// FileLog returns the commits that changed the file that is at path in
// HEAD, newest first, following it back through renames. It is empty for a
// file that no loaded commit touched, such as an untracked one. For a path
// that is no longer in HEAD, the log starts with the commit that deleted
// the file, or renamed it away (Status 'R' with OldPath equal to path).
func (h *History) FileLog(path string) []FileEvent {
	return h.trace(path).events
}

// PathAt returns the path that the file at path in HEAD had in commit rev
// (a hash or unique prefix of one of h.Commits), or "" when the file did not
// exist there or rev is not a commit of the history.
func (h *History) PathAt(path, rev string) string {
	c := h.Commit(rev)
	if c == nil {
		return ""
	}
	return h.trace(path).names[h.byHash[c.Hash]]
}

// Truncated reports whether the history of the file at path in HEAD goes
// back past the oldest commit of a shallow clone, so that FileLog misses
// its oldest commits (and shows the file as added by the oldest commit
// present). Fetching the full history (git fetch --unshallow) fixes it.
// Only meaningful for files that exist in HEAD.
func (h *History) Truncated(path string) bool {
	return h.shallow && h.trace(path).truncated
}

// fileTrace is what following one file through the history found.
type fileTrace struct {
	names     []string // the file's path in each commit, "" if absent
	events    []FileEvent
	truncated bool // the file reached a shallow boundary

	// lastName and lastTouched cache h.touched for the name seen last.
	lastName    string
	lastTouched []int
}

// touches reports whether commit i names the file called name.
func (t *fileTrace) touches(h *History, i int, name string) bool {
	if name != t.lastName || t.lastTouched == nil {
		t.lastName, t.lastTouched = name, h.touched[name]
		if t.lastTouched == nil {
			t.lastTouched = []int{}
		}
	}
	_, found := slices.BinarySearch(t.lastTouched, i)
	return found
}

// trace follows the file at path from the newest commits to their parents.
// Commits come children first, so a commit's name is known when it is
// reached: the name its newest child gave it.
func (h *History) trace(path string) *fileTrace {
	h.buildIndex()
	t := &fileTrace{names: make([]string, len(h.Commits))}
	for i, c := range h.Commits {
		if !h.hasChild[i] {
			t.names[i] = path
		}
		name := t.names[i]
		if name == "" {
			continue
		}
		if h.boundary[i] {
			t.truncated = true
		}
		t.step(h, i, c, name)
	}
	return t
}

// step records commit i's change to the file called name, if any, and
// gives the file's names to the parents that do not have one yet.
func (t *fileTrace) step(h *History, i int, c *Commit, name string) {
	touched := t.touches(h, i, name)
	if !touched && !c.Merge() {
		// Neither a change to the file nor a rename away from it.
		if j := h.parents[i]; len(j) == 1 && j[0] >= 0 && t.names[j[0]] == "" {
			t.names[j[0]] = name
		}
		return
	}
	fd := indexFinder{h, i}
	if ch, ok := eventChange(c, fd, name); ok {
		t.events = append(t.events, FileEvent{Commit: c, FileChange: ch})
	}
	for k, j := range h.parents[i] {
		if j < 0 || t.names[j] != "" {
			continue
		}
		t.names[j] = nameBefore(k, c, fd, name)
	}
}

// eventChange returns the change commit c made to the file called name;
// fd finds c's changes.
func eventChange(c *Commit, fd finder, name string) (*FileChange, bool) {
	if !c.Merge() {
		if ch, ok := fd.change(0, name); ok {
			return ch, true
		}
		return fd.movedOut(name)
	}
	for j := range c.Changes {
		if c.Changes[j].Path == name {
			return &c.Changes[j], true
		}
	}
	return nil, false
}

// nameBefore returns the name the file called name in commit c had in its
// k-th parent, or "" when the file did not exist there; fd finds c's
// changes.
func nameBefore(k int, c *Commit, fd finder, name string) string {
	if c.Merge() && c.diffs == nil {
		return name // unknown diffs: assume the name did not change
	}
	ch, ok := fd.change(k, name)
	switch {
	case !ok:
		return name
	case ch.Status == 'R':
		return ch.OldPath
	case ch.Status == 'A' || ch.Status == 'C':
		return "" // a copy is a new file; its source lives on
	}
	return name
}
