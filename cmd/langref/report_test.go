package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/langref/langref/internal/browser"
	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/report"
)

// langrefOK runs langref and fails the test unless it exits 0.
func langrefOK(t *testing.T, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, strings.NewReader(""), &stdout, &stderr, fakeEnv("LANG", "C")); code != 0 {
		t.Fatalf("langref %q: exit %d\n%s", args, code, &stderr)
	}
	return stdout.Bytes()
}

// TestReportMatchesStatus: on the DLSP20 corpus, every number of the
// report is the number `status --format json` gives.
func TestReportMatchesStatus(t *testing.T) {
	slow(t)
	root := filepath.Join(testcorpus.Clone(t), "docs")
	var st, rep map[string]any
	if err := json.Unmarshal(langrefOK(t, "--root", root, "status", "--format", "json"), &st); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(langrefOK(t, "--root", root, "report", "--format", "json"), &rep); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rep["status"], st) {
		t.Error("report --format json: its status differs from status --format json")
	}
	langs := st["languages"].([]any)
	if len(langs) != 15 {
		t.Fatalf("DLSP20 has %d translation languages, want 15", len(langs))
	}
	t.Run("html", func(t *testing.T) { htmlMatches(t, root, langs) })
	t.Run("csv", func(t *testing.T) { csvMatches(t, root, langs) })
	t.Run("badges", func(t *testing.T) { badgesMatch(t, root, langs) })
	hist, _ := rep["history"].(map[string]any)
	if hist == nil || len(hist["months"].([]any)) < 12 {
		t.Fatalf("the DLSP20 report should have years of history, got %v", hist)
	}
	t.Run("progress ends at status", func(t *testing.T) { progressEndsAtStatus(t, hist, langs) })
	t.Run("every check finding", func(t *testing.T) { everyFinding(t, root, rep) })
}

// progressEndsAtStatus: the last month of the progress chart counts, per
// language, status's translated pages as current and its translated and
// stale pages as existing.
func progressEndsAtStatus(t *testing.T, hist map[string]any, langs []any) {
	series := hist["languages"].(map[string]any)
	for _, l := range langs {
		m := l.(map[string]any)
		s, _ := series[m["lang"].(string)].(map[string]any)
		if s == nil {
			t.Errorf("%s: no progress series", m["lang"])
			continue
		}
		cur, tr := s["current"].([]any), s["translated"].([]any)
		gotCur, gotTr := cur[len(cur)-1].(float64), tr[len(tr)-1].(float64)
		wantCur, wantTr := m["translated"].(float64), m["translated"].(float64)+m["stale"].(float64)
		if gotCur != wantCur || gotTr != wantTr {
			t.Errorf("%s: the chart ends at %v current of %v, status says %v translated and %v stale",
				m["lang"], gotCur, gotTr, m["translated"], m["stale"])
		}
	}
}

// everyFinding: each finding of `check --format json` is in the report,
// with its line, message and hint, in the JSON and in the HTML.
func everyFinding(t *testing.T, root string, rep map[string]any) {
	var chk struct{ Findings []map[string]any }
	var stdout, stderr bytes.Buffer
	run([]string{"--root", root, "check", "--format", "json"}, strings.NewReader(""), &stdout, &stderr, fakeEnv("LANG", "C"))
	if err := json.Unmarshal(stdout.Bytes(), &chk); err != nil || len(chk.Findings) == 0 {
		t.Fatalf("check --format json: %v (%d findings)", err, len(chk.Findings))
	}
	key := func(f map[string]any) string {
		return fmt.Sprintf("%v:%v:%v %v %v | %v", f["path"], f["line"], f["column"], f["rule"], f["message"], f["hint"])
	}
	in := map[string]int{}
	for _, f := range rep["check"].([]any) {
		in[key(f.(map[string]any))]++
	}
	html := string(langrefOK(t, "--root", root, "report", "--format", "html"))
	for _, f := range chk.Findings {
		k := key(f)
		if in[k] == 0 {
			t.Errorf("the report lacks the finding %s", k)
			continue
		}
		in[k]--
		row := fmt.Sprintf(`data-rule="%s" data-path="%s" data-line="%v"`, f["rule"], f["path"], f["line"])
		if !strings.Contains(html, row) {
			t.Errorf("the HTML lacks the finding row %s", row)
		}
	}
	if n := len(rep["check"].([]any)); n != len(chk.Findings) {
		t.Errorf("the report has %d findings, check %d", n, len(chk.Findings))
	}
}

func htmlMatches(t *testing.T, root string, langs []any) {
	html := string(langrefOK(t, "--root", root, "report", "--format", "html"))
	re := regexp.MustCompile(`data-lang="([^"]+)" data-source-pages="(\d+)" data-coverage="([^"]+)"`)
	got := re.FindAllStringSubmatch(html, -1)
	if len(got) != len(langs) {
		t.Fatalf("%d language bars, want %d", len(got), len(langs))
	}
	for i, l := range langs {
		m := l.(map[string]any)
		cov, _ := strconv.ParseFloat(got[i][3], 64)
		if got[i][1] != m["lang"] || got[i][2] != fmt.Sprint(m["source_pages"]) || cov != m["coverage"] {
			t.Errorf("bar %d = %v, status says %v", i, got[i][1:], m)
		}
		for state, n := range m {
			if _, ok := n.(float64); !ok || state == "source_pages" || state == "coverage" {
				continue
			}
			attr := fmt.Sprintf(` data-%s="%d"`, state, int(n.(float64)))
			if !strings.Contains(got[i][0]+html[strings.Index(html, got[i][0])+len(got[i][0]):][:400], attr) {
				t.Errorf("%s: the bar lacks%s", m["lang"], attr)
			}
		}
	}
}

func csvMatches(t *testing.T, root string, langs []any) {
	recs, err := csv.NewReader(bytes.NewReader(langrefOK(t, "--root", root, "report", "--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := recs[0]
	for i, l := range langs {
		m := l.(map[string]any)
		for j, col := range head {
			want := fmt.Sprint(m[col])
			if col == "coverage" {
				want = strconv.FormatFloat(m[col].(float64), 'f', -1, 64)
			}
			if recs[i+1][j] != want {
				t.Errorf("csv %s %s = %s, status says %s", m["lang"], col, recs[i+1][j], want)
			}
		}
	}
}

func badgesMatch(t *testing.T, root string, langs []any) {
	dir := t.TempDir()
	langrefOK(t, "--root", root, "report", "--badges", dir)
	for _, l := range langs {
		m := l.(map[string]any)
		var ep struct{ Label, Message string }
		b, err := os.ReadFile(filepath.Join(dir, m["lang"].(string)+".json"))
		if err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(b, &ep)
		want := report.Percent(m["coverage"].(float64))
		if ep.Label != m["lang"] || ep.Message != want {
			t.Errorf("badge %v, want %s %s", ep, m["lang"], want)
		}
	}
}

// TestReportInBrowser opens the HTML reports of a small site and of the
// DLSP20 corpus in headless Chromium: the heat map renders, the script
// runs without errors, and a screenshot is taken.
// LANGREF_UPDATE_SCREENSHOT=1 saves DLSP20's to docs/report-dlsp20.png.
func TestReportInBrowser(t *testing.T) {
	slow(t)
	b := browser.New(t)
	t.Run("small site", func(t *testing.T) {
		root := testfs.Dir(t, map[string]string{
			"_config.yml": "title: Docs\nchapters:\n  - path: en/a.md\n    sections:\n      - path: en/b.md\n",
			"en/a.md":     "---\nlang-ref: a\ntitle: Alpha\n---\n",
			"en/b.md":     "---\nlang-ref: b\ntitle: Beta\n---\n",
			"fr/a.md":     "---\nlang: fr\nlang-ref: a\ntranslator: Ana\n---\n",
			"fr/x.md":     "---\nlang: fr\nlang-ref: x\n---\n",
		})
		out := filepath.Join(t.TempDir(), "report.html")
		langrefOK(t, "--root", root, "report", "-o", out)
		rendered(t, b, out, 3)
		b.Screenshot(out, filepath.Join(t.TempDir(), "small.png"), 1200)
	})
	t.Run("DLSP20", func(t *testing.T) {
		root := filepath.Join(testcorpus.Clone(t), "docs")
		out := filepath.Join(t.TempDir(), "report.html")
		langrefOK(t, "--root", root, "report", "--diffs", "-o", out)
		dom := rendered(t, b, out, 60)
		if n := strings.Count(dom, `<details class="diff" id="diff-`); n < 50 {
			t.Errorf("--diffs embedded %d diffs of stale pages, want dozens", n)
		}
		interact(t, b, out)
		png := filepath.Join(t.TempDir(), "dlsp20.png")
		if os.Getenv("LANGREF_UPDATE_SCREENSHOT") == "1" {
			png = filepath.Join("..", "..", "docs", "report-dlsp20.png")
		}
		if size := b.Screenshot(out, png, 2000); size > 500<<10 {
			t.Errorf("the screenshot is %d KB, keep it under 500 KB", size>>10)
		}
	})
}

// rendered checks that the page's script ran and its heat map has rows,
// and returns the DOM.
func rendered(t *testing.T, b *browser.Browser, file string, rows int) string {
	t.Helper()
	dom := b.DOM(file)
	if !strings.Contains(dom, `data-ready="1"`) {
		t.Errorf("%s: the report's script did not finish", file)
	}
	if !strings.Contains(dom, `<table class="hm">`) {
		t.Fatalf("%s: no heat map in the DOM", file)
	}
	if got := strings.Count(dom, `<tr data-i="`); got != rows {
		t.Errorf("%s: %d heat map rows, want %d", file, got, rows)
	}
	return dom
}

// probe hovers over and clicks the first stale cell of a report, follows
// the panel's diff link, and records what it saw on <body>.
const probe = `<script>(function(){
var td=document.querySelector("td.k2"),p=document.getElementById("panel");
td.dispatchEvent(new MouseEvent("mouseover",{bubbles:true}));td.click();
document.body.setAttribute("data-tip",td.title);
var a=p.querySelector("a.go");if(a){a.click();
document.body.setAttribute("data-open",String(document.getElementById(a.getAttribute("data-id")).open))}
})()</script></body>`

// interact checks the tooltip, the cell panel and its link to an embedded
// diff, on a copy of the report with a probe script.
func interact(t *testing.T, b *browser.Browser, file string) {
	t.Helper()
	html, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	probed := filepath.Join(t.TempDir(), "probed.html")
	if err := os.WriteFile(probed, bytes.Replace(html, []byte("</body>"), []byte(probe), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := b.DOM(probed)
	if !regexp.MustCompile(`data-tip="\w+ · stale\ntranslation: docs/`).MatchString(dom) {
		t.Errorf("no tooltip on a stale cell: %.300s", dom[strings.Index(dom, "<body"):])
	}
	if !strings.Contains(dom, `data-open="true"`) {
		t.Error("the panel's diff link did not open the embedded diff")
	}
}
