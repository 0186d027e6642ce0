package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/langref/langref/internal/browser"
	"github.com/langref/langref/locales"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the actual output")

// english renders labels as `langref report` does for an English reader.
func english() Labels {
	p := locales.New("en")
	return func(id string, data map[string]any) string {
		if n, ok := data["Count"].(int); ok {
			return p.N(id, n, data)
		}
		if data == nil {
			return p.T(id)
		}
		return p.T(id, data)
	}
}

// fixture is a report of testdata/status.json: a status report with every
// state, minor drift and baselines, as status prints them with staleness.
func fixture(t testing.TB) *Report {
	t.Helper()
	raw, err := os.ReadFile("testdata/status.json")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Assemble(Input{
		Status: raw,
		Sources: []Source{
			{Key: "home", Path: "docs/index.md", Title: "Home", Chapter: "docs/index.md"},
			{Key: "a", Path: "docs/en/a.md", Title: "Alpha", Chapter: "docs/en/a.md"},
			{Key: "b", Path: "docs/en/b.md", Title: "Beta", Chapter: "docs/en/a.md"},
			{Key: "c", Path: "docs/en/c.md", Title: "Gamma"},
		},
		Translators: map[string]string{"docs/fr/index.md": "Loïck", "docs/fr/a.md": "Loïck", "docs/fr/b.md": "LOÏCK (🦊)",
			"docs/ja/home.md": "Shiro"},
		Findings: []Finding{
			{Rule: "orphan-ref", Severity: "error", Path: "docs/fr/old.md", Line: 3, Column: 1, Message: "no source page has lang-ref old", Hint: "fix the key", Lang: "fr"},
			{Rule: "lang-mismatch", Severity: "error", Path: "docs/ja/b.md", Line: 2, Column: 7, Message: "lang says fr", Hint: "use ja", Lang: "ja"},
			{Rule: "nav-unlisted", Severity: "warning", Path: "docs/en/c.md", Line: 1, Column: 1, Message: "not in the navigation", Lang: "en"},
		},
		Words:  map[CellKey]int{{"b", "fr"}: 13, {"c", "fr"}: 120},
		Remote: "git@github.com:owner/site.git", FullCommit: "0123456789abcdef0123",
		Activity:       map[string]time.Time{"fr": time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), "ja": time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)},
		InactiveMonths: 12,
		Commit:         "0123456789ab", Date: "2025-05-30",
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestGolden(t *testing.T) {
	r := fixture(t)
	t.Run("markdown", func(t *testing.T) {
		var b bytes.Buffer
		if err := Markdown(&b, r, english()); err != nil {
			t.Fatal(err)
		}
		golden(t, "report.md.golden", b.Bytes())
	})
	t.Run("csv", func(t *testing.T) {
		var b bytes.Buffer
		if err := CSV(&b, r); err != nil {
			t.Fatal(err)
		}
		golden(t, "report.csv.golden", b.Bytes())
	})
	t.Run("badges", func(t *testing.T) {
		files, err := Badges(r)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names)
		var b bytes.Buffer
		for _, n := range names {
			fmt.Fprintf(&b, "-- %s --\n%s", n, files[n])
		}
		golden(t, "badges.golden", b.Bytes())
	})
}

func TestAssemble(t *testing.T) {
	r := fixture(t)
	if got, want := strings.Join(r.States, " "), "translated stale stub missing broken orphan"; got != want {
		t.Errorf("states = %q, want %q", got, want)
	}
	if got, want := strings.Join(r.Classes(), " "), "translated minor stale stub missing broken orphan"; got != want {
		t.Errorf("classes = %q, want %q", got, want)
	}
	fr := r.Langs[0]
	if fr.Counts["translated"] != 2 || fr.Classes["translated"] != 1 || fr.Classes["minor"] != 1 || fr.Cells != 5 {
		t.Errorf("fr = %+v", fr)
	}
	if len(r.Stale) != 1 || r.Stale[0].Path != "docs/fr/b.md" || r.Stale[0].Behind != 4 || r.Stale[0].Words != 13 ||
		r.Stale[0].URL != "https://github.com/owner/site/blob/0123456789abcdef0123/docs/fr/b.md" {
		t.Errorf("stale = %+v", r.Stale)
	}
	if fr.WordsOutdated != 13 || fr.Words() != 13+fr.WordsMissing {
		t.Errorf("fr words: %d missing, %d outdated", fr.WordsMissing, fr.WordsOutdated)
	}
	if a := r.Activity; len(a) < 2 || a[0].Last != "2025-05-01" || a[0].Inactive || !a[1].Inactive {
		t.Errorf("activity = %+v", a)
	}
	var kinds []string
	for _, g := range r.Groups {
		kinds = append(kinds, fmt.Sprintf("%s:%d", g.Kind, len(g.Rows)))
	}
	if got, want := strings.Join(kinds, " "), "chapter:1 chapter:2 unlisted:1 orphans:1"; got != want {
		t.Errorf("groups = %q, want %q", got, want)
	}
	if len(r.Translators) != 2 || r.Translators[0].Name != "Loïck" || r.Translators[0].Pages != 3 ||
		strings.Join(r.Translators[0].Aliases, ",") != "LOÏCK (🦊)" {
		t.Errorf("translators = %+v", r.Translators)
	}
	if r.Findings[0].Rule != "lang-mismatch" || r.Findings[2].Severity != "warning" {
		t.Errorf("findings = %+v", r.Findings)
	}
}

func TestHTML(t *testing.T) {
	var b bytes.Buffer
	if err := HTML(&b, fixture(t), english()); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, want := range []string{
		`<table class="hm">`, `data-lang="fr" data-source-pages="4" data-coverage="0.5"`,
		`<td class=k1>≈`, `<td class=k2>!`, `<td class=k3>◔`, `prefers-color-scheme:dark`, `@media print`,
		`<code>docs/fr/b.md</code>`, `<b>Loïck</b>`, `"4/10"`,
		`<tr data-lang="fr" data-rule="orphan-ref" data-path="docs/fr/old.md" data-line="3"><td><code>docs/fr/old.md:3:1</code>`,
		`no source page has lang-ref old<br><small class="hint">fix the key</small>`,
		`<a href="https://github.com/owner/site/blob/0123456789abcdef0123/docs/fr/b.md"><code>docs/fr/b.md</code></a>`,
		`<option>lang-mismatch</option>`, `no translation commit for 12 months`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
	// Links to the files on the host are for the reader to follow; the
	// page itself fetches nothing.
	local := regexp.MustCompile(`<a href="https://github.com/owner/site/[^"]*">`).ReplaceAllString(html, "")
	for _, bad := range []string{"http://", "https://", "<link", ` src=`, "@import", "url(http"} {
		if strings.Contains(local, bad) {
			t.Errorf("the HTML is not self-contained: it has %q", bad)
		}
	}
}

// TestShallowBanner: a shallow clone's report says so, in HTML and
// Markdown; a full clone's does not.
func TestShallowBanner(t *testing.T) {
	for _, shallow := range []bool{true, false} {
		r := fixture(t)
		r.Shallow = shallow
		var h, m bytes.Buffer
		if err := HTML(&h, r, english()); err != nil {
			t.Fatal(err)
		}
		if err := Markdown(&m, r, english()); err != nil {
			t.Fatal(err)
		}
		for name, out := range map[string]string{"HTML": h.String(), "Markdown": m.String()} {
			if got := strings.Contains(out, "git fetch --unshallow"); got != shallow {
				t.Errorf("%s, shallow=%v: banner shown=%v", name, shallow, got)
			}
		}
	}
}

// TestStaleRowsReachable: past StaleRows, the stale pages are in the
// page's data, and a button adds them.
func TestStaleRowsReachable(t *testing.T) {
	r := fixture(t)
	for i := 0; i < StaleRows+5; i++ {
		r.Stale = append(r.Stale, StalePage{Lang: "fr", Path: fmt.Sprintf("docs/fr/p%03d.md", i), Behind: 1, Words: 2})
	}
	var b bytes.Buffer
	if err := HTML(&b, r, english()); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	if got := strings.Count(html, `<tr data-lang="fr"><td>fr</td>`); got != StaleRows {
		t.Errorf("%d stale rows in the page, want %d", got, StaleRows)
	}
	for _, want := range []string{`id="stale-more">Show the other 6 stale pages</button>`, `["fr","docs/fr/p204.md",1,2,""]`} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
	t.Run("in a browser, the button adds them", func(t *testing.T) {
		b := browser.New(t)
		file := filepath.Join(t.TempDir(), "r.html")
		click := `<script>document.getElementById("stale-more").click()</script></body>`
		if err := os.WriteFile(file, []byte(strings.Replace(html, "</body>", click, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		dom := b.DOM(file)
		if got := strings.Count(dom, `<tr data-lang="fr"><td>fr</td>`); got != StaleRows+5+1 {
			t.Errorf("%d stale rows after the click, want %d", got, StaleRows+5+1)
		}
	})
}
