package plan_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/plan"
)

// FuzzApply applies one rewrite and one new file, with paths and
// contents grown from the DLSP20 corpus's _config.yml (when the corpus is
// here). Properties: a path CheckPath refuses is refused by Apply too,
// and nothing is written; a file to create where a folder is is refused
// with nothing written; otherwise the file holds the new bytes, the
// new file exists, and no temporary file is left.
func FuzzApply(f *testing.F) {
	f.Add("0", []byte("0"), []byte("0"), strings.Repeat("#", 300)) // a name too long
	f.Add("0", []byte("0"), []byte("0"), "0/0")                    // a file under a file
	if _, err := testcorpus.Find(); err == nil && !testcorpus.FuzzWorker() {
		b, err := os.ReadFile(filepath.Join(testcorpus.Shared(f), "docs", "_config.yml"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add("_config.yml", b, append(b, "fr:\n  title: x\n"...), "fr/week01/01.md")
	}
	f.Add("_config.yml", []byte("a\n"), []byte("a\nb\n"), "fr/a.md")
	f.Add("fr/../x", []byte("a"), []byte("b"), "../y")
	f.Add("a:b", []byte(""), []byte("x"), `c\d`)
	f.Fuzz(func(t *testing.T, rel string, old, new []byte, created string) {
		if rel == created || old == nil {
			return
		}
		root := t.TempDir()
		ok := plan.CheckPath(rel) == nil && plan.CheckPath(created) == nil
		if plan.CheckPath(rel) == nil {
			full := filepath.Join(root, filepath.FromSlash(rel))
			if os.MkdirAll(filepath.Dir(full), 0o755) != nil || os.WriteFile(full, old, 0o644) != nil {
				return // a name the file system takes in another sense
			}
		}
		before := tree(t, root)
		p := &plan.Plan{Root: root, Writes: []plan.Write{{Path: rel, Old: old, New: new}, {Path: created, New: []byte("new")}}}
		_, err := p.Apply(plan.Options{})
		if !ok {
			if !errors.Is(err, plan.ErrEscape) {
				t.Fatalf("Apply(%q, %q) = %v, want ErrEscape", rel, created, err)
			}
			if after := tree(t, root); len(after) != len(before) {
				t.Fatalf("a refused plan wrote %v", after)
			}
			return
		}
		if err != nil {
			// created is a folder rel made: refused, as a file that is
			// there (ExistsError) or no regular file (never moved aside,
			// even with Force), and nothing written.
			var exists *plan.ExistsError
			if refusedName(err, created) {
				// The file system takes no such name (a part over
				// NAME_MAX, or under a file as if it were a folder: found
				// by FuzzApply): refused, naming the file, with nothing
				// written.
				if after := tree(t, root); len(after) != len(before) || read(t, filepath.Join(root, filepath.FromSlash(rel))) != string(old) {
					t.Fatalf("a plan refused for the name %q wrote %v", created, after)
				}
				return
			}
			if !errors.As(err, &exists) && !errors.Is(err, plan.ErrNotRegular) {
				t.Fatalf("Apply: %v", err)
			}
			if fi, serr := os.Stat(filepath.Join(root, filepath.FromSlash(created))); serr != nil || !fi.IsDir() {
				t.Fatalf("Apply refused %q, which is no folder: %v", created, err)
			}
			if got := read(t, filepath.Join(root, filepath.FromSlash(rel))); got != string(old) {
				t.Fatalf("a refused plan rewrote %s: %q", rel, got)
			}
			return
		}
		if got := read(t, filepath.Join(root, filepath.FromSlash(rel))); got != string(new) {
			t.Fatalf("%s = %q, want %q", rel, got, new)
		}
		noTemp(t, root)
	})
}

// refusedName reports whether err is Apply's refusal of the file created
// for a name the file system does not take.
func refusedName(err error, created string) bool {
	var we *plan.WriteError
	return errors.As(err, &we) && we.Path == created && (errors.Is(err, syscall.ENAMETOOLONG) || errors.Is(err, syscall.ENOTDIR))
}
