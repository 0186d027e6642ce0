package jsonstream

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

type item struct {
	Name  string            `json:"name"`
	Score float64           `json:"score,omitempty"`
	Tags  []string          `json:"tags,omitempty"`
	Extra map[string]any    `json:"extra,omitempty"`
	Ptr   *int              `json:"ptr,omitempty"`
	Inner []item            `json:"inner,omitempty"`
	Raw   json.RawMessage   `json:"raw,omitempty"`
	Meth  pointerMarshaler  `json:"meth"`
	Map   map[string]string `json:"map,omitempty"`
}

// pointerMarshaler marshals through a pointer method only, which
// encoding/json calls for addressable values such as slice elements.
type pointerMarshaler struct{ n int }

func (p *pointerMarshaler) MarshalJSON() ([]byte, error) {
	return []byte(`{ "n" : ` + strings.Repeat("1", p.n+1) + ` }`), nil
}

type doc struct {
	Title string  `json:"title"`
	Items []item  `json:"items"`
	Count int     `json:"count"`
	After *string `json:"after,omitempty"`
}

type first struct {
	Items []any `json:"items"`
	Z     bool
}

type last struct {
	A     string
	Items []*item
}

type hasOmit struct {
	Items []int `json:"items,omitempty"`
}

func sevenPtr() *int { n := 7; return &n }

// manyItems returns n items, more than one window of chunks writeItems
// encodes at once.
func manyItems(n int) []item {
	items := make([]item, n)
	for i := range items {
		items[i] = item{Name: fmt.Sprint("item ", i), Score: float64(i) / 7, Tags: []string{fmt.Sprint(i % 3)}}
	}
	return items
}

func TestEncodeMatchesEncoder(t *testing.T) {
	after := "</script> & <b>"
	tests := []struct {
		name string
		v    any
	}{
		{"pointer, slice in the middle", &doc{Title: "a <b> & \u2028 c", Count: 3, After: &after, Items: []item{
			{Name: "x", Score: 0.8534, Tags: []string{"t", "<&>"}, Ptr: sevenPtr()},
			{Name: "y\n\"z\"\t\x01", Extra: map[string]any{"b": 1, "a": []any{nil, true, 1.5e300}}, Meth: pointerMarshaler{2}},
			{Name: "nested", Inner: []item{{Name: "deep", Raw: json.RawMessage(`{"a" :  [1, 2]}`)}}, Map: map[string]string{"z": "1", "a": "2"}},
			{Name: "invalid \xff utf-8", Score: 1e21},
		}}},
		{"value, slice in the middle", doc{Title: "v", Items: []item{{Name: "one"}}}},
		{"empty slice", &doc{Items: []item{}}},
		{"nil slice", &doc{}},
		{"slice first", first{Items: []any{1, "two", []int{3}, map[string]int{}, nil, struct{}{}}, Z: true}},
		{"slice last, untagged", &last{A: "a", Items: []*item{{Name: "p"}, nil}}},
		{"many windows of chunks", &doc{Title: "many", Items: manyItems(5000)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want, got bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(tt.v); err != nil {
				t.Fatal(err)
			}
			if err := Encode(&got, tt.v, "Items"); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("got:\n%s\nwant:\n%s", &got, &want)
			}
		})
	}
}

func TestEncodeLeavesValueAlone(t *testing.T) {
	d := &doc{Title: "t", Items: []item{{Name: "a"}}}
	if err := Encode(&bytes.Buffer{}, d, "Items"); err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 1 {
		t.Errorf("Encode changed its argument: %+v", d)
	}
}

func TestEncodeRefuses(t *testing.T) {
	tests := []struct {
		name  string
		v     any
		field string
	}{
		{"not a struct", []int{1}, "Items"},
		{"no such field", &doc{}, "Pages"},
		{"not a slice", &doc{}, "Title"},
		{"omitempty", hasOmit{Items: []int{1}}, "Items"},
		{"skipped field", struct {
			Items []int `json:"-"`
		}{}, "Items"},
		{"bytes", struct{ Items []byte }{}, "Items"},
		{"unexported", struct{ items []int }{}, "items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Encode(&b, tt.v, tt.field); err == nil {
				t.Errorf("Encode succeeded: %s", &b)
			}
		})
	}
}

type failing struct{}

func (failing) MarshalJSON() ([]byte, error) { return nil, errors.New("no") }

func TestEncodeElementError(t *testing.T) {
	v := struct{ Items []any }{Items: []any{1, failing{}}}
	if err := Encode(&bytes.Buffer{}, v, "Items"); err == nil {
		t.Error("Encode succeeded with an element that fails to encode")
	}
}

type errWriter struct{ n int }

func (w *errWriter) Write(p []byte) (int, error) {
	w.n++
	return 0, errors.New("closed")
}

// TestEncodeStopsOnWriteError: a closed pipe ends the stream early rather
// than encoding every element for nothing.
func TestEncodeStopsOnWriteError(t *testing.T) {
	items := make([]item, 100000)
	w := &errWriter{}
	if err := Encode(w, &doc{Items: items}, "Items"); err == nil {
		t.Fatal("Encode succeeded on a failing writer")
	}
	if w.n != 1 {
		t.Errorf("%d writes after the first error, want none", w.n-1)
	}
}

// BenchmarkEncode compares streaming with encoding the document whole.
func BenchmarkEncode(b *testing.B) {
	items := make([]item, 50000)
	for i := range items {
		items[i] = item{Name: strings.Repeat("page/", 5), Tags: []string{"a", "b"}, Ptr: sevenPtr()}
	}
	d := &doc{Title: "bench", Items: items}
	b.Run("stream", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := Encode(discard{}, d, "Items"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("whole", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := whole(discard{}, d); err != nil {
				b.Fatal(err)
			}
		}
	})
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// TestIndentIsJSONIndent: indent gives json.Indent's bytes for what
// encoding/json writes, escapes, empty containers and nesting included.
func TestIndentIsJSONIndent(t *testing.T) {
	values := []any{
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{1, "x", nil, true, map[string]any{"d": []any{[]any{}}}}},
		[]string{`quote " and backslash \ and \" and { [ , : ] }`, "tab\tnew\nline", "<html> & \u2028", ""},
		"top-level string",
		42.5,
		[]any{map[string]any{}, []any{[]any{}, map[string]any{"k": "v"}}},
	}
	for i, v := range values {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		src := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		var want bytes.Buffer
		if err := json.Indent(&want, src, "    ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indent([]byte("x"), src, "    ", "  "); string(got) != "x"+want.String() {
			t.Errorf("value %d: indent =\n%s\nwant\n%s", i, got, want.String())
		}
	}
}

func FuzzIndent(f *testing.F) {
	f.Add(`{"a":[1,{"b":"c\"]"}],"d":{}}`)
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return
		}
		src := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		var want bytes.Buffer
		if err := json.Indent(&want, src, "    ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indent(nil, src, "    ", "  "); string(got) != want.String() {
			t.Errorf("indent =\n%s\nwant\n%s", got, want.String())
		}
	})
}
