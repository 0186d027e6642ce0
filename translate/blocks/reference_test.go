package blocks

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
	"unicode"
	"unicode/utf8"
)

// The functions below are the first, simple versions of helpers that were
// later optimised; the fuzz tests check that both give the same results.

func refCollapse(s string) string {
	var b strings.Builder
	word := -1
	for i := 0; i < len(s); {
		c := s[i]
		n, space := 1, c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case !space && word < 0:
			word = i
		case space && word >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[word:i])
			word = -1
		}
		i += n
	}
	if word >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[word:])
	}
	return b.String()
}

var refIALRe = regexp.MustCompile(`\{:[^}]*\}`)

func refStripIAL(s string) string { return refIALRe.ReplaceAllString(s, " ") }

var refAttrRe = regexp.MustCompile(`([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)

func refAttrValues(tag string) []string {
	var out []string
	for _, m := range refAttrRe.FindAllStringSubmatch(tag, -1) {
		name := strings.ToLower(m[1])
		if name == "alt" || name == "title" {
			continue
		}
		out = append(out, NormalizeLiquid(html.UnescapeString(m[2]+m[3]+m[4])))
	}
	return out
}

var helperSeeds = []string{
	"", " ", "a", " a  b ", "a\u00a0b\u3000c\u2028", "\xe2\x80", "\xf0\xe2\x80\x80x", "x\x85y\xc2\x85z",
	"{: .c} a {:b} {: x", "{:", "}", "<img src=\"a.png\" alt='x' width=50%>", "a = b", "ALT=\"x\" Title='y' t=\"",
	"x-y.z:w = 'q' data-1=v`", "=\"a\" _a=\"b\" 1a=c", "a=\"x\nY\" b=\u00e9\u00e9",
	"one two  three\tfour \u00a0five \u2014six\u00a0", "a \xc2", "a \xe2\x80", "a b ", " a b c d e",
}

func FuzzHelpers(f *testing.F) {
	for _, s := range helperSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapse(s), refCollapse(s); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
		if got, want := collapseBytes([]byte(s)), refCollapse(s); got != want {
			t.Fatalf("collapseBytes(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendCollapsed([]byte("x"), s)), refCollapse("x "+s); got != want {
			t.Fatalf("appendCollapsed(x, %q) = %q, want %q", s, got, want)
		}
		if got, want := stripIAL(s), refStripIAL(s); got != want {
			t.Fatalf("stripIAL(%q) = %q, want %q", s, got, want)
		}
		if got, want := attrValues(s), refAttrValues(s); strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
			t.Fatalf("attrValues(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestSpaceLen(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r) + "x"
		want := 0
		if unicode.IsSpace(r) {
			want = utf8.RuneLen(r)
		}
		if got := spaceLen(s, 0); got != want {
			t.Errorf("spaceLen(%U) = %d, want %d", r, got, want)
		}
		if got := spaceLen([]byte(s[:len(s)-1]), 0); got != want {
			t.Errorf("spaceLen(%U at the end) = %d, want %d", r, got, want)
		}
	}
}

// FuzzPlain checks that the text of plain HTML block content is the same
// whether goldmark parses it or not.
func FuzzPlain(f *testing.F) {
	for _, s := range []string{"a b\nc", "Fig. 1: a cat\n\nb", "a\n1. b", "a\n-b", "é\u00a0x\n\n\nc d", "a\n===", "a\x00b", "a\rb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ls := strings.Split(s, "\n")
		for i := range ls {
			ls[i] = strings.TrimSpace(ls[i])
		}
		src := []byte(strings.Join(ls, "\n"))
		if !plain(src) {
			return
		}
		var fast, slow inlineText
		fast.reset(src, nil)
		fast.both(src)
		slow.reset(src, nil)
		slow.node(md.Parse(text.NewReader(src)))
		ft, fp, fv := fast.result()
		st, sp, sv := slow.result()
		if ft != st || fp != sp || strings.Join(fv, "\x00") != strings.Join(sv, "\x00") || (fv == nil) != (sv == nil) {
			t.Fatalf("plain %q: fast %q %q %q, goldmark %q %q %q", src, ft, fp, fv, st, sp, sv)
		}
	})
}
