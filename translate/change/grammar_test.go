package change

import (
	"slices"
	"testing"
)

func TestLemma(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"maps", "map", true},
		{"mapped", "map", true},
		{"mapping", "map", true},
		{"uses", "use", true},
		{"used", "using", true},
		{"studies", "study", true},
		{"batches", "batch", true},
		{"is", "are", true},
		{"took", "take", true},
		{"model's", "model", true},
		{"GPUs", "GPU", true},
		{"matrices", "matrix", true},
		{"layer", "lay", false},
		{"variance", "deviation", false},
		{"natural", "lateral", false},
		{"loss", "los", false},
		{"thing", "the", false},
		{"biases", "bias", true},
		{"needs", "need", true},
		{"things", "thing", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"~"+tt.b, func(t *testing.T) {
			if got := sameLemma(lemmas(tt.a), lemmas(tt.b)); got != tt.same {
				t.Errorf("lemmas(%q) = %q, lemmas(%q) = %q, same = %v, want %v", tt.a, lemmas(tt.a), tt.b, lemmas(tt.b), got, tt.same)
			}
		})
	}
}

func TestExpand(t *testing.T) {
	tests := []struct {
		w    string
		want []string
	}{
		{"don't", []string{"do", "not"}},
		{"Doesn't", []string{"Does", "not"}},
		{"can't", []string{"can", "not"}},
		{"won't", []string{"will", "not"}},
		{"it's", []string{"it", "is"}},
		{"It’s", []string{"It", "is"}},
		{"we're", []string{"we", "are"}},
		{"let's", []string{"let", "us"}},
		{"model's", nil},
		{"word", nil},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			if got := expand(tt.w); !slices.Equal(got, tt.want) {
				t.Errorf("expand(%q) = %q, want %q", tt.w, got, tt.want)
			}
		})
	}
}

func TestKnown(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"between", true},
		{"Between", true},
		{"betwen", false},
		{"the", true},
		{"ReLU", true},    // a capital after the first letter
		{"PyTorch", true}, // the same
		{"L2", true},      // a digit
		{"multi-layer", true},
		{"multi-layr", false},
		{"backpropagation", false},
		{"softmax", false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			if got := known(tt.w); got != tt.want {
				t.Errorf("known(%q) = %v, want %v", tt.w, got, tt.want)
			}
		})
	}
}

func TestTypeset(t *testing.T) {
	tests := []struct{ a, b string }{
		{`\log(N)`, `log(N)`},
		{`x_2,\cdots,x_T`, `x_2,...,x_T`},
		{`x_{2}\,y`, `x_2 y`},
		{`\mathrm{softmax}(x)`, `\text{softmax}(x)`},
		{`\left(x\right)`, `(x)`},
		{`a~b`, `a b`},
	}
	for _, tt := range tests {
		t.Run(tt.a, func(t *testing.T) {
			if a, b := Words(typeset(tt.a)), Words(typeset(tt.b)); !slices.Equal(a, b) {
				t.Errorf("typeset(%q) = %q, typeset(%q) = %q", tt.a, a, tt.b, b)
			}
		})
	}
	t.Run(`\alpha and \beta differ`, func(t *testing.T) {
		if slices.Equal(Words(typeset(`\alpha`)), Words(typeset(`\beta`))) {
			t.Error("equal")
		}
	})
}
