package stale

import "strings"

// The link scanners below read what two regular expressions matched, in
// one pass without backtracking (links_test.go checks them against the
// expressions):
//
//	findLinks:        \]\(\s*<?([^)\s>]+)|<(https?://[^>\s]+)>|\b(?:href|src)\s*=\s*["']([^"']+)
//	dropLinkTargets:  \]\([^)\s]*(\s+"[^"]*")?\)  replaced by "]"
//
// \s is RE2's: tab, newline, form feed, carriage return and space.

// reSpace reports whether c is white space to \s.
func reSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// wordByte reports whether c is a word character to \b.
func wordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// findLinks calls f with the link target of each match of the first
// expression in s, in order: the text of the group that matched.
func findLinks(s string, f func(string)) {
	for i := 0; i < len(s); {
		t, end := linkAt(s, i)
		if end < 0 {
			i++
			continue
		}
		f(t)
		i = end
	}
}

// linkAt matches the first expression at s[i:], returning its group and
// the end of the match, or end -1.
func linkAt(s string, i int) (string, int) {
	switch c := s[i]; {
	case c == ']':
		if i+1 >= len(s) || s[i+1] != '(' {
			return "", -1
		}
		j := i + 2
		for j < len(s) && reSpace(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '<' {
			if k := skipLinkRun(s, j+1); k > j+1 {
				return s[j+1 : k], k
			}
			return s[j : j+1], j + 1 // "<" itself, matched as the group
		}
		if k := skipLinkRun(s, j); k > j {
			return s[j:k], k
		}
	case c == '<':
		j := i + 1
		if !strings.HasPrefix(s[j:], "http") {
			return "", -1
		}
		j += 4
		if j < len(s) && s[j] == 's' {
			j++
		}
		if !strings.HasPrefix(s[j:], "://") {
			return "", -1
		}
		k := j + 3
		for k < len(s) && s[k] != '>' && !reSpace(s[k]) {
			k++
		}
		if k > j+3 && k < len(s) && s[k] == '>' {
			return s[i+1 : k], k + 1
		}
	case c == 'h' || c == 's':
		if i > 0 && wordByte(s[i-1]) {
			return "", -1
		}
		j := i
		switch {
		case strings.HasPrefix(s[j:], "href"):
			j += 4
		case strings.HasPrefix(s[j:], "src"):
			j += 3
		default:
			return "", -1
		}
		for j < len(s) && reSpace(s[j]) {
			j++
		}
		if j >= len(s) || s[j] != '=' {
			return "", -1
		}
		j++
		for j < len(s) && reSpace(s[j]) {
			j++
		}
		if j >= len(s) || s[j] != '"' && s[j] != '\'' {
			return "", -1
		}
		j++
		k := j
		for k < len(s) && s[k] != '"' && s[k] != '\'' {
			k++
		}
		if k > j {
			return s[j:k], k
		}
	}
	return "", -1
}

// skipLinkRun returns the end of the run of [^)\s>] at s[i:].
func skipLinkRun(s string, i int) int {
	for i < len(s) && s[i] != ')' && s[i] != '>' && !reSpace(s[i]) {
		i++
	}
	return i
}

// dropLinkTargets replaces each match of the second expression in s by
// "]": the targets (and titles) of Markdown links and images.
func dropLinkTargets(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ']' || s[i+1] != '(' {
			continue
		}
		end := linkTargetEnd(s, i+2)
		if end < 0 {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:i])
		b.WriteByte(']')
		last = end
		i = end - 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// linkTargetEnd matches [^)\s]*(\s+"[^"]*")?\) at s[j:], returning the
// end of the match or -1.
func linkTargetEnd(s string, j int) int {
	for j < len(s) && s[j] != ')' && !reSpace(s[j]) {
		j++
	}
	if j < len(s) && s[j] == ')' {
		return j + 1
	}
	k := j
	for k < len(s) && reSpace(s[k]) {
		k++
	}
	if k == j || k >= len(s) || s[k] != '"' {
		return -1
	}
	q := strings.IndexByte(s[k+1:], '"')
	if q < 0 {
		return -1
	}
	k += 1 + q + 1
	if k < len(s) && s[k] == ')' {
		return k + 1
	}
	return -1
}
