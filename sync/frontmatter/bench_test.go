package frontmatter

import "testing"

// BenchmarkParse reads the front matter of a typical translation, as
// site loading does for every page.
func BenchmarkParse(b *testing.B) {
	src := []byte("---\nlang: fr\nlang-ref: ch0001-01\ntitle: rai gefondé\nauthor: Emmy Noether\n" +
		"date: 7 Jan 2019\ntranslator: \"FR Translator 4\"\ntranslation-date: 11 Nov 2023\n---\n\nbody\n")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(src)
	}
}
