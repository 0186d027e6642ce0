package change

import "testing"

func TestClassify(t *testing.T) {
	para := "Supervised learning stems from Perceptron and Adaline. The Adaline is based on the same architecture with weighted inputs; when it is above the threshold, it turns on."
	tests := []struct {
		name     string
		old, new string
		want     Class
	}{
		// cosmetic: nothing a reader sees changed
		{"identical", "same text", "same text", Cosmetic},
		{"reflow", "one two three\nfour five", "one two\nthree four five", Cosmetic},
		{"trailing spaces", "a line  \nnext", "a line\nnext", Cosmetic},
		{"emphasis with underscores", "an *a* word", "an _a_ word", Cosmetic},
		{"strong with underscores", "a **b** c", "a __b__ c", Cosmetic},
		{"list marker", "- one\n- two", "* one\n* two", Cosmetic},
		{"liquid output spacing", "see {{x}} here", "see {{ x }} here", Cosmetic},
		{"liquid tag spacing", "{%include video.html%}", "{% include video.html %}", Cosmetic},
		{"liquid in an image source", "![a]({{site.baseurl}}/a.png)", "![a]({{ site.baseurl }}/a.png)", Cosmetic},
		{"math reflow", "$$\nx^2\n$$", "$$ x^2 $$", Cosmetic},
		{"comment edit", "text <!-- note -->", "text <!-- other note -->", Cosmetic},
		{"setext to atx", "Title\n=====", "# Title", Cosmetic},

		// typo: small prose edits
		{"spelling teh to the", "We take teh gradient.", "We take the gradient.", Typo},
		{"punctuation", "First, we start; then we stop.", "First we start, then we stop.", Typo},
		{"one word", para, "Supervised learning comes from Perceptron and Adaline. The Adaline is based on the same architecture with weighted inputs; when it is above the threshold, it turns on.", Typo},
		{"two words", para, "Supervised learning stems from the Perceptron and Adaline. The Adaline is based on the same architecture with weighted inputs; when it is over the threshold, it turns on.", Typo},
		{"many spelling fixes in a long paragraph", "Teh model recieves inputs and teh loss is computed over the whole dataset with many samples of data in batches for training and later for testing again on held out data",
			"The model receives inputs and the loss is computed over the whole dataset with many samples of data in batches for training and later for testing again on held out data", Typo},
		{"added emphasis", "a key idea", "a *key* idea", Typo},
		{"heading spelling fix", "## Backpropogation", "## Backpropagation", Typo},
		{"case fix", "## gradient descent", "## Gradient Descent", Typo},

		// verbatim: material translations copy
		{"display math", "$$x^2$$", "$$x^3$$", Verbatim},
		{"inline math", "the value $x^2$ grows", "the value $x^3$ grows", Verbatim},
		{"link target", "see [docs](https://a.org)", "see [docs](https://b.org)", Verbatim},
		{"image source", "![fig](a.png)", "![fig](b.png)", Verbatim},
		{"number", "It started in 1947.", "It started in 1948.", Verbatim},
		{"code block", "```\nx = 1\n```", "```\nx = 2\n```", Verbatim},
		{"code span", "call `f(x)` now", "call `g(x)` now", Verbatim},
		{"html attribute", `<img src="a.png" width="50%"/>`, `<img src="a.png" width="60%"/>`, Verbatim},
		{"liquid include", `{% include youtube.html id="a" %}`, `{% include youtube.html id="b" %}`, Verbatim},
		{"math and a typo", "teh value $x$", "the value $y$", Verbatim},

		// content: new or rewritten prose, structure
		{"new sentence", "We train the model.", "We train the model. Then we evaluate it on held-out data.", Content},
		{"rewrite", para, "Perceptrons and Adalines are where supervised learning comes from; both threshold a weighted sum.", Content},
		{"three words in a long paragraph", para, "Supervised learning comes from Perceptron and Adaline. The Adaline uses the same architecture with weighted inputs; when it is over the threshold, it turns on.", Content},
		{"three spelling fixes in ten words", "Teh model recieves inputs and teh loss is computed every step", "The model receives inputs and the loss is computed every step", Content},
		{"two words in a short text", "Energy models", "Flow networks", Content},
		{"heading renamed", "## Gradient descent", "## Gradient ascent", Content},
		{"heading level", "## Title", "### Title", Content},
		{"paragraph split", "one two.\nthree four.", "one two.\n\nthree four.", Content},
		{"list depth", "- a\n- b", "- a\n  - b", Content},
		{"new sentence and new math", "We train.", "We train. Then we minimize $L(w)$ over all the weights.", Content},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Classify(tt.old, tt.new); got != tt.want {
				t.Errorf("Classify(%q, %q) = %s, want %s", tt.old, tt.new, got, tt.want)
			}
		})
	}
}

func TestClassifyCJK(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     Class
	}{
		{"one character", "ディープラーニングのインスピレーションとその歴史について説明します", "ディープラーニングのインスピレーションとその歴史について説明しました", Typo},
		{"new clause", "教師あり学習について", "教師あり学習と教師なし学習の違いについて詳しく説明します", Content},
		{"Chinese punctuation", "监督学习，无监督学习", "监督学习、无监督学习", Typo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Classify(tt.old, tt.new); got != tt.want {
				t.Errorf("Classify(%q, %q) = %s, want %s", tt.old, tt.new, got, tt.want)
			}
		})
	}
}

func TestSpellingFix(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"teh", "the", true},
		{"recieve", "receive", true},
		{"occured", "occurred", true},
		{"computd", "computed", true},
		{"Deep", "deep", true},
		{"cat", "dog", false},
		{"big", "large", false},
		{"gradient", "gradients", true},
		{"descent", "ascent", false},
		{"seperete", "separate", true},
		{",", ";", true},
		{"a", ",", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"→"+tt.b, func(t *testing.T) {
			if got := spellingFix(tt.a, tt.b); got != tt.want {
				t.Errorf("spellingFix(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
