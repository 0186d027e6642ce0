package stub

import (
	"slices"
	"strings"
	"testing"
)

// TestSourceOnlyKeys: the keys only a source page carries are left out of
// the stub with their nested lines, and reported in the source's order.
func TestSourceOnlyKeys(t *testing.T) {
	src := "---\nlang-ref: b\npermalink: /b/\ntitle: B\nredirect_from:\n  - /old/\n  - /older/\nURL: /u/\n---\nText.\n"
	tests := []struct {
		name     string
		keys     []string
		fold     bool
		wantHead string
		wantLeft []string
	}{
		{"none", nil, false,
			"---\nlang-ref: b\npermalink: /b/\ntitle: B\nredirect_from:\n  - /old/\n  - /older/\nURL: /u/\nlang: fr\n", nil},
		{"a key with nested lines", []string{"redirect_from", "permalink"}, false,
			"---\nlang-ref: b\ntitle: B\nURL: /u/\nlang: fr\n", []string{"permalink", "redirect_from"}},
		{"case matters without fold", []string{"url"}, false,
			"---\nlang-ref: b\npermalink: /b/\ntitle: B\nredirect_from:\n  - /old/\n  - /older/\nURL: /u/\nlang: fr\n", nil},
		{"case folded as Hugo reads keys", []string{"url"}, true,
			"---\nlang-ref: b\npermalink: /b/\ntitle: B\nredirect_from:\n  - /old/\n  - /older/\nlang: fr\n", []string{"URL"}},
		{"a key the page lacks", []string{"aliases"}, false,
			"---\nlang-ref: b\npermalink: /b/\ntitle: B\nredirect_from:\n  - /old/\n  - /older/\nURL: /u/\nlang: fr\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Make([]byte(src), Options{Lang: "fr", LangKey: "lang", BaselineKey: "source-commit", Baseline: "abc", SourceOnly: tt.keys, FoldCase: tt.fold})
			if err != nil {
				t.Fatal(err)
			}
			if got := string(r.Src); !strings.HasPrefix(got, tt.wantHead) {
				t.Errorf("got\n%s\nwant prefix\n%s", got, tt.wantHead)
			}
			if !slices.Equal(r.Left, tt.wantLeft) {
				t.Errorf("left %q, want %q", r.Left, tt.wantLeft)
			}
		})
	}
}
