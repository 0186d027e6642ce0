package stale

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/translate/blocks"
)

// TestSourceItemsOncePerPageAndContents: the structure of a source page
// is made once for each distinct contents of that page, whatever memory
// holds them, and is items' structure; another page with the same
// contents has its own, as its relative links resolve from its own path.
func TestSourceItemsOncePerPageAndContents(t *testing.T) {
	a := &analysis{srcItems: map[*site.File]map[string]map[Aspect][]elem{}}
	tree := func(p string) string { _, rest, _ := strings.Cut(p, "/"); return rest }
	src := []byte("# A\n\nSee [the other page](b.md).\n\n```\ncode\n```\n")
	bs := blocks.Parse(src, 1)
	f, g := &site.File{Path: "en/a.md"}, &site.File{Path: "en/sub/a.md"}
	sdF := Sides{SrcLang: "en", Lang: "fr", SrcPath: "en/a.md", Path: "fr/a.md", Tree: tree}
	sdG := Sides{SrcLang: "en", Lang: "fr", SrcPath: "en/sub/a.md", Path: "fr/sub/a.md", Tree: tree}

	x := a.sourceItems(f, src, bs, sdF)
	if want := items(bs, sdF.source()); !reflect.DeepEqual(x, want) {
		t.Fatalf("sourceItems = %v, want items' %v", x, want)
	}
	if y := a.sourceItems(f, bytes.Clone(src), bs, sdF); reflect.ValueOf(y).Pointer() != reflect.ValueOf(x).Pointer() {
		t.Errorf("the same contents of the same page were made again")
	}
	z := a.sourceItems(g, src, bs, sdG)
	if want := items(bs, sdG.source()); !reflect.DeepEqual(z, want) {
		t.Fatalf("sourceItems of the other page = %v, want items' %v", z, want)
	}
	if reflect.DeepEqual(z[Links], x[Links]) {
		t.Errorf("the two pages' links resolve alike (%v): the second page got the first's structure", x[Links])
	}
}

// TestKeptSourceSamePageOnce: a source page the same then and now gives
// the kept changes it gives written twice (then and now), for kept text
// that is in the page, across two of its blocks, changed, or a block of
// its own.
func TestKeptSourceSamePageOnce(t *testing.T) {
	src := []byte("# Gradient descent\n\nWe follow the gradient downhill until the loss stops falling at all.\n\n" +
		"The learning rate sets how far each step goes along the negative gradient.\n\n- one item of a list that is long enough\n")
	tr := []byte("<!--\nWe follow the gradient downhill until the loss stops falling at all.\n-->\nNous suivons.\n\n" +
		"<!--\nWe follow the gradient downhill until the loss stops falling.\nThe learning rate sets how far each step goes along the negative gradient.\n-->\nLe pas.\n\n" +
		"<!--\nThe learning rate sets how far each step goes along the gradient, downhill.\n-->\nLe taux.\n\n" +
		"<!--\nall. The learning rate sets how far each step goes\n-->\nx\n\n" +
		"<!--\nA paragraph that the source page never had, at any time at all.\n-->\nUn autre.\n")
	bs := blocks.Parse(src, 1)
	once := keptChanges(tr, newKeptSource(bs, bs, true))
	twice := keptChanges(tr, newKeptSource(bs, bs, false))
	if len(once) == 0 {
		t.Fatalf("no kept change: the test shows nothing")
	}
	if !reflect.DeepEqual(once, twice) {
		t.Errorf("kept changes with the page written once:\n%+v\nwritten twice:\n%+v", once, twice)
	}
}
