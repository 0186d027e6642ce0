package stub

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/langref/langref/translate/blocks"
)

// Translatable prose is what a translator rewrites. A finished translation
// keeps, rightly identical to the English, the parts of a block that are
// not prose: images and badges (their alt text is a label, not a
// sentence), attribute lists ({.class}, {: #id}), generator syntax
// (Hugo shortcodes {{< x >}} and {{% x %}}, Liquid {{ x }} and {% x %}),
// HTML tags and link targets. Those parts never make a block count in
// Progress.
var untranslatable = []*regexp.Regexp{
	regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`),            // inline image, alt text included
	regexp.MustCompile(`!\[[^\]]*\]\[[^\]]*\]`),           // reference image
	regexp.MustCompile(`(?s)\{\{[<%].*?[>%]\}\}`),         // Hugo shortcode
	regexp.MustCompile(`(?s)\{\{.*?\}\}|\{%.*?%\}`),       // Liquid output and tags
	regexp.MustCompile(`\{:?\s*[.#][^{}]*\}|\{:[^{}]*\}`), // attribute lists
	regexp.MustCompile(`<[^>]+>`),                         // HTML tags
	regexp.MustCompile(`\]\([^)]*\)|\]\[[^\]]*\]`),        // link targets
	regexp.MustCompile(`(?m)^\s*\[[^\]]+\]:\s*\S+.*$`),    // link reference definitions
	regexp.MustCompile(`https?://\S+`),                    // bare URLs
}

// translatableWords counts the words of a block's translatable prose: its source
// text with the untranslatable parts above removed. Words are runs of
// non-space runes holding a letter.
func translatableWords(b blocks.Block) int {
	s := b.Raw
	for _, re := range untranslatable {
		if re.MatchString(s) {
			s = re.ReplaceAllString(s, " ")
		}
	}
	n := 0
	for _, w := range strings.Fields(s) {
		if hasLetter(w) {
			n++
		}
	}
	return n
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
