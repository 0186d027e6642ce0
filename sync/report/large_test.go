package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/langref/langref/internal/browser"
)

// synthetic returns the input of a site with n source pages in chapters of
// 20 and the given languages, each in a mix of states, most translated by
// one of a few hundred people.
func synthetic(t testing.TB, n int, langs []string) Input {
	t.Helper()
	var in Input
	in.Translators = map[string]string{}
	var pages []map[string]any
	var summaries []map[string]any
	for li, lang := range langs {
		counts := map[string]int{}
		for i := 0; i < n; i++ {
			src := fmt.Sprintf("docs/en/part%03d/page%05d.md", i/20, i)
			p := map[string]any{"key": fmt.Sprintf("p%05d", i), "lang": lang, "source_path": src, "path": ""}
			switch h := (i*7 + li*13) % 100; {
			case h < 60-li*3:
				p["state"] = "translated"
			case h < 70-li*3:
				p["state"], p["english_commits_since"], p["baseline"] = "stale", h%9, "abcdef012345"
				p["changes"] = []map[string]any{{"class": "content", "kind": "changed", "text": "x"}}
			case h < 72:
				p["state"], p["reason"] = "broken", "wrong-lang"
			default:
				p["state"] = "missing"
			}
			if p["state"] != "missing" {
				p["path"] = fmt.Sprintf("docs/%s/part%03d/page%05d.md", lang, i/20, i)
				in.Translators[p["path"].(string)] = fmt.Sprintf("Translator %d", (i/50+li)%300)
			}
			counts[p["state"].(string)]++
			pages = append(pages, p)
		}
		summaries = append(summaries, map[string]any{"lang": lang, "source_pages": n, "translated": counts["translated"],
			"stale": counts["stale"], "missing": counts["missing"], "orphan": 0, "broken": counts["broken"],
			"coverage": float64(counts["translated"]) / float64(n)})
	}
	for i := 0; i < n; i++ {
		src := fmt.Sprintf("docs/en/part%03d/page%05d.md", i/20, i)
		ch := fmt.Sprintf("docs/en/part%03d/page%05d.md", i/20, i/20*20)
		in.Sources = append(in.Sources, Source{Key: fmt.Sprintf("p%05d", i), Path: src, Chapter: ch,
			Title: fmt.Sprintf("Page %d: a title of ordinary length for a docs page", i)})
	}
	raw, err := json.Marshal(map[string]any{"source": "en", "root": "docs", "languages": summaries, "pages": pages})
	if err != nil {
		t.Fatal(err)
	}
	in.Status = raw
	return in
}

var fifteen = []string{"ar", "bn", "es", "fa", "fr", "hu", "it", "ja", "ko", "pt", "ru", "sr", "tr", "vi", "zh"}

// TestLargeSite: the HTML report of a 20,000-page site in 15 languages
// stays under 20 MB. LANGREF_LARGE_REPORT=FILE keeps it, to open in a
// browser.
func TestLargeSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 300,000-cell report")
	}
	r, err := Assemble(synthetic(t, 20000, fifteen))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := HTML(&b, r, english()); err != nil {
		t.Fatal(err)
	}
	t.Logf("HTML report of 20,000 pages × 15 languages: %.1f MB", float64(b.Len())/1e6)
	if b.Len() >= 20<<20 {
		t.Errorf("the report is %d bytes, over 20 MB", b.Len())
	}
	if !bytes.Contains(b.Bytes(), []byte(`<tbody class="grp folded"`)) {
		t.Error("a large report should start with its chapters folded")
	}
	if f := os.Getenv("LANGREF_LARGE_REPORT"); f != "" {
		if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLargeSiteInBrowser opens the 20,000-page report in headless
// Chromium: its script must finish. How long it takes is logged, not
// tested: a busy CI machine made a time limit flaky.
func TestLargeSiteInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 300,000-cell report")
	}
	b := browser.New(t)
	r, err := Assemble(synthetic(t, 20000, fifteen))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := HTML(&buf, r, english()); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "large.html")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	dom := b.DOM(file)
	took := time.Since(start)
	t.Logf("Chromium loaded the 20,000-page report and ran its script in %v", took.Round(time.Millisecond))
	if !strings.Contains(dom, `data-ready="1"`) {
		t.Error("the report's script did not finish")
	}
}
