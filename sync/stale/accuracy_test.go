package stale

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// labelsFile holds blind human labels of DLSP20 translations, stale or
// current, made by reading the git history and never langref's output
// (see GUIDE.md beside it).
const labelsFile = "testdata/labels/dlsp20.tsv"

// The least precision and recall of the stale flag against the labels.
const (
	minPrecision = 0.90
	minRecall    = 0.95
)

// label is one labelled translation.
type label struct {
	path  string // relative to the repository, docs/fr/...
	stale bool
	notes string
}

// readLabels reads the labels file: a header row, then one tab-separated
// row per translation (translation, label, baseline, kinds, evidence,
// incomplete, notes).
func readLabels(t *testing.T) []label {
	t.Helper()
	f, err := os.Open(labelsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []label
	s := bufio.NewScanner(f)
	s.Buffer(nil, 1<<20)
	for n := 1; s.Scan(); n++ {
		cols := strings.Split(s.Text(), "\t")
		if n == 1 || strings.TrimSpace(s.Text()) == "" {
			continue
		}
		if len(cols) < 2 || (cols[1] != "stale" && cols[1] != "current") {
			t.Fatalf("%s:%d: want translation, stale|current, ...; got %q", labelsFile, n, s.Text())
		}
		l := label{path: cols[0], stale: cols[1] == "stale"}
		if len(cols) >= 7 {
			l.notes = cols[6]
		}
		out = append(out, l)
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAccuracy measures the stale flag, as status computes it, against
// the labels on the DLSP20 corpus, and logs every page where they differ
// with its block states.
func TestAccuracy(t *testing.T) {
	labels := readLabels(t)
	dir := testcorpus.Clone(t)
	s, err := site.LoadLean(filepath.Join(dir, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(s)
	o := DefaultOptions(g)
	o.NoCache, o.Release = true, true
	res, err := Analyze(g, o)
	if err != nil {
		t.Fatal(err)
	}
	var tp, fp, fn, tn int
	for _, l := range labels {
		p := res.Page(strings.TrimPrefix(l.path, "docs/"))
		if p == nil {
			// A labelled file that langref does not pair as a translated
			// page (broken front matter, say) has no stale flag to measure.
			t.Logf("SKIP %s: labelled %s, but not a translated page for langref", l.path, word(l.stale))
			continue
		}
		switch {
		case p.Stale && l.stale:
			tp++
		case p.Stale:
			fp++
		case l.stale:
			fn++
		default:
			tn++
		}
		if p.Stale != l.stale {
			t.Logf("MISS %s: labelled %s, langref says stale=%v (baseline %.7s %s, suspect %v)\n  note: %s\n  blocks:\n%s",
				l.path, word(l.stale), p.Stale, p.Baseline, p.BaselineSource, p.Suspect, l.notes, blockLog(p))
		}
	}
	precision, recall := ratio(tp, tp+fp), ratio(tp, tp+fn)
	t.Logf("%d labels: %d stale found, %d current found, %d false stale, %d stale missed: precision %.2f, recall %.2f",
		len(labels), tp, tn, fp, fn, precision, recall)
	if precision < minPrecision || recall < minRecall {
		t.Errorf("precision %.2f (want %.2f or more), recall %.2f (want %.2f or more)", precision, minPrecision, recall, minRecall)
	}
}

func word(stale bool) string {
	if stale {
		return "stale"
	}
	return "current"
}

// ratio is a/b, or 1 when b is 0 (nothing to get wrong).
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// blockLog describes the changes of p, one per line.
func blockLog(p *Page) string {
	var b strings.Builder
	for _, c := range p.Changes {
		b.WriteString("    ")
		b.WriteString(strings.Join([]string{c.Kind, c.Class.String(), string(c.State), string(c.Evidence), short7(c.Commit)}, " "))
		b.WriteString(" en:" + itoa(c.Line) + " old:" + itoa(c.OldLine) + " tr:" + itoa(c.TrLine) + " " + c.Alignment + " | " + c.Text + "\n")
	}
	return b.String()
}

func short7(h string) string { return h[:min(len(h), 7)] }

func itoa(n int) string { return strconv.Itoa(n) }
