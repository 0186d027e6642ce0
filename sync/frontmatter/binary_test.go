package frontmatter

import (
	"reflect"
	"testing"
)

// roundTrip checks that DecodeDoc gives back d, its Body aside.
func roundTrip(t *testing.T, d *Doc) {
	t.Helper()
	b := AppendBinary([]byte("prefix"), d)
	got, err := DecodeDoc(string(b[len("prefix"):]))
	if err != nil {
		t.Fatalf("DecodeDoc: %v", err)
	}
	want := *d
	want.Body = nil
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("DecodeDoc(AppendBinary(d)) =\n%#v\nwant\n%#v", got, &want)
	}
	for i, f := range want.Fields {
		if g := got.Fields[i]; !reflect.DeepEqual(g.YAML(), f.YAML()) {
			t.Errorf("field %d (%s): YAML() = %#v, want %#v", i, f.Key, g.YAML(), f.YAML())
		}
	}
}

// TestBinaryRoundTrip: everything Parse reads of a page, but the body,
// survives AppendBinary and DecodeDoc: fields read with and without the
// YAML parser, nested nodes, aliases shared by several fields, comments,
// problems, and the formats of Hugo.
func TestBinaryRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		rules Rules
	}{
		{"simple fields", "---\nlang: fr\nlang-ref: 'a'\ntitle: \"x\"\n---\nbody\n", Jekyll},
		{"no fields", "---\n---\nbody\n", Jekyll},
		{"empty mapping", "---\n{}\n---\n", Jekyll},
		{"nested and lists", "---\nlang: fr\nl10n:\n  sourceCommit: abc # pinned\ntags: [a, b]\n---\n", Jekyll},
		{"alias shared by fields", "---\na: &x {k: 1}\nb: *x\n<<: *x\n---\n", Jekyll},
		{"block scalar", "---\ntitle: |\n  two\n  lines\n---\n", Jekyll},
		{"syntax problem", "---\ntitle: a: b\nlang: fr\n---\n", Jekyll},
		{"not a mapping", "---\n- a\n---\n", Jekyll},
		{"unterminated", "---\nlang: fr\n", Jekyll},
		{"byte-order mark", "\xef\xbb\xbf---\nlang: fr\n---\n", Jekyll},
		{"missing open", "lang: fr\nlang-ref: a\n---\n", Jekyll},
		{"invalid UTF-8", "---\nlang: fr\n---\n\xff", Jekyll},
		{"static file", "# Title\n", Jekyll},
		{"TOML", "+++\ntitle = 'a'\n[params]\nx = 1\n+++\nbody", hugoRules},
		{"JSON", "{\"title\": \"a\", \"tags\": [\"x\"]}\nbody", hugoRules},
		{"no front matter, optional", "body only\n", hugoRules},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			roundTrip(t, ParseWith([]byte(tt.src), tt.rules))
		})
	}
}

// TestDecodeDocRefusesDamage: every truncation of an encoding, and bytes
// appended to one, give an error rather than a wrong Doc or a panic.
func TestDecodeDocRefusesDamage(t *testing.T) {
	d := Parse([]byte("---\na: &x {k: [1, 2]}\nb: *x\ntitle: t\n---\n"))
	b := string(AppendBinary(nil, d))
	for n := range len(b) {
		if _, err := DecodeDoc(b[:n]); err == nil {
			t.Errorf("DecodeDoc of the first %d of %d bytes: no error", n, len(b))
		}
	}
	if _, err := DecodeDoc(b + "x"); err == nil {
		t.Error("DecodeDoc with a trailing byte: no error")
	}
}

func FuzzBinaryRoundTrip(f *testing.F) {
	for _, s := range []string{"---\na: &x 1\nb: *x\n---\n", "+++\na = 1\n+++\n", "---\ntitle: a: b\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		roundTrip(t, ParseWith(src, hugoRules))
		roundTrip(t, Parse(src))
	})
}

// FuzzDecodeDoc: arbitrary bytes never make DecodeDoc panic.
func FuzzDecodeDoc(f *testing.F) {
	f.Add(string(AppendBinary(nil, Parse([]byte("---\na: &x [1]\nb: *x\n---\n")))))
	f.Fuzz(func(t *testing.T, data string) {
		if d, err := DecodeDoc(data); err == nil {
			roundTrip(t, d) // what decodes encodes again to the same
		}
	})
}
