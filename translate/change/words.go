package change

import (
	"unicode"
	"unicode/utf8"
)

// Words splits s into the tokens that word diffs count: runs of letters,
// digits and marks (joined across an inner apostrophe or hyphen, and across
// an inner . or , between digits), single punctuation or symbol characters,
// and single characters of Han, Hiragana, Katakana and Hangul, scripts
// written without spaces.
func Words(s string) []string {
	if !utf8.ValidString(s) {
		// Invalid bytes become U+FFFD, one each, as []rune(s) makes them.
		return Words(string([]rune(s)))
	}
	if s == "" {
		return nil
	}
	// Most text has a token every five bytes or more: one allocation
	// rather than a slice grown from nothing.
	out := make([]string, 0, len(s)/5+1)
	start := -1
	prev := utf8.RuneError
	for i, r := range s {
		size := utf8.RuneLen(r)
		switch {
		case isCJK(r):
			out = flushWord(out, s, &start, i)
			out = append(out, s[i:i+size])
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && joinsAt(prev, r, s[i+size:]):
		case unicode.IsSpace(r):
			out = flushWord(out, s, &start, i)
		default:
			out = flushWord(out, s, &start, i)
			out = append(out, s[i:i+size])
		}
		prev = r
	}
	if out = flushWord(out, s, &start, len(s)); len(out) == 0 {
		return nil // as a slice grown from nothing
	}
	return out
}

// flushWord appends the word that starts at *start and ends at end, if any.
func flushWord(out []string, s string, start *int, end int) []string {
	if *start >= 0 {
		out = append(out, s[*start:end])
		*start = -1
	}
	return out
}

func isCJK(r rune) bool {
	// Hangul Jamo, at U+1100, is the first block of these scripts.
	return r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return !isCJK(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// joinsAt reports whether r, between prev and the text rest, continues
// the word before it: an apostrophe or hyphen between word runes, or . or ,
// between digits.
func joinsAt(prev, r rune, rest string) bool {
	next, size := utf8.DecodeRuneInString(rest)
	if size == 0 || !isWordRune(prev) || !isWordRune(next) {
		return false
	}
	switch r {
	case '\'', '’', '-':
		return true
	case '.', ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
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
