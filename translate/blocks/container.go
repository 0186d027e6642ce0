package blocks

import "bytes"

// stripContainer removes the indentation, block quote markers and list
// markers in front of a line's content.
func stripContainer(t []byte) []byte {
	for {
		t = trimLeft(t)
		switch {
		case bytes.HasPrefix(t, []byte(">")):
			t = t[1:]
		case len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t') && !isBreak(t):
			t = t[2:]
		default:
			if n := orderedMarker(t); n > 0 {
				t = t[n:]
				continue
			}
			return t
		}
	}
}

// orderedMarker returns the length of an ordered list marker such as "12. "
// at the start of t, or 0.
func orderedMarker(t []byte) int {
	i := 0
	for i < len(t) && i < 9 && isDigit(t[i]) {
		i++
	}
	if i == 0 || i+1 >= len(t) || (t[i] != '.' && t[i] != ')') || (t[i+1] != ' ' && t[i+1] != '\t') {
		return 0
	}
	return i + 2
}

// isBreak reports whether t is a thematic break: three or more of the same
// -, * or _ with only spaces between.
func isBreak(t []byte) bool {
	t = trimSpace(t)
	if len(t) < 3 || (t[0] != '-' && t[0] != '*' && t[0] != '_') {
		return false
	}
	n := 0
	for _, c := range t {
		switch c {
		case t[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// isSetextLine reports whether t underlines a setext heading.
func isSetextLine(t []byte) bool {
	t = trimSpace(t)
	if len(t) == 0 || (t[0] != '=' && t[0] != '-') {
		return false
	}
	return len(bytes.Trim(t, string(t[0:1]))) == 0
}

// isDelimiterRow reports whether t is a table delimiter row like |---|:-:|.
func isDelimiterRow(t []byte) bool {
	t = trimSpace(t)
	if len(t) == 0 || !bytes.Contains(t, []byte("-")) {
		return false
	}
	for _, c := range t {
		if c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
