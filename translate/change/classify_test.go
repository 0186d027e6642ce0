package change

import "testing"

func TestClassify(t *testing.T) {
	para := "Supervised learning stems from Perceptron and Adaline. The Adaline is based on the same architecture with weighted inputs; when it is above the threshold, it turns on."
	// Every case is checked both ways: the rules are symmetric.
	tests := []struct {
		name     string
		old, new string
		want     Class
	}{
		// cosmetic: nothing a reader reads changed
		{"identical", "same text", "same text", Cosmetic},
		{"reflow", "one two three\nfour five", "one two\nthree four five", Cosmetic},
		{"trailing spaces", "a line  \nnext", "a line\nnext", Cosmetic},
		{"emphasis with underscores", "an *a* word", "an _a_ word", Cosmetic},
		{"strong with underscores", "a **b** c", "a __b__ c", Cosmetic},
		{"added emphasis", "a key idea", "a *key* idea", Cosmetic},
		{"contraction written out", "It doesn't converge.", "It does not converge.", Cosmetic},
		{"list marker", "- one\n- two", "* one\n* two", Cosmetic},
		{"liquid output spacing", "see {{x}} here", "see {{ x }} here", Cosmetic},
		{"liquid tag spacing", "{%include video.html%}", "{% include video.html %}", Cosmetic},
		{"liquid in an image source", "![a]({{site.baseurl}}/a.png)", "![a]({{ site.baseurl }}/a.png)", Cosmetic},
		{"math reflow", "$$\nx^2\n$$", "$$ x^2 $$", Cosmetic},
		{"comment edit", "text <!-- note -->", "text <!-- other note -->", Cosmetic},
		{"setext to atx", "Title\n=====", "# Title", Cosmetic},
		{"symbol typeset as math", "for a sequence of length N the cost grows", "for a sequence of length $N$ the cost grows", Cosmetic},
		{"code typeset as math", "the cost is `log(N)` per step", "the cost is $\\log(N)$ per step", Cosmetic},
		{"prose typeset as math", "the cost is log(N) per step", "the cost is $\\log(N)$ per step", Cosmetic},
		{"dots typeset", "the inputs $x_2,...,x_T$ go in", "the inputs $x_2,\\cdots,x_T$ go in", Cosmetic},
		{"ellipsis character", "the inputs $x_2,…,x_T$ go in", "the inputs $x_2,\\ldots,x_T$ go in", Cosmetic},
		{"braces and thin space", "where $x_{2}\\,y$ is", "where $x_2 y$ is", Cosmetic},
		{"greek letter named in prose typeset", "The value of Lambda controls this trade-off.", "The value of $\\lambda$ controls this trade-off.", Cosmetic},
		{"greek letter typeset", "to the infinite *β* limit", "to the infinite $\\beta$ limit", Cosmetic},
		{"font wrapper", "apply $\\mathrm{softmax}(x)$ here", "apply $\\text{softmax}(x)$ here", Cosmetic},
		{"display math dots", "$$\nx_1 + \\cdots + x_n\n$$", "$$\nx_1 + \\ldots + x_n\n$$", Cosmetic},

		// typo: a misspelling corrected
		{"betwen to between", "the distance betwen two points", "the distance between two points", Typo},
		{"teh to the", "We take teh gradient.", "We take the gradient.", Typo},
		{"recieve to receive", "The units recieve inputs.", "The units receive inputs.", Typo},
		{"technical word respelled", "## Backpropogation", "## Backpropagation", Typo},
		{"case fix", "## gradient descent", "## Gradient Descent", Typo},
		{"acronym case", "we use a ReLu here", "we use a ReLU here", Typo},
		{"abbreviation written out", "as in Fig. 3 above", "as in Figure 3 above", Typo},
		{"letters swapped in a name", "## PyTorch implementation", "## PyTroch implementation", Typo},
		{"hyphenation", "a multilayer network", "a multi-layer network", Typo},
		{"many spelling fixes in a long paragraph", "Teh model recieves inputs and teh loss is computed over the whole dataset with many samples of data in batches for training and later for testing again on held out data",
			"The model receives inputs and the loss is computed over the whole dataset with many samples of data in batches for training and later for testing again on held out data", Typo},
		{"three spelling fixes in ten words", "Teh model recieves inputs and teh loss is computed every step", "The model receives inputs and the loss is computed every step", Typo},

		{"confused words", "SimCLR, to a certain extend, shows the limit.", "SimCLR, to a certain extent, shows the limit.", Typo},
		{"confused words capitalised", "Form the input we compute a code.", "From the input we compute a code.", Typo},
		{"caption number dropped", "<b>Figure 7: </b>Linear mapping on subsampled Fourier-space", "<b>Fig.:</b> Linear mapping on subsampled Fourier-space", Typo},
		{"caption renumbered", "Fig. 5: Sparse coding on MNIST.", "Fig. 4: Sparse coding on MNIST.", Typo},

		// grammar: the same words in another form or order
		{"connective of the same sense", "The generator finds the next fake. As a result, the discriminator is trapped.", "The generator finds the next fake. Consequently, the discriminator is trapped.", Grammar},
		{"acronym added in parentheses", "Contrastive divergence is another model.", "Contrastive divergence (CD) is another model.", Grammar},
		{"plural acronym added", "GANs are examples of energy based models.", "GANs are examples of energy based models (EBMs).", Grammar},
		{"acronym of a compound", "We train a denoising autoencoder.", "We train a denoising autoencoder (DAE).", Grammar},
		{"relative pronoun", "the weight which coefficient is largest wins", "the weight whose coefficient is largest wins", Grammar},
		{"article and comma", "We compute the free energy which is loss of the model.", "We compute the free energy, which is the loss of the model.", Grammar},
		{"plural", "The encoder maps the input to a code.", "The encoders map the input to a code.", Grammar},
		{"pronoun and verb agreement", "It uses a sigmoid at the output.", "They use a sigmoid at the output.", Grammar},
		{"punctuation", "First, we start; then we stop.", "First we start, then we stop.", Grammar},
		{"article", para, "Supervised learning stems from the Perceptron and Adaline. The Adaline is based on the same architecture with weighted inputs; when it is above the threshold, it turns on.", Grammar},
		{"word order", "We only train the decoder.", "We train only the decoder.", Grammar},
		{"symbol moved", "so we have heads $h$ here", "so we have $h$ heads here", Grammar},
		{"tense", "The model learned the mapping.", "The model learns the mapping.", Grammar},

		// verbatim: material translations copy
		{"display math", "$$x^2$$", "$$x^3$$", Verbatim},
		{"inline math", "the value $x^2$ grows", "the value $x^3$ grows", Verbatim},
		{"math symbol", "the angle $\\alpha$ grows", "the angle $\\beta$ grows", Verbatim},
		{"prose symbol made other math", "for a sequence of length N", "for a sequence of length $M$", Verbatim},
		{"link target", "see [docs](https://a.org)", "see [docs](https://b.org)", Verbatim},
		{"image source", "![fig](a.png)", "![fig](b.png)", Verbatim},
		{"number", "It started in 1947.", "It started in 1948.", Verbatim},
		{"code block", "```\nx = 1\n```", "```\nx = 2\n```", Verbatim},
		{"python re-indented", "```python\ndef f(x):\n    y = x\n    return y\n```", "```python\ndef f(x):\n    y = x\nreturn y\n```", Verbatim},
		{"code block trailing spaces", "```\nx = 1  \n```", "```\nx = 1\n```", Cosmetic},
		{"code block dots are code", "```\nf(...)\n```", "```\nf(\\ldots)\n```", Verbatim},
		{"code span", "call `f(x)` now", "call `g(x)` now", Verbatim},
		{"html attribute", `<img src="a.png" width="50%"/>`, `<img src="a.png" width="60%"/>`, Verbatim},
		{"liquid include", `{% include youtube.html id="a" %}`, `{% include youtube.html id="b" %}`, Verbatim},
		{"math and a typo", "teh value $x$", "the value $y$", Verbatim},

		// content: what the text says changed
		{"word replaced by a close real word", "This is called natural inhibition.", "This is called lateral inhibition.", Content},
		{"word replaced by two", "We scale the variance of the weights.", "We scale the standard deviation of the weights.", Content},
		{"word added", "We use batch gradient descent.", "We use full batch gradient descent.", Content},
		{"negation", "It converges.", "It does not converge.", Content},
		{"one word", para, "Supervised learning comes from Perceptron and Adaline. The Adaline is based on the same architecture with weighted inputs; when it is above the threshold, it turns on.", Content},
		{"preposition of meaning", para, "Supervised learning stems from Perceptron and Adaline. The Adaline is based on the same architecture with weighted inputs; when it is below the threshold, it turns on.", Content},
		{"new sentence", "We train the model.", "We train the model. Then we evaluate it on held-out data.", Content},
		{"rewrite", para, "Perceptrons and Adalines are where supervised learning comes from; both threshold a weighted sum.", Content},
		{"two words in a short text", "Energy models", "Flow networks", Content},
		{"heading renamed", "## Gradient descent", "## Gradient ascent", Content},
		{"text beside a comment", "<!-- note --> We train.", "<!-- note --> We train. Then we test.", Content},
		{"text after display math", "$$\nx\n$$", "$$\nx\n$$ Then we test.", Content},
		{"acronym replaced", "we use a ReLU here", "we use a PReLU here", Content},
		{"connective of another sense", "The generator finds the next fake. As a result, the discriminator is trapped.", "The generator finds the next fake. However, the discriminator is trapped.", Content},
		{"acronym of other words", "We train the model.", "We train the model (CNN).", Content},
		{"figure reference in the text renumbered", "as shown in Fig. 3 above", "as shown in Fig. 4 above", Verbatim},
		{"real words close in spelling", "the leaves extend upwards", "the leaves extent upwards", Typo},
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
			if got := Classify(tt.new, tt.old); got != tt.want {
				t.Errorf("Classify(%q, %q) = %s, want %s (the other way)", tt.new, tt.old, got, tt.want)
			}
		})
	}
}

// TestClassifyOtherLanguages checks the rules for text that is not
// English (see english).
func TestClassifyOtherLanguages(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     Class
	}{
		{"one character", "ディープラーニングのインスピレーションとその歴史について説明します", "ディープラーニングのインスピレーションとその歴史について説明しました", Typo},
		{"new clause", "教師あり学習について", "教師あり学習と教師なし学習の違いについて詳しく説明します", Content},
		{"Chinese punctuation", "监督学习，无监督学习", "监督学习、无监督学习", Grammar},
		// Text that is not English keeps a rule of size.
		{"French word replaced", "Nous utilisons la descente de gradient sur tout le lot de données pour entraîner le modèle.", "Nous utilisons la descente de gradient sur tout le batch de données pour entraîner le modèle.", Typo},
		{"French heading renamed", "## Lectura parte A", "## Lección parte A", Content},
		{"Japanese characters replaced", "### 会話型言語モデル", "### 畳み込み言語モデル", Content},
		{"French clause added", "Nous entraînons le modèle.", "Nous entraînons le modèle puis nous le testons sur des données nouvelles.", Content},
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
		{"a", ",", false},
		{"会", "畳", false},
		{"fo", "of", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"→"+tt.b, func(t *testing.T) {
			if got := spellingFix(tt.a, tt.b); got != tt.want {
				t.Errorf("spellingFix(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
