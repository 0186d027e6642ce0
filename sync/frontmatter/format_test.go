package frontmatter

import (
	"testing"
)

func TestFormatOf(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Format
		ok   bool
	}{
		{"yaml", "---\ntitle: a\n---\n", YAML, true},
		{"toml", "+++\ntitle = 'a'\n+++\n", TOML, true},
		{"json", "{\"title\": \"a\"}\n", JSON, true},
		{"yaml with trailing spaces", "---  \r\n", YAML, true},
		{"thematic break is not toml", "+++ x\n", "", false},
		{"prose", "# Title\n", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FormatOf([]byte(tt.src))
			if got != tt.want || ok != tt.ok {
				t.Errorf("FormatOf(%q) = %q, %v; want %q, %v", tt.src, got, ok, tt.want, tt.ok)
			}
		})
	}
}

var hugoRules = Rules{Formats: []Format{YAML, TOML, JSON}, Optional: true}

func TestParseWithHugo(t *testing.T) {
	type kv struct {
		key, text string
		kind      Kind
		line      int
	}
	tests := []struct {
		name     string
		src      string
		fields   []kv
		bodyLine int
		problem  ProblemKind
	}{
		{"yaml", "---\ntitle: A\ndraft: true\n---\nbody\n",
			[]kv{{"title", "A", String, 2}, {"draft", "true", Bool, 3}}, 5, ""},
		{"toml with tables in file order", "+++\ntitle = \"A\"\nweight = 3\ndate = 2024-01-02\n[params]\nx = 1\n[params.y]\nz = 2\n+++\nbody\n",
			[]kv{{"title", "A", String, 2}, {"weight", "3", Int, 3}, {"date", "2024-01-02", Date, 4}, {"params", "", Map, 5}}, 10, ""},
		{"toml dotted key", "+++\nbuild.list = 'never'\ntranslationKey = 'k'\n+++\n",
			[]kv{{"build", "", Map, 2}, {"translationKey", "k", String, 3}}, 5, ""},
		{"json", "{\n  \"title\": \"A\",\n  \"draft\": false,\n  \"weight\": 2\n}\nbody\n",
			[]kv{{"title", "A", String, 2}, {"draft", "false", Bool, 3}, {"weight", "2", Int, 4}}, 6, ""},
		{"no front matter is a page without fields", "# Title\n", nil, 1, ""},
		{"blank lines and a BOM before the block", "\xef\xbb\xbf\n\n---\ntitle: A\n---\n",
			[]kv{{"title", "A", String, 4}}, 6, ""},
		{"toml syntax error", "+++\ntitle = \n+++\n", nil, 1, Syntax},
		{"unterminated toml", "+++\ntitle = 'a'\n", nil, 1, Unterminated},
		{"json syntax error", "{\"title\": }\n", nil, 1, Syntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ParseWith([]byte(tt.src), hugoRules)
			if !d.Page {
				t.Fatalf("Page = false, want true")
			}
			if tt.problem != "" {
				if d.Problem == nil || d.Problem.Kind != tt.problem {
					t.Fatalf("Problem = %+v, want %s", d.Problem, tt.problem)
				}
				return
			}
			if d.Problem != nil {
				t.Fatalf("Problem = %+v", d.Problem)
			}
			if len(d.Fields) != len(tt.fields) {
				t.Fatalf("Fields = %+v, want %d", d.Fields, len(tt.fields))
			}
			for i, w := range tt.fields {
				f := d.Fields[i]
				if f.Key != w.key || f.Value.Text != w.text || f.Value.Kind != w.kind || f.Line != w.line {
					t.Errorf("field %d = %s %q %s line %d; want %s %q %s line %d", i, f.Key, f.Value.Text, f.Value.Kind, f.Line, w.key, w.text, w.kind, w.line)
				}
			}
			if d.BodyLine != tt.bodyLine {
				t.Errorf("BodyLine = %d, want %d", d.BodyLine, tt.bodyLine)
			}
		})
	}
}

func TestParseWithJekyllIsParse(t *testing.T) {
	for _, src := range []string{"---\na: 1\n---\n", "\n---\na: 1\n---\n", "+++\na = 1\n+++\n", "no"} {
		a, b := Parse([]byte(src)), ParseWith([]byte(src), Jekyll)
		if a.Page != b.Page || len(a.Fields) != len(b.Fields) || (a.Problem == nil) != (b.Problem == nil) {
			t.Errorf("%q: ParseWith(Jekyll) differs from Parse", src)
		}
	}
}

func FuzzParseWith(f *testing.F) {
	for _, s := range []string{"+++\na = 1\n+++\n", "{\"a\": 1}\nx", "---\na: b\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d := ParseWith(src, hugoRules)
		if d.BodyLine < 1 {
			t.Fatalf("BodyLine %d", d.BodyLine)
		}
	})
}

func TestSplitBodyReadsEveryFormat(t *testing.T) {
	tests := []struct {
		name, src, body string
		line            int
	}{
		{"yaml", "---\na: 1\n---\nbody\n", "body\n", 4},
		{"toml", "+++\na = 1\n+++\nbody\n", "body\n", 4},
		{"json", "{\n\"a\": 1\n}\nbody\n", "body\n", 4},
		{"none", "body\n", "body\n", 1},
		{"broken toml is all body", "+++\na = \n+++\nbody\n", "+++\na = \n+++\nbody\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, line := SplitBody([]byte(tt.src))
			if string(body) != tt.body || line != tt.line {
				t.Errorf("SplitBody = %q, %d; want %q, %d", body, line, tt.body, tt.line)
			}
		})
	}
}
