package locales

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestFastMessagesReadsEveryFileAsYAML: every embedded message file reads
// the same through the fast path as through the YAML parser, and the
// English ones, read on every run, take the fast path.
func TestFastMessagesReadsEveryFileAsYAML(t *testing.T) {
	for _, name := range fileNames() {
		data, err := files.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var want any
		if err := yaml.Unmarshal(data, &want); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got any
		if err := unmarshal(data, &got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read as\n%#v\nthe YAML parser reads\n%#v", name, got, want)
		}
		if _, fast := fastMessages(data); !fast && fileTag(name) == "en" {
			t.Errorf("%s: the fast path refused an English file", name)
		}
	}
}

// TestFastMessagesRefuses: whatever is not in the fast path's shape goes
// to the YAML parser, which reads it its own way.
func TestFastMessagesRefuses(t *testing.T) {
	tests := []struct{ name, src string }{
		{"escape other than quote and backslash", `a: "line\nbreak"`},
		{"single quotes", `a: 'x'`},
		{"plain scalar", `a: x`},
		{"comment after the value", `a: "x" # note`},
		{"text after the closing quote", `a: "x" y`},
		{"quote inside", `a: "x"y"`},
		{"duplicate id", "a: \"x\"\na: \"y\""},
		{"duplicate form", "a:\n  one: \"x\"\n  one: \"y\""},
		{"id with no value", "a:\nb: \"x\""},
		{"last id with no value", "a:"},
		{"key YAML reads as a boolean", `yes: "x"`},
		{"quoted key", `"a": "x"`},
		{"deeper indentation", "a:\n    one: \"x\""},
		{"tab indentation", "a:\n\tone: \"x\""},
		{"folded block", "a: >\n  x"},
		{"block with a blank line inside", "a: |-\n  x\n\n  y"},
		{"block indented deeper", "a: |-\n    x"},
		{"empty block", "a: |-\nb: \"x\""},
		{"block with a chomping indicator", "a: |+\n  x"},
		{"flow mapping", `a: {one: "x"}`},
		{"no space after the colon", `a:"x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if m, ok := fastMessages([]byte(tt.src)); ok {
				t.Errorf("fast path read %q as %#v", tt.src, m)
			}
		})
	}
}

// TestFastMessages: the shapes the fast path reads.
func TestFastMessages(t *testing.T) {
	src := strings.Join([]string{
		"# comment", "", `a.b: "x: {{.Y}}"`, `c: ""`, `d: "say \"hi\" \\ bye"`,
		"e:", `  one: "{{.Count}} page"`, `  other: "{{.Count}} pages"`, `f: "日本語"`,
		"g: |-", "  langref status   # a comment kept", "    indented", "h: |", "  kept newline", "", "i: \"x\"", "",
	}, "\r\n")
	want := map[string]any{"a.b": "x: {{.Y}}", "c": "", "d": `say "hi" \ bye`,
		"e": map[string]any{"one": "{{.Count}} page", "other": "{{.Count}} pages"}, "f": "日本語",
		"g": "langref status   # a comment kept\n  indented", "h": "kept newline\n", "i": "x"}
	got, ok := fastMessages([]byte(src))
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("fastMessages = %#v, %v; want %#v", got, ok, want)
	}
	var y any
	if err := yaml.Unmarshal([]byte(src), &y); err != nil || !reflect.DeepEqual(y, any(want)) {
		t.Errorf("the YAML parser reads %#v (%v): the test's expectation is wrong", y, err)
	}
}
