package discover_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/discover"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testcorpus.Cleanup()
	os.Exit(code)
}

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		from  string
		root  string // relative to the tree; "" when nothing is found
		how   discover.How
	}{
		{"site root itself", site("docs/"), "docs", "docs", discover.Upward},
		{"a language folder", site("docs/"), "docs/fr", "docs", discover.Upward},
		{"a folder inside a language folder", site("docs/"), "docs/en/week01", "docs", discover.Upward},
		{"repository root finds docs", site("docs/"), ".", "docs", discover.Down},
		{"another folder of the repository", with(site("docs/"), "src/main.go", "package main\n"), "src", "docs", discover.Down},
		{"website folder", site("website/"), ".", "website", discover.Down},
		{"site folder", site("site/"), ".", "site", discover.Down},
		{"site at the repository root", site(""), "en", ".", discover.Upward},
		{"a .langref.yml marks a root", map[string]string{".git/HEAD": "", "d/.langref.yml": "source_lang: en\n", "d/en/a.md": "x"}, "d/en", "d", discover.Upward},
		{"hugo", map[string]string{".git/HEAD": "", "hugo.toml": "", "content/en/a.md": "x"}, "content/en", ".", discover.Upward},
		{"starlight", map[string]string{".git/HEAD": "", "astro.config.mjs": "", "src/content/docs/a.md": "x"}, "src/content/docs", ".", discover.Upward},
		{"empty repository", map[string]string{".git/HEAD": "", "notes/a.txt": "x"}, "notes", "", ""},
		{"a marker above the repository is not looked at", map[string]string{"_config.yml": "", "repo/.git/HEAD": "", "repo/en/a.md": "x"}, "repo/en", "", ""},
		{"a folder named _config.yml is no marker", map[string]string{".git/HEAD": "", "_config.yml/x": "", "en/a.md": "x"}, "en", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Dir(t, tt.files)
			dir, _ = filepath.EvalSymlinks(dir)
			r, err := discover.Find(filepath.Join(dir, tt.from))
			if tt.root == "" {
				var nf *discover.NotFoundError
				if !errors.As(err, &nf) || !errors.Is(err, discover.ErrNotFound) {
					t.Fatalf("Find = %+v, %v; want a NotFoundError", r, err)
				}
				if len(nf.Looked) == 0 || len(nf.Markers) == 0 {
					t.Errorf("the error says nothing of where it looked: %+v", nf)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(dir, tt.root); r.Root != want || r.How != tt.how {
				t.Errorf("Find = %s (%s), want %s (%s)", r.Root, r.How, want, tt.how)
			}
		})
	}
}

func TestGiven(t *testing.T) {
	dir := testfs.Dir(t, with(site("docs/"), "plain/en/a.md", "x"))
	dir, _ = filepath.EvalSymlinks(dir)
	tests := []struct {
		name, root, want string
		how              discover.How
	}{
		{"a site root", "docs", "docs", discover.Named},
		{"the repository root goes down to docs", ".", "docs", discover.Down},
		{"a folder without markers is a plain site", "plain", "plain", discover.Plain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := discover.Given(filepath.Join(dir, tt.root))
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(dir, tt.want); r.Root != want || r.How != tt.how {
				t.Errorf("Given = %s (%s), want %s (%s)", r.Root, r.How, want, tt.how)
			}
		})
	}
	if _, err := discover.Given(filepath.Join(dir, "nowhere")); err == nil {
		t.Error("Given accepted a folder that does not exist")
	}
	if _, err := discover.Given(filepath.Join(dir, "docs/_config.yml")); err == nil {
		t.Error("Given accepted a file")
	}
}

// TestSymlink: a root reached through a symbolic link is the folder the
// link points to, so that paths relative to the repository come out right.
func TestSymlink(t *testing.T) {
	dir := testfs.Dir(t, site("docs/"))
	dir, _ = filepath.EvalSymlinks(dir)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Join(dir, "docs"), link); err != nil {
		t.Skip(err)
	}
	found, err := discover.Find(filepath.Join(link, "fr"))
	if err != nil {
		t.Fatal(err)
	}
	given, err := discover.Given(link)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*discover.Result{found, given} {
		if r.Root != filepath.Join(dir, "docs") || r.Repo != dir {
			t.Errorf("root %s in repository %q; want the real folders %s, %s", r.Root, r.Repo, filepath.Join(dir, "docs"), dir)
		}
	}
}

// TestDLSP20EveryLevel finds docs/ from every folder of a DLSP20 clone.
func TestDLSP20EveryLevel(t *testing.T) {
	repo, _ := filepath.EvalSymlinks(testcorpus.Shared(t))
	want := filepath.Join(repo, "docs")
	n := 0
	err := filepath.WalkDir(repo, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if d.Name() == ".git" {
			return filepath.SkipDir
		}
		n++
		r, err := discover.Find(p)
		if err != nil {
			t.Errorf("from %s: %v", p, err)
		} else if r.Root != want || r.Repo != repo {
			t.Errorf("from %s: root %s, repo %s; want %s, %s", p, r.Root, r.Repo, want, repo)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Fatalf("only %d folders in the clone", n)
	}
}

// site is a small Jekyll site under prefix in a repository.
func site(prefix string) map[string]string {
	return map[string]string{
		".git/HEAD":                  "ref: refs/heads/main\n",
		prefix + "_config.yml":       "title: Docs\n",
		prefix + "index.md":          "---\nlang-ref: home\n---\n",
		prefix + "en/week01/01-1.md": "---\nlang-ref: ch.01-1\n---\n",
		prefix + "fr/week01/01-1.md": "---\nlang: fr\nlang-ref: ch.01-1\n---\n",
		prefix + "fr/index.md":       "---\nlang: fr\nlang-ref: home\n---\n",
	}
}

func with(files map[string]string, path, content string) map[string]string {
	out := map[string]string{path: content}
	for k, v := range files {
		out[k] = v
	}
	return out
}
