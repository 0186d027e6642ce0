package starlight

import (
	"regexp"

	"github.com/langref/langref/sync/profile/jstext"
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
	src = jstext.StripComments(src)
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
			i = jstext.SkipString(body, i)
		default:
			if depth != 0 || !(i == 0 || body[i-1] == ',' || body[i-1] == '{' || isSpace(body[i-1])) {
				continue
			}
			m := entryKey.FindStringSubmatchIndex(body[i:])
			if m == nil || m[0] != 0 {
				continue
			}
			key := firstGroup(body[i:], m)
			end := jstext.Closing(body, i+m[1]-1)
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
