package report

import (
	"testing"

	"github.com/langref/langref/translate/change"
)

// TestChangedLines checks the words to read again on a page judged line by
// line: those of the changed lines reaching the class, never the others.
func TestChangedLines(t *testing.T) {
	src := []byte("---\nlang-ref: a\n---\n# Title here\n\none two three\nfour five\nsix\n")
	tests := []struct {
		name string
		cs   []LineChange
		want int
	}{
		{"none", nil, 0},
		{"one line", []LineChange{{Class: "content", Line: 6, EndLine: 6}}, 3},
		{"a run of lines", []LineChange{{Class: "content", Line: 6, EndLine: 7}}, 5},
		{"two runs", []LineChange{{Class: "content", Line: 4, EndLine: 4}, {Class: "content", Line: 7, EndLine: 8}}, 3 + 3}, // markup counts: "#"
		{"below the class", []LineChange{{Class: "typo", Line: 6, EndLine: 8}}, 0},
		{"removed lines count nothing", []LineChange{{Class: "content", Line: 0}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changedLines(src, tt.cs, change.Verbatim); got != tt.want {
				t.Errorf("changedLines = %d, want %d", got, tt.want)
			}
		})
	}
	// The whole body, line by line: the words of every line.
	body := []byte("# Title here\n\none two three\nfour five\nsix")
	if got := lineWords(body, 4, nil); got != 9 {
		t.Errorf("lineWords(all) = %d, want 9", got)
	}
}
