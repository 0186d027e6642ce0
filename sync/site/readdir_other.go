//go:build !linux

package site

import (
	"io/fs"
	"os"

	"github.com/langref/langref/internal/statcache"
)

// dirEntry is one entry of a folder: its name and type (fs.ModeDir,
// fs.ModeSymlink, 0 for a regular file, fs.ModeIrregular for the rest).
type dirEntry struct {
	name string
	typ  fs.FileMode
}

// folderReader reads folders with os.File.ReadDir.
type folderReader struct {
	f       *os.File
	entries []dirEntry
}

func newFolderReader() *folderReader { return &folderReader{} }

// open lists the folder at path; its entries are valid until the next
// open. close closes it.
func (r *folderReader) open(path string) ([]dirEntry, error) {
	f, err := openDir(path)
	if err != nil {
		return nil, err
	}
	r.f = f
	ds, err := f.ReadDir(-1)
	if err != nil {
		return nil, err
	}
	r.entries = r.entries[:0]
	for _, d := range ds {
		t := d.Type()
		if !t.IsRegular() && !t.IsDir() && t&fs.ModeSymlink == 0 {
			t = fs.ModeIrregular
		}
		r.entries = append(r.entries, dirEntry{name: d.Name(), typ: t.Type()})
	}
	return r.entries, nil
}

// lstat returns the stat data of the entry name of the open folder,
// whose path is full.
func (r *folderReader) lstat(name, full string) (statcache.Stat, error) {
	return statcache.LstatAt(r.f, name, full)
}

func (r *folderReader) close() {
	if r.f != nil {
		r.f.Close()
		r.f = nil
	}
}
