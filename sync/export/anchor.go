package export

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Anchors gives the ids a generator puts on a page's headings, in page
// order. It keeps the counts that make repeated ids unique, so one
// Anchors serves one page.
type Anchors interface {
	// Next returns the id of the page's next heading, from its raw
	// Markdown line(s) and its readable text.
	Next(raw, text string) string
}

// NewAnchors returns the anchor rules of a generator: "jekyll" (kramdown;
// input "GFM", Jekyll's default, or "kramdown"), "hugo" (Goldmark's
// default "github" ids, which Hugo's anchorize gives too).
func NewAnchors(generator, kramdownInput string) Anchors {
	if generator == "hugo" {
		return &githubIDs{seen: map[string]int{}}
	}
	if strings.EqualFold(kramdownInput, "kramdown") {
		return &kramdownIDs{seen: map[string]bool{}}
	}
	return &gfmIDs{seen: map[string]int{}}
}

// explicit matches a kramdown or Goldmark attribute list that names the
// heading's id: "{#id}" or "{: #id .class}" at the end of the heading.
var explicit = regexp.MustCompile(`\s*\{:?\s*[^}]*#([A-Za-z][\w:.-]*)[^}]*\}\s*$`)

// ial matches any trailing attribute list.
var ial = regexp.MustCompile(`\s*\{:?[^}]*\}\s*$`)

// rawHeading returns the text of a heading as written, without its # marks
// (ATX) or underline (setext), and the id an attribute list gives it.
func rawHeading(raw string) (text, id string) {
	raw = strings.TrimRight(raw, "\n")
	lines := strings.Split(raw, "\n")
	if len(lines) > 1 { // setext: the text, then === or ---
		text = strings.TrimSpace(strings.Join(lines[:len(lines)-1], " "))
	} else {
		text = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(raw), "#"))
		if t := strings.TrimRight(text, "#"); t != text && (t == "" || strings.HasSuffix(t, " ")) {
			text = strings.TrimSpace(t)
		}
	}
	if m := explicit.FindStringSubmatch(text); m != nil {
		return strings.TrimSpace(text[:len(text)-len(m[0])]), m[1]
	}
	return strings.TrimSpace(ial.ReplaceAllString(text, "")), ""
}

// gfmIDs are the ids of kramdown's GFM parser (kramdown-parser-gfm's
// generate_gfm_header_id): the heading's text (link targets and HTML tags
// left out, as Jekyll 4.3 builds them) lowercased, everything but word
// characters, hyphens, spaces and tabs removed, spaces and tabs turned to
// hyphens, "-1", "-2" ... after repeats.
type gfmIDs struct{ seen map[string]int }

func (a *gfmIDs) Next(raw, text string) string {
	if _, id := rawHeading(raw); id != "" {
		return id
	}
	text = strings.TrimSpace(ial.ReplaceAllString(text, ""))
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	s := b.String()
	n := a.seen[s]
	a.seen[s] = n + 1
	if n > 0 {
		s += "-" + strconv.Itoa(n)
	}
	return s
}

// kramdownIDs are the ids of kramdown's own parser (basic_generate_id):
// leading non-letters dropped, everything but ASCII letters, digits,
// spaces and hyphens removed, spaces to hyphens, lowercased; "section"
// when nothing is left; "-1", "-2" ... after repeats.
type kramdownIDs struct{ seen map[string]bool }

func (a *kramdownIDs) Next(raw, _ string) string {
	text, id := rawHeading(raw)
	if id != "" {
		a.seen[id] = true
		return id
	}
	text = strings.TrimLeftFunc(text, func(r rune) bool { return !isASCIILetter(r) })
	var b strings.Builder
	for _, r := range text {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || isASCIILetter(r) || (r >= '0' && r <= '9'):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	s := b.String()
	if s == "" {
		s = "section"
	}
	base, n := s, 0
	for a.seen[s] {
		n++
		s = base + "-" + strconv.Itoa(n)
	}
	a.seen[s] = true
	return s
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// githubIDs are Goldmark's default heading ids, as Hugo makes them (its
// anchorize function gives the same): the rendered text lowercased,
// letters, digits, hyphens and underscores kept, spaces to hyphens, the
// rest dropped; "-1", "-2" ... after repeats.
type githubIDs struct{ seen map[string]int }

func (a *githubIDs) Next(raw, text string) string {
	if _, id := rawHeading(raw); id != "" {
		return id
	}
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r):
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	s := b.String()
	if s == "" {
		s = "heading"
	}
	n := a.seen[s]
	a.seen[s] = n + 1
	if n > 0 {
		s += "-" + strconv.Itoa(n)
	}
	return s
}
