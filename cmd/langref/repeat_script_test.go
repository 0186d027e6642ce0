package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() { scriptCmds["age"] = ageFiles }

// longAgo is the modification time age gives files: well before any run,
// so that the caches that trust files by their stat data keep them.
var longAgo = time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)

// ageFiles sets the modification time of every file under each folder
// to longAgo, for scripts about caches, which leave out files modified
// just before a run (statcache.RacyWindow):
//
//	age docs
func ageFiles(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: age DIR...")
	}
	for _, dir := range args {
		err := filepath.WalkDir(ts.MkAbs(dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			return os.Chtimes(p, longAgo, longAgo)
		})
		ts.Check(err)
	}
}
