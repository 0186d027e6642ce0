package change

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"latin words and punctuation", "Hello, world!", []string{"Hello", ",", "world", "!"}},
		{"apostrophes and hyphens join", "don't use multi-layer nets", []string{"don't", "use", "multi-layer", "nets"}},
		{"decimal numbers", "0.5 or 1,000.", []string{"0.5", "or", "1,000", "."}},
		{"accents", "réseaux été", []string{"réseaux", "été"}},
		{"japanese per character", "教師あり学習", []string{"教", "師", "あ", "り", "学", "習"}},
		{"katakana and latin mixed", "ディープ learning", []string{"デ", "ィ", "ー", "プ", "learning"}},
		{"korean per character", "딥러닝", []string{"딥", "러", "닝"}},
		{"white space only", " \n\t", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Words(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
