package words

import (
	"strings"
	"testing"
)

func TestContains(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"between", true},
		{"the", true},
		{"a", true},      // the first lines of the list
		{"zygote", true}, // and the last ones
		{"Gaussian", true},
		{"gaussian", false},
		{"betwen", false},
		{"teh", false},
		{"recieve", false},
		{"The", false},
		{"", false},
		{"the\nthe", false},
		{"zzzzzz", false},
		{"AAAAA", false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			if got := Contains(tt.w); got != tt.want {
				t.Errorf("Contains(%q) = %v, want %v", tt.w, got, tt.want)
			}
		})
	}
}

func TestKnown(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"The", true},
		{"THE", true},
		{"model's", true},
		{"models’", true},
		{"Gaussian", true},
		{"GAUSSIAN", true},
		{"betwen", false},
		{"Teh", false},
		{"'s", false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			if got := Known(tt.w); got != tt.want {
				t.Errorf("Known(%q) = %v, want %v", tt.w, got, tt.want)
			}
		})
	}
}

// TestEveryWordFound looks up every word of the list: the binary search
// finds the first, the last and all between.
func TestEveryWordFound(t *testing.T) {
	if len(list()) != listSize {
		t.Errorf("list has %d bytes, listSize says %d", len(list()), listSize)
	}
	ws := strings.Split(strings.TrimSuffix(list(), "\n"), "\n")
	if len(ws) < 70000 {
		t.Fatalf("list has %d words, want the 74,000 of wamerican", len(ws))
	}
	for i, w := range ws {
		if i > 0 && ws[i-1] >= w {
			t.Fatalf("list not sorted at line %d: %q then %q", i+1, ws[i-1], w)
		}
		if !Contains(w) {
			t.Fatalf("Contains(%q) = false for line %d of the list", w, i+1)
		}
		if Contains(w + "\x7f") {
			t.Fatalf("Contains(%q + \"\\x7f\") = true", w)
		}
	}
}

// BenchmarkLoad measures the one-time cost of the first lookup:
// decompressing the list.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		r := newList()
		if len(r) == 0 {
			b.Fatal("empty list")
		}
	}
}

// BenchmarkContains measures a lookup once the list is loaded.
func BenchmarkContains(b *testing.B) {
	ws := []string{"between", "betwen", "backpropagation", "the", "Gaussian", "inhibition"}
	list()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Contains(ws[i%len(ws)])
	}
}
