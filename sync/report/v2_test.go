package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/langref/langref/internal/gittest"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/translate/change"
)

func TestWebURL(t *testing.T) {
	tests := []struct{ name, remote, web, kind, file string }{
		{"github ssh", "git@github.com:atcold/NYU-DLSP20.git", "https://github.com/atcold/NYU-DLSP20", "github",
			"https://github.com/atcold/NYU-DLSP20/blob/abc/docs/fr/a.md"},
		{"github https", "https://github.com/atcold/NYU-DLSP20", "https://github.com/atcold/NYU-DLSP20", "github",
			"https://github.com/atcold/NYU-DLSP20/blob/abc/docs/fr/a.md"},
		{"gitlab subgroup", "https://gitlab.com/group/sub/site.git", "https://gitlab.com/group/sub/site", "gitlab",
			"https://gitlab.com/group/sub/site/-/blob/abc/docs/fr/a.md"},
		{"gitea ssh url", "ssh://git@codeberg.org/me/site.git", "https://codeberg.org/me/site", "gitea",
			"https://codeberg.org/me/site/src/commit/abc/docs/fr/a.md"},
		{"credentials dropped", "https://user:token@github.com/o/r.git", "https://github.com/o/r", "github",
			"https://github.com/o/r/blob/abc/docs/fr/a.md"},
		{"local path", "/srv/git/site.git", "", "", ""},
		{"no remote", "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			web, kind := WebURL(tt.remote)
			if web != tt.web || kind != tt.kind {
				t.Errorf("WebURL = %q %q, want %q %q", web, kind, tt.web, tt.kind)
			}
			if got := FileURL(web, kind, "abc", "docs/fr/a.md"); got != tt.file {
				t.Errorf("FileURL = %q, want %q", got, tt.file)
			}
		})
	}
}

func TestMergeTranslators(t *testing.T) {
	in := []Translator{
		{Name: "Jonathan Sum", Pages: 10, Langs: map[string]int{"zh": 10}},
		{Name: "Jonathan Sum(😊🍩📙)", Pages: 5, Langs: map[string]int{"zh": 5}},
		{Name: "jonathan sum", Pages: 1, Langs: map[string]int{"zh": 1}},
		{Name: "jsum", Pages: 2, Langs: map[string]int{"zh": 2}},
		{Name: "Ana", Pages: 3, Langs: map[string]int{"fr": 3}},
		{Name: `<a href="https://ana.example">Ana</a>`, Pages: 1, Langs: map[string]int{"fr": 1}},
	}
	got := mergeTranslators(in, map[string]string{"jsum": "Jonathan Sum"})
	if len(got) != 2 || got[0].Name != "Jonathan Sum" || got[0].Pages != 18 || got[1].Name != "Ana" || got[1].Pages != 4 {
		t.Fatalf("merged = %+v", got)
	}
	if a := strings.Join(got[0].Aliases, ", "); a != "Jonathan Sum(😊🍩📙), jonathan sum, jsum" {
		t.Errorf("aliases = %q", a)
	}
}

func TestPercent(t *testing.T) {
	for f, want := range map[float64]string{0: "0.0%", 1: "100.0%", 0.9999: "99.9%", 53.0 / 59: "89.8%", 0.5: "50.0%", 1.0 / 3: "33.3%"} {
		if got := Percent(f); got != want {
			t.Errorf("Percent(%v) = %s, want %s", f, got, want)
		}
	}
}

func TestFolderGroups(t *testing.T) {
	raw := []byte(`{"source":"en","root":".","languages":[{"lang":"fr","source_pages":3}],"pages":[]}`)
	r, err := Assemble(Input{Status: raw, Sources: []Source{
		{Key: "a", Path: "en/guide/a.md", Chapter: "folder:en/guide", Folder: "en/guide"},
		{Key: "b", Path: "en/ref/b.md", Chapter: "folder:en/ref", Folder: "en/ref"},
		{Key: "c", Path: "en/guide/c.md", Chapter: "folder:en/guide", Folder: "en/guide"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range r.Groups {
		got = append(got, g.Kind+":"+g.Title+":"+string(rune('0'+len(g.Rows))))
	}
	if s := strings.Join(got, " "); s != "folder:en/guide:2 folder:en/ref:1" {
		t.Errorf("groups = %s", s)
	}
}

// TestProgressStaleness: a translation is current until its source page
// changes in a way a reader sees; a typo fix leaves it current; the
// translation's next commit makes it current again; the last month is
// status's verdict.
func TestProgressStaleness(t *testing.T) {
	r := gittest.New(t)
	r.Tick = 0
	write := func(month int, files ...string) {
		r.Write(files...)
		r.Tick = month * 24 * 31 // one month per step (Tick is in hours)
		r.Commit("step")
	}
	src := "---\nlang-ref: a\n---\nThe model learns a function from data.\n"
	write(0, "en/a.md", src, "fr/a.md", "---\nlang: fr\nlang-ref: a\n---\nLe modèle apprend.\n")
	write(1, "en/a.md", strings.Replace(src, "learns", "lerns", 1))
	write(2, "en/a.md", strings.Replace(src, "learns", "learns, in many steps,", 1))
	write(3, "fr/a.md", "---\nlang: fr\nlang-ref: a\n---\nLe modèle apprend, en plusieurs étapes.\n")
	write(4, "en/b.md", "---\nlang-ref: b\n---\nOther.\n")
	repo, err := history.Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	h, err := repo.Load()
	if err != nil {
		t.Fatal(err)
	}
	pairs := []Pair{{Lang: "fr", Path: "fr/a.md", SourcePath: "en/a.md", Stale: false}}
	p := ComputeProgress(h, pairs, ProgressOptions{Blobs: repo.EachBlob, StaleOn: change.Verbatim})
	cur, tr := p.Langs["fr"].Current, p.Langs["fr"].Translated
	// One commit a month: created, typo fix, content change, translated
	// again, another page.
	if got := fmt.Sprint(cur, tr); got != "[1 1 0 1 1] [1 1 1 1 1]" {
		t.Errorf("current, translated by month = %s, want [1 1 0 1 1] [1 1 1 1 1] (months %v)", got, p.Months)
	}
	last := len(cur) - 1
	if tr[0] != 1 || cur[0] != 1 {
		t.Errorf("month 1: %d current of %d, want 1 of 1", cur[0], tr[0])
	}
	// The month of the content change, before the translation caught up.
	stale := false
	for m := range cur {
		if m < last && tr[m] == 1 && cur[m] == 0 {
			stale = true
		}
	}
	if !stale {
		t.Errorf("no month shows the translation stale after its source's content change: %v", cur)
	}
	if cur[last] != 1 || tr[last] != 1 {
		t.Errorf("the last month is %d of %d, status says current: 1 of 1", cur[last], tr[last])
	}
}
