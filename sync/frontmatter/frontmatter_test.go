package frontmatter

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"
)

// field is what a test expects of one Field.
type field struct {
	key  string
	line int
	kind Kind
	text string
}

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		page     bool
		problem  ProblemKind // "" for none
		line     int         // problem line, when problem is set
		fields   []field
		bodyLine int
		body     string
		close    int
	}{
		{
			name: "plain page", src: "---\nlang: fr\nlang-ref: a\n---\nbody\n",
			page: true, fields: []field{{"lang", 2, String, "fr"}, {"lang-ref", 3, String, "a"}},
			bodyLine: 5, body: "body\n", close: 4,
		},
		{
			name: "CRLF line ends", src: "---\r\nlang: fr\r\nlang-ref: a\r\n---\r\nbody\r\n",
			page: true, fields: []field{{"lang", 2, String, "fr"}, {"lang-ref", 3, String, "a"}},
			bodyLine: 5, body: "body\r\n", close: 4,
		},
		{
			name: "trailing spaces after the opening and closing lines", src: "--- \t\nlang: fr\n---  \nbody",
			page: true, fields: []field{{"lang", 2, String, "fr"}},
			bodyLine: 4, body: "body", close: 3,
		},
		{
			name: "dots close the block", src: "---\nlang: fr\n...\nbody",
			page: true, fields: []field{{"lang", 2, String, "fr"}},
			bodyLine: 4, body: "body", close: 3,
		},
		{
			name: "the first closing line wins", src: "---\nlang: fr\n---\n---\n",
			page: true, fields: []field{{"lang", 2, String, "fr"}},
			bodyLine: 4, body: "---\n", close: 3,
		},
		{
			name: "empty front matter", src: "---\n---\n",
			page: true, bodyLine: 3, body: "", close: 2,
		},
		{
			name: "null front matter is an empty mapping", src: "---\n~\n---\n",
			page: true, bodyLine: 4, body: "", close: 3,
		},
		{
			name: "byte-order mark before the opening line", src: "\xef\xbb\xbf---\nlang: fr\nlang-ref: a\n---\n",
			problem: BOM, line: 1, fields: []field{{"lang", 2, String, "fr"}, {"lang-ref", 3, String, "a"}},
			bodyLine: 1, body: "\xef\xbb\xbf---\nlang: fr\nlang-ref: a\n---\n",
		},
		{
			name: "blank lines before the opening line", src: "\n\n---\nlang: fr\nlang-ref: a\n---\n",
			problem: LeadingBlank, line: 1, fields: []field{{"lang", 4, String, "fr"}, {"lang-ref", 5, String, "a"}},
			bodyLine: 1, body: "\n\n---\nlang: fr\nlang-ref: a\n---\n",
		},
		{
			name: "a space before the opening line", src: " ---\nlang: fr\n---\n",
			problem: LeadingBlank, line: 1, fields: []field{{"lang", 2, String, "fr"}},
			bodyLine: 1, body: " ---\nlang: fr\n---\n",
		},
		{
			name: "empty file is a static file", src: "",
			bodyLine: 1, body: "",
		},
		{
			name: "three dashes without a newline are not a header", src: "---",
			bodyLine: 1, body: "---",
		},
		{
			name: "opening line alone is unterminated", src: "---\n",
			page: true, problem: Unterminated, line: 1, bodyLine: 1, body: "---\n",
		},
		{
			name: "unterminated block keeps the meant fields", src: "---\nlang: fr\nlang-ref: a\nText.\n",
			page: true, problem: Unterminated, line: 1,
			fields:   []field{{"lang", 2, String, "fr"}, {"lang-ref", 3, String, "a"}},
			bodyLine: 1, body: "---\nlang: fr\nlang-ref: a\nText.\n",
		},
		{
			name: "duplicate keys are all kept in file order", src: "---\nlang: fr\nlang: de\n---\n",
			page: true, fields: []field{{"lang", 2, String, "fr"}, {"lang", 3, String, "de"}},
			bodyLine: 5, close: 4,
		},
		{
			name: "missing opening line", src: "lang: fr\nlang-ref: a\n---\nText.\n",
			problem: MissingOpen, line: 1, fields: []field{{"lang", 1, String, "fr"}, {"lang-ref", 2, String, "a"}},
			bodyLine: 1, body: "lang: fr\nlang-ref: a\n---\nText.\n",
		},
		{
			name: "missing opening line after blank lines", src: "\nlang: fr\nlang-ref: a\n---\n",
			problem: MissingOpen, line: 2, fields: []field{{"lang", 2, String, "fr"}, {"lang-ref", 3, String, "a"}},
			bodyLine: 1, body: "\nlang: fr\nlang-ref: a\n---\n",
		},
		{
			name: "one key before a rule is not a lost opening line", src: "Note: this is prose.\n---\nMore.\n",
			bodyLine: 1, body: "Note: this is prose.\n---\nMore.\n",
		},
		{
			name: "README with a heading and a thematic break", src: "# Title\n\nSome text.\n\n---\n\nMore text.\n",
			bodyLine: 1, body: "# Title\n\nSome text.\n\n---\n\nMore text.\n",
		},
		{
			name: "markdown without any dashes", src: "# Title\n\nlang: fr\n",
			bodyLine: 1, body: "# Title\n\nlang: fr\n",
		},
		{
			name: "list front matter", src: "---\n- lang: fr\n- lang-ref: a\n---\n",
			page: true, problem: NotMapping, line: 2, bodyLine: 5, close: 4,
		},
		{
			name: "scalar front matter", src: "---\njust text\n---\n",
			page: true, problem: NotMapping, line: 2, bodyLine: 4, close: 3,
		},
		{
			name: "invalid UTF-8 in the body", src: "---\nlang: fr\n---\nok\n\xff\n",
			page: true, problem: InvalidUTF8, line: 5, bodyLine: 4, body: "ok\n\xff\n", close: 3,
		},
		{
			name: "invalid UTF-8 in the front matter", src: "---\nlang: fr\ntitle: \xfe\n---\n",
			page: true, problem: InvalidUTF8, line: 3, bodyLine: 5, close: 4,
		},
		{
			name: "syntax error keeps the readable fields", src: "---\nlang: fr\nlang-ref: a\ntitle: @home\n---\nbody",
			page: true, problem: Syntax, line: 4,
			fields:   []field{{"lang", 2, String, "fr"}, {"lang-ref", 3, String, "a"}, {"title", 4, String, "@home"}},
			bodyLine: 6, body: "body", close: 5,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse([]byte(tt.src))
			if d.Page != tt.page {
				t.Errorf("Page = %v, want %v", d.Page, tt.page)
			}
			switch {
			case tt.problem == "" && d.Problem != nil:
				t.Errorf("Problem = %+v, want none", *d.Problem)
			case tt.problem != "" && d.Problem == nil:
				t.Errorf("Problem = nil, want %s", tt.problem)
			case tt.problem != "" && (d.Problem.Kind != tt.problem || d.Problem.Line != tt.line):
				t.Errorf("Problem = %s at line %d, want %s at line %d", d.Problem.Kind, d.Problem.Line, tt.problem, tt.line)
			}
			checkFields(t, d.Fields, tt.fields)
			if d.BodyLine != tt.bodyLine || string(d.Body) != tt.body {
				t.Errorf("body = line %d %q, want line %d %q", d.BodyLine, d.Body, tt.bodyLine, tt.body)
			}
			if d.Close != tt.close {
				t.Errorf("Close = %d, want %d", d.Close, tt.close)
			}
			if got, want := d.Usable(), tt.page && tt.problem == ""; got != want {
				t.Errorf("Usable() = %v, want %v", got, want)
			}
		})
	}
}

func checkFields(t *testing.T, got []Field, want []field) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d fields %+v, want %d %+v", len(got), got, len(want), want)
		return
	}
	for i, w := range want {
		g := got[i]
		if g.Key != w.key || g.Line != w.line || g.Value.Kind != w.kind || g.Value.Text != w.text {
			t.Errorf("field %d = %s (line %d) %s %q, want %s (line %d) %s %q",
				i, g.Key, g.Line, g.Value.Kind, g.Value.Text, w.key, w.line, w.kind, w.text)
		}
	}
}

// TestParseMissingOpenFalsePositive: a README whose heading is followed by
// "Key: value" prose lines and a thematic break is not front matter that
// lost its opening line; Jekyll copies it as it is, and so it should be left
// alone.
func TestParseMissingOpenFalsePositive(t *testing.T) {
	src := "# Project\n\nVersion: 1.0\nLicense: MIT\n\n---\n\nMore text.\n"
	if d := Parse([]byte(src)); d.Problem != nil {
		t.Errorf("Problem = %+v, want none", *d.Problem)
	}
}

func TestValues(t *testing.T) {
	tests := []struct {
		name, yaml string
		kind       Kind
		text       string
	}{
		{"no is false", "no", Bool, "false"},
		{"No is false", "No", Bool, "false"},
		{"off is false", "off", Bool, "false"},
		{"false is false", "false", Bool, "false"},
		{"yes is true", "yes", Bool, "true"},
		{"on is true", "on", Bool, "true"},
		{"TRUE is true", "TRUE", Bool, "true"},
		{"y is a string in Psych", "y", String, "y"},
		{"double-quoted no", `"no"`, String, "no"},
		{"single-quoted no", `'no'`, String, "no"},
		{"tagged no", "!!str no", String, "no"},
		{"ISO date", "2020-02-24", Date, "2020-02-24"},
		{"written date", "27 Jan 2020", String, "27 Jan 2020"},
		{"quoted date", `"2020-02-24"`, String, "2020-02-24"},
		{"double-quoted number", `"123"`, String, "123"},
		{"single-quoted null", `'~'`, String, "~"},
		{"empty double-quoted", `""`, String, ""},
		{"empty single-quoted", `''`, String, ""},
		{"single-quoted with a doubled quote", `'it''s'`, String, "it's"},
		{"double-quoted with escapes", `"a\tb\"c"`, String, "a\tb\"c"},
		{"double-quoted with a comment after it", `"a" # b`, String, "a"},
		{"double-quoted with spaces inside", `" a # b: c "`, String, " a # b: c "},
		{"integer", "42", Int, "42"},
		{"float", "1.5", Float, "1.5"},
		{"null", "~", Null, ""},
		{"empty", "", Null, ""},
		{"language code", "fr", String, "fr"},
		{"language code with region", "pt-BR", String, "pt-BR"},
		{"list", "[a, b]", List, ""},
		{"block list", "\n  - a\n  - b", List, ""},
		{"nested map", "\n  a: 1\n  b: 2", Map, ""},
		{"flow map", "{a: 1}", Map, ""},
		{"literal block", "|\n  no", String, "no\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse([]byte("---\nv: " + tt.yaml + "\n---\n"))
			if d.Problem != nil {
				t.Fatalf("Problem = %+v", *d.Problem)
			}
			f, ok := d.Get("v")
			if !ok {
				t.Fatalf("no field v in %+v", d.Fields)
			}
			if f.Value.Kind != tt.kind || f.Value.Text != tt.text {
				t.Errorf("v: %s = %s %q, want %s %q", tt.yaml, f.Value.Kind, f.Value.Text, tt.kind, tt.text)
			}
			if f.Value.String() != tt.text {
				t.Errorf("String() = %q, want %q", f.Value.String(), tt.text)
			}
		})
	}
}

func TestNestedValueKeepsNode(t *testing.T) {
	d := Parse([]byte("---\nauthor:\n  name: Ana\n  url: x\n---\n"))
	f, ok := d.Get("author")
	if !ok || f.Value.Kind != Map || f.Node == nil || len(f.Node.Content) != 4 {
		t.Fatalf("author = %+v, want a map node with two keys", f)
	}
	if f.Node.Content[1].Value != "Ana" {
		t.Errorf("author.name = %q, want Ana", f.Node.Content[1].Value)
	}
}

// TestFieldsKeepNothingOfSrc checks that only Body refers to the
// parsed bytes, which callers then reuse, whichever way the fields were
// read.
func TestFieldsKeepNothingOfSrc(t *testing.T) {
	for name, src := range map[string]string{
		"simple":       "---\nlang: fr\nt: 'a'\nu: \"b\"\n---\n",
		"YAML":         "---\nlang: fr\nt: \"a\\tb\"\nm: {a: 1}\n---\n",
		"lenient":      "---\nlang: fr\nt: a: b\n---\n",
		"unterminated": "---\nlang: fr\n",
		"missing open": "lang: fr\nlang-ref: a\n---\n",
		"BOM":          "\xef\xbb\xbf---\nlang: fr\n---\n",
	} {
		t.Run(name, func(t *testing.T) {
			b := []byte(src)
			d := Parse(b)
			before := fmt.Sprintf("%#v %v", d.Fields, d.Problem)
			for i := range b {
				b[i] = 'x'
			}
			if after := fmt.Sprintf("%#v %v", d.Fields, d.Problem); after != before {
				t.Errorf("fields changed with src:\n%s\n%s", before, after)
			}
		})
	}
}

func TestGetAndDuplicates(t *testing.T) {
	d := Parse([]byte("---\ntitle: One\nlang: fr\ntitle: Two\ntitle: Three\n---\n"))
	f, ok := d.Get("title")
	if !ok || f.Value.Text != "Three" || f.Line != 5 {
		t.Errorf("Get(title) = %q at line %d, want the last one, Three at line 5", f.Value.Text, f.Line)
	}
	if _, ok := d.Get("missing"); ok {
		t.Error("Get(missing) found a field")
	}
	dups := d.Duplicates()
	if len(dups) != 1 || len(dups[0]) != 3 || dups[0][0].Line != 2 || dups[0][2].Line != 5 {
		t.Errorf("Duplicates() = %+v, want the three title lines", dups)
	}
	if dups := Parse([]byte("---\na: 1\nb: 2\n---\n")).Duplicates(); len(dups) != 0 {
		t.Errorf("Duplicates() = %+v, want none", dups)
	}
}

// TestSyntaxErrorLine: a YAML error is reported on the file line that holds
// the mistake, not the line inside the block.
func TestSyntaxErrorLine(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		bug  string
	}{
		{"colon in a plain value", "---\nlang: fr\nlang-ref: a\ntitle: a: b\n---\n", 4, ""},
		{"tab indentation", "---\nlang: fr\n\tlang-ref: a\n---\n", 3,
			"yaml.v3 reports the line of the error's context, the scalar before the tab: line 2 here"},
		{"unclosed quote", "---\nlang: fr\ntitle: \"a\n---\n", 3, ""},
		{"character that cannot start a token", "---\nlang: fr\nx: @foo\n---\n", 3, ""},
		{"unclosed flow sequence", "---\nlang: fr\ntags: [a, b\n---\n", 3,
			"yaml.v3 reports parser errors on the 0-based line of the enclosing collection: line 2 here"},
		{"list item inside a mapping", "---\nlang: fr\nlang-ref: a\n- b\n---\n", 4,
			"yaml.v3 reports parser errors on the 0-based line of the enclosing collection: line 1 (the opening ---) here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
			}
			d := Parse([]byte(tt.src))
			if d.Problem == nil || d.Problem.Kind != Syntax {
				t.Fatalf("Problem = %+v, want a syntax error", d.Problem)
			}
			if d.Problem.Line != tt.line {
				t.Errorf("syntax error (%s) on line %d, want line %d", d.Problem.Detail, d.Problem.Line, tt.line)
			}
			if d.Problem.Detail == "" || bytes.HasPrefix([]byte(d.Problem.Detail), []byte("yaml:")) {
				t.Errorf("Detail = %q, want the parser's message without its prefix", d.Problem.Detail)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\nlang: fr\nlang-ref: a\n---\nbody\n",
		"---\r\nlang: fr\r\n...\r\n",
		"\xef\xbb\xbf---\nlang: fr\n---\n",
		"\n\n---\nlang: fr\n---\n",
		"lang: fr\nlang-ref: a\n---\n",
		"---\nlang: fr\n",
		"---\ntitle: a: b\n---\n",
		"---\n- a\n---\n",
		"---\nlang: fr\n---\n\xff",
		"# Title\n\n---\n",
		"---\na: &x 1\nb: *x\n---\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkParse)
}

// checkParse checks what Parse says of src against itself and SplitBody:
// the body is a suffix of the file, lines are lines of the file.
func checkParse(t *testing.T, src []byte) {
	t.Helper()
	d := Parse(src)
	if body, line := SplitBody(src); !bytes.Equal(body, d.Body) || len(body) != len(d.Body) || line != d.BodyLine {
		t.Errorf("SplitBody = %q, %d; Parse has %q, %d", body, line, d.Body, d.BodyLine)
	}
	lines := bytes.Count(src, []byte("\n")) + 1
	if p := d.Problem; p != nil && (p.Line < 1 || p.Line > lines) {
		t.Errorf("Problem %s on line %d of a file of %d lines", p.Kind, p.Line, lines)
	}
	if !bytes.HasSuffix(src, d.Body) {
		t.Errorf("Body %q is not a suffix of the file", d.Body)
	}
	for _, fl := range d.Fields {
		if fl.Line < 1 || fl.Line > lines {
			t.Errorf("field %s on line %d of a file of %d lines", fl.Key, fl.Line, lines)
		}
	}
	if d.Page && d.Close > 0 && d.BodyLine != d.Close+1 {
		t.Errorf("BodyLine = %d, Close = %d", d.BodyLine, d.Close)
	}
}

// TestSimpleFields lists what the reader of simple front matter takes
// from the YAML parser, and checks that it reads it exactly as the parser
// does.
func TestSimpleFields(t *testing.T) {
	tests := []struct {
		name, value string
		simple      bool
	}{
		{"a plain value", "fr", true},
		{"a plain number", "12", true},
		{"a double-quoted value", `"FR Translator 4"`, true},
		{"a double-quoted number stays a string", `"123"`, true},
		{"a double-quoted boolean stays a string", `"yes"`, true},
		{"a double-quoted value with YAML's indicators", `"- a: b # c [d] {e} &f *g !h"`, true},
		{"a double-quoted value with a single quote", `"it's"`, true},
		{"an empty double-quoted value", `""`, true},
		{"a double-quoted value with accents", `"traduit à l'été"`, true},
		{"a single-quoted value", `'A title'`, true},
		{"a single-quoted value with doubled quotes", `'it''s ''quoted'''`, true},
		{"a single-quoted value with a double quote", `'say "hi"'`, true},
		{"an empty single-quoted value", `''`, true},
		{"a single quote alone", `''''`, true},
		{"a double-quoted value with an escape", `"a\"b"`, false},
		{"a double-quoted value with a backslash", `"C:\\x"`, false},
		{"a double-quoted value with a tab", "\"a\tb\"", false},
		{"a comment after a quoted value", `"a" # note`, false},
		{"a space after a quoted value", `'a' `, false},
		{"an unclosed double quote", `"a`, false},
		{"text after a single-quoted value", `'a' b'`, false},
		{"an undoubled single quote", `'a'b'`, false},
		{"a lone quote", `"`, false},
		{"a quoted key", "x\n\"k\": v", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "---\nv: " + tt.value + "\nw: x\n"
			_, ok := simpleFields([]byte(text))
			if ok != tt.simple {
				t.Errorf("simpleFields(%q) reports %v, want %v", text, ok, tt.simple)
			}
			sameAsYAML(t, []byte(text))
		})
	}
}

// FuzzSimpleFields checks that the parser of simple front matter reads
// whatever it accepts exactly as the YAML parser does.
func FuzzSimpleFields(f *testing.F) {
	for _, s := range []string{
		"---\nlang: fr\nlang-ref: a\n",
		"---\ntitle: tisa on protisa, proeau ré\ndate: 7 Jan 2019\n",
		"---\nn: 12\nf: 1.5\nb: yes\nd: 2019-05-27\nx: ~\ny: null\n",
		"---\ntitle: a: b\n",
		"---\ntitle: a #b\n",
		"---\nt: a\u2028b\n",
		"---\nt:  two spaces\n",
		"---\nt: [a, b]\nu: x[y]\n",
		"---\na: 0x1F\nb: .inf\nc: 1_000\nd: 2001-12-14t21:59:43.10-05:00\n",
		"---\ntranslator: \"FR Translator 4\"\ntitle: 'A title'\n",
		"---\nn: \"123\"\nb: 'no'\ne: ''\nf: \"\"\n",
		"---\nt: 'it''s'\nu: \"it's\"\nv: 'say \"hi\"'\n",
		"---\nt: \"a\\\"b\"\nu: \"a\" # c\nv: 'a' \n",
		"---\nt: \" a : b # c \"\nu: '- [x] {y}'\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		sameAsYAML(t, text)
	})
}

// sameAsYAML checks that simpleFields, when it reads text, reads what
// parseYAML reads, nodes included.
func sameAsYAML(t *testing.T, text []byte) {
	t.Helper()
	fields, ok := simpleFields(text)
	if !ok {
		return
	}
	want, p := parseYAML(text, 0)
	if p != nil {
		t.Fatalf("simpleFields read %q, which YAML rejects: %v", text, p)
	}
	for i := range fields {
		fields[i].Node, fields[i].raw, fields[i].valueCol = fields[i].YAML(), "", 0
	}
	if !reflect.DeepEqual(fields, want) {
		t.Errorf("simpleFields(%q):\n%#v\nYAML:\n%#v", text, fields, want)
		for i := range min(len(fields), len(want)) {
			t.Errorf("node %d: %#v\nYAML: %#v", i, fields[i].Node, want[i].Node)
		}
	}
}
