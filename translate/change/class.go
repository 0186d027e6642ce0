// Package change classifies what an edit of the English text of a page
// means for its translations: nothing (cosmetic), a small fix (typo), a
// change to material translations copy as is (verbatim), or new or
// rewritten prose (content).
package change

import "fmt"

// Class is the severity of a change. Classes are ordered, so the most
// severe of several changes is their maximum.
type Class int

// Change classes, from least to most severe.
const (
	Cosmetic Class = iota // nothing a reader sees changed
	Typo                  // a small prose or markup fix
	Verbatim              // code, math, a link target, an image source, a number or an HTML attribute changed
	Content               // prose added, removed or rewritten; structure changed
)

var classNames = [...]string{"cosmetic", "typo", "verbatim", "content"}

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
	return 0, fmt.Errorf("unknown change class %q (want cosmetic, typo, verbatim or content)", s)
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
