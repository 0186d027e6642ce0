package stub

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/frontmatter"
)

// FuzzMake makes stubs of source pages, seeded with DLSP20 English pages
// when the corpus is here. Properties: Make refuses exactly the sources
// whose front matter Jekyll cannot read; a stub's front matter is usable,
// with the translation's lang and the source's lang-ref; a fresh stub,
// in either style, has nothing translated, and MayBeStub never rules out
// what Progress calls a stub; Make gives the same bytes twice.
func FuzzMake(f *testing.F) {
	if _, err := testcorpus.Find(); err == nil && !testcorpus.FuzzWorker() {
		en := filepath.Join(testcorpus.Shared(f), "docs", "en")
		for _, p := range []string{"week01/01-1.md", "week03/03-2.md", "week07/07-1.md", "week11/11-3.md"} {
			b, err := os.ReadFile(filepath.Join(en, p))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(head(b, 3000), true)
		}
	}
	f.Add([]byte("---\nlang-ref: a\nlang: en\ntitle: A\n---\n# A\n\nSome prose with enough words.\n\n```\ncode\n```\n"), true)
	f.Add([]byte("---\nlang-ref: b\n---\nA paragraph with a --> closer in it here.\n\n{% include x.html %}\n"), false)
	f.Add([]byte("no front matter\n"), true)
	f.Fuzz(func(t *testing.T, src []byte, comments bool) {
		o := Options{Lang: "fr", LangKey: "lang", Date: "1 Jan 2020", Style: Plain}
		if comments {
			o.Style = Comments
		}
		doc := frontmatter.Parse(src)
		r, err := Make(src, o)
		if err != nil {
			if !errors.Is(err, ErrNotAPage) || doc.Usable() {
				t.Fatalf("Make: %v for a source whose front matter is usable: %v", err, doc.Usable())
			}
			return
		}
		if !doc.Usable() {
			t.Fatalf("Make made a stub of a source whose front matter is not usable")
		}
		checkStub(t, src, doc, r.Src)
		again, _ := Make(src, o)
		if !bytes.Equal(again.Src, r.Src) {
			t.Fatalf("Make gave two different stubs")
		}
	})
}

func checkStub(t *testing.T, src []byte, doc *frontmatter.Doc, stub []byte) {
	t.Helper()
	sd := frontmatter.Parse(stub)
	if !sd.Usable() {
		t.Fatalf("the stub's front matter is not usable (%v):\n%s", sd.Problem, stub)
	}
	if v, ok := sd.Get("lang"); !ok || v.Value.Text != "fr" {
		t.Fatalf("the stub's lang is %q, want fr:\n%s", v.Value.Text, stub)
	}
	if want, ok := doc.Get("lang-ref"); ok && want.Value.Text != "" {
		if got, _ := sd.Get("lang-ref"); got.Value.Text != want.Value.Text {
			t.Fatalf("the stub's lang-ref is %q, the source's %q", got.Value.Text, want.Value.Text)
		}
	}
	done, total := Progress(src, stub)
	if done != 0 {
		t.Fatalf("a fresh stub has %d of %d blocks translated", done, total)
	}
	body, _ := frontmatter.SplitBody(stub)
	if IsStub(done, total) && !NewSource(src).MayBeStub(body) {
		t.Fatalf("Progress says stub (%d/%d), MayBeStub rules it out", done, total)
	}
}

// head returns b cut after the last blank line within its first n bytes:
// small inputs fuzz faster.
func head(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	for i := n; i > 1; i-- {
		if b[i-1] == '\n' && b[i-2] == '\n' {
			return b[:i]
		}
	}
	return b[:n]
}
