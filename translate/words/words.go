// Package words says whether a string is an English word. Its list is
// wamerican 2020.12.07 (SCOWL size 50, American spelling, as Debian ships it
// in /usr/share/dict/american-english), possessives ("cat's") left out,
// sorted by byte value and gzipped; LICENSE beside it is the list's
// copyright notice. Size 50 is the size SCOWL recommends for spell
// checking: larger lists accept rare words that are common misspellings
// of others.
//
// The list is decompressed on the first lookup, not at start-up, so a
// program that never asks pays nothing for it.
package words

//go:generate sh -c "grep -v \"'s$\" /usr/share/dict/american-english | LC_ALL=C sort -u | gzip -9n > american-english.gz"

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed american-english.gz
var compressed []byte

// list is the word list: one word per line, sorted by byte value, with a
// final newline.
var list = sync.OnceValue(newList)

// listSize is the size of the decompressed list, so that it is read
// into one buffer of the right size.
const listSize = 677102

// newList decompresses the embedded list.
func newList() string {
	r, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		panic("words: embedded list: " + err.Error()) // the build embeds a valid file
	}
	var b strings.Builder
	b.Grow(listSize)
	if _, err := io.Copy(&b, r); err != nil {
		panic("words: embedded list: " + err.Error())
	}
	return b.String()
}

// Contains reports whether w is in the list, exactly as written: "Gaussian"
// is, "gaussian" is not, and "the" is but "The" is not. See Known for the
// lookup prose needs.
func Contains(w string) bool {
	if w == "" || strings.IndexByte(w, '\n') >= 0 {
		return false
	}
	l := list()
	// Binary search on byte offsets: each probe backs up to the start of
	// the line it falls in.
	lo, hi := 0, len(l) // the word, if present, starts a line in l[lo:hi]
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(l[lo:mid], '\n') + 1 + lo
		end := start + strings.IndexByte(l[start:], '\n')
		switch c := strings.Compare(w, l[start:end]); {
		case c == 0:
			return true
		case c < 0:
			hi = start
		default:
			lo = end + 1
		}
	}
	return false
}

// Known reports whether w is a word of the list as prose writes it: as
// listed, or with a capital first letter (a sentence start or a title) for a
// listed lower-case word, or in capitals for a listed word, or with a
// possessive 's or ’s ending a listed word.
func Known(w string) bool {
	if Contains(w) {
		return true
	}
	for _, suffix := range []string{"'s", "’s", "'", "’"} {
		if base, ok := strings.CutSuffix(w, suffix); ok && base != "" {
			return Known(base)
		}
	}
	lower := strings.ToLower(w)
	if lower == w {
		return false
	}
	if Contains(lower) {
		return true
	}
	r, size := utf8.DecodeRuneInString(lower)
	title := string(unicode.ToUpper(r)) + lower[size:]
	return title != w && Contains(title)
}
