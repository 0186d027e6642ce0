// Package jstext reads JavaScript configuration files as text, without a
// JavaScript runtime: comments blanked, strings skipped, braces matched.
// It is tolerant: input that is not JavaScript gives best guesses, never
// a panic.
package jstext

import (
	"regexp"
	"strings"
)

// Closing returns the index of the brace closing the one at open, or -1.
func Closing(s string, open int) int {
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
			i = SkipString(s, i)
		}
	}
	return -1
}

// SkipString returns the index of the quote closing the string at i.
func SkipString(s string, i int) int {
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

// StripComments blanks // and /* */ comments outside strings, keeping
// line breaks.
func StripComments(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\'' || src[i] == '"' || src[i] == '`':
			j := SkipString(src, i)
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

var stringLit = regexp.MustCompile(`'([^'\\]*)'|"([^"\\]*)"|` + "`([^`\\\\]*)`")

// StringList returns the string literals of the first array literal that
// follows a match of key (a regular expression such as `\blocales\s*:`) in
// src, comments stripped: ['en', "fr"] gives en and fr.
func StringList(src string, key *regexp.Regexp) []string {
	loc := key.FindStringIndex(src)
	if loc == nil {
		return nil
	}
	rest := strings.TrimLeft(src[loc[1]:], " \t\r\n")
	if !strings.HasPrefix(rest, "[") {
		return nil
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		end = len(rest)
	}
	var out []string
	for _, m := range stringLit.FindAllStringSubmatch(rest[:end], -1) {
		out = append(out, m[1]+m[2]+m[3])
	}
	return out
}

// StringValue returns the string literal assigned to the first match of
// key (`\bdefaultLocale\s*:`) in src, or "".
func StringValue(src string, key *regexp.Regexp) string {
	loc := key.FindStringIndex(src)
	if loc == nil {
		return ""
	}
	rest := strings.TrimLeft(src[loc[1]:], " \t\r\n")
	if m := stringLit.FindStringSubmatchIndex(rest); m != nil && m[0] == 0 {
		return rest[max(m[2], m[4], m[6]):max(m[3], m[5], m[7])]
	}
	return ""
}
