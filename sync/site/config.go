// Package site models a multilingual documentation site as its generator
// sees it: the generator's profile (Jekyll, Hugo, Starlight: see
// sync/generators), langref's own overrides in .langref.yml, and the files
// that are pages.
package site

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/langref/langref/internal/statcache"
	"github.com/langref/langref/sync/generators"
	"github.com/langref/langref/sync/profile"
)

// Config is what langref knows about a site before reading its pages: the
// rules of its generator, with .langref.yml's overrides applied.
type Config struct {
	profile.Rules
	// Root is the site root (the folder holding the generator's
	// configuration), absolute.
	Root string
	// Files are globs of files without front matter that are paired by
	// their path relative to the language folder (subtitles, say).
	Files []string
	// Severity overrides the default severity of check rules by rule id;
	// "off" disables a rule.
	Severity map[string]string
	// LangrefExclude and LangrefInclude are .langref.yml's exclude: and
	// include: globs: paths langref leaves out although the generator
	// reads them, and paths it reads although the generator leaves them out.
	LangrefExclude, LangrefInclude []string
	// LangrefFile is the path of .langref.yml relative to Root, or "".
	LangrefFile string
	// generatorListsLanguages is true when the languages come from the
	// generator's configuration.
	generatorListsLanguages bool
	// langrefListsLanguages is true when .langref.yml lists them.
	langrefListsLanguages bool
	repoRoot              string
	// lean keeps no contents: see LoadLean.
	lean bool
	// navLater, when set, returns Nav, which the profile's cache left to
	// be decoded when needed (profile.NavDeferrer): see readNav.
	navLater func() map[string]*Nav
	// visit, when set, sees pages while they are read: see LoadLeanVisit.
	visit *Visitor
	// cacheDir gives the folder of the page cache of a lean load, "" for
	// none (see LeanOptions); pages is the cache, once open.
	cacheDir func() string
	pages    *statcache.Cache
	// saveLater writes the page cache on another goroutine: see
	// LeanOptions.SaveLater.
	saveLater bool
	// langrefKey is a hash of .langref.yml's bytes, "" without one.
	langrefKey string
}

// Aliases of the profile types the site exposes.
type (
	// Nav is one language's navigation.
	Nav = profile.Nav
	// NavItem is one entry of a navigation.
	NavItem = profile.NavItem
	// DupKey is a key set more than once in a configuration file.
	DupKey = profile.DupKey
	// ConfigError is a problem in a configuration file.
	ConfigError = profile.ConfigError
)

// PathPairing pairs pages by path, as .langref.yml's pairing: path says:
// Pattern holds {lang} and {path}, as in "content/{lang}/{path}".
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

// FindRoot returns the site root for dir: dir itself when it holds a
// generator's configuration, else dir/docs when that does, else dir.
func FindRoot(dir string) string {
	if generators.Detect(dir) != nil {
		return dir
	}
	if docs := filepath.Join(dir, "docs"); generators.Detect(docs) != nil {
		return docs
	}
	return dir
}

// LoadConfig reads root/.langref.yml (when present) and the configuration
// of the site's generator: the one .langref.yml names, else the one whose
// files are at root. A site without either is a plain folder read by
// Jekyll's rules, whose source language is English.
func LoadConfig(root string) (*Config, error) {
	c, err := loadConfig(root, nil)
	if err != nil {
		return nil, err
	}
	c.readNav()
	return c, nil
}

// loadConfig is LoadConfig; cacheDir, when not nil, returns the folder of
// langref's caches ("" for none), where a profile that can
// (profile.CachedReader) keeps what it read of its configuration. The
// navigation it read from there may be left to decode (navLater): the
// caller calls readNav before anything reads Nav.
func loadConfig(root string, cacheDir func() string) (*Config, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("site root %q is not a folder", root)
	}
	c := &Config{Root: abs}
	lf, err := readLangref(abs)
	if err != nil {
		return nil, err
	}
	p, err := pickProfile(abs, lf)
	if err != nil {
		return nil, err
	}
	rules, navLater, err := readRules(p, abs, cacheDir)
	if err != nil {
		return nil, err
	}
	c.Rules = *rules
	c.generatorListsLanguages = len(rules.Languages) > 0
	c.navLater = navLater
	if c.Nav == nil && navLater == nil {
		c.Nav = map[string]*Nav{}
	}
	if lf != nil {
		c.LangrefFile, c.langrefKey = langrefName, lf.sum
		if err := c.apply(lf); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// readRules reads the rules of profile p at root, through the cache in
// the folder cacheDir gives when there is one and p can, leaving the
// navigation to navLater when p can (profile.NavDeferrer).
func readRules(p profile.Profile, root string, cacheDir func() string) (r *profile.Rules, navLater func() map[string]*Nav, err error) {
	if cacheDir != nil {
		if dir := cacheDir(); dir != "" {
			if nd, ok := p.(profile.NavDeferrer); ok {
				return nd.ReadCachedDeferNav(root, dir)
			}
			if cr, ok := p.(profile.CachedReader); ok {
				r, err := cr.ReadCached(root, dir)
				return r, nil, err
			}
		}
	}
	r, err = p.Read(root)
	return r, nil, err
}

// readNav sets Nav when the profile's cache left it to decode.
func (c *Config) readNav() {
	if c.navLater == nil {
		return
	}
	c.Nav, c.navLater = c.navLater(), nil
	if c.Nav == nil {
		c.Nav = map[string]*Nav{}
	}
}

// pickProfile returns the profile .langref.yml names, or the one detected.
func pickProfile(root string, lf *langrefFile) (profile.Profile, error) {
	if lf != nil && lf.Generator != "" {
		p := generators.ByName(lf.Generator)
		if p == nil {
			return nil, &ConfigError{File: langrefName, Line: lookupLine(lf.node, "generator", ""),
				Err: fmt.Errorf("generator %q is not one of %s", lf.Generator, quoteList(generators.Names()))}
		}
		return p, nil
	}
	if p := generators.Detect(root); p != nil {
		return p, nil
	}
	return generators.Default(), nil
}

func quoteList(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%q", n)
	}
	return out
}

// IsLangCode reports whether s looks like a language code.
func IsLangCode(s string) bool { return profile.IsLangCode(s) }

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

// LanguagesFile returns the file, relative to Root, that lists the site's
// languages, and the generator's name when it is the generator's
// configuration: a language it does not list is no language of the site
// until it does. Both are "" when the languages are found from the files.
func (c *Config) LanguagesFile() (file, generator string) {
	switch {
	case c.langrefListsLanguages:
		return c.LangrefFile, ""
	case c.generatorListsLanguages:
		return c.ConfigFile, c.Display
	}
	return "", ""
}
