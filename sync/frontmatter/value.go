package frontmatter

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Kind is the Ruby type a YAML value becomes under Psych (YAML 1.1).
type Kind string

// The kinds of values.
const (
	Null   Kind = "null"
	Bool   Kind = "bool"
	Int    Kind = "int"
	Float  Kind = "float"
	String Kind = "string"
	Date   Kind = "date"
	List   Kind = "list"
	Map    Kind = "map"
)

// Value is a front matter value as Jekyll's Ruby reads it.
type Value struct {
	Kind Kind
	// Text is the value as Liquid would print it: "false" for the boolean
	// false, the string itself for strings.
	Text string
}

// String returns v as Liquid prints it.
func (v Value) String() string { return v.Text }

var (
	boolTrue  = regexp.MustCompile(`^(?i:yes|true|on)$`)
	boolFalse = regexp.MustCompile(`^(?i:no|false|off)$`)
	intRe     = regexp.MustCompile(`^[-+]?(0|[1-9][0-9_,]*|0[0-7_,]+|0x[0-9a-fA-F_,]+|0b[01_,]+)$`)
	floatRe   = regexp.MustCompile(`^[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$`)
	dateRe    = regexp.MustCompile(`^\d{4}-\d\d?-\d\d?$`)
)

// resolve types a parsed node the way Psych does. Quoted and explicitly
// tagged scalars keep their tags; plain scalars follow YAML 1.1, where
// "no" and "off" are booleans.
func resolve(n *yaml.Node) Value {
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias != nil {
			return resolve(n.Alias)
		}
		return Value{Kind: Null}
	case yaml.SequenceNode:
		return Value{Kind: List, Text: n.Value}
	case yaml.MappingNode:
		return Value{Kind: Map}
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return Value{Kind: String, Text: n.Value}
	}
	if n.Tag == "!!str" && n.Style&yaml.TaggedStyle != 0 {
		return Value{Kind: String, Text: n.Value}
	}
	return resolvePlain(n.Value)
}

func resolvePlain(s string) Value {
	if wordOnly(s) || strings.IndexByte(s, ' ') >= 0 { // no null, boolean, number or date has a space
		return Value{Kind: String, Text: s}
	}
	switch {
	case s == "" || s == "~" || strings.EqualFold(s, "null"):
		return Value{Kind: Null}
	case boolTrue.MatchString(s):
		return Value{Kind: Bool, Text: "true"}
	case boolFalse.MatchString(s):
		return Value{Kind: Bool, Text: "false"}
	case intRe.MatchString(s):
		return Value{Kind: Int, Text: s}
	case floatRe.MatchString(s):
		return Value{Kind: Float, Text: s}
	case dateRe.MatchString(s):
		return Value{Kind: Date, Text: s}
	}
	return Value{Kind: String, Text: s}
}

// wordOnly reports whether s starts with a letter and is none of the words
// YAML 1.1 reads as null or a boolean, so that it can only be a string.
func wordOnly(s string) bool {
	if s == "" || !('a' <= s[0] && s[0] <= 'z' || 'A' <= s[0] && s[0] <= 'Z') {
		return false
	}
	for _, w := range []string{"null", "yes", "true", "on", "no", "false", "off"} {
		if strings.EqualFold(s, w) {
			return false
		}
	}
	return true
}
