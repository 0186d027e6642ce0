package jstext

import (
	"regexp"
	"strings"
)

// Kind is the kind of a literal Value.
type Kind int

// The kinds of literal values.
const (
	// Other is anything but a string, array or object literal: a number,
	// a name, a call, a template with substitutions.
	Other Kind = iota
	String
	Array
	Object
)

// Value is a JavaScript literal as written in a configuration file: a
// string, an array or an object of such values, or something else (Other,
// with its text).
type Value struct {
	Kind Kind
	// Text is a string's value, or the text of an Other value.
	Text string
	// Line and Col are where the value starts (1-based; Col counts bytes).
	Line, Col int
	// Keys and Fields are an object's members, in order; Items an array's.
	Keys   []string
	Fields []*Value
	Items  []*Value
}

// Get returns the member key of an object, or nil.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Object {
		return nil
	}
	for i, k := range v.Keys {
		if k == key {
			return v.Fields[i]
		}
	}
	return nil
}

// Is reports whether v is a value of kind k (nil is none).
func (v *Value) Is(k Kind) bool { return v != nil && v.Kind == k }

// Str returns the string v holds, or "" when it is not a string.
func (v *Value) Str() string {
	if v == nil || v.Kind != String {
		return ""
	}
	return v.Text
}

// maxDepth bounds nesting, so that hostile input cannot exhaust the stack.
const maxDepth = 200

// Literal parses the literal that starts at src[i] (after blanks) in src,
// a file with its comments stripped (StripComments keeps its lines).
func Literal(src string, i int) *Value {
	p := &parser{src: src, i: i}
	return p.value(0)
}

// Assigned returns the literal assigned to the first match of key in src
// (a pattern ending before the value, such as `\bsidebar\s*:`), following
// one name to the literal it is declared with (sidebar: mySidebar, with
// const mySidebar = [...]), or nil.
func Assigned(src string, key *regexp.Regexp) *Value {
	loc := key.FindStringIndex(src)
	if loc == nil {
		return nil
	}
	v := Literal(src, loc[1])
	if v.Kind != Other || !isName(v.Text) {
		return v
	}
	decl := regexp.MustCompile(`\b(?:const|let|var)\s+` + regexp.QuoteMeta(v.Text) + `\b[^=]*=`)
	if d := decl.FindStringIndex(src); d != nil {
		return Literal(src, d[1])
	}
	return v
}

var name = regexp.MustCompile(`^[A-Za-z_$][\w$]*$`)

func isName(s string) bool { return name.MatchString(s) }

type parser struct {
	src string
	i   int
}

func (p *parser) blanks() {
	for p.i < len(p.src) && strings.IndexByte(" \t\r\n", p.src[p.i]) >= 0 {
		p.i++
	}
}

func (p *parser) at() (line, col int) {
	line = strings.Count(p.src[:p.i], "\n") + 1
	return line, p.i - strings.LastIndexByte(p.src[:p.i], '\n')
}

func (p *parser) value(depth int) *Value {
	p.blanks()
	v := &Value{}
	v.Line, v.Col = p.at()
	if p.i >= len(p.src) || depth > maxDepth {
		return v
	}
	switch c := p.src[p.i]; {
	case c == '\'' || c == '"' || c == '`':
		p.str(v)
	case c == '[':
		p.i++
		p.array(v, depth)
	case c == '{':
		p.i++
		p.object(v, depth)
	default:
		p.other(v)
	}
	return v
}

func (p *parser) str(v *Value) {
	q, j := p.src[p.i], SkipString(p.src, p.i)
	raw := p.src[p.i+1 : max(j, p.i+1)]
	p.i = j + 1
	if q == '`' && strings.Contains(raw, "${") {
		v.Kind, v.Text = Other, raw
		return
	}
	v.Kind, v.Text = String, unescape(raw)
}

// unescape reads the common escapes of a JavaScript string.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case '\n':
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func (p *parser) array(v *Value, depth int) {
	v.Kind = Array
	for {
		p.blanks()
		if p.i >= len(p.src) {
			return
		}
		switch p.src[p.i] {
		case ']':
			p.i++
			return
		case ',':
			p.i++
			continue
		}
		start := p.i
		v.Items = append(v.Items, p.value(depth+1))
		if p.i == start {
			p.i++ // a stray closer: never loop on it
		}
	}
}

var key = regexp.MustCompile(`^(?:'([^'\\]*)'|"([^"\\]*)"|([A-Za-z_$][\w$]*)|(\d+))\s*`)

func (p *parser) object(v *Value, depth int) {
	v.Kind = Object
	for {
		p.blanks()
		if p.i >= len(p.src) {
			return
		}
		switch p.src[p.i] {
		case '}':
			p.i++
			return
		case ',':
			p.i++
			continue
		}
		m := key.FindStringSubmatch(p.src[p.i:])
		if m == nil {
			start := p.i
			p.other(&Value{}) // a spread, a computed key: skipped
			if p.i == start {
				p.i++
			}
			continue
		}
		p.i += len(m[0])
		k := m[1] + m[2] + m[3] + m[4]
		if p.i < len(p.src) && p.src[p.i] == ':' {
			p.i++
			v.Keys, v.Fields = append(v.Keys, k), append(v.Fields, p.value(depth+1))
			continue
		}
		rest := &Value{Kind: Other, Text: k} // shorthand, or a method
		p.other(rest)
		v.Keys, v.Fields = append(v.Keys, k), append(v.Fields, rest)
	}
}

// other reads an expression up to the comma or closer that ends it at
// its own nesting level.
func (p *parser) other(v *Value) {
	start, depth := p.i, 0
	for ; p.i < len(p.src); p.i++ {
		switch c := p.src[p.i]; c {
		case '\'', '"', '`':
			p.i = SkipString(p.src, p.i)
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				v.Text = v.Text + strings.TrimSpace(p.src[start:p.i])
				return
			}
			depth--
		case ',', ';':
			if depth == 0 {
				v.Text = v.Text + strings.TrimSpace(p.src[start:p.i])
				return
			}
		}
	}
	v.Text = v.Text + strings.TrimSpace(p.src[start:])
}
