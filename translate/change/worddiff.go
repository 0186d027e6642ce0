package change

import (
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// wordRunes maps two word lists to runes, each distinct word to one rune
// (the DiffLinesToRunes trick), numbered in order of first appearance.
func wordRunes(a, b []string) (ra, rb []rune) {
	ids := make(map[string]rune, len(a))
	encode := func(ws []string) []rune {
		rs := make([]rune, len(ws))
		for i, w := range ws {
			r, ok := ids[w]
			if !ok {
				r = wordRune(len(ids))
				ids[w] = r
			}
			rs[i] = r
		}
		return rs
	}
	return encode(a), encode(b)
}

// span is a run of a[oldStart:oldEnd] replaced by b[newStart:newEnd].
type span struct{ oldStart, oldEnd, newStart, newEnd int }

// diffSpans diffs two word lists and returns the replaced runs in order.
func diffSpans(a, b []string) []span { return runeSpans(wordRunes(a, b)) }

// runeSpans diffs two lists of runes, standing for words or blocks, with
// go-diff, and returns the replaced runs in order. The diff has no time
// limit, so it is deterministic.
func runeSpans(ra, rb []rune) []span {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	var out []span
	i, j := 0, 0
	open := false
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		if d.Type == diffmatchpatch.DiffEqual {
			i, j, open = i+n, j+n, false
			continue
		}
		if !open {
			out = append(out, span{i, i, j, j})
			open = true
		}
		if d.Type == diffmatchpatch.DiffDelete {
			i += n
		} else {
			j += n
		}
		out[len(out)-1].oldEnd, out[len(out)-1].newEnd = i, j
	}
	return out
}

// wordRune maps word number i to a rune, skipping the surrogate range.
func wordRune(i int) rune {
	r := rune(i + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

// spellingFix reports whether b is a respelling of a, words of 2 runes
// or more: within
// optimal-string-alignment distance 1 (a transposition counts 1), or
// distance 2 for words of 5 runes or more that keep their first letter.
func spellingFix(a, b string) bool {
	if isPunct(a) != isPunct(b) || max(len(a), len(b))-min(len(a), len(b)) > 2*utf8.UTFMax {
		return false
	}
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	if max(len(ra), len(rb)) < 2 {
		return false // one letter or character for another is no respelling
	}
	d := osa(ra, rb)
	return d <= 1 || (d == 2 && max(len(ra), len(rb)) >= 5 && ra[0] == rb[0])
}

// osa is the optimal string alignment distance: Levenshtein plus adjacent
// transpositions.
func osa(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
