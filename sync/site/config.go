// Package site models a multilingual Jekyll site as its generator sees it:
// the configuration (source language, exclusions, per-language navigation,
// langref's own overrides) and the files that are pages.
package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/langref/langref/internal/yamlref"
	"github.com/langref/langref/sync/frontmatter"
	"go.yaml.in/yaml/v3"
)

// Config is what langref knows about a site before reading its pages.
type Config struct {
	// Root is the site root (the folder holding _config.yml), absolute.
	Root string
	// SourceLang is the language translations are made from.
	SourceLang string
	// Languages are the language codes the site uses, sorted; the source
	// language included.
	Languages []string
	// Key is the front matter key that pairs translations (lang-ref).
	Key string
	// ByPath, when set, pairs pages by their path instead of a key.
	ByPath *PathPairing
	// Files are globs of files without front matter that are paired by
	// their path relative to the language folder (subtitles, say).
	Files []string
	// Exclude and Include are Jekyll's lists of the same name.
	Exclude, Include []string
	// Nav is the navigation of each language that has one.
	Nav map[string]*Nav
	// Severity overrides the default severity of check rules by rule id;
	// "off" disables a rule.
	Severity map[string]string
	// BaselineKey is the front matter key recording the source commit a
	// translation was made from.
	BaselineKey string
	// ConfigDups are keys set more than once in one mapping of
	// _config.yml, each with all its occurrences; Ruby keeps the last.
	ConfigDups []DupKey
	// ConfigFile is the path of _config.yml relative to Root, or "".
	ConfigFile string
	repoRoot   string
	// LangrefFile is the path of .langref.yml relative to Root, or "".
	LangrefFile string
	// lean keeps no contents: see LoadLean.
	lean bool
	// visit, when set, sees pages while they are read: see LoadLeanVisit.
	visit *Visitor
}

// PathPairing pairs pages by path, Hugo style: Pattern holds {lang} and
// {path}, as in "content/{lang}/{path}".
type PathPairing struct {
	Pattern string
	re      *regexp.Regexp
}

// Match returns the language and the pairing path of rel, a path relative
// to the site root.
func (p *PathPairing) Match(rel string) (lang, path string, ok bool) {
	m := p.re.FindStringSubmatch(rel)
	if m == nil {
		return "", "", false
	}
	return m[p.re.SubexpIndex("lang")], m[p.re.SubexpIndex("path")], true
}

// Path returns the path of the page for lang whose pairing path is path.
func (p *PathPairing) Path(lang, path string) string {
	return expand(p.Pattern, lang, path)
}

// ConfigError is a problem in _config.yml or .langref.yml: langref cannot
// read the site as configured.
type ConfigError struct {
	File string
	Line int
	Err  error
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *ConfigError) Unwrap() error { return e.Err }

// FindRoot returns the site root for dir: dir itself when it holds a
// _config.yml, else dir/docs when that does, else dir.
func FindRoot(dir string) string {
	if exists(filepath.Join(dir, "_config.yml")) {
		return dir
	}
	if exists(filepath.Join(dir, "docs", "_config.yml")) {
		return filepath.Join(dir, "docs")
	}
	return dir
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// LoadConfig reads root/_config.yml (when present) and root/.langref.yml
// (when present). A site without either is a plain folder whose source
// language is English.
func LoadConfig(root string) (*Config, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("site root %q is not a folder", root)
	}
	c := &Config{Root: abs, SourceLang: "en", Key: "lang-ref", BaselineKey: "source-commit", Nav: map[string]*Nav{}}
	if err := c.readJekyll(); err != nil {
		return nil, err
	}
	if err := c.readLangref(); err != nil {
		return nil, err
	}
	c.Exclude = append(c.Exclude, defaultExcludes...)
	return c, nil
}

// defaultExcludes are added by Jekyll 4 to every site's exclude list.
var defaultExcludes = []string{".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/"}

func readYAML(root, name string) (*yaml.Node, error) {
	b, err := os.ReadFile(filepath.Join(root, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
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

func yamlError(name string, err error) error {
	if m := yamlErrLine.FindStringSubmatch(err.Error()); m != nil {
		var n int
		fmt.Sscan(m[1], &n)
		return &ConfigError{File: name, Line: n, Err: errors.New(m[2])}
	}
	return &ConfigError{File: name, Err: err}
}

// lookup returns the value of key in mapping m (the last one, as Ruby does).
func lookup(m *yaml.Node, key string) *yaml.Node {
	var v *yaml.Node
	for i := 0; m != nil && m.Kind == yaml.MappingNode && i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			v = m.Content[i+1]
		}
	}
	return v
}

func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

func stringList(n *yaml.Node) []string {
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

func (c *Config) readJekyll() error {
	m, err := readYAML(c.Root, "_config.yml")
	if err != nil || m == nil {
		return err
	}
	c.ConfigFile = "_config.yml"
	c.ConfigDups = duplicateKeys(m, "", nil)
	if l := scalar(lookup(m, "default_lang")); l != "" {
		c.SourceLang = l
	}
	c.Exclude = stringList(lookup(m, "exclude"))
	c.Include = stringList(lookup(m, "include"))
	c.readNav(yamlref.Resolve(m)) // aliases and merge keys, as Jekyll reads them
	return nil
}

// readNav finds the navigation blocks: the top-level one belongs to the
// source language, and each top-level mapping named like a language code
// that holds a title or navigation belongs to that language.
func (c *Config) readNav(m *yaml.Node) {
	if nav := parseNav(m, c.SourceLang, nil); nav != nil {
		c.Nav[c.SourceLang] = nav
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.MappingNode || !langCode.MatchString(k.Value) || k.Value == c.SourceLang {
			continue
		}
		if lookup(v, "title") == nil && !hasNav(v) {
			continue
		}
		nav := parseNav(v, k.Value, k)
		if nav == nil {
			nav = &Nav{Lang: k.Value, Line: k.Line}
		}
		c.Nav[k.Value] = nav
	}
}

// langCode matches language codes as sites write them: en, zh, pt-BR,
// zh-Hans, es_419.
var langCode = regexp.MustCompile(`^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$`)

// IsLangCode reports whether s looks like a language code.
func IsLangCode(s string) bool { return langCode.MatchString(s) }

func (c *Config) readLangref() error {
	m, err := readYAML(c.Root, ".langref.yml")
	if err != nil || m == nil {
		return err
	}
	c.LangrefFile = ".langref.yml"
	var o langrefFile
	if err := m.Decode(&o); err != nil {
		return yamlError(".langref.yml", err)
	}
	return c.apply(o, m)
}

// langrefFile is the schema of .langref.yml.
type langrefFile struct {
	SourceLang  string            `yaml:"source_lang"`
	Key         string            `yaml:"key"`
	Languages   []string          `yaml:"languages"`
	Pairing     string            `yaml:"pairing"`
	PathPattern string            `yaml:"path_pattern"`
	Files       []string          `yaml:"files"`
	Rules       map[string]string `yaml:"rules"`
	Baseline    string            `yaml:"baseline_key"`
}

func (c *Config) apply(o langrefFile, m *yaml.Node) error {
	if o.SourceLang != "" {
		c.SourceLang = o.SourceLang
	}
	if o.Key != "" {
		c.Key = o.Key
	}
	if o.Baseline != "" {
		c.BaselineKey = o.Baseline
	}
	c.Languages = o.Languages
	c.Files = o.Files
	c.Severity = o.Rules
	for _, rule := range sortedKeys(o.Rules) {
		sev := o.Rules[rule]
		if KnownRules != nil && !KnownRules[rule] {
			return &ConfigError{File: ".langref.yml", Line: lookupLine(m, "rules", rule), Err: fmt.Errorf("rules: %q is not a rule id", rule)}
		}
		if !validSeverity(sev) {
			return &ConfigError{File: ".langref.yml", Line: lookupLine(m, "rules", rule), Err: fmt.Errorf("rule %q: severity %q is not one of error, warning, info, off", rule, sev)}
		}
	}
	switch o.Pairing {
	case "", "key":
	case "path":
		p, err := newPathPairing(o.PathPattern)
		if err != nil {
			return &ConfigError{File: ".langref.yml", Line: lookupLine(m, "path_pattern", ""), Err: err}
		}
		c.ByPath = p
	default:
		return &ConfigError{File: ".langref.yml", Line: lookupLine(m, "pairing", ""), Err: fmt.Errorf("pairing %q is not \"key\" or \"path\"", o.Pairing)}
	}
	return nil
}

// KnownRules, when set, lists the rule ids .langref.yml may name; the
// check package registers its rules here.
var KnownRules map[string]bool

func validSeverity(s string) bool {
	switch s {
	case "error", "warning", "info", "off":
		return true
	}
	return false
}

func lookupLine(m *yaml.Node, key, sub string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
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

func newPathPairing(pattern string) (*PathPairing, error) {
	if pattern == "" {
		pattern = "{lang}/{path}"
	}
	q := regexp.QuoteMeta(pattern)
	q = regexp.MustCompile(`\\\{lang\\\}`).ReplaceAllString(q, `(?P<lang>[^/]+)`)
	q = regexp.MustCompile(`\\\{path\\\}`).ReplaceAllString(q, `(?P<path>.+)`)
	re, err := regexp.Compile("^" + q + "$")
	if err != nil || re.SubexpIndex("lang") < 0 || re.SubexpIndex("path") < 0 {
		return nil, fmt.Errorf("path_pattern %q needs both {lang} and {path}", pattern)
	}
	return &PathPairing{Pattern: pattern, re: re}, nil
}

func expand(pattern, lang, path string) string {
	r := regexp.MustCompile(`\{lang\}|\{path\}`)
	return r.ReplaceAllStringFunc(pattern, func(s string) string {
		if s == "{lang}" {
			return lang
		}
		return path
	})
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// DupKey is a key set more than once in one mapping of a YAML file.
type DupKey struct {
	// Key is the dotted path of the key, e.g. "fr.title".
	Key string
	// Lines are the lines of every occurrence, in file order.
	Lines []int
	// Value is the last occurrence's value, the one Ruby keeps.
	Value string
}

// duplicateKeys returns the keys repeated within one mapping of m or of
// the mappings nested in it, prefix naming m's own path.
func duplicateKeys(m *yaml.Node, prefix string, out []DupKey) []DupKey {
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
		out = duplicateKeys(v, prefix+k.Value+".", out)
	}
	for _, d := range here {
		if len(d.Lines) > 1 {
			out = append(out, d)
		}
	}
	return out
}
