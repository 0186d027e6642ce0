package stub

import (
	"testing"

	"github.com/langref/langref/sync/frontmatter"
)

// TestProgressAgreesWithMayBeStub: for English pages whose lines the
// quick test reads otherwise than Progress reads their blocks, a fresh
// stub that Progress calls a stub is never ruled out by MayBeStub (the
// property FuzzMake checks; the first case is what it found).
func TestProgressAgreesWithMayBeStub(t *testing.T) {
	tests := []struct{ name, body string }{
		{"a word that starts with a digit", "0A A A A"},
		{"words with accents", "café crème brûlée déjà vu"},
		{"one word a line", "A\nA\nA\nA\n"},
		{"more code than prose", "A A A A x=1 y=2 z=3 w=4\n"},
		{"a dollar sign before", "It costs $5.\n\nA A A A A\n"},
		{"plain prose", "Some prose with enough words in it.\n"},
	}
	for _, tt := range tests {
		for _, style := range []Style{Plain, Comments} {
			t.Run(tt.name, func(t *testing.T) {
				src := []byte("---\nlang-ref: a\n---\n" + tt.body)
				r, err := Make(src, Options{Lang: "fr", LangKey: "lang", Date: "1 Jan 2020", Style: style})
				if err != nil {
					t.Fatal(err)
				}
				done, total := Progress(src, r.Src)
				body, _ := frontmatter.SplitBody(r.Src)
				if IsStub(done, total) && !NewSource(src).MayBeStub(body) {
					t.Errorf("Progress says stub (%d/%d), MayBeStub rules it out:\n%s", done, total, r.Src)
				}
			})
		}
	}
}
