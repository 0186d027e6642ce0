package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// languages are the translation languages, in the order -langs takes
// them; the first ones are those of the DLSP20 corpus.
var languages = []string{"fr", "zh", "es", "ja", "ko", "it", "tr", "ar", "pt", "ru",
	"vi", "fa", "hu", "bn", "sr", "de", "nl", "pl", "uk", "id", "th", "he", "el", "cs", "sv", "ro", "hi", "ms"}

// commented are the languages whose pages keep the English text in HTML
// comments above each translated block, as DLSP20's French and Japanese do.
var commented = map[string]bool{"fr": true, "ja": true}

// syllables make up each script's pseudo-words.
var syllables = map[string][]string{
	"latin": {"la", "re", "mi", "to", "sa", "ne", "ri", "co", "de", "ver", "tion", "men", "par", "ca", "lo", "ste", "dra", "gu", "bi", "zo"},
	"fr":    {"le", "ré", "ti", "on", "ment", "pro", "fon", "dé", "sa", "ge", "rai", "eau", "cè", "ne"},
	"zh":    {"学", "习", "深", "度", "网", "络", "模", "型", "数", "据", "函", "梯", "训", "练", "层", "向", "量"},
	"ja":    {"の", "は", "学", "習", "デー", "タ", "モ", "デル", "ネッ", "ト", "関", "数", "勾", "配", "を"},
	"ko":    {"학", "습", "데", "이", "터", "모", "델", "신", "경", "망", "함", "수", "기", "울"},
	"ar":    {"ال", "تع", "لم", "شب", "كة", "نم", "وذ", "ج", "بي", "ان", "ات", "دا", "لة"},
	"fa":    {"یا", "دگ", "یری", "شب", "که", "مد", "ل", "دا", "ده", "تا", "بع"},
	"ru":    {"об", "уч", "ени", "е", "се", "ть", "мо", "дель", "да", "нн", "ые", "фу", "нк"},
	"uk":    {"на", "вч", "ан", "ня", "ме", "ре", "жа", "мо", "дель", "да", "ні"},
	"sr":    {"у", "че", "ње", "мре", "жа", "мо", "дел", "по", "да", "ци"},
	"el":    {"μά", "θη", "ση", "δί", "κτυ", "ο", "μο", "ντέ", "λο", "δε"},
	"he":    {"לי", "מו", "ד", "רש", "ת", "מו", "דל", "נ", "תו", "נים"},
	"hi":    {"सी", "ख", "ना", "जा", "ल", "मॉ", "डल", "डे", "टा"},
	"bn":    {"শে", "খা", "নে", "ট", "ওয়া", "র্ক", "মো", "ডে", "ল"},
	"th":    {"การ", "เรี", "ยน", "รู้", "โครง", "ข่าย", "แบบ", "จำ", "ลอง"},
}

// vocab is a pseudo-vocabulary of one language: English words map to its
// words by hash, so that the same English text translates the same way.
type vocab struct {
	words []string
	space string
}

func newVocab(lang string, seed uint64) *vocab {
	syl, ok := syllables[lang]
	if !ok {
		syl = syllables["latin"]
	}
	r := rand.New(rand.NewPCG(seed, uint64(len(lang))*7919))
	v := &vocab{words: make([]string, 1024), space: " "}
	if lang == "zh" || lang == "ja" {
		v.space = ""
	}
	for i := range v.words {
		var b strings.Builder
		for range 1 + r.IntN(3) {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		v.words[i] = b.String()
	}
	return v
}

func (v *vocab) word(w string) string {
	h := uint32(2166136261) // FNV-1a, without allocating
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return v.words[h%uint32(len(v.words))]
}

// prose translates English prose, keeping inline math, code and links.
func (v *vocab) prose(s string) string {
	var b strings.Builder
	for i, w := range strings.Fields(s) {
		if i > 0 {
			b.WriteString(v.space)
		}
		if strings.ContainsAny(w, "$`[]()") {
			if v.space == "" {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			if v.space == "" {
				b.WriteByte(' ')
			}
			continue
		}
		b.WriteString(v.word(strings.Trim(w, ".,;:*_")))
		if strings.HasSuffix(w, ".") {
			b.WriteString(".")
		}
	}
	return b.String()
}

// english is the English word list prose is made of.
var english = strings.Fields(`the a of to and in is that for we this with as on by are be can it
model network neural layer function gradient loss training data input output weight bias
learning deep energy latent variable vector matrix parameter optimization descent stochastic
convolution kernel feature map activation nonlinearity softmax probability distribution sample
batch epoch error backpropagation chain rule derivative partial linear transformation rotation
scaling space dimension embedding attention transformer sequence recurrent memory state hidden
encoder decoder autoencoder variational generative adversarial discriminator regularization
dropout normalization convergence momentum adaptive rate step update minimum saddle point
curvature hessian jacobian eigenvalue eigenvector inference predictor classifier regression
supervised unsupervised self graph node edge signal image pixel channel pooling stride padding
field receptive invariance equivariance translation structure world planning control policy
reward value agent environment trajectory estimate expectation variance entropy divergence
contrastive margin target prediction consider notice observe compute define recall assume
therefore however because while each every some many often usually simply finally first next
large small high low good simple complex important different same new previous following`)

// typos are misspellings written in the initial text, fixed later.
var typos = []struct{ good, bad string }{{"the", "teh"}, {"function", "fucntion"}, {"gradient", "gradinet"},
	{"because", "becuase"}, {"parameter", "paramter"}, {"learning", "leanring"}}

// textGen draws English text.
type textGen struct{ r *rand.Rand }

func (t textGen) word() string { return english[t.r.IntN(len(english))] }

func (t textGen) sentence() string {
	n := 6 + t.r.IntN(10)
	ws := make([]string, n)
	for i := range ws {
		ws[i] = t.word()
		for _, ty := range typos {
			if ws[i] == ty.good && t.r.IntN(8) == 0 {
				ws[i] = ty.bad
			}
		}
	}
	switch t.r.IntN(8) {
	case 0:
		ws[t.r.IntN(n)] = fmt.Sprintf("$x_%d$", t.r.IntN(10))
	case 1:
		i := t.r.IntN(n)
		ws[i] = "*" + ws[i] + "*"
	case 2:
		ws[t.r.IntN(n)] = fmt.Sprintf("`f%d()`", t.r.IntN(100))
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ") + "."
}

func (t textGen) paragraph() string {
	n := 2 + t.r.IntN(3)
	ss := make([]string, n)
	for i := range ss {
		ss[i] = t.sentence()
	}
	return wrap(strings.Join(ss, " "), 80+t.r.IntN(40))
}

func (t textGen) title() string {
	n := 2 + t.r.IntN(4)
	ws := make([]string, n)
	for i := range ws {
		w := t.word()
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

func (t textGen) formula() string {
	vars := []string{"x", "y", "z", "w", "h", "\\theta", "\\lambda", "\\mu", "\\sigma"}
	ops := []string{" + ", " - ", " \\cdot ", "^\\top ", " = "}
	var b strings.Builder
	for i := range 3 + t.r.IntN(4) {
		if i > 0 {
			b.WriteString(ops[t.r.IntN(len(ops))])
		}
		fmt.Fprintf(&b, "%s_{%d}", vars[t.r.IntN(len(vars))], t.r.IntN(10))
	}
	return b.String()
}

func (t textGen) code() string {
	n := 2 + t.r.IntN(6)
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("%s = torch.%s(%s, %d)", t.word(), t.word(), t.word(), t.r.IntN(512))
	}
	return strings.Join(lines, "\n")
}

func (t textGen) list() string {
	n := 2 + t.r.IntN(4)
	items := make([]string, n)
	for i := range items {
		items[i] = t.sentence()
	}
	return strings.Join(items, "\n")
}

// wrap breaks s into lines of at most width bytes, at spaces.
func wrap(s string, width int) string {
	var b strings.Builder
	col := 0
	for i, w := range strings.Fields(s) {
		switch {
		case i == 0:
		case col+1+len(w) > width:
			b.WriteByte('\n')
			col = 0
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}
