package change

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/langref/langref/translate/blocks"
)

// stream is the text of a block as the classifier compares it: its words,
// with inline math and code in place (their delimiters removed and math
// typesetting normalised, see typeset), and which words are verbatim
// material (from math or code, or numbers).
type stream struct {
	words []string
	sym   []bool
}

func (s *stream) add(w string, sym bool) {
	s.words = append(s.words, w)
	s.sym = append(s.sym, sym)
}

// addProse adds the words of prose text, contractions written out.
func (s *stream) addProse(text string) {
	if strings.Contains(text, "…") {
		text = strings.ReplaceAll(text, "…", "...")
	}
	for _, w := range Words(text) {
		if ws := expand(w); ws != nil {
			s.add(ws[0], false)
			s.add(ws[1], false)
			continue
		}
		if g, ok := greekName(w); ok {
			s.add(g, true) // Lambda is λ
			continue
		}
		s.add(w, isNumber(w) || isSymbol(w))
	}
}

// greekName returns the letter a word of prose names when it is the
// name of a Greek letter of three letters or more, in any case: "the
// value of Lambda" and "the value of $\lambda$" say the same.
func greekName(w string) (string, bool) {
	if len(w) < 3 || len(w) > 10 {
		return "", false
	}
	g, ok := greek[lowerASCII(w)]
	return g, ok
}

// isSymbol reports whether a word of prose is a mathematical symbol: a
// single letter (Latin or Greek) that is not a word (a, I).
func isSymbol(w string) bool {
	if len(w) == 1 {
		return isASCIILetter(w[0]) && w != "a" && w != "A" && w != "I"
	}
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.In(r, unicode.Greek)
}

// addSymbols adds the words of math or code.
func (s *stream) addSymbols(text string) {
	for _, w := range Words(text) {
		s.add(w, true)
	}
}

// split returns the stream of b's text and the verbatim material of b that
// is not in its text: link targets, image sources, HTML attribute values,
// Liquid tags, code and math blocks (math typeset, see typeset).
func split(b *blocks.Block) (stream, []string) {
	var s stream
	if b.Text == "" {
		return s, blockVerbatim(b)
	}
	if len(b.Verbatim) == 0 || b.Text == b.Prose {
		s.addProse(b.Text)
		return s, otherVerbatim(b.Verbatim, nil)
	}
	text, rest := b.Text, []string(nil)
	for _, v := range b.Verbatim {
		at, delim := inline(text, v)
		if at < 0 {
			rest = append(rest, v)
			continue
		}
		s.addProse(text[:at])
		if delim == "`" {
			s.addSymbols(v)
		} else {
			s.addSymbols(typeset(v))
		}
		text = text[at+2*len(delim)+len(v):]
	}
	s.addProse(text)
	return s, otherVerbatim(rest, nil)
}

// inline finds v in text as inline math or code: it returns where the
// first of $$v$$, $v$ or `v` starts and its delimiter, or -1.
func inline(text, v string) (int, string) {
	if v == "" || !strings.Contains(text, v) {
		return -1, ""
	}
	at, delim := -1, ""
	for _, d := range []string{"$$", "$", "`"} {
		if i := strings.Index(text, d+v+d); i >= 0 && (at < 0 || i < at) {
			at, delim = i, d
		}
	}
	return at, delim
}

// otherVerbatim returns vs without numbers, which are in the stream.
func otherVerbatim(vs, out []string) []string {
	for _, v := range vs {
		if !isNumber(v) {
			out = append(out, v)
		}
	}
	return out
}

// blockVerbatim returns the verbatim material of a block without text:
// display math typeset, the rest as it is.
func blockVerbatim(b *blocks.Block) []string {
	if b.Kind != blocks.Math {
		return b.Verbatim
	}
	out := make([]string, len(b.Verbatim))
	for i, v := range b.Verbatim {
		out[i] = strings.Join(Words(typeset(v)), " ")
	}
	return out
}

// mathLayout are the TeX commands that only space, size or style the
// symbols around them, and the font commands whose argument is the same
// symbol typeset differently (\mathrm{x}, \text{x}, \mathbf{x}).
var mathLayout = setOf(
	"quad", "qquad", "left", "right", "displaystyle", "textstyle", "scriptstyle",
	"big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
	"limits", "nolimits", "nonumber", "middle",
	"mathrm", "mathit", "mathbf", "mathsf", "mathtt", "mathbb", "mathcal", "mathfrak",
	"boldsymbol", "bm", "text", "textrm", "textit", "textbf", "texttt", "textsf", "mbox",
	"operatorname", "vect",
)

// greek maps the TeX commands of Greek letters to the letters, as prose
// writes them: *β* and $\beta$ are the same symbol.
var greek = map[string]string{
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
	"lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
	"tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
	"Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
	"Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}

// mathDots are the TeX commands for an ellipsis.
var mathDots = setOf("cdots", "ldots", "dots", "dotsc", "dotsb", "dotso", "dotsm")

// typeset returns math (TeX) with its typesetting set aside, so that the
// same symbols typeset differently compare equal: spacing commands (\, \;
// \quad), sizing (\left, \big) and font wrappers (\mathrm, \text) are
// removed, braces too, \cdots, \ldots and … become "...", Greek letters
// become the letters (\beta is β), and other commands lose their
// backslash (\log(N) is log(N)).
func typeset(m string) string {
	if !strings.ContainsAny(m, "\\{}~…") {
		return m
	}
	var b strings.Builder
	for i := 0; i < len(m); i++ {
		c := m[i]
		switch {
		case c == '{' || c == '}':
		case c == '~':
			b.WriteByte(' ')
		case c == '\\' && i+1 < len(m) && isASCIILetter(m[i+1]):
			j := i + 1
			for j < len(m) && isASCIILetter(m[j]) {
				j++
			}
			typesetCommand(&b, m[i+1:j])
			i = j - 1
		case c == '\\' && i+1 < len(m):
			i++
			if strings.IndexByte("{}_%&$#|", m[i]) >= 0 {
				b.WriteString(" \\")
				b.WriteByte(m[i])
			}
			// \, \; \: \! \(space) and \\ only space or break lines
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return strings.ReplaceAll(b.String(), "…", "...")
}

func typesetCommand(b *strings.Builder, name string) {
	switch g, ok := greek[name]; {
	case ok:
		b.WriteByte(' ')
		b.WriteString(g)
		b.WriteByte(' ')
	case mathLayout[name]:
		b.WriteByte(' ')
	case mathDots[name]:
		b.WriteString("...")
	default:
		b.WriteByte(' ')
		b.WriteString(name)
		b.WriteByte(' ')
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
