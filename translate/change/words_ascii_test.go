package change

import (
	"testing"
	"unicode"
)

func TestIsWordRuneASCII(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if isWordRune(r) != want {
			t.Errorf("isWordRune(%q) = %t", r, !want)
		}
	}
}
