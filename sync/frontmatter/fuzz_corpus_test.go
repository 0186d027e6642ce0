package frontmatter

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
)

// FuzzParseCorpus parses front matter seeded with the heads of DLSP20
// pages in every language (when the corpus is here), the site's broken
// ones included (a byte-order mark, lang: turkish). Properties: those of
// FuzzParse; ParseWith with Jekyll's rules reads what Parse reads; Parse
// is a function of the bytes (twice the same Doc); a usable Doc's fields
// are found again by Get, the last of a repeated key winning.
func FuzzParseCorpus(f *testing.F) {
	if _, err := testcorpus.Find(); err == nil && !testcorpus.FuzzWorker() {
		docs := filepath.Join(testcorpus.Shared(f), "docs")
		for _, p := range []string{"en/week01/01-1.md", "fr/week01/01-1.md", "zh/week02/02-1.md",
			"ko/week11/11.md", "tr/week07/07-1.md", "ja/week03/03-1.md", "index.md"} {
			if b, err := os.ReadFile(filepath.Join(docs, p)); err == nil {
				f.Add(b[:min(len(b), 600)])
			}
		}
	}
	f.Add([]byte("---\nlang: fr\nlang-ref: a\ntitle: \"Semaine 1 : intro\"\n---\nTexte\n"))
	f.Add([]byte("---\r\nlang: no\r\nlang-ref: [a, b]\r\n---\r\n"))
	f.Add([]byte("---\nlang-ref: a\nlang-ref: b\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkParse(t, src)
		d, again, jk := Parse(src), Parse(src), ParseWith(src, Jekyll)
		for _, o := range []*Doc{again, jk} {
			if o.Page != d.Page || len(o.Fields) != len(d.Fields) || (o.Problem == nil) != (d.Problem == nil) ||
				o.BodyLine != d.BodyLine || !bytes.Equal(o.Body, d.Body) {
				t.Fatalf("Parse and ParseWith(Jekyll) or a second Parse differ on %q", src)
			}
		}
		if !d.Usable() {
			return
		}
		last := map[string]Field{}
		for _, fl := range d.Fields {
			last[fl.Key] = fl
		}
		for k, fl := range last {
			if strings.Contains(k, ".") {
				continue // Get reads a dotted key as a path
			}
			got, ok := d.Get(k)
			if !ok || got.Value.Text != fl.Value.Text || got.Line != fl.Line {
				t.Fatalf("Get(%q) = %+v, %v; the field is %+v", k, got, ok, fl)
			}
		}
	})
}
