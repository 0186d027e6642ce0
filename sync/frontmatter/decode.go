package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// parseTOML decodes a TOML block: its top-level keys in file order (a
// table header or dotted key names its first part), with their values.
func parseTOML(text []byte, lineOffset int) ([]Field, *Problem) {
	var m map[string]any
	if err := toml.Unmarshal(text, &m); err != nil {
		p := &Problem{Kind: Syntax, Line: 1 + lineOffset, Col: 1, Detail: err.Error()}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			p.Line, p.Col, p.Detail = row+lineOffset, col, firstLine(de.Error())
		}
		return nil, p
	}
	var fields []Field
	for _, k := range tomlKeys(text) {
		v, ok := m[k.name]
		if !ok {
			continue
		}
		fields = append(fields, decodedField(k.name, k.line+lineOffset, k.col, v))
	}
	return fields, nil
}

func firstLine(s string) string {
	if i := bytes.IndexByte([]byte(s), '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

type keyPos struct {
	name      string
	line, col int
}

// tomlKeys lists the top-level keys of a TOML document that parses, each
// once, at its first position.
func tomlKeys(text []byte) []keyPos {
	var out []keyPos
	seen := map[string]bool{}
	p := unstable.Parser{}
	p.Reset(text)
	inTable := false
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind == unstable.Table || e.Kind == unstable.ArrayTable {
			inTable = true
		} else if e.Kind != unstable.KeyValue || inTable {
			continue
		}
		it := e.Key()
		if !it.Next() {
			continue
		}
		k := it.Node()
		name := string(k.Data)
		if seen[name] {
			continue
		}
		seen[name] = true
		kp := keyPos{name: name, line: 1, col: 1}
		if r := p.Range(k.Data); r.Length > 0 {
			s := p.Shape(r)
			kp.line, kp.col = s.Start.Line, s.Start.Column
		}
		out = append(out, kp)
	}
	return out
}

// parseJSON reads a JSON object that starts src, as Hugo does: the object
// is the front matter and the rest of the file the body.
func parseJSON(src []byte) *Doc {
	d := &Doc{Page: true}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		d.Body, d.BodyLine = src, 1
		d.Problem = &Problem{Kind: Syntax, Line: lineAt(src, int(dec.InputOffset())), Col: 1, Detail: err.Error()}
		return d
	}
	end := int(dec.InputOffset())
	end += lineLen(src[end:]) // the rest of the closing line
	d.Body, d.BodyLine = src[end:], lineAt(src, end)
	d.Close = lineAt(src, end-1)
	d.Fields = jsonFields(src, raw)
	return d
}

// jsonFields lists the keys of the object raw, a slice of src, in order.
func jsonFields(src []byte, raw json.RawMessage) []Field {
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&m) != nil {
		return nil
	}
	base := bytes.Index(src, raw)
	tok := json.NewDecoder(bytes.NewReader(raw))
	tok.Token() // {
	var fields []Field
	for tok.More() {
		start := int(tok.InputOffset())
		t, err := tok.Token()
		if err != nil {
			break
		}
		k, _ := t.(string)
		at := start + bytes.IndexByte(raw[start:], '"')
		line := lineAt(src, base+at)
		fields = append(fields, decodedField(k, line, colAt(src, base+at), m[k]))
		var skip json.RawMessage
		if tok.Decode(&skip) != nil {
			break
		}
	}
	return fields
}

// lineAt is the 1-based line of byte offset off in src.
func lineAt(src []byte, off int) int {
	off = min(max(off, 0), len(src))
	return bytes.Count(src[:off], []byte("\n")) + 1
}

func colAt(src []byte, off int) int {
	return off - bytes.LastIndexByte(src[:off], '\n')
}

// decodedField makes the Field for a decoded TOML or JSON value.
func decodedField(key string, line, col int, v any) Field {
	n := &yaml.Node{}
	if err := n.Encode(plainGo(v)); err != nil {
		n = nil
	}
	return Field{Key: key, Line: line, Col: col, Value: valueOf(v), Node: n}
}

// valueOf gives a decoded value the kind and text a template prints.
func valueOf(v any) Value {
	switch x := v.(type) {
	case nil:
		return Value{Kind: Null}
	case bool:
		return Value{Kind: Bool, Text: strconv.FormatBool(x)}
	case string:
		return Value{Kind: String, Text: x}
	case int64:
		return Value{Kind: Int, Text: strconv.FormatInt(x, 10)}
	case float64:
		return Value{Kind: Float, Text: strconv.FormatFloat(x, 'g', -1, 64)}
	case json.Number:
		if _, err := x.Int64(); err == nil {
			return Value{Kind: Int, Text: x.String()}
		}
		return Value{Kind: Float, Text: x.String()}
	case toml.LocalDate:
		return Value{Kind: Date, Text: x.String()}
	case toml.LocalDateTime, toml.LocalTime:
		return Value{Kind: Date, Text: fmt.Sprint(x)}
	case time.Time:
		return Value{Kind: Date, Text: x.Format(time.RFC3339)}
	case []any:
		return Value{Kind: List}
	case map[string]any:
		return Value{Kind: Map}
	}
	return Value{Kind: String, Text: fmt.Sprint(v)}
}

// plainGo turns decoded values into ones yaml encodes as their text, with
// map keys sorted.
func plainGo(v any) any {
	switch x := v.(type) {
	case json.Number:
		return valueOf(x).Text
	case toml.LocalDate, toml.LocalDateTime, toml.LocalTime:
		return fmt.Sprint(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plainGo(e)
		}
		return out
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make(map[string]any, len(x))
		for _, k := range keys {
			out[k] = plainGo(x[k])
		}
		return out
	}
	return v
}
