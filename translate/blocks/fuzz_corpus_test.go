package blocks

import (
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
)

// FuzzParseCorpus parses pages grown from the DLSP20 corpus's (when the
// corpus is here) and deeply nested ones. Properties: the block
// invariants (checkBlocks); Parse is deterministic; TooDeep names a line
// of the body on which a block starts, and 0 exactly when no line is
// nested past MaxPrefix outside code and comments.
func FuzzParseCorpus(f *testing.F) {
	if _, err := testcorpus.Find(); err == nil && !testcorpus.FuzzWorker() {
		for i, p := range corpusPages(f) {
			if i%7 == 0 { // a sample keeps the seed run short
				f.Add(p.body, p.firstLine)
			}
		}
	}
	var deep strings.Builder
	for i := range 80 {
		deep.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	f.Add([]byte(deep.String()), 5)
	f.Add([]byte(strings.Repeat("> ", 100)+"quote\n"+strings.Repeat("\t", 40)+"- x\n"), 1)
	f.Add([]byte("```\n"+strings.Repeat(" ", 300)+"code\n```\n"), 1)
	f.Fuzz(func(t *testing.T, body []byte, first int) {
		first = 1 + (first&0xffff+0xffff)%0xffff
		bs := Parse(body, first)
		checkBlocks(t, body, first, bs)
		again := Parse(body, first)
		if len(again) != len(bs) {
			t.Fatalf("Parse gave %d blocks, then %d", len(bs), len(again))
		}
		line := TooDeep(body, first)
		if line == 0 {
			return
		}
		found := false
		for _, b := range bs {
			found = found || b.Line == line
		}
		if !found {
			t.Fatalf("TooDeep says line %d, where no block starts", line)
		}
		if !tooDeep([]byte(strings.Split(string(body), "\n")[line-first])) {
			t.Fatalf("TooDeep says line %d, which is not nested that deep", line)
		}
	})
}
