package change

import "unicode"

// Words splits s into the tokens that word diffs count: runs of letters,
// digits and marks (joined across an inner apostrophe or hyphen, and across
// an inner . or , between digits), single punctuation or symbol characters,
// and single characters of Han, Hiragana, Katakana and Hangul, scripts
// written without spaces.
func Words(s string) []string {
	rs := []rune(s)
	var out []string
	start := -1
	flush := func(i int) {
		if start >= 0 {
			out = append(out, string(rs[start:i]))
			start = -1
		}
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
		case start >= 0 && joins(rs, i):
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

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func isWordRune(r rune) bool {
	return !isCJK(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// joins reports whether rs[i] continues the word before it: an apostrophe
// or hyphen between word runes, or . or , between digits.
func joins(rs []rune, i int) bool {
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

// isNumber reports whether w is made of digits and inner separators only.
func isNumber(w string) bool {
	digits := false
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits = true
		case r != '.' && r != ',':
			return false
		}
	}
	return digits
}

// isPunct reports whether w is a single non-word character.
func isPunct(w string) bool {
	rs := []rune(w)
	return len(rs) == 1 && !isWordRune(rs[0]) && !isCJK(rs[0])
}
