package export

import (
	"slices"
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
