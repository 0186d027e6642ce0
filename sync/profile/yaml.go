package profile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/langref/langref/sync/frontmatter"
	"go.yaml.in/yaml/v3"
)

// ReadYAML reads the mapping in root/name; nil, nil when the file does
// not exist. Errors are *ConfigError naming the file and line.
func ReadYAML(root, name string) (*yaml.Node, error) {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseYAML(name, b)
}

// ParseYAML parses b, the file name, as ReadYAML reads it.
func ParseYAML(name string, b []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, &ConfigError{File: name, Line: frontmatter.ErrorLine(b, err), Err: errors.New(yamlDetail(err))}
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode}, nil
	}
	if doc.Content[0].Kind != yaml.MappingNode {
		return nil, &ConfigError{File: name, Line: doc.Content[0].Line, Err: errors.New("the file is not a mapping of keys to values")}
	}
	return doc.Content[0], nil
}

var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlDetail(err error) string {
	if m := yamlErrLine.FindStringSubmatch(err.Error()); m != nil {
		return m[2]
	}
	return err.Error()
}

// YAMLError is a decoding error of the YAML file name as a *ConfigError
// with its line.
func YAMLError(name string, err error) error {
	if m := yamlErrLine.FindStringSubmatch(err.Error()); m != nil {
		var n int
		fmt.Sscan(m[1], &n)
		return &ConfigError{File: name, Line: n, Err: errors.New(m[2])}
	}
	return &ConfigError{File: name, Err: err}
}

// Lookup returns the value of key in mapping m (the last one, as Ruby
// does), or nil.
func Lookup(m *yaml.Node, key string) *yaml.Node {
	var v *yaml.Node
	for i := 0; m != nil && m.Kind == yaml.MappingNode && i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			v = m.Content[i+1]
		}
	}
	return v
}

// Scalar returns n's value when it is a scalar, else "".
func Scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// StringList returns the scalars of a sequence, or the one scalar n is.
func StringList(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	var out []string
	for _, c := range n.Content {
		if c.Kind == yaml.ScalarNode {
			out = append(out, c.Value)
		}
	}
	return out
}

// DuplicateKeys returns the keys repeated within one mapping of m or of
// the mappings nested in it, prefix naming m's own path.
func DuplicateKeys(m *yaml.Node, prefix string, out []DupKey) []DupKey {
	if m.Kind != yaml.MappingNode {
		return out
	}
	var here []DupKey
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if j, ok := seen[k.Value]; ok {
			here[j].Lines = append(here[j].Lines, k.Line)
			here[j].Value = v.Value
		} else {
			seen[k.Value] = len(here)
			here = append(here, DupKey{Key: prefix + k.Value, Lines: []int{k.Line}, Value: v.Value})
		}
		out = DuplicateKeys(v, prefix+k.Value+".", out)
	}
	for _, d := range here {
		if len(d.Lines) > 1 {
			out = append(out, d)
		}
	}
	return out
}

// langCode matches language codes as sites write them: en, zh, pt-BR,
// zh-Hans, es_419, pt-br.
var langCode = regexp.MustCompile(`^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$`)

// IsLangCode reports whether s looks like a language code.
func IsLangCode(s string) bool { return langCode.MatchString(s) }
