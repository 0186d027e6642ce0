package change

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// functionWords are the English words that carry grammar rather than
// meaning: articles, pronouns, light prepositions, the auxiliaries be, have
// and do and the relative words. Adding, removing or swapping them is a
// grammar edit. Words that carry logic or quantity (not, no, all, some,
// only, or, if, before, after, without, must, may...) are left out: a
// change of them changes what the sentence says.
var functionWords = setOf(
	// articles and demonstratives
	"a", "an", "the", "this", "that", "these", "those",
	// personal, possessive and reflexive pronouns
	"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
	"you", "your", "yours", "yourself", "yourselves",
	"he", "him", "his", "himself", "she", "her", "hers", "herself",
	"it", "its", "itself", "they", "them", "their", "theirs", "themselves",
	"one", "ones", "oneself",
	// relative and interrogative words
	"which", "who", "whom", "whose", "what",
	// light prepositions and particles
	"of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto",
	"upon", "as", "via",
	// conjunctions that only join
	"and", "so", "then", "than",
	// auxiliaries
	"be", "am", "is", "are", "was", "were", "been", "being",
	"have", "has", "had", "having", "do", "does", "did", "doing",
	"will", "would", "can", "could",
	// existential there, and also
	"there", "also",
)

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// isFunctionWord reports whether w, in any case, is a function word.
func isFunctionWord(w string) bool {
	if len(w) > 10 {
		return false
	}
	return functionWords[lowerASCII(w)]
}

// lowerASCII lower-cases w, without allocating when it has no capitals.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

// contractions are the endings that expand to a word of their own: "don't"
// is "do not" and "it's" is "it is" to the word diff, so that writing them
// out is a grammar edit. 's is only expanded after the pronouns below; on
// other words it is a possessive.
var contractions = []struct{ suffix, word string }{
	{"n't", "not"}, {"'re", "are"}, {"'ve", "have"}, {"'ll", "will"}, {"'m", "am"}, {"'d", "would"},
}

var isContracted = setOf("it's", "that's", "there's", "what's", "he's", "she's", "here's", "who's", "let's")

// expand returns the words a contraction stands for, or nil if w is not a
// contraction.
func expand(w string) []string {
	if !strings.ContainsAny(w, "'’") {
		return nil
	}
	l := strings.ReplaceAll(lowerASCII(w), "’", "'")
	base, word := "", ""
	switch {
	case l == "let's":
		base, word = "let", "us"
	case isContracted[l]:
		base, word = l[:len(l)-2], "is"
	default:
		for _, c := range contractions {
			if b, ok := strings.CutSuffix(l, c.suffix); ok && b != "" {
				base, word = b, c.word
				break
			}
		}
	}
	switch base {
	case "":
		return nil
	case "ca": // can't
		base = "can"
	case "wo": // won't
		base = "will"
	case "sha": // shan't
		base = "shall"
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		base = strings.ToUpper(base[:1]) + base[1:]
	}
	return []string{base, word}
}

// irregular maps irregular inflected forms to their lemma.
var irregular = map[string]string{
	"is": "be", "am": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be",
	"has": "have", "had": "have", "does": "do", "did": "do", "done": "do",
	"goes": "go", "went": "go", "gone": "go", "made": "make", "took": "take", "taken": "take",
	"gave": "give", "given": "give", "got": "get", "gotten": "get", "found": "find",
	"saw": "see", "seen": "see", "wrote": "write", "written": "write", "became": "become",
	"shown": "show", "chose": "choose", "chosen": "choose", "knew": "know", "known": "know",
	"thought": "think", "brought": "bring", "began": "begin", "begun": "begin", "led": "lead",
	"held": "hold", "kept": "keep", "left": "leave", "meant": "mean", "ran": "run", "said": "say",
	"sent": "send", "set": "set", "spent": "spend", "stood": "stand", "told": "tell",
	"understood": "understand", "won": "win", "learnt": "learn", "fed": "feed", "fell": "fall",
	"fallen": "fall", "grew": "grow", "grown": "grow", "drew": "draw", "drawn": "draw",
	"children": "child", "men": "man", "women": "woman", "people": "person", "mice": "mouse",
	"used": "use", "using": "use", "data": "datum", "indices": "index", "matrices": "matrix", "vertices": "vertex",
	"better": "good", "best": "good", "worse": "bad", "worst": "bad",
}

// lemmas returns the forms w may stand for once its inflection is set
// aside: w itself, and the stem of a plural, a third person, a past tense
// or participle, a gerund or a possessive ("maps", "mapped", "mapping" and
// "map's" all give "map"). Two words are the same word (see sameLemma) if
// they share a form. Only endings are stripped, with stems of 3 letters or
// more, so a word that is no inflection may lose one ("layer" and "lay"
// stay apart, as -er is kept).
func lemmas(w string) []string {
	l := strings.ReplaceAll(lowerASCII(w), "’", "'")
	if b, ok := strings.CutSuffix(l, "'s"); ok && b != "" {
		l = b
	} else if b, ok := strings.CutSuffix(l, "s'"); ok && b != "" {
		l = b + "s"
	}
	out := []string{l}
	if v, ok := irregular[l]; ok {
		return append(out, v)
	}
	stem := func(s string) {
		if utf8.RuneCountInString(s) >= 3 {
			out = append(out, s, s+"e") // a silent e goes: use, using
			if u := undouble(s); u != s {
				out = append(out, u)
			}
		}
	}
	n := len(l)
	switch {
	case n > 2 && strings.HasSuffix(w, "s") && unicode.IsUpper(rune(w[len(w)-2])):
		out = append(out, l[:n-1]) // GPUs
	case strings.HasSuffix(l, "ies") || strings.HasSuffix(l, "ied"):
		out = append(out, l[:n-3]+"y")
	case strings.HasSuffix(l, "sses") || strings.HasSuffix(l, "shes") || strings.HasSuffix(l, "ches") || strings.HasSuffix(l, "xes") || strings.HasSuffix(l, "zzes"):
		out = append(out, l[:n-2])
	case strings.HasSuffix(l, "ing"):
		stem(l[:n-3])
	case strings.HasSuffix(l, "ed"):
		stem(l[:n-2])
	case strings.HasSuffix(l, "es") && n > 4:
		out = append(out, l[:n-1], l[:n-2]) // biases, goes
	case strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !strings.HasSuffix(l, "us") && !strings.HasSuffix(l, "is") && n > 3:
		out = append(out, l[:n-1])
	}
	return out
}

// sameLemma reports whether two words with forms la and lb (see lemmas)
// are the same word.
func sameLemma(la, lb []string) bool {
	for _, a := range la {
		if slices.Contains(lb, a) {
			return true
		}
	}
	return false
}

// undouble removes the doubled final consonant of a stem: "mapp" from
// "mapped" is "map".
func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && isConsonant(s[n-1]) && s[n-1] != 'l' && s[n-1] != 's' {
		return s[:n-1]
	}
	return s
}

func isConsonant(c byte) bool {
	return 'a' <= c && c <= 'z' && !strings.ContainsRune("aeiou", rune(c))
}

// hasInnerCapital reports whether w has a capital letter after its first
// rune, as acronyms and names of software have (ReLU, PyTorch, GPUs).
func hasInnerCapital(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
