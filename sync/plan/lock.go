package plan

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Lock takes the advisory lock of file path, waiting while another
// process holds it, and returns the function that releases it. Commands
// that write a site hold it from before they read the site until their
// plan is applied, so that two langref runs never plan from the same
// _config.yml. The lock goes with the process: a killed run releases it.
// The folder of path is made when missing.
func Lock(path string) (release func() error, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return f.Close, nil // closing the file releases the lock
}

// tempName matches the temporary files Apply writes: "." + the file's
// name + ".langref-" + digits.
var tempName = regexp.MustCompile(`^\..+\.langref-[0-9]+$`)

// CleanTemps removes the temporary files that an interrupted Apply left
// under root (killed, out of disk space) and returns their paths
// relative to root, slash-separated. It does not follow symbolic links
// out of root. Call it under Lock only: another run's temporary files
// are its work in progress.
func CleanTemps(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil // an unreadable folder holds no temporary file of ours
		}
		if d.IsDir() && p != root && (d.Name() == ".git" || strings.HasPrefix(d.Name(), ".jekyll-cache")) {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() || !tempName.MatchString(d.Name()) {
			return nil
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	return out, err
}
