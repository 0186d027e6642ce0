package plan_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/plan"
)

// tree returns every file under dir as slash path → contents; symlinks
// show as "-> target".
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			out[filepath.ToSlash(rel)] = "-> " + target
			return err
		}
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// noTemp fails when a temporary file of Apply is left under dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	for p := range tree(t, dir) {
		if strings.Contains(filepath.Base(p), ".langref-") {
			t.Errorf("temporary file left behind: %s", p)
		}
	}
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name   string
		writes []plan.Write
		prefix string
		want   string
	}{
		{
			name:   "new file",
			writes: []plan.Write{{Path: "fr/a.md", New: []byte("---\nlang: fr\n---\n")}},
			want: "--- /dev/null\n+++ b/fr/a.md\n@@ -0,0 +1,3 @@\n" +
				"+---\n+lang: fr\n+---\n",
		},
		{
			name:   "new file under a prefix",
			writes: []plan.Write{{Path: "fr/a.md", New: []byte("x\n")}},
			prefix: "docs/",
			want:   "--- /dev/null\n+++ b/docs/fr/a.md\n@@ -0,0 +1 @@\n+x\n",
		},
		{
			name: "changed file, lines inserted in the middle",
			writes: []plan.Write{{Path: "_config.yml",
				Old: []byte("a\nb\nc\nd\ne\nf\ng\nh\n"),
				New: []byte("a\nb\nc\nd\nd2\ne\nf\ng\nh\n")}},
			prefix: "docs/",
			want: "--- a/docs/_config.yml\n+++ b/docs/_config.yml\n@@ -2,6 +2,7 @@\n" +
				" b\n c\n d\n+d2\n e\n f\n g\n",
		},
		{
			name: "changed line",
			writes: []plan.Write{{Path: "x.md",
				Old: []byte("one\ntwo\nthree\n"), New: []byte("one\nTWO\nthree\n")}},
			want: "--- a/x.md\n+++ b/x.md\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n",
		},
		{
			name: "two hunks far apart",
			writes: []plan.Write{{Path: "x",
				Old: []byte("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"),
				New: []byte("0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n")}},
			want: "--- a/x\n+++ b/x\n@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n@@ -10,3 +11,4 @@\n 10\n 11\n 12\n+13\n",
		},
		{
			name:   "no final newline",
			writes: []plan.Write{{Path: "x", Old: []byte("a\n"), New: []byte("a\nb")}},
			want:   "--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n a\n+b\n\\ No newline at end of file\n",
		},
		{
			name: "new files first, each kind by path",
			writes: []plan.Write{
				{Path: "z.yml", Old: []byte("a\n"), New: []byte("b\n")},
				{Path: "fr/b.md", New: []byte("b\n")},
				{Path: "a.yml", Old: []byte("a\n"), New: []byte("b\n")},
				{Path: "fr/a.md", New: []byte("a\n")},
			},
			want: "--- /dev/null\n+++ b/fr/a.md\n@@ -0,0 +1 @@\n+a\n" +
				"--- /dev/null\n+++ b/fr/b.md\n@@ -0,0 +1 @@\n+b\n" +
				"--- a/a.yml\n+++ b/a.yml\n@@ -1 +1 @@\n-a\n+b\n" +
				"--- a/z.yml\n+++ b/z.yml\n@@ -1 +1 @@\n-a\n+b\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &plan.Plan{Root: t.TempDir(), Writes: tt.writes}
			var out bytes.Buffer
			if err := p.Diff(&out, tt.prefix); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out.String(), tt.want)
			}
			if len(tree(t, p.Root)) != 0 {
				t.Error("Diff wrote files")
			}
		})
	}
}

func TestCheckPath(t *testing.T) {
	tests := []struct {
		path string
		ok   bool
	}{
		{"fr/a.md", true},
		{"_config.yml", true},
		{"fr/week01/01-1.md", true},
		{"", false},
		{"/etc/passwd", false},
		{"../x.md", false},
		{"fr/../../x.md", false},
		{"fr/../a.md", false},
		{"./fr/a.md", false},
		{"fr//a.md", false},
		{"fr/", false},
		{"..", false},
		// Plain file names here, a separator and a drive on Windows.
		{`fr\..\..\x.md`, runtime.GOOS != "windows"},
		{"C:/x.md", runtime.GOOS != "windows"},
		{`fr/a\b:c.md`, runtime.GOOS != "windows"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			err := plan.CheckPath(tt.path)
			if tt.ok && err != nil {
				t.Errorf("refused: %v", err)
			}
			if !tt.ok && !errors.Is(err, plan.ErrEscape) {
				t.Errorf("err = %v, want ErrEscape", err)
			}
			p := &plan.Plan{}
			if err := p.Add(tt.path, nil, []byte("x")); (err == nil) != tt.ok {
				t.Errorf("Add: err = %v", err)
			}
		})
	}
}

func TestAddReplacesTheSamePath(t *testing.T) {
	p := &plan.Plan{}
	for _, s := range []string{"one", "two"} {
		if err := p.Add("a.md", nil, []byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	if len(p.Writes) != 1 || string(p.Writes[0].New) != "two" {
		t.Errorf("writes = %+v", p.Writes)
	}
}

func TestApply(t *testing.T) {
	tests := []struct {
		name   string
		before []string // path, contents pairs on disk before
		writes []plan.Write
		force  bool
		// after is the whole tree afterwards.
		after    map[string]string
		wantDone []plan.Done
		// exists and changed are the path of the ExistsError or
		// ChangedError Apply must return.
		exists, changed string
	}{
		{
			name:     "creates files and folders",
			writes:   []plan.Write{{Path: "fr/week01/a.md", New: []byte("A")}, {Path: "fr/b.md", New: []byte("B")}},
			after:    map[string]string{"fr/week01/a.md": "A", "fr/b.md": "B"},
			wantDone: []plan.Done{{Path: "fr/b.md"}, {Path: "fr/week01/a.md"}},
		},
		{
			name:   "refuses to overwrite and writes nothing",
			before: []string{"fr/b.md", "mine", "_config.yml", "old\n"},
			writes: []plan.Write{
				{Path: "fr/a.md", New: []byte("A")},
				{Path: "fr/b.md", New: []byte("B")},
				{Path: "_config.yml", Old: []byte("old\n"), New: []byte("new\n")},
			},
			after:  map[string]string{"fr/b.md": "mine", "_config.yml": "old\n"},
			exists: "fr/b.md",
		},
		{
			name:     "force keeps a backup",
			before:   []string{"fr/b.md", "mine"},
			writes:   []plan.Write{{Path: "fr/b.md", New: []byte("B")}},
			force:    true,
			after:    map[string]string{"fr/b.md": "B", "fr/b.md~": "mine"},
			wantDone: []plan.Done{{Path: "fr/b.md", Backup: "fr/b.md~"}},
		},
		{
			name:   "force with a backup already there",
			before: []string{"fr/b.md", "mine", "fr/b.md~", "older", "fr/b.md.~1~", "oldest"},
			writes: []plan.Write{{Path: "fr/b.md", New: []byte("B")}},
			force:  true,
			after: map[string]string{"fr/b.md": "B", "fr/b.md~": "older",
				"fr/b.md.~1~": "oldest", "fr/b.md.~2~": "mine"},
			wantDone: []plan.Done{{Path: "fr/b.md", Backup: "fr/b.md.~2~"}},
		},
		{
			name:     "force without a file in the way makes no backup",
			writes:   []plan.Write{{Path: "fr/b.md", New: []byte("B")}},
			force:    true,
			after:    map[string]string{"fr/b.md": "B"},
			wantDone: []plan.Done{{Path: "fr/b.md"}},
		},
		{
			name:     "rewrites a file",
			before:   []string{"_config.yml", "a\n"},
			writes:   []plan.Write{{Path: "_config.yml", Old: []byte("a\n"), New: []byte("a\nb\n")}},
			after:    map[string]string{"_config.yml": "a\nb\n"},
			wantDone: []plan.Done{{Path: "_config.yml"}},
		},
		{
			name:     "skips unchanged bytes",
			before:   []string{"_config.yml", "a\n"},
			writes:   []plan.Write{{Path: "_config.yml", Old: []byte("a\n"), New: []byte("a\n")}},
			after:    map[string]string{"_config.yml": "a\n"},
			wantDone: []plan.Done{{Path: "_config.yml", Unchanged: true}},
		},
		{
			name:    "refuses a file changed since the plan",
			before:  []string{"_config.yml", "edited\n", "x", "x"},
			writes:  []plan.Write{{Path: "fr/a.md", New: []byte("A")}, {Path: "_config.yml", Old: []byte("a\n"), New: []byte("b\n")}},
			after:   map[string]string{"_config.yml": "edited\n", "x": "x"},
			changed: "_config.yml",
		},
		{
			name:    "refuses a file deleted since the plan",
			writes:  []plan.Write{{Path: "_config.yml", Old: []byte("a\n"), New: []byte("b\n")}},
			after:   map[string]string{},
			changed: "_config.yml",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			testfs.WritePairs(t, root, tt.before...)
			p := &plan.Plan{Root: root, Writes: tt.writes}
			done, err := p.Apply(plan.Options{Force: tt.force})
			var exists *plan.ExistsError
			var changed *plan.ChangedError
			switch {
			case tt.exists != "":
				if !errors.As(err, &exists) || exists.Path != tt.exists {
					t.Fatalf("err = %v, want %s already exists", err, tt.exists)
				}
				if !strings.Contains(err.Error(), tt.exists) {
					t.Errorf("error %q does not name %s", err, tt.exists)
				}
			case tt.changed != "":
				if !errors.As(err, &changed) || changed.Path != tt.changed {
					t.Fatalf("err = %v, want %s changed", err, tt.changed)
				}
			case err != nil:
				t.Fatal(err)
			}
			if !slices.Equal(done, tt.wantDone) {
				t.Errorf("done = %+v, want %+v", done, tt.wantDone)
			}
			got := tree(t, root)
			if len(got) != len(tt.after) {
				t.Errorf("files = %v, want %v", got, tt.after)
			}
			for p, want := range tt.after {
				if got[p] != want {
					t.Errorf("%s = %q, want %q", p, got[p], want)
				}
			}
			noTemp(t, root)
		})
	}
}

// TestApplySkipsUnchangedFiles checks that a file that already holds the
// new bytes is not touched: same inode, same modification time.
func TestApplySkipsUnchangedFiles(t *testing.T) {
	root := t.TempDir()
	testfs.WritePairs(t, root, "_config.yml", "a\n")
	full := filepath.Join(root, "_config.yml")
	before, err := os.Stat(full)
	if err != nil {
		t.Fatal(err)
	}
	p := &plan.Plan{Root: root}
	if err := p.Add("_config.yml", []byte("a\n"), []byte("a\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Apply(plan.Options{}); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(full)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
		t.Error("an unchanged file was rewritten")
	}
}

// TestApplyIsAtomic checks that a rewrite replaces the file by a rename (a
// reader holding the old file keeps the old bytes), keeps its permissions,
// and leaves no temporary file.
func TestApplyIsAtomic(t *testing.T) {
	root := t.TempDir()
	testfs.WritePairs(t, root, "_config.yml", "old\n")
	full := filepath.Join(root, "_config.yml")
	if err := os.Chmod(full, 0o600); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(full)
	if err != nil {
		t.Fatal(err)
	}
	held, err := os.Open(full)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	p := &plan.Plan{Root: root}
	if err := p.Add("_config.yml", []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if err := p.Add("fr/a.md", nil, []byte("A")); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Apply(plan.Options{}); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(full)
	if err != nil {
		t.Fatal(err)
	}
	if os.SameFile(before, after) {
		t.Error("the file was rewritten in place, not replaced")
	}
	if after.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", after.Mode().Perm())
	}
	old := make([]byte, 16)
	n, _ := held.Read(old)
	if string(old[:n]) != "old\n" {
		t.Errorf("a reader of the old file sees %q", old[:n])
	}
	if got := read(t, full); got != "new\n" {
		t.Errorf("_config.yml = %q", got)
	}
	if fi, err := os.Stat(filepath.Join(root, "fr", "a.md")); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("new file: %v, %v", fi, err)
	}
	noTemp(t, root)
}

// TestApplyRefusesEscapes checks that writes leaving the root are refused
// before anything is written, whether the path says so or a symlinked
// folder inside the root leads outside.
func TestApplyRefusesEscapes(t *testing.T) {
	for _, rel := range []string{"../outside/x.md", "/tmp/x.md", "fr/../../outside/x.md"} {
		t.Run(rel, func(t *testing.T) {
			dir := t.TempDir()
			root := filepath.Join(dir, "site")
			testfs.WritePairs(t, dir, "site/en/a.md", "a", "outside/keep", "k")
			p := &plan.Plan{Root: root, Writes: []plan.Write{
				{Path: "fr/a.md", New: []byte("A")}, {Path: rel, New: []byte("X")}}}
			if _, err := p.Apply(plan.Options{Force: true}); !errors.Is(err, plan.ErrEscape) {
				t.Errorf("err = %v, want ErrEscape", err)
			}
			if got := tree(t, dir); len(got) != 2 {
				t.Errorf("files = %v", got)
			}
		})
	}
}

// TestApplyRefusesSymlinkedFolders: a folder inside the root that is a
// symbolic link to a place outside it does not let a write escape.
func TestApplyRefusesSymlinkedFolders(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "site")
	testfs.WritePairs(t, dir, "site/en/a.md", "a", "outside/keep", "k")
	if err := os.Symlink(filepath.Join(dir, "outside"), filepath.Join(root, "fr")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	p := &plan.Plan{Root: root}
	if err := p.Add("fr/a.md", nil, []byte("A")); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Apply(plan.Options{}); !errors.Is(err, plan.ErrEscape) {
		t.Errorf("err = %v, want ErrEscape", err)
	}
	if _, err := os.Lstat(filepath.Join(dir, "outside", "a.md")); err == nil {
		t.Error("wrote outside/a.md through the symlink fr")
	}
}
