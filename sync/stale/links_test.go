package stale

import (
	"reflect"
	"regexp"
	"testing"
)

// The expressions the link scanners stand for (links.go).
var (
	linkRe     = regexp.MustCompile(`\]\(\s*<?([^)\s>]+)|<(https?://[^>\s]+)>|\b(?:href|src)\s*=\s*["']([^"']+)`)
	linkTarget = regexp.MustCompile(`\]\([^)\s]*(\s+"[^"]*")?\)`)
)

// FuzzLinkScanners: the scanners find what the expressions find.
func FuzzLinkScanners(f *testing.F) {
	for _, s := range []string{
		`see [a](b.md) and <https://x.org> <img src="c.png"> href='d'`,
		`[a]( <b.md>) [c](<) [d]( ) [e](f "title") [g](h "t" ) ![i](j)`,
		`<http://> <https://x y> <httpss://x> xsrc="a" src = 'b' href=""`,
		"[a](b\t\"multi\nline\") [c](d\"e\") ](\n) ]]((x)",
		`{{ "x" }}](a{{b}}) [link]({{ site.url }}/x)`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []string
		for _, m := range linkRe.FindAllStringSubmatch(s, -1) {
			want = append(want, m[1]+m[2]+m[3])
		}
		var got []string
		findLinks(s, func(l string) { got = append(got, l) })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("findLinks(%q) = %q, want %q", s, got, want)
		}
		if got, want := dropLinkTargets(s), linkTarget.ReplaceAllString(s, "]"); got != want {
			t.Errorf("dropLinkTargets(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkLinks compares the scanners with the expressions they replace
// on a paragraph of the bench site's kind.
func BenchmarkLinks(b *testing.B) {
	s := "Sample large `f59()` recurrent on usually probability adaptive because stride many\n" +
		"different new target. Decoder high define derivative can channel generative however\n" +
		"curvature by softmax define in stochastic. See [the notes](https://docs9.example.org/ch1000-19/) " +
		"and ![a figure](img/fig.png \"Figure 1\") or <https://example.org/x>.\n"
	b.Run("findLinks", func(b *testing.B) {
		for b.Loop() {
			findLinks(s, func(string) {})
		}
	})
	b.Run("linkRe", func(b *testing.B) {
		for b.Loop() {
			linkRe.FindAllStringSubmatch(s, -1)
		}
	})
	b.Run("dropLinkTargets", func(b *testing.B) {
		for b.Loop() {
			dropLinkTargets(s)
		}
	})
	b.Run("linkTarget", func(b *testing.B) {
		for b.Loop() {
			linkTarget.ReplaceAllString(s, "]")
		}
	})
}
