package change

import (
	"slices"
	"testing"
	"unicode"
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

// wordsByRunes is the first implementation of Words, on a rune slice: the
// reference that the faster one must match.
func wordsByRunes(s string) []string {
	rs := []rune(s)
	var out []string
	start := -1
	flush := func(i int) {
		if start >= 0 {
			out = append(out, string(rs[start:i]))
			start = -1
		}
	}
	joins := func(i int) bool {
		if i == 0 || i+1 >= len(rs) || !isWordRune(rs[i-1]) || !isWordRune(rs[i+1]) {
			return false
		}
		switch rs[i] {
		case '\'', '’', '-':
			return true
		case '.', ',':
			return unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])
		}
		return false
	}
	for i, r := range rs {
		switch {
		case isCJK(r):
			flush(i)
			out = append(out, string(r))
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && joins(i):
		case unicode.IsSpace(r):
			flush(i)
		default:
			flush(i)
			out = append(out, string(r))
		}
	}
	flush(len(rs))
	return out
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Hello, world!", "don't-stop 1,000.5 x", "教師あり學習 ディープ", "a\xffb\xc3", "-a- 'b' 1.a ,1,", "ﬁ𝑥 ᄀ\u00a0x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Words(s), wordsByRunes(s); !slices.Equal(got, want) {
			t.Fatalf("Words(%q) = %q, want %q", s, got, want)
		}
	})
}
