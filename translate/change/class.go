// Package change classifies what an edit of the English text of a page
// means for its translations: nothing (cosmetic), a misspelling corrected
// (typo), the same words in another grammatical form or order (grammar), a
// change to material translations copy as is (verbatim), or a change of
// what the text says (content).
package change

import "fmt"

// Class is the severity of a change. Classes are ordered, so the most
// severe of several changes is their maximum.
type Class int

// Change classes, from least to most severe.
const (
	Cosmetic Class = iota // nothing a reader reads changed: layout, markup, typesetting
	Typo                  // a misspelling corrected, or a change of letter case
	Grammar               // articles, punctuation, inflection, function words or word order
	Verbatim              // code, math, a link target, an image source, a number or an HTML attribute changed
	Content               // a word of meaning added, removed or replaced; structure changed
)

var classNames = [...]string{"cosmetic", "typo", "grammar", "verbatim", "content"}

// String returns the lower-case name of c.
func (c Class) String() string {
	if c < 0 || int(c) >= len(classNames) {
		return fmt.Sprintf("class(%d)", int(c))
	}
	return classNames[c]
}

// ParseClass returns the class named s, as String writes it.
func ParseClass(s string) (Class, error) {
	for i, n := range classNames {
		if n == s {
			return Class(i), nil
		}
	}
	return 0, fmt.Errorf("unknown change class %q (want cosmetic, typo, grammar, verbatim or content)", s)
}

// MarshalText encodes c by name, for JSON reports.
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText decodes a class name.
func (c *Class) UnmarshalText(b []byte) error {
	v, err := ParseClass(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
