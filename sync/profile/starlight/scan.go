package starlight

import (
	"regexp"
	"strings"
)

// locale is one entry of Starlight's locales: its key (the folder, or
// "root") and its lang attribute.
type locale struct {
	key, lang string
}

// astroConfig is what langref reads of astro.config.*: the locales object
// and defaultLocale, found as text without running JavaScript.
type astroConfig struct {
	locales       []locale
	defaultLocale string
}

var (
	localesStart  = regexp.MustCompile(`\blocales\s*[:=]\s*\{`)
	defaultLocale = regexp.MustCompile(`\bdefaultLocale\s*:\s*['"]([^'"]+)['"]`)
	langAttr      = regexp.MustCompile(`\blang\s*:\s*['"]([^'"]+)['"]`)
	entryKey      = regexp.MustCompile(`^\s*(?:'([^']*)'|"([^"]*)"|([A-Za-z_$][\w$-]*))\s*:\s*\{`)
)

// scanConfig reads the locales of an Astro configuration: the first object
// literal assigned to locales (locales: {...} or const locales = {...}),
// each top-level key with the lang inside its value.
func scanConfig(src string) astroConfig {
	src = stripComments(src)
	var c astroConfig
	if m := defaultLocale.FindStringSubmatch(src); m != nil {
		c.defaultLocale = m[1]
	}
	loc := localesStart.FindStringIndex(src)
	if loc == nil {
		return c
	}
	body := src[loc[1]:]
	for depth, i := 0, 0; i < len(body); i++ {
		switch body[i] {
		case '{':
			depth++
		case '}':
			if depth == 0 {
				return c
			}
			depth--
		case '\'', '"', '`':
			i = skipString(body, i)
		default:
			if depth != 0 || !(i == 0 || body[i-1] == ',' || body[i-1] == '{' || isSpace(body[i-1])) {
				continue
			}
			m := entryKey.FindStringSubmatchIndex(body[i:])
			if m == nil || m[0] != 0 {
				continue
			}
			key := firstGroup(body[i:], m)
			end := closing(body, i+m[1]-1)
			if end < 0 {
				end = len(body) // unclosed: read to the end of the file
			}
			l := locale{key: key}
			if lm := langAttr.FindStringSubmatch(body[i+m[1] : end]); lm != nil {
				l.lang = lm[1]
			}
			c.locales = append(c.locales, l)
			i = end
		}
	}
	return c
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func firstGroup(s string, m []int) string {
	for g := 1; g <= 3; g++ {
		if m[2*g] >= 0 {
			return s[m[2*g]:m[2*g+1]]
		}
	}
	return ""
}

// closing returns the index of the brace closing the one at open, or -1.
func closing(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		case '\'', '"', '`':
			i = skipString(s, i)
		}
	}
	return -1
}

// skipString returns the index of the quote closing the string at i.
func skipString(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j
		}
	}
	return len(s) - 1
}

// stripComments blanks // and /* */ comments outside strings, keeping
// line breaks.
func stripComments(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\'' || src[i] == '"' || src[i] == '`':
			j := skipString(src, i)
			b.WriteString(src[i : j+1])
			i = j
		case strings.HasPrefix(src[i:], "//") && (i == 0 || src[i-1] != ':'):
			for i < len(src) && src[i] != '\n' {
				i++
			}
			if i < len(src) {
				b.WriteByte('\n')
			}
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return b.String()
			}
			b.WriteString(strings.Repeat("\n", strings.Count(src[i:i+2+end+2], "\n")))
			i += 2 + end + 1
		default:
			b.WriteByte(src[i])
		}
	}
	return b.String()
}
