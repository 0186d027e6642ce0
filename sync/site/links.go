package site

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/langref/langref/sync/frontmatter"
)

// The kinds of problem of a symbolic link at a page's path that langref
// does not follow: Doc.Problem has one of them, Doc.Page is false, and
// Problem.Detail is the link's target as written. langref follows no
// symbolic link; these are the links that no generator reads either, or
// that the site's published build leaves out.
const (
	// LinkLoop: the link leads back to itself, directly or through other
	// links. Jekyll stops the whole build on it (ELOOP).
	LinkLoop frontmatter.ProblemKind = "symlink-loop"
	// LinkMissing: the link leads to nothing. Jekyll stops the whole build
	// on it (ENOENT).
	LinkMissing frontmatter.ProblemKind = "symlink-missing"
	// LinkOutside: the link leads outside the site. Jekyll in safe mode
	// (GitHub Pages) leaves it out; langref does not follow it.
	LinkOutside frontmatter.ProblemKind = "symlink-outside"
)

// BadLink reports whether f is a symbolic link at a page's path that leads
// nowhere langref reads: a loop, nothing, or outside the site (see
// LinkLoop, LinkMissing, LinkOutside).
func (f *File) BadLink() bool {
	if f.Doc == nil || f.Doc.Problem == nil {
		return false
	}
	switch f.Doc.Problem.Kind {
	case LinkLoop, LinkMissing, LinkOutside:
		return true
	}
	return false
}

// linkKind says what is wrong with the symbolic link at full, resolved
// against root, the site root with its own links resolved: a loop, a link
// to nothing, a link out of the site, or "" for a link to a place inside
// it (which langref leaves out, as it follows no link).
func linkKind(full, root string) frontmatter.ProblemKind {
	_, err := os.Stat(full) // the kernel's word on loops (EvalSymlinks counts links itself)
	switch {
	case errors.Is(err, syscall.ELOOP):
		return LinkLoop
	case errors.Is(err, fs.ErrNotExist):
		return LinkMissing
	case err != nil:
		return ""
	}
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return ""
	}
	if r, err := filepath.Rel(root, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return LinkOutside
	}
	return ""
}

// badLink returns the File of the symbolic link at full, rel in the site,
// when it leads nowhere langref reads, or nil. Its contents are empty, so
// that nothing reads through it; its sum, on a lean site, is that of the
// link's target as written.
func (c *Config) badLink(full, rel, root string) *File {
	kind := linkKind(full, root)
	if kind == "" {
		return nil
	}
	target, _ := os.Readlink(full)
	doc := &frontmatter.Doc{Problem: &frontmatter.Problem{Kind: kind, Line: 1, Col: 1, Detail: target}, BodyLine: 1}
	f := &File{Path: rel, Doc: doc, Src: []byte{}}
	if c.lean {
		sum := sha256.Sum256([]byte(target))
		f.Sum = &sum
	}
	return f
}
