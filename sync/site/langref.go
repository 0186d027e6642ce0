package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/langref/langref/sync/profile"
	"go.yaml.in/yaml/v3"
)

const langrefName = ".langref.yml"

// langrefFile is the schema of .langref.yml.
type langrefFile struct {
	Generator   string            `yaml:"generator"`
	SourceLang  string            `yaml:"source_lang"`
	Key         string            `yaml:"key"`
	Languages   []string          `yaml:"languages"`
	Pairing     string            `yaml:"pairing"`
	PathPattern string            `yaml:"path_pattern"`
	Files       []string          `yaml:"files"`
	Exclude     []string          `yaml:"exclude"`
	Include     []string          `yaml:"include"`
	Rules       map[string]string `yaml:"rules"`
	Baseline    string            `yaml:"baseline_key"`
	// SourceOnly (issue 14, new): keys stubs leave out; nil keeps the
	// profile's.
	SourceOnly []string `yaml:"source_only_keys"`

	node *yaml.Node
	sum  string // of the file's bytes
}

// LangrefKeys are the keys .langref.yml may set.
var LangrefKeys = []string{"generator", "source_lang", "key", "languages", "pairing", "path_pattern", "files", "exclude", "include", "rules", "baseline_key", "source_only_keys"}

// readLangref reads root/.langref.yml; nil when there is none.
func readLangref(root string) (*langrefFile, error) {
	b, err := os.ReadFile(filepath.Join(root, langrefName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	m, err := profile.ParseYAML(langrefName, b)
	if err != nil {
		return nil, err
	}
	if err := unknownKeys(m); err != nil {
		return nil, err
	}
	var o langrefFile
	if err := m.Decode(&o); err != nil {
		return nil, profile.YAMLError(langrefName, err)
	}
	o.node = m
	sum := sha256.Sum256(b)
	o.sum = hex.EncodeToString(sum[:])
	return &o, nil
}

// unknownKeys reports the first key of m that .langref.yml does not
// define, with the nearest key it does.
func unknownKeys(m *yaml.Node) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if contains(LangrefKeys, k.Value) {
			continue
		}
		err := fmt.Errorf("%q is not a key of %s", k.Value, langrefName)
		if s := Nearest(k.Value, LangrefKeys); s != "" {
			err = fmt.Errorf("%q is not a key of %s: did you mean %q?", k.Value, langrefName, s)
		}
		return &ConfigError{File: langrefName, Line: k.Line, Err: err}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Nearest returns the word of words closest to s within a third of its
// length in edits, or "".
func Nearest(s string, words []string) string {
	best, bestD := "", max(2, len(s)/3)+1
	for _, w := range words {
		if d := editDistance(s, w); d < bestD {
			best, bestD = w, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func (c *Config) apply(o *langrefFile) error {
	if o.SourceLang != "" {
		c.SourceLang = o.SourceLang
	}
	if o.Key != "" {
		c.Key = o.Key
	}
	if o.Baseline != "" {
		c.BaselineKey = o.Baseline
	}
	if o.Languages != nil {
		c.Languages = o.Languages
		c.langrefListsLanguages = true
	}
	c.Files = o.Files
	c.Severity = o.Rules
	c.LangrefExclude, c.LangrefInclude = o.Exclude, o.Include
	if err := checkRules(o); err != nil {
		return err
	}
	if err := c.applySourceOnly(o); err != nil {
		return err
	}
	switch o.Pairing {
	case "", "key":
	case "path":
		p, err := newPathPairing(o.PathPattern)
		if err != nil {
			return &ConfigError{File: langrefName, Line: lookupLine(o.node, "path_pattern", ""), Err: err}
		}
		c.Layout = p
	default:
		return &ConfigError{File: langrefName, Line: lookupLine(o.node, "pairing", ""), Err: fmt.Errorf("pairing %q is not \"key\" or \"path\"", o.Pairing)}
	}
	return nil
}

func checkRules(o *langrefFile) error {
	for _, rule := range sortedKeys(o.Rules) {
		sev := o.Rules[rule]
		if KnownRules != nil && !KnownRules[rule] {
			return &ConfigError{File: langrefName, Line: lookupLine(o.node, "rules", rule), Err: fmt.Errorf("rules: %q is not a rule id", rule)}
		}
		if !validSeverity(sev) {
			return &ConfigError{File: langrefName, Line: lookupLine(o.node, "rules", rule), Err: fmt.Errorf("rule %q: severity %q is not one of error, warning, info, off", rule, sev)}
		}
	}
	return nil
}

func lookupLine(m *yaml.Node, key, sub string) int {
	for i := 0; m != nil && i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != key {
			continue
		}
		if sub == "" {
			return m.Content[i].Line
		}
		return lookupLine(m.Content[i+1], sub, "")
	}
	return 0
}

// applySourceOnly replaces the profile's source-only keys with
// .langref.yml's source_only_keys, when set. A key that pairs pages or
// names their language cannot be one: a stub without it would pair with
// nothing.
func (c *Config) applySourceOnly(o *langrefFile) error {
	if o.SourceOnly == nil {
		return nil
	}
	for i, k := range o.SourceOnly {
		line := itemLine(o.node, "source_only_keys", i)
		if k == "" {
			return &ConfigError{File: langrefName, Line: line, Err: fmt.Errorf("source_only_keys: an empty key")}
		}
		for _, own := range []string{c.Key, c.TranslationKey, c.LangKey} {
			if own != "" && (k == own || c.FoldCase && strings.EqualFold(k, own)) {
				return &ConfigError{File: langrefName, Line: line,
					Err: fmt.Errorf("source_only_keys: %q pairs a translation with its source page or names its language; a stub without it would pair with nothing", k)}
			}
		}
	}
	c.SourceOnlyKeys = o.SourceOnly
	return nil
}

// itemLine returns the line of item i of the sequence under key, else the
// key's line.
func itemLine(m *yaml.Node, key string, i int) int {
	for j := 0; m != nil && j+1 < len(m.Content); j += 2 {
		if m.Content[j].Value == key {
			if v := m.Content[j+1]; v.Kind == yaml.SequenceNode && i < len(v.Content) {
				return v.Content[i].Line
			}
			return m.Content[j].Line
		}
	}
	return 0
}
