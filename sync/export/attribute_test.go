package export

import (
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/sync/history"
)

func TestPendingBehind(t *testing.T) {
	id := func(s string) history.ObjectID {
		o, err := history.ParseObjectID(s)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	base, v1, v2 := id("1111111111111111111111111111111111111111"), id("2222222222222222222222222222222222222222"), id("3333333333333333333333333333333333333333")
	// v1 fixes a typo in the first paragraph; v2 rewrites the second.
	texts := map[string]string{
		base.String(): "Intro. Old words.",
		v1.String():   "Intro, fixed. Old words.",
		v2.String():   "Intro, fixed. New words.",
	}
	events := []history.FileEvent{
		{Commit: &history.Commit{Hash: "v2"}, FileChange: &history.FileChange{Blob: v2, OldBlob: v1}},
		{Commit: &history.Commit{Hash: "v1"}, FileChange: &history.FileChange{Blob: v1, OldBlob: base}},
	}
	tests := []struct {
		name   string
		blocks []string
		want   []int
	}{
		{"the rewrite only", []string{"New words."}, []int{0}},
		{"the typo fix only", []string{"Intro, fixed."}, []int{1}},
		{"both, newest first", []string{"Intro, fixed.", "New words."}, []int{0, 1}},
		{"text the baseline held", []string{"Intro"}, nil},
		{"text no commit holds (not committed)", []string{"Newer words."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &pending{events: events, base: base, blocks: tt.blocks}
			if got := p.behind(texts); !slices.Equal(got, tt.want) {
				t.Errorf("behind = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBlockText(t *testing.T) {
	src := []byte("a\nb  c\n d\ne")
	if got := blockText(src, 2, 3); got != "b c d" {
		t.Errorf("blockText(2, 3) = %q", got)
	}
	if got := blockText(src, 9, 9); got != "" {
		t.Errorf("blockText past the end = %q", got)
	}
}

// fakeLayout places content/<lang>/... and, in content/shared, files
// with a language suffix, as the Hugo profile's layout does.
type fakeLayout struct{}

func (fakeLayout) Match(rel string) (string, string, bool) {
	switch {
	case strings.HasPrefix(rel, "content/shared/"):
		p := strings.TrimPrefix(rel, "content/shared/")
		if strings.HasSuffix(p, ".fr.md") {
			return "fr", strings.TrimSuffix(p, ".fr.md") + ".md", true
		}
		return "en", p, true
	case strings.HasPrefix(rel, "content/"):
		lang, p, _ := strings.Cut(strings.TrimPrefix(rel, "content/"), "/")
		return lang, p, true
	}
	return "", "", false
}

func (fakeLayout) Path(lang, p string) string { return "" }

func TestHugoKey(t *testing.T) {
	tests := []struct{ name, rel, want string }{
		{"a language's content folder", "content/fr/cloud.md", "fr/cloud.md"},
		{"a subfolder", "content/pt-br/terms/edge.md", "pt-br/terms/edge.md"},
		{"a language suffix stays in .File.Path", "content/shared/docs/about.fr.md", "fr/docs/about.fr.md"},
		{"a suffix at the top of the folder", "content/shared/about.fr.md", "fr/about.fr.md"},
		{"outside every content folder", "static/x.md", "static/x.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HugoKey(fakeLayout{}, tt.rel); got != tt.want {
				t.Errorf("HugoKey(%q) = %q, want %q", tt.rel, got, tt.want)
			}
		})
	}
}
