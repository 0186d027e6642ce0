package change

import (
	"slices"
	"strings"
	"unicode"

	"github.com/langref/langref/translate/words"
)

// hunk is one run of deleted and inserted prose words between unchanged
// words.
type hunk struct{ del, ins []string }

// maxSpellingPairs bounds the words of a hunk side that are tried as
// respellings of the other side's: a larger hunk is a rewrite.
const maxSpellingPairs = 16

// classify returns the class of the edits of h that pair up and the words
// it deleted and inserted that pair with nothing (see Classify).
func (h hunk) classify() (c Class, del, ins []string) {
	c = Cosmetic
	del, ins = h.del, h.ins
	if dropAbbreviations(&del, &ins) {
		c = Typo
	}
	if pd, pi := dropPunct(&del), dropPunct(&ins); pd || pi {
		c = Grammar
	}
	pd, pi := make([]bool, len(del)), make([]bool, len(ins))
	c = max(c, pairVariants(del, ins, pd, pi))
	if unpaired(pd) <= maxSpellingPairs && unpaired(pi) <= maxSpellingPairs {
		c = max(c, pairSpellings(del, ins, pd, pi))
	}
	c = max(c, pairLemmas(del, ins, pd, pi))
	var g bool
	del, g = leftOver(del, pd)
	c = max(c, grammarIf(g))
	ins, g = leftOver(ins, pi)
	c = max(c, grammarIf(g))
	return c, del, ins
}

func grammarIf(b bool) Class {
	if b {
		return Grammar
	}
	return Cosmetic
}

// dropAbbreviations removes the abbreviations of del and ins written out
// on the other side, or abbreviated: a word of 2 letters or more followed
// by a period, and a longer word it begins ("Fig." and "Figure"). It
// reports whether there were any.
func dropAbbreviations(del, ins *[]string) bool {
	found := false
	for _, sides := range [2][2]*[]string{{del, ins}, {ins, del}} {
		short, long := sides[0], sides[1]
		for i := 0; i+1 < len(*short); i++ {
			a := (*short)[i]
			if (*short)[i+1] != "." || len(a) < 2 || isPunct(a) {
				continue
			}
			for j, w := range *long {
				if len(w) > len(a) && strings.HasPrefix(lowerASCII(w), lowerASCII(a)) {
					*short = slices.Delete(slices.Clone(*short), i, i+2)
					*long = slices.Delete(slices.Clone(*long), j, j+1)
					found = true
					i--
					break
				}
			}
		}
	}
	return found
}

// dropPunct removes punctuation from *ws and reports whether it did.
func dropPunct(ws *[]string) bool {
	n := len(*ws)
	for _, w := range *ws {
		if isPunct(w) {
			out := make([]string, 0, n)
			for _, w := range *ws {
				if !isPunct(w) {
					out = append(out, w)
				}
			}
			*ws = out
			return true
		}
	}
	return false
}

// pairVariants pairs the words of del and ins that are equal (moved:
// Grammar) or the same up to case, hyphens or British and American
// spelling (Typo).
func pairVariants(del, ins []string, pd, pi []bool) Class {
	c := Cosmetic
	for i, d := range del {
		for j, w := range ins {
			if pi[j] {
				continue
			}
			if d == w {
				pd[i], pi[j] = true, true
				c = max(c, Grammar)
				break
			}
			if variant(d) == variant(w) {
				pd[i], pi[j] = true, true
				c = max(c, Typo)
				break
			}
		}
	}
	return c
}

// variant folds the spelling of w: lower case, without hyphens, with the
// British spellings of -our, -ll-, -ise, -yse, -tre and grey made
// American.
func variant(w string) string {
	w = strings.ReplaceAll(lowerASCII(w), "-", "")
	if !strings.ContainsAny(w, "lrsy") {
		return w
	}
	return variants.Replace(w)
}

var variants = strings.NewReplacer("ll", "l", "our", "or", "ise", "ize", "isa", "iza", "yse", "yze", "tre", "ter", "grey", "gray")

// pairLemmas pairs the words of del and ins that are the same word in
// another inflection, or equal: Grammar.
func pairLemmas(del, ins []string, pd, pi []bool) Class {
	c := Cosmetic
	if unpaired(pd) == 0 || unpaired(pi) == 0 {
		return c
	}
	li := make([][]string, len(ins))
	for j, w := range ins {
		li[j] = lemmas(w)
	}
	for i, d := range del {
		if pd[i] {
			continue
		}
		ld := lemmas(d)
		for j := range ins {
			if !pi[j] && sameLemma(ld, li[j]) {
				pd[i], pi[j] = true, true
				c = Grammar
				break
			}
		}
	}
	return c
}

// pairSpellings pairs the words of del and ins that are misspellings of one
// another: close in spelling (see spellingFix), one of them at least not a
// known word (see known).
func pairSpellings(del, ins []string, pd, pi []bool) Class {
	c := Cosmetic
	for i, d := range del {
		if pd[i] {
			continue
		}
		for j, w := range ins {
			if !pi[j] && (spellingFix(d, w) && (!known(d) || !known(w) || swapped(d, w)) || confused(d, w)) {
				pd[i], pi[j] = true, true
				c = Typo
				break
			}
		}
	}
	return c
}

// swapped reports whether a and b, one of them with a capital after its
// first letter (an acronym, a name), differ by two adjacent letters
// swapped: PyTorch and PyTroch. Acronyms are known words, yet a swap makes
// none.
func swapped(a, b string) bool {
	if len(a) != len(b) || !hasInnerCapital(a) && !hasInnerCapital(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

func unpaired(paired []bool) int {
	n := 0
	for _, p := range paired {
		if !p {
			n++
		}
	}
	return n
}

// leftOver returns the unpaired words of ws that are not function words,
// and whether there were function words among the unpaired.
func leftOver(ws []string, paired []bool) (out []string, function bool) {
	for i, w := range ws {
		switch {
		case paired[i]:
		case isFunctionWord(w):
			function = true
		default:
			out = append(out, w)
		}
	}
	return out, function
}

// pairMoved removes from del and ins the words that pair by lemma: words
// moved from one hunk to another. It returns what is left.
func pairMoved(del, ins []string) ([]string, []string) {
	if len(del) == 0 || len(ins) == 0 {
		return del, ins
	}
	pd, pi := make([]bool, len(del)), make([]bool, len(ins))
	pairVariants(del, ins, pd, pi)
	pairLemmas(del, ins, pd, pi)
	del, _ = leftOver(del, pd)
	ins, _ = leftOver(ins, pi)
	return del, ins
}

// known reports whether w is a word of the language, not a misspelling:
// a function word, a word of the list (see package words), a word with a
// digit (L2, x86), a word with a capital after its first letter (ReLU,
// PyTorch, GPUs), or a hyphenated word whose parts are all known.
func known(w string) bool {
	switch {
	case isFunctionWord(w) || strings.ContainsFunc(w, unicode.IsDigit):
		return true
	case strings.Contains(w, "-"):
		for part := range strings.SplitSeq(w, "-") {
			if part != "" && !known(part) {
				return false
			}
		}
		return true
	}
	return hasInnerCapital(w) || words.Known(w)
}

// confusables are pairs of English words that writers commonly confuse
// for one another, each a misspelling of the other when it is the word
// not meant: "to a certain extend" is a typo for "extent".
var confusables = map[[2]string]bool{}

func init() {
	for _, p := range [][2]string{
		{"extend", "extent"}, {"form", "from"}, {"than", "then"}, {"lose", "loose"},
		{"affect", "effect"}, {"affects", "effects"}, {"principal", "principle"},
		{"complement", "compliment"}, {"weather", "whether"}, {"their", "there"},
		{"accept", "except"}, {"advice", "advise"}, {"breath", "breathe"},
		{"dependant", "dependent"}, {"discreet", "discrete"}, {"quite", "quiet"},
		{"its", "it's"}, {"whose", "who's"}, {"your", "you're"}, {"to", "too"},
		{"led", "lead"}, {"passed", "past"}, {"sense", "since"},
	} {
		confusables[p] = true
		confusables[[2]string{p[1], p[0]}] = true
	}
}

// confused reports whether a and b, case aside, are a pair of
// confusables.
func confused(a, b string) bool {
	return confusables[[2]string{lowerASCII(a), lowerASCII(b)}]
}
