// Package plan holds the file writes of a command before they happen: a
// pure function computes a Plan (path → new bytes), --dry-run prints it as
// a unified diff, and Apply writes it, atomically and without ever losing a
// user's text.
package plan

import (
	"errors"
	"fmt"
	"path"
	"runtime"
	"sort"
	"strings"
)

// Plan is a set of file writes under one root folder.
type Plan struct {
	// Root is the folder the paths are relative to.
	Root   string
	Writes []Write
}

// Write is one file's new contents.
type Write struct {
	// Path is slash-separated and relative to the plan's root.
	Path string
	// Old is the file's contents when the plan was made; nil for a file
	// that did not exist. Apply refuses to write over a file whose
	// contents changed since.
	Old []byte
	// New is what the file will hold.
	New []byte
	// Redo, when set, plans the write again from the file's current
	// contents when they are no longer Old (someone edited the file since
	// the plan was made): Apply then writes what Redo returns, and an
	// edit is never lost. Without Redo such a change is a ChangedError.
	Redo func(cur []byte) ([]byte, error)
}

// Create reports whether w makes a new file.
func (w Write) Create() bool { return w.Old == nil }

// ErrEscape is returned for a path that leaves the plan's root.
var ErrEscape = errors.New("the path leaves the site root")

// Add records a write. old is nil for a file that must not exist yet.
func (p *Plan) Add(rel string, old, new []byte) error {
	if err := CheckPath(rel); err != nil {
		return err
	}
	for i, w := range p.Writes {
		if w.Path == rel {
			p.Writes[i].New = new
			return nil
		}
	}
	p.Writes = append(p.Writes, Write{Path: rel, Old: old, New: new})
	return nil
}

// CheckPath refuses paths that are absolute, hold "..", or are otherwise
// not plainly inside the root.
func CheckPath(rel string) error {
	clean := path.Clean(rel)
	if rel == "" || clean != rel || !isLocal(rel) {
		return fmt.Errorf("%q: %w", rel, ErrEscape)
	}
	return nil
}

func isLocal(rel string) bool {
	if strings.HasPrefix(rel, "/") || strings.ContainsRune(rel, 0) {
		return false
	}
	// ":" and "\\" are plain characters of a file name here, but a
	// drive or a separator on Windows.
	if runtime.GOOS == "windows" && strings.ContainsAny(rel, ":\\") {
		return false
	}
	for _, e := range strings.Split(rel, "/") {
		if e == ".." || e == "." || e == "" {
			return false
		}
	}
	return true
}

// Sorted returns the writes: new files by path, then rewrites by path.
func (p *Plan) Sorted() []Write {
	ws := append([]Write(nil), p.Writes...)
	sort.SliceStable(ws, func(i, j int) bool {
		if ws[i].Create() != ws[j].Create() {
			return ws[i].Create()
		}
		return ws[i].Path < ws[j].Path
	})
	return ws
}
