package stale

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/langref/langref/internal/gittest"
	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/translate/change"
)

// TestMain keeps the user's git configuration out of the tests.
func TestMain(m *testing.M) {
	gittest.Isolate()
	os.Exit(m.Run())
}

// newRepo returns a git repository whose site root is docs/, with commits
// at fixed dates so that hashes are stable.
func newRepo(t *testing.T) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	r.Write("docs/_config.yml", "title: Docs\n")
	return r
}

// analyze runs Analyze on the site at dir/docs.
func analyze(t *testing.T, dir string) *Result {
	t.Helper()
	s, err := site.Load(filepath.Join(dir, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(s)
	res, err := Analyze(g, DefaultOptions(g))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func page(t *testing.T, res *Result, path string) *Page {
	t.Helper()
	p := res.Page(path)
	if p == nil {
		t.Fatalf("no staleness for %s; have %v", path, res.Pages)
	}
	return p
}

const (
	en = "---\nlang-ref: a\n---\n# Gradient descent\n\nWe follow the gradient downhill until the loss stops falling.\n\n$$\nx^2\n$$\n"
	fr = "---\nlang: fr\nlang-ref: a\n---\n# Descente de gradient\n\nNous suivons le gradient vers le bas jusqu'à ce que la perte cesse de baisser.\n\n$$\nx^2\n$$\n"
)

// want checks the outcome for one page.
type want struct {
	source Source
	base   string // "" to skip
	since  int
	class  change.Class
	stale  bool
	minor  bool
	notes  string
}

func (w want) check(t *testing.T, p *Page) {
	t.Helper()
	if p.BaselineSource != w.source || (w.base != "" && p.Baseline != w.base) || p.SourceCommitsSince != w.since ||
		p.Class != w.class || p.Stale != w.stale || p.Minor != w.minor || strings.Join(p.Notes, ",") != w.notes {
		t.Errorf("got source %s base %.7s since %d class %s stale %v minor %v notes %q changes %+v\nwant source %s base %.7s since %d class %s stale %v minor %v notes %q",
			p.BaselineSource, p.Baseline, p.SourceCommitsSince, p.Class, p.Stale, p.Minor, strings.Join(p.Notes, ","), p.Changes,
			w.source, w.base, w.since, w.class, w.stale, w.minor, w.notes)
	}
}

func TestHistoryBaselines(t *testing.T) {
	newPara := strings.Replace(en, "falling.\n", "falling.\n\nMomentum adds a fraction of the previous step to the next one.\n", 1)
	tests := []struct {
		name  string
		steps func(r *gittest.Repo) (base string)
		want  want
	}{
		{"English typo fix after translation: not stale", func(r *gittest.Repo) string {
			r.Write("docs/en/a.md", strings.Replace(en, "downhill", "donwhill", 1), "docs/fr/a.md", fr)
			b := r.Commit("add")
			r.Write("docs/en/a.md", en)
			r.Commit("typo")
			return b
		}, want{source: History, since: 1, class: change.Typo, minor: true}},
		{"new English paragraph: stale, content", func(r *gittest.Repo) string {
			r.Write("docs/en/a.md", en, "docs/fr/a.md", fr)
			b := r.Commit("add")
			r.Write("docs/en/a.md", newPara)
			r.Commit("more")
			return b
		}, want{source: History, since: 1, class: change.Content, stale: true}},
		{"changed formula: stale, verbatim", func(r *gittest.Repo) string {
			r.Write("docs/en/a.md", en, "docs/fr/a.md", fr)
			b := r.Commit("add")
			r.Write("docs/en/a.md", strings.Replace(en, "x^2", "x^3", 1))
			r.Commit("formula")
			return b
		}, want{source: History, since: 1, class: change.Verbatim, stale: true}},
		{"a commit touching both files is applied", func(r *gittest.Repo) string {
			r.Write("docs/en/a.md", en, "docs/fr/a.md", fr)
			b := r.Commit("add")
			r.Write("docs/en/a.md", newPara, "docs/fr/a.md", strings.Replace(fr, "baisser.\n", "baisser.\n\nL'inertie ajoute une fraction du pas précédent au suivant.\n", 1))
			r.Commit("both")
			return b
		}, want{source: History, since: 1, class: change.Content, minor: true}},
		{"a later typo fix in the translation hides nothing", func(r *gittest.Repo) string {
			r.Write("docs/en/a.md", en, "docs/fr/a.md", strings.Replace(fr, "suivons", "suivosn", 1))
			b := r.Commit("add")
			r.Write("docs/en/a.md", newPara)
			r.Commit("more")
			r.Write("docs/fr/a.md", fr)
			r.Commit("fr typo")
			return b
		}, want{source: History, since: 1, class: change.Content, stale: true}},
		{"a bulk edit across languages hides nothing", func(r *gittest.Repo) string {
			de := strings.Replace(fr, "lang: fr", "lang: de", 1)
			ja := strings.Replace(fr, "lang: fr", "lang: ja", 1)
			r.Write("docs/en/a.md", en, "docs/fr/a.md", fr, "docs/de/a.md", de, "docs/ja/a.md", ja)
			b := r.Commit("add")
			r.Write("docs/en/a.md", newPara)
			r.Commit("more")
			bulk := func(s string) string { return strings.Replace(s, "x^2", "x^{2}", 1) }
			r.Write("docs/fr/a.md", bulk(fr), "docs/de/a.md", bulk(de), "docs/ja/a.md", bulk(ja))
			r.Commit("bulk")
			return b
		}, want{source: History, since: 1, class: change.Content, stale: true}},
		{"renamed English page", func(r *gittest.Repo) string {
			r.Write("docs/en/a.md", en, "docs/fr/a.md", fr)
			b := r.Commit("add")
			r.Git("mv", "docs/en/a.md", "docs/en/b.md")
			r.Commit("rename")
			r.Write("docs/en/b.md", strings.Replace(en, "x^2", "x^3", 1))
			r.Commit("formula")
			return b
		}, want{source: History, since: 2, class: change.Verbatim, stale: true}},
		{"renamed translation", func(r *gittest.Repo) string {
			r.Write("docs/en/a.md", en, "docs/fr/b.md", fr)
			b := r.Commit("add")
			r.Git("mv", "docs/fr/b.md", "docs/fr/a.md")
			r.Commit("rename")
			r.Write("docs/en/a.md", strings.Replace(en, "x^2", "x^3", 1))
			r.Commit("formula")
			return b
		}, want{source: History, since: 1, class: change.Verbatim, stale: true}},
		{"non-ASCII file names", func(r *gittest.Repo) string {
			r.Write("docs/en/a.md", "", "docs/en/dérivée.md", en, "docs/fr/dérivée.md", fr)
			r.Write("docs/en/a.md", "---\nlang-ref: other\n---\n")
			b := r.Commit("add")
			r.Write("docs/en/dérivée.md", newPara)
			r.Commit("more")
			return b
		}, want{source: History, since: 1, class: change.Content, stale: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			base := tt.steps(r)
			res := analyze(t, r.Dir)
			n := 0
			for path, p := range res.Pages {
				if strings.HasPrefix(path, "fr/") {
					n++
					w := tt.want
					w.base = base
					w.check(t, p)
				}
			}
			if n != 1 {
				t.Fatalf("%d French pages analysed, want 1", n)
			}
		})
	}
}

func withKey(src, key, value string) string {
	return strings.Replace(src, "lang: fr\n", "lang: fr\n"+key+": "+value+"\n", 1)
}

func TestRecordedBaseline(t *testing.T) {
	more := strings.Replace(en, "falling.\n", "falling.\n\nMomentum adds a fraction of the previous step.\n", 1)
	r := newRepo(t)
	r.Write("docs/en/a.md", en, "docs/fr/a.md", fr)
	r.Commit("add")
	r.Write("docs/en/a.md", more)
	c2 := r.Commit("more")
	r.Write("docs/en/a.md", strings.Replace(more, "x^2", "x^3", 1))
	r.Commit("formula")

	t.Run("valid", func(t *testing.T) {
		r.Write("docs/fr/a.md", withKey(fr, "source-commit", c2[:10]))
		p := page(t, analyze(t, r.Dir), "fr/a.md")
		want{source: Recorded, base: c2, since: 1, class: change.Verbatim, stale: true}.check(t, p)
	})
	t.Run("nested key", func(t *testing.T) {
		r.Write("docs/.langref.yml", "baseline_key: l10n.sourceCommit\n")
		defer os.Remove(filepath.Join(r.Dir, "docs/.langref.yml"))
		r.Write("docs/fr/a.md", withKey(fr, "l10n", "\n  sourceCommit: "+c2))
		p := page(t, analyze(t, r.Dir), "fr/a.md")
		want{source: Recorded, base: c2, since: 1, class: change.Verbatim, stale: true}.check(t, p)
	})
	for _, tt := range []struct{ value, reason string }{
		{"deadbeef", "not-commit"},
		{"HEAD~9", "not-commit"},
	} {
		t.Run("invalid "+tt.value, func(t *testing.T) {
			r.Write("docs/fr/a.md", withKey(fr, "source-commit", tt.value))
			p := page(t, analyze(t, r.Dir), "fr/a.md")
			want{source: History, since: 2, class: change.Content, stale: true, notes: NoteBadRecord}.check(t, p)
			b := p.BadBaseline
			if b == nil || b.Reason != tt.reason || b.Line != 3 || b.Col != 1 || b.Key != "source-commit" || b.Value != tt.value {
				t.Errorf("BadBaseline = %+v, want %s at 3:1", b, tt.reason)
			}
		})
	}
}

// TestRecordedRevisions checks that a recorded baseline may be anything
// git resolves to a commit in HEAD's history: a commit that touched no
// page of the site (a pin on the main branch's HEAD, as OpenTelemetry
// records), a tag, a branch, a relative revision or an abbreviated hash;
// staleness is computed from the site as that commit has it. Values that
// name no commit, or one outside HEAD's history or older than the site,
// are bad baselines whose hint never suggests the value itself.
func TestRecordedRevisions(t *testing.T) {
	more := strings.Replace(en, "falling.\n", "falling.\n\nMomentum adds a fraction of the previous step.\n", 1)
	r := newRepo(t)
	r.Write("README", "before the pages\n")
	r.Commit("readme")
	r.Write("docs/en/a.md", en, "docs/fr/a.md", fr)
	r.Commit("add")
	r.Write("docs/en/a.md", more)
	c2 := r.Commit("more")
	r.Write("README", "not the site\n")
	outside := r.Commit("outside")
	r.Git("tag", "v2")
	r.Git("branch", "stable")
	r.Git("checkout", "-q", "-b", "side")
	r.Write("docs/en/a.md", "---\nlang-ref: a\n---\nside\n")
	side := r.Commit("side")
	r.Git("checkout", "-q", "main")
	r.Write("docs/en/a.md", strings.Replace(more, "x^2", "x^3", 1))
	r.Commit("formula")
	r.Write("LICENSE", "outside again\n")
	r.Commit("license")
	at := want{source: Recorded, base: c2, since: 1, class: change.Verbatim, stale: true}
	for _, tt := range []struct {
		name, value string
		want        want
		reason      string
	}{
		{"a commit that changed no page", outside, at, ""},
		{"its abbreviated hash", outside[:9], at, ""},
		{"a tag", "v2", at, ""},
		{"a branch", "stable", at, ""},
		{"a relative revision", "HEAD~2", at, ""},
		{"HEAD, which changed no page", "HEAD", want{source: Recorded, class: change.Cosmetic}, ""},
		{"no commit", "deadbeef", want{}, "not-commit"},
		{"too far back", "HEAD~9", want{}, "not-commit"},
		{"a commit outside HEAD's history", side, want{}, "not-in-history"},
		{"a branch outside HEAD's history", "side", want{}, "not-in-history"},
		{"a commit older than the site", "HEAD~5", want{}, "source-absent"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r.Write("docs/fr/a.md", withKey(fr, "source-commit", tt.value))
			p := page(t, analyze(t, r.Dir), "fr/a.md")
			if tt.reason == "" {
				tt.want.check(t, p)
				if p.BadBaseline != nil {
					t.Errorf("BadBaseline = %+v", p.BadBaseline)
				}
				return
			}
			want{source: History, since: 2, class: change.Content, stale: true, notes: NoteBadRecord}.check(t, p)
			b := p.BadBaseline
			if b == nil || b.Reason != tt.reason || b.Value != tt.value {
				t.Fatalf("BadBaseline = %+v, want %s", b, tt.reason)
			}
			named, _ := exec.Command("git", "-C", r.Dir, "rev-parse", "-q", "--verify", tt.value+"^{commit}").Output()
			if b.Suggest == "" || b.Suggest == strings.TrimSpace(string(named)) {
				t.Errorf("Suggest = %q, the value names %q", b.Suggest, named)
			}
		})
	}
}

func TestShallowClone(t *testing.T) {
	r := newRepo(t)
	r.Write("docs/en/a.md", en, "docs/fr/a.md", fr)
	r.Commit("add")
	r.Write("docs/en/a.md", strings.Replace(en, "x^2", "x^3", 1))
	r.Commit("formula")
	clone := t.TempDir()
	r.Git("clone", "-q", "--depth", "1", "file://"+r.Dir, clone)
	res := analyze(t, clone)
	if !res.Shallow {
		t.Error("Shallow = false")
	}
	// From content: the formula differs between the two pages.
	want{source: Content, class: change.Verbatim, stale: true, notes: NoteShallow}.check(t, page(t, res, "fr/a.md"))
}

func TestNoGit(t *testing.T) {
	dir := t.TempDir()
	testfs.WritePairs(t, dir, "docs/_config.yml", "title: Docs\n", "docs/en/a.md", en, "docs/fr/a.md", fr,
		"docs/en/b.md", strings.Replace(en, "lang-ref: a", "lang-ref: b", 1),
		"docs/fr/b.md", strings.Replace(strings.Replace(fr, "lang-ref: a", "lang-ref: b", 1), "x^2", "y^2", 1))
	res := analyze(t, dir)
	if !res.NoGit {
		t.Error("NoGit = false")
	}
	want{source: Content, notes: NoteNoGit}.check(t, page(t, res, "fr/a.md"))
	want{source: Content, class: change.Verbatim, stale: true, notes: NoteNoGit}.check(t, page(t, res, "fr/b.md"))
}

// TestCommentedOriginals checks that the English kept in comments is the
// record of what was translated when there is no history.
func TestCommentedOriginals(t *testing.T) {
	commented := func(english string) string {
		return "---\nlang: fr\nlang-ref: a\n---\n<!-- # Gradient descent -->\n# Descente de gradient\n\n<!-- " + english + " -->\nNous suivons le gradient.\n\n$$\nx^2\n$$\n"
	}
	dir := t.TempDir()
	testfs.WritePairs(t, dir, "docs/_config.yml", "title: Docs\n", "docs/en/a.md", en,
		"docs/fr/a.md", commented("We follow the gradient downhill until the loss stops falling."))
	want{source: Content, notes: NoteNoGit}.check(t, page(t, analyze(t, dir), "fr/a.md"))
	testfs.WritePairs(t, dir, "docs/fr/a.md", commented("We follow the slope."))
	want{source: Content, class: change.Content, stale: true, notes: NoteNoGit}.check(t, page(t, analyze(t, dir), "fr/a.md"))
}

// TestGitProcesses checks that the number of git processes does not grow
// with the number of pages, by counting them through a wrapper on PATH.
func TestGitProcesses(t *testing.T) {
	r := newRepo(t)
	for i := range 8 {
		k := fmt.Sprint(i)
		r.Write("docs/en/"+k+".md", strings.Replace(en, "lang-ref: a", "lang-ref: "+k, 1),
			"docs/fr/"+k+".md", withKey(strings.Replace(fr, "lang-ref: a", "lang-ref: "+k, 1), "source-commit", "bad"+k))
		r.Commit("add " + k)
		r.Write("docs/en/"+k+".md", strings.Replace(en, "lang-ref: a", "lang-ref: "+k+"\ntitle: x", 1))
		r.Commit("touch " + k)
	}
	log := countGit(t)
	res := analyze(t, r.Dir)
	if len(res.Pages) != 8 {
		t.Fatalf("%d pages, want 8", len(res.Pages))
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	// Open: 1 (one rev-parse, HEAD included); Load: 1; ResolveCommits: 1; Blobs: 1.
	if calls := gitCalls(b); len(calls) != 4 {
		t.Errorf("%d git processes, want 4:\n%s", len(calls), b)
	}
	// Pins on commits that changed no page, one per page: one more, the
	// walk from HEAD that finds the site's commit of each.
	for i := range 8 {
		k := fmt.Sprint(i)
		r.Write("README", k)
		pin := r.Commit("outside " + k)
		r.Write("docs/fr/"+k+".md", withKey(strings.Replace(fr, "lang-ref: a", "lang-ref: "+k, 1), "source-commit", pin))
	}
	os.Remove(log)
	for _, p := range analyze(t, r.Dir).Pages {
		if p.BaselineSource != Recorded {
			t.Errorf("%s: baseline from %s, want recorded: %+v", p.Path, p.BaselineSource, p.BadBaseline)
		}
	}
	b, _ = os.ReadFile(log)
	if calls := gitCalls(b); len(calls) != 5 {
		t.Errorf("%d git processes, want 5:\n%s", len(calls), b)
	}
}

// TestRunCache checks that a run whose files and HEAD are those of the
// previous run answers from the cache without reading the history (the
// two git processes that open the repository, and no git log), and that
// a changed file or a new commit makes it read the history again, with
// the results of a run without cache.
func TestRunCache(t *testing.T) {
	r := newRepo(t)
	for i := range 4 {
		k := fmt.Sprint(i)
		r.Write("docs/en/"+k+".md", strings.Replace(en, "lang-ref: a", "lang-ref: "+k, 1),
			"docs/fr/"+k+".md", strings.Replace(fr, "lang-ref: a", "lang-ref: "+k, 1))
		r.Commit("add " + k)
	}
	r.Write("docs/en/0.md", strings.Replace(en, "lang-ref: a", "lang-ref: 0", 1)+"\nA new paragraph nobody translated.\n")
	r.Commit("more English")
	log := countGit(t)
	run := func(noCache bool) (*Result, []string) {
		t.Helper()
		os.Remove(log)
		s, err := site.Load(filepath.Join(r.Dir, "docs"))
		if err != nil {
			t.Fatal(err)
		}
		g := graph.Build(s)
		o := DefaultOptions(g)
		o.NoCache = noCache
		res, err := Analyze(g, o)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(log)
		var logs []string
		for _, c := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if strings.Contains(c, " log ") {
				logs = append(logs, c)
			}
		}
		return res, logs
	}
	same := func(step string, wantLog bool) {
		t.Helper()
		want, _ := run(true)
		got, logs := run(false)
		// Results are repeatable with the cache (keyed on the run), never
		// without.
		if !got.Repeatable || want.Repeatable {
			t.Errorf("%s: repeatable %t with the cache, %t without; want true, false", step, got.Repeatable, want.Repeatable)
		}
		got.Repeatable = want.Repeatable
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: results differ with the cache:\ngot  %+v\nwant %+v", step, got.Pages, want.Pages)
		}
		if (len(logs) > 0) != wantLog {
			t.Errorf("%s: git log runs: %q; want a run: %v", step, logs, wantLog)
		}
	}
	same("first run", true)
	if !page(t, mustRun(run), "fr/0.md").Stale {
		t.Fatal("fr/0.md is not stale; the test needs a stale page")
	}
	same("same files, same HEAD", false)
	r.Write("docs/fr/1.md", strings.Replace(fr, "lang-ref: a", "lang-ref: 1", 1)+"\nUn paragraphe de plus.\n")
	same("a translation edited", true)
	same("the edit, again", false)
	r.Write("docs/fr/0.md", strings.Replace(fr, "lang-ref: a", "lang-ref: 0", 1)+"\nUn nouveau paragraphe que personne n'a traduit.\n")
	r.Commit("translate the new paragraph")
	same("a new commit", true)
	if p := page(t, mustRun(run), "fr/0.md"); p.Stale {
		t.Errorf("fr/0.md is still stale after its translation was updated: %+v", p)
	}
}

func mustRun(run func(bool) (*Result, []string)) *Result {
	res, _ := run(false)
	return res
}

// countGit logs the git processes started from now on to the file it
// returns (gittest.LogCalls).
func countGit(t *testing.T) string { return gittest.LogCalls(t) }

// gitCalls returns the git command lines of a countGit log but git
// version, which history asks once per git binary (to know how to talk
// to git cat-file), not once per run or per page.
func gitCalls(log []byte) []string {
	var out []string
	for _, c := range strings.Split(strings.TrimSpace(string(log)), "\n") {
		if !strings.HasSuffix(c, " version") {
			out = append(out, c)
		}
	}
	return out
}
