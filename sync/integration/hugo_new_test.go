package integration_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/create"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/plan"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/status"
	"github.com/langref/langref/translate/stub"
)

// TestHugoNewOnGlossary starts every missing French page of the CNCF
// glossary: each stub goes to content/fr/, records the English commit
// under default_lang_commit, writes no lang, translator or
// translation-date key (the glossary's pages have none), edits no other
// file, and reads back as a stub.
func TestHugoNewOnGlossary(t *testing.T) {
	root := testcorpus.CloneBundle(t, testcorpus.Glossary)
	s, err := site.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	r, err := create.Build(s, create.Options{Lang: "fr", Missing: true, Today: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), Style: stub.Comments})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Pages) == 0 || len(r.Plan.Writes) != len(r.Pages) || len(r.Nav) != 0 {
		t.Fatalf("%d stubs, %d writes, nav %v: want one write a stub, no navigation", len(r.Pages), len(r.Plan.Writes), r.Nav)
	}
	commit := regexp.MustCompile(`(?m)^default_lang_commit: [0-9a-f]{40}$`)
	for _, w := range r.Plan.Writes {
		src := string(w.New)
		if !strings.HasPrefix(w.Path, "content/fr/") || !commit.MatchString(src) ||
			regexp.MustCompile(`(?m)^(lang|translator|translation-date):`).MatchString(src) {
			t.Errorf("%s:\n%.300s", w.Path, src)
		}
	}
	if _, err := r.Plan.Apply(plan.Options{}); err != nil {
		t.Fatal(err)
	}
	s, err = site.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(s)
	stubs, err := status.DetectStubs(g)
	if err != nil {
		t.Fatal(err)
	}
	written := map[string]bool{}
	for _, p := range r.Pages {
		written[p.Path] = true
	}
	n := 0
	for p := range stubs {
		if written[p.Path()] {
			n++
		}
	}
	if n != len(r.Pages) {
		t.Errorf("%d French stubs read back, want the %d written", n, len(r.Pages))
	}
	t.Logf("%d stubs", len(r.Pages))
}
