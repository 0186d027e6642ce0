package history

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// page returns a few lines of text, so that git can match renamed files.
func page(title string) string {
	return "---\ntitle: " + title + "\n---\n" + strings.Repeat("Some text that stays the same.\n", 8)
}

// linearRepo builds a history without merges, touching files with plain,
// spaced, quoted and non-ASCII names (and, where the OS allows, a tab and a
// newline).
func linearRepo(t *testing.T) *testRepo {
	r := newTestRepo(t)
	r.Write("docs/en/a.md", page("a"), "docs/fr/a.md", page("fr a"),
		"docs/zh/中文 名.md", page("zh"), `docs/fr/é "q".md`, page("q"), "README.md", "readme\n")
	r.Commit("add")
	r.Write("docs/en/a.md", page("a")+"more\n", "README.md", "readme 2\n")
	r.Commit("edit en")
	r.Write("docs/fr/week01/a.md", page("fr a"))
	if err := os.Remove(filepath.Join(r.Dir, "docs", "fr", "a.md")); err != nil {
		t.Fatal(err)
	}
	r.Commit("move fr")
	r.Write("docs/en/a.md", page("a")+"more\nand more\n", "docs/fr/week01/a.md", page("fr a")+"plus\n")
	r.Commit("both")
	r.Write("docs/en/b.md", page("b"))
	if runtime.GOOS != "windows" {
		r.Write("docs/tab\there.md", page("tab"), "docs/new\nline.md", page("nl"))
	}
	r.Commit("add b")
	if err := os.Remove(filepath.Join(r.Dir, "docs", "en", "b.md")); err != nil {
		t.Fatal(err)
	}
	r.Commit("drop b")
	r.Write("README.md", "readme 3\n")
	r.Commit("readme")
	return r
}

func TestFileLog(t *testing.T) {
	r := linearRepo(t)
	_, h := r.load("docs")
	tests := []struct {
		name, path string
		want       []string
	}{
		{"added and modified", "docs/en/a.md", []string{
			"both M docs/en/a.md", "edit en M docs/en/a.md", "add A docs/en/a.md"}},
		{"renamed", "docs/fr/week01/a.md", []string{
			"both M docs/fr/week01/a.md", "move fr R docs/fr/week01/a.md <- docs/fr/a.md", "add A docs/fr/a.md"}},
		{"non-ASCII and space", "docs/zh/中文 名.md", []string{"add A docs/zh/中文 名.md"}},
		{"quotes", `docs/fr/é "q".md`, []string{`add A docs/fr/é "q".md`}},
		{"deleted since", "docs/en/b.md", []string{"drop b D docs/en/b.md", "add b A docs/en/b.md"}},
		{"untracked", "docs/en/new.md", nil},
		{"outside the pathspec", "README.md", nil},
		{"old name of a renamed file", "docs/fr/a.md", []string{
			"move fr R docs/fr/week01/a.md <- docs/fr/a.md", "add A docs/fr/a.md"}},
	}
	if runtime.GOOS != "windows" {
		tests = append(tests,
			struct {
				name, path string
				want       []string
			}{"tab", "docs/tab\there.md", []string{"add b A docs/tab\there.md"}},
			struct {
				name, path string
				want       []string
			}{"newline", "docs/new\nline.md", []string{"add b A docs/new\nline.md"}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			equalLines(t, describe(h.FileLog(tt.path)), tt.want)
		})
	}
}

func TestPathAt(t *testing.T) {
	r := linearRepo(t)
	_, h := r.load("docs")
	tests := []struct {
		name, path, rev, want string
	}{
		{"before the rename", "docs/fr/week01/a.md", r.Hash["add"], "docs/fr/a.md"},
		{"between", "docs/fr/week01/a.md", r.Hash["edit en"], "docs/fr/a.md"},
		{"at the rename", "docs/fr/week01/a.md", r.Hash["move fr"], "docs/fr/week01/a.md"},
		{"after", "docs/fr/week01/a.md", r.Hash["both"], "docs/fr/week01/a.md"},
		{"abbreviated hash", "docs/fr/week01/a.md", r.Hash["add"][:7], "docs/fr/a.md"},
		{"before the file existed", "docs/en/b.md", r.Hash["both"], ""},
		{"commit outside the history", "docs/en/a.md", r.Hash["readme"], ""},
		{"unknown commit", "docs/en/a.md", "0123456789", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := h.PathAt(tt.path, tt.rev); got != tt.want {
				t.Errorf("PathAt(%q, %q) = %q; want %q", tt.path, tt.rev, got, tt.want)
			}
		})
	}
}

func TestCommits(t *testing.T) {
	r := linearRepo(t)
	_, h := r.load("docs")
	var subjects []string
	for _, c := range h.Commits {
		subjects = append(subjects, c.Subject)
	}
	equalLines(t, subjects, []string{"drop b", "add b", "both", "move fr", "edit en", "add"})

	c := h.Commit(r.Hash["both"])
	wantTime := time.Unix(1700000000+4*3600, 0)
	if c.Author != "Zoé Auteur" || !c.Time.Equal(wantTime) || c.Time.Format("-0700") != "+0200" ||
		len(c.Parents) != 1 || c.Parents[0] != r.Hash["move fr"] {
		t.Errorf("got %s by %q at %v with parents %q", c.Subject, c.Author, c.Time, c.Parents)
	}
	var paths []string
	for _, ch := range c.Changes {
		paths = append(paths, ch.Path)
	}
	equalLines(t, paths, []string{"docs/en/a.md", "docs/fr/week01/a.md"})
}

func TestLoadWholeTree(t *testing.T) {
	r := linearRepo(t)
	_, h := r.load()
	if len(h.Commits) != 7 || len(h.FileLog("README.md")) != 3 {
		t.Errorf("got %d commits and %d for README.md; want 7 and 3", len(h.Commits), len(h.FileLog("README.md")))
	}
}

// TestMerges checks that files are followed through merges, whichever side
// renamed them, and that a merge counts as a change only to files that
// differ from every parent.
func TestMerges(t *testing.T) {
	tests := []struct {
		name       string
		main, side func(r *testRepo)
		resolve    func(r *testRepo) // edits made in the merge commit
		path       string
		want       []string
	}{
		{
			name: "rename on the branch",
			side: func(r *testRepo) { r.Git("mv", "docs/x.md", "docs/y.md") },
			main: func(r *testRepo) { r.Write("docs/x.md", page("x")+"main\n") },
			path: "docs/y.md",
			want: []string{"merge R docs/y.md <- docs/x.md", "main M docs/x.md",
				"side R docs/y.md <- docs/x.md", "base A docs/x.md"},
		},
		{
			name: "rename on main",
			side: func(r *testRepo) { r.Write("docs/x.md", page("x")+"side\n") },
			main: func(r *testRepo) { r.Git("mv", "docs/x.md", "docs/y.md") },
			path: "docs/y.md",
			want: []string{"merge M docs/y.md", "main R docs/y.md <- docs/x.md",
				"side M docs/x.md", "base A docs/x.md"},
		},
		{
			name: "file added on the branch",
			side: func(r *testRepo) { r.Write("docs/b.md", page("b")) },
			main: func(r *testRepo) { r.Write("docs/x.md", page("x")+"main\n") },
			path: "docs/b.md",
			want: []string{"side A docs/b.md"},
		},
		{
			name:    "edited in the merge",
			side:    func(r *testRepo) { r.Write("docs/x.md", "side\n") },
			main:    func(r *testRepo) { r.Write("docs/x.md", "main\n") },
			resolve: func(r *testRepo) { r.Write("docs/x.md", "resolved\n") },
			path:    "docs/x.md",
			want:    []string{"merge M docs/x.md", "main M docs/x.md", "side M docs/x.md", "base A docs/x.md"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestRepo(t)
			r.Write("docs/x.md", page("x"), "docs/other.md", "other\n")
			r.Commit("base")
			r.Git("checkout", "-q", "-b", "side")
			tt.side(r)
			r.Commit("side")
			r.Git("checkout", "-q", "main")
			tt.main(r)
			r.Commit("main")
			r.Tick++
			r.Git("merge", "-q", "--no-ff", "--no-commit", "-X", "ours", "side")
			if tt.resolve != nil {
				tt.resolve(r)
			}
			r.Commit("merge")

			_, h := r.load("docs")
			equalLines(t, describe(h.FileLog(tt.path)), tt.want)
			checkFollow(t, h, 1)
			if got := h.PathAt(tt.path, r.Hash["base"]); got != "docs/x.md" && tt.path != "docs/b.md" {
				t.Errorf("PathAt(base) = %q; want docs/x.md", got)
			}
		})
	}
}

func TestShallow(t *testing.T) {
	r := newTestRepo(t)
	r.Write("docs/a.md", page("a"), "docs/b.md", page("b"))
	r.Commit("add a b")
	r.Write("docs/a.md", page("a")+"2\n")
	r.Commit("edit a")
	r.Write("docs/b.md", page("b")+"2\n")
	r.Commit("edit b")
	r.Write("docs/c.md", page("c"))
	r.Commit("add c")
	clone := filepath.Join(t.TempDir(), "clone")
	author.Run(t, r.Dir, 0, "clone", "-q", "--depth", "2", "file://"+filepath.ToSlash(r.Dir), clone)

	full, fullHist := r.load("docs")
	shallow, err := Open(clone)
	if err != nil {
		t.Fatal(err)
	}
	shallowHist, err := shallow.Load("docs")
	if err != nil {
		t.Fatal(err)
	}
	checkFollow(t, shallowHist, 1)
	checkFollow(t, fullHist, 1)
	if full.Shallow || !shallow.Shallow {
		t.Fatalf("got Shallow %v for the full repo and %v for the clone", full.Shallow, shallow.Shallow)
	}
	tests := []struct {
		path      string
		truncated bool
		log       []string
	}{
		{"docs/a.md", true, []string{"edit b A docs/a.md"}},
		{"docs/b.md", true, []string{"edit b A docs/b.md"}},
		{"docs/c.md", false, []string{"add c A docs/c.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := shallowHist.Truncated(tt.path); got != tt.truncated {
				t.Errorf("Truncated in the clone = %v; want %v", got, tt.truncated)
			}
			if fullHist.Truncated(tt.path) {
				t.Error("Truncated in the full repo = true; want false")
			}
			equalLines(t, describe(shallowHist.FileLog(tt.path)), tt.log)
		})
	}
}

// TestBlobIDs checks that every change carries the object ids of the file
// before and after its commit, as git names them, and that EachBlob reads
// a file by that id.
func TestBlobIDs(t *testing.T) {
	r := linearRepo(t)
	repo, h := r.load("docs")
	blob := func(rev, path string) string {
		if rev == "" {
			return ""
		}
		return strings.TrimSpace(r.Git("rev-parse", rev+":"+path))
	}
	n := 0
	for i, c := range h.Commits {
		parent := ""
		if len(c.Parents) > 0 {
			parent = c.Parents[0]
		}
		for _, ch := range c.Changes {
			var wantOld, wantNew string
			switch ch.Status {
			case 'A':
				wantNew = blob(c.Hash, ch.Path)
			case 'R':
				wantOld, wantNew = blob(parent, ch.OldPath), blob(c.Hash, ch.Path)
			case 'D':
				wantOld = blob(parent, ch.Path)
			default:
				wantOld, wantNew = blob(parent, ch.Path), blob(c.Hash, ch.Path)
			}
			if ch.OldBlob.String() != wantOld || ch.Blob.String() != wantNew {
				t.Errorf("commit %d %q %c %s: ids %q %q; want %q %q", i, c.Subject, ch.Status, ch.Path,
					ch.OldBlob, ch.Blob, wantOld, wantNew)
			}
			n++
		}
	}
	if n < 10 {
		t.Fatalf("only %d changes checked", n)
	}
	a := h.FileLog("docs/en/a.md")[0]
	var got []byte
	if err := repo.EachBlob([]string{a.Blob.String()}, func(_ string, data []byte, ok bool) { got = data }); err != nil {
		t.Fatal(err)
	}
	if want := page("a") + "more\nand more\n"; string(got) != want {
		t.Errorf("blob %s read %q; want %q", a.Blob, got, want)
	}
}

func TestParseObjectID(t *testing.T) {
	for _, s := range []string{"", "abc", strings.Repeat("g", 40), strings.Repeat("a", 41)} {
		if _, err := ParseObjectID(s); err == nil {
			t.Errorf("ParseObjectID(%q) succeeded", s)
		}
	}
	for _, s := range []string{strings.Repeat("0a", 20), strings.Repeat("f1", 32)} {
		id, err := ParseObjectID(s)
		if err != nil || id.String() != s || id.IsZero() {
			t.Errorf("ParseObjectID(%q) = %q, %v", s, id, err)
		}
	}
	if id, err := ParseObjectID(strings.Repeat("0", 40)); err != nil || !id.IsZero() || id.String() != "" {
		t.Errorf("the all-zero id reads as %q, %v; want the zero ObjectID", id, err)
	}
}
