package create_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/langref/langref/internal/gittest"
	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/create"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/plan"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/translate/stub"
)

// TestMain keeps the user's git configuration out of the tests.
func TestMain(m *testing.M) {
	gittest.Isolate()
	os.Exit(m.Run())
}

var today = time.Date(2020, time.August, 1, 12, 0, 0, 0, time.UTC)

// config is a site whose English navigation has a chapter with sections,
// and whose French navigation lists the one French page.
const config = `title: Docs
chapters:
  - path: en/a.md
  - path: en/b.md
    sections:
      - path: en/b-1.md
      - path: en/b-2.md
  - path: en/c/d.md

fr:
  chapters:
    - path: fr/a.md
`

func page(key string, extra ...string) string {
	return "---\nlang-ref: " + key + "\ntitle: " + strings.ToUpper(key) + "\n" +
		strings.Join(extra, "") + "---\nSome text of " + key + ".\n"
}

func translation(lang, key, date string) string {
	d := ""
	if date != "" {
		d = "translation-date: " + date + "\n"
	}
	return "---\nlang: " + lang + "\nlang-ref: " + key + "\n" + d + "---\nTexte.\n"
}

// siteFiles is the site of config, with extra files as path, contents
// pairs (replacing those of the same path; "" deletes one).
func siteFiles(extra ...string) map[string]string {
	files := map[string]string{
		"_config.yml": config,
		"en/a.md":     page("a"),
		"en/b.md":     page("b"),
		"en/b-1.md":   page("b-1"),
		"en/b-2.md":   page("b-2"),
		"en/c/d.md":   page("d"),
		"en/e.md":     page("e"),
		"fr/a.md":     translation("fr", "a", ""),
	}
	for i := 0; i+1 < len(extra); i += 2 {
		if extra[i+1] == "" {
			delete(files, extra[i])
		} else {
			files[extra[i]] = extra[i+1]
		}
	}
	return files
}

func load(t *testing.T, root string) *site.Site {
	t.Helper()
	s, err := site.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func build(t *testing.T, files map[string]string, o create.Options) (*site.Site, *create.Result, error) {
	t.Helper()
	root := t.TempDir()
	testfs.Write(t, root, files)
	s := load(t, root)
	if o.Today.IsZero() {
		o.Today = today
	}
	if o.Style == "" {
		o.Style = stub.Comments
	}
	r, err := create.Build(s, o)
	return s, r, err
}

// planned returns the planned contents of rel.
func planned(t *testing.T, r *create.Result, rel string) []byte {
	t.Helper()
	for _, w := range r.Plan.Writes {
		if w.Path == rel {
			return w.New
		}
	}
	t.Fatalf("%s is not in the plan", rel)
	return nil
}

func field(t *testing.T, src []byte, key string) string {
	t.Helper()
	d := frontmatter.Parse(src)
	f, ok := d.Get(key)
	if !ok {
		t.Fatalf("no %s in\n%s", key, src)
	}
	return f.Value.Text
}

func TestDateFormat(t *testing.T) {
	tests := []struct {
		name  string
		lang  string
		extra []string
		want  string
	}{
		{"day month year", "fr", []string{"fr/a.md", translation("fr", "a", "27 Jan 2020")}, "1 Aug 2020"},
		{"iso", "fr", []string{"fr/a.md", translation("fr", "a", "2020-01-27")}, "2020-08-01"},
		{"no date anywhere", "fr", nil, "2020-08-01"},
		{"empty date", "fr", []string{"fr/a.md", translation("fr", "a", "\"\"")}, "2020-08-01"},
		{"null date", "fr", []string{"fr/a.md", translation("fr", "a", "~")}, "2020-08-01"},
		{"the language's own format first", "fr", []string{
			"fr/a.md", translation("fr", "a", "2020-01-27"),
			"de/a.md", translation("de", "a", "27 Jan 2020"),
			"de/b.md", translation("de", "b", "3 Feb 2020"),
		}, "2020-08-01"},
		{"the other languages' format for a new language", "es", []string{
			"fr/a.md", translation("fr", "a", "27 Jan 2020"),
			"de/a.md", translation("de", "a", "28 Jan 2020"),
			"de/b.md", translation("de", "b", "2020-01-27"),
		}, "1 Aug 2020"},
		{"the source pages' date key last", "es", []string{
			"en/a.md", page("a", "date: January 27, 2020\n"),
		}, "August 1, 2020"},
		{"most votes win", "fr", []string{
			"fr/a.md", translation("fr", "a", "2020-01-27"),
			"fr/b.md", translation("fr", "b", "27 Jan 2020"),
			"fr/c.md", translation("fr", "b-1", "28 Jan 2020"),
		}, "1 Aug 2020"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := create.Options{Lang: tt.lang, Pages: []string{"e"}, NewLanguage: true}
			_, r, err := build(t, siteFiles(tt.extra...), o)
			if err != nil {
				t.Fatal(err)
			}
			if got := field(t, planned(t, r, tt.lang+"/e.md"), create.DateKey); got != tt.want {
				t.Errorf("%s = %q, want %q", create.DateKey, got, tt.want)
			}
		})
	}
}

func TestSelect(t *testing.T) {
	tests := []struct {
		name    string
		o       create.Options
		extra   []string
		want    []string // planned stubs, in order
		exists  string   // path of the ExistsError
		notSrc  string   // argument of the NotSourceError
		scope   string   // argument of the ScopeError
		wantErr error
	}{
		{name: "by key", o: create.Options{Pages: []string{"b"}}, want: []string{"fr/b.md"}},
		{name: "by path", o: create.Options{Pages: []string{"en/c/d.md"}}, want: []string{"fr/c/d.md"}},
		{name: "in argument order", o: create.Options{Pages: []string{"e", "en/b-1.md", "b"}},
			want: []string{"fr/e.md", "fr/b-1.md", "fr/b.md"}},
		{name: "key and path of one page once", o: create.Options{Pages: []string{"b", "en/b.md"}},
			want: []string{"fr/b.md"}},
		{name: "unknown page", o: create.Options{Pages: []string{"nothing"}}, notSrc: "nothing"},
		{name: "a translation is no source", o: create.Options{Pages: []string{"fr/a.md"}}, notSrc: "fr/a.md"},
		{name: "translated already", o: create.Options{Pages: []string{"a"}}, exists: "fr/a.md"},
		{name: "translated already, forced", o: create.Options{Pages: []string{"a"}, Force: true},
			want: []string{"fr/a.md"}},
		{name: "a file in the way", o: create.Options{Pages: []string{"e"}},
			extra: []string{"fr/e.md", "not a page\n"}, exists: "fr/e.md"},
		{name: "missing", o: create.Options{Missing: true},
			want: []string{"fr/b.md", "fr/b-1.md", "fr/b-2.md", "fr/c/d.md", "fr/e.md"}},
		{name: "missing in a folder", o: create.Options{Missing: true, Pages: []string{"en/c"}},
			want: []string{"fr/c/d.md"}},
		{name: "missing in a folder with a slash", o: create.Options{Missing: true, Pages: []string{"en/c/"}},
			want: []string{"fr/c/d.md"}},
		{name: "missing in a chapter", o: create.Options{Missing: true, Pages: []string{"en/b.md"}},
			want: []string{"fr/b.md", "fr/b-1.md", "fr/b-2.md"}},
		{name: "missing in a chapter and a folder", o: create.Options{Missing: true, Pages: []string{"en/c", "en/b.md"}},
			want: []string{"fr/b.md", "fr/b-1.md", "fr/b-2.md", "fr/c/d.md"}},
		{name: "missing in a folder without pages", o: create.Options{Missing: true, Pages: []string{"en/zz"}}, scope: "en/zz"},
		{name: "missing by key prefix", o: create.Options{Missing: true, Pages: []string{"b"}},
			want: []string{"fr/b.md", "fr/b-1.md", "fr/b-2.md"}},
		{name: "a key prefix ends at a separator", o: create.Options{Missing: true, Pages: []string{"b-"}}, scope: "b-"},
		{name: "missing in a folder with nothing missing", o: create.Options{Missing: true, Pages: []string{"en/a.md"}}},
		{name: "missing skips translated pages", o: create.Options{Missing: true, Pages: []string{"en/b.md"}},
			extra: []string{"fr/b-1.md", translation("fr", "b-1", "")},
			want:  []string{"fr/b.md", "fr/b-2.md"}},
		{name: "missing of a new language", o: create.Options{Missing: true, Lang: "de", NewLanguage: true},
			want: []string{"de/a.md", "de/b.md", "de/b-1.md", "de/b-2.md", "de/c/d.md", "de/e.md"}},
		{name: "the source language", o: create.Options{Missing: true, Lang: "en"}, wantErr: create.ErrSourceLang},
		{name: "a path for a language", o: create.Options{Missing: true, Lang: "../x"}, wantErr: create.ErrBadLang},
		{name: "a nested path for a language", o: create.Options{Missing: true, Lang: "fr/../../x"}, wantErr: create.ErrBadLang},
		{name: "an empty language", o: create.Options{Missing: true, Lang: ""}, wantErr: create.ErrBadLang},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.o.Lang == "" && tt.wantErr == nil {
				tt.o.Lang = "fr"
			}
			_, r, err := build(t, siteFiles(tt.extra...), tt.o)
			var exists *plan.ExistsError
			var notSrc *create.NotSourceError
			var scope *create.ScopeError
			switch {
			case tt.scope != "":
				if !errors.As(err, &scope) || scope.Arg != tt.scope {
					t.Fatalf("err = %v, want %q matches no source page", err, tt.scope)
				}
				return
			case tt.exists != "":
				if !errors.As(err, &exists) || exists.Path != tt.exists {
					t.Fatalf("err = %v, want %s already exists", err, tt.exists)
				}
				return
			case tt.notSrc != "":
				if !errors.As(err, &notSrc) || notSrc.Arg != tt.notSrc {
					t.Fatalf("err = %v, want %q is no source page", err, tt.notSrc)
				}
				return
			case tt.wantErr != nil:
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			var got []string
			for _, p := range r.Pages {
				got = append(got, p.Path)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("pages = %q, want %q", got, tt.want)
			}
			var creates []string
			for _, w := range r.Plan.Writes {
				if w.Create() {
					creates = append(creates, w.Path)
				}
			}
			if !slices.Equal(creates, tt.want) {
				t.Errorf("planned files = %q, want %q", creates, tt.want)
			}
		})
	}
}

// TestNavigationInPlan checks that the plan rewrites _config.yml with the
// entries of the stubs, and leaves it alone when there are none.
func TestNavigationInPlan(t *testing.T) {
	s, r, err := build(t, siteFiles(), create.Options{Lang: "fr", Missing: true, Pages: []string{"en/b.md"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"fr/b.md", "fr/b-1.md", "fr/b-2.md"}; !slices.Equal(r.Nav, want) {
		t.Errorf("nav = %q, want %q", r.Nav, want)
	}
	cfg := string(planned(t, r, s.ConfigFile))
	for _, p := range r.Nav {
		if !strings.Contains(cfg, "- path: "+p+"\n") {
			t.Errorf("_config.yml lacks %s:\n%s", p, cfg)
		}
	}
	_, r, err = build(t, siteFiles(), create.Options{Lang: "fr", Missing: true, Pages: []string{"en/a.md"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Plan.Writes) != 0 || len(r.Nav) != 0 {
		t.Errorf("nothing to create, yet the plan holds %+v", r.Plan.Writes)
	}
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// TestBaseline checks the source-commit recorded: the English file's last
// commit, or its content hash when git cannot vouch for the bytes on disk.
func TestBaseline(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	const v1, v2 = "---\nlang-ref: e\n---\nOne.\n", "---\nlang-ref: e\n---\nTwo.\n"
	tests := []struct {
		name string
		sub  string // the site root inside the repository
		// steps change the repository: path, contents pairs, "commit"
		// to commit everything.
		steps []string
		// want is "commit N" for the N-th commit (from 1), or a hash.
		want string
	}{
		{name: "no git", want: sha(v1)},
		{name: "the file's last commit, not HEAD", steps: []string{
			"en/e.md", v1, "commit", "en/e.md", v2, "commit", "fr/a.md", "---\nlang: fr\nlang-ref: a\n---\nx\n", "commit"},
			want: "commit 2"},
		{name: "site root in a subfolder", sub: "docs", steps: []string{
			"en/e.md", v1, "commit", "en/b.md", page("b") + "more\n", "commit"},
			want: "commit 1"},
		{name: "uncommitted change", steps: []string{"en/e.md", v1, "commit", "en/e.md", v2},
			want: sha(v2)},
		{name: "untracked file", steps: []string{"en/a.md", page("a") + "x\n", "commit", "en/e.md", v1},
			want: sha(v1)},
		{name: "no commit yet", steps: []string{"en/e.md", v1}, want: sha(v1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := t.TempDir()
			root := filepath.Join(repo, tt.sub)
			files := siteFiles("en/e.md", v1)
			if tt.steps != nil {
				delete(files, "en/e.md")
				gittest.Run(t, repo, 0, "-c", "init.defaultBranch=main", "init", "-q")
			}
			testfs.Write(t, root, files)
			var commits []string
			for i := 0; i < len(tt.steps); i++ {
				if tt.steps[i] == "commit" {
					gittest.Run(t, repo, len(commits)+1, "add", "-A")
					gittest.Run(t, repo, len(commits)+1, "commit", "-q", "-m", fmt.Sprint("commit ", len(commits)+1))
					commits = append(commits, gittest.Run(t, repo, 0, "rev-parse", "HEAD"))
					continue
				}
				testfs.Write(t, root, map[string]string{tt.steps[i]: tt.steps[i+1]})
				i++
			}
			want := tt.want
			if n, ok := strings.CutPrefix(want, "commit "); ok {
				var i int
				fmt.Sscan(n, &i)
				want = commits[i-1]
			}
			s := load(t, root)
			r, err := create.Build(s, create.Options{Lang: "fr", Pages: []string{"e"}, Today: today, Style: stub.Comments})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Pages) != 1 || r.Pages[0].Baseline != want {
				t.Fatalf("pages = %+v, want baseline %s", r.Pages, want)
			}
			if got := field(t, planned(t, r, "fr/e.md"), s.BaselineKey); got != want {
				t.Errorf("%s: %s, want %s", s.BaselineKey, got, want)
			}
		})
	}
}
