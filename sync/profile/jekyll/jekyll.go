// Package jekyll is the profile of Jekyll sites: _config.yml, Jekyll 4.3's
// EntryFilter, YAML front matter that must start the file, pages paired by
// a lang-ref key with their language in lang, and the per-language
// navigation of _config.yml. It is also the profile of a plain folder of
// pages with no generator's configuration.
package jekyll

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/langref/langref/internal/yamlref"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
	"go.yaml.in/yaml/v3"
)

// Profile is Jekyll's profile.
type Profile struct{}

// Name returns "jekyll".
func (Profile) Name() string { return "jekyll" }

// Markers returns Jekyll's configuration file.
func (Profile) Markers() []string { return []string{"_config.yml"} }

// ShownKeys are the front matter keys Jekyll themes show readers: the
// title (page.title) and the description (jekyll-seo-tag).
var ShownKeys = []string{"title", "description"}

// KnownKeys are front matter keys of Jekyll and of common Jekyll themes
// and plugins.
var KnownKeys = []string{
	"layout", "permalink", "published", "date", "category", "categories", "tags",
	"excerpt", "sitemap", "redirect_from", "redirect_to", "toc", "math", "comments",
	"last_modified_at",
}

// SourceOnlyKeys are the keys a translation's stub leaves out: a copied
// permalink gives the translation the source page's address (Jekyll
// writes both to one file and warns of a conflict), and a copied
// redirect_from (jekyll-redirect-from) makes a second page at each old
// address; a new translation has no old addresses of its own.
var SourceOnlyKeys = []string{"permalink", "redirect_from"}

// defaultExcludes are added by Jekyll 4 to every site's exclude list.
var defaultExcludes = []string{".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/"}

// Read reads root/_config.yml, when there is one.
func (Profile) Read(root string) (*profile.Rules, error) {
	b, err := readConfig(root)
	if err != nil {
		return nil, err
	}
	r := newRules()
	if err := fromConfig(r, b); err != nil {
		return nil, err
	}
	return finish(r, b), nil
}

// readConfig returns the bytes of root/_config.yml, nil when there is
// none.
func readConfig(root string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(root, "_config.yml"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err == nil && b == nil {
		b = []byte{} // an empty file is a configuration
	}
	return b, err
}

// newRules returns Jekyll's rules before the configuration is read.
func newRules() *profile.Rules {
	return &profile.Rules{
		Generator: "jekyll", Display: "Jekyll", SourceLang: "en", Key: "lang-ref", LangKey: "lang",
		FrontMatter: frontmatter.Jekyll, BaselineKey: "source-commit", KnownKeys: KnownKeys, ShownKeys: ShownKeys, SourceOnlyKeys: SourceOnlyKeys,
		Nav:      map[string]*profile.Nav{},
		PageExts: []string{".md", ".markdown", ".mkd", ".mkdn", ".html", ".htm", ".textile"},
	}
}

// fromConfig sets in r what the configuration b (nil for none) says: the
// parts of the rules the configuration cache keeps (see cache.go).
func fromConfig(r *profile.Rules, b []byte) error {
	if b == nil || quickConfig(r, b) {
		return nil
	}
	return yamlConfig(r, b)
}

// yamlConfig is fromConfig for a configuration b, read with go-yaml.
func yamlConfig(r *profile.Rules, b []byte) error {
	m, err := profile.ParseYAML("_config.yml", b)
	if err != nil {
		return err
	}
	r.ConfigFile = "_config.yml"
	r.ConfigDups = profile.DuplicateKeys(m, "", nil)
	if n := profile.Lookup(m, "default_lang"); n != nil {
		l, err := defaultLang(n)
		if err != nil {
			return &profile.ConfigError{File: "_config.yml", Line: n.Line, Err: err}
		}
		if l != "" {
			r.SourceLang = l
		}
	}
	r.Exclude = profile.StringList(profile.Lookup(m, "exclude"))
	r.Include = profile.StringList(profile.Lookup(m, "include"))
	readNav(r, yamlref.Resolve(m)) // aliases and merge keys, as Jekyll reads them
	return nil
}

// finish completes the rules r read from the configuration b: Jekyll's
// default excludes, the entry filter, and the key of the configuration.
func finish(r *profile.Rules, b []byte) *profile.Rules {
	r.Exclude = append(r.Exclude, defaultExcludes...)
	f := newEntryFilter(r.Exclude, r.Include)
	r.Skip = f.skip
	r.InputKey = inputKey(b)
	return r
}

// inputKey names what Read read: the configuration's bytes, or their
// absence.
func inputKey(b []byte) string {
	if b == nil {
		return "jekyll: no _config.yml"
	}
	sum := sha256.Sum256(b)
	return "jekyll: _config.yml " + hex.EncodeToString(sum[:])
}

// defaultLang returns the source language default_lang's value n names,
// "" when it is null or empty, or an error saying what else it is.
func defaultLang(n *yaml.Node) (string, error) {
	switch {
	case n.Kind == yaml.SequenceNode:
		return "", fmt.Errorf("default_lang is a list; it must be a single language code, such as en")
	case n.Kind == yaml.MappingNode:
		return "", fmt.Errorf("default_lang is a mapping; it must be a single language code, such as en")
	case n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Value == "":
		return "", nil
	case !profile.IsLangCode(n.Value):
		return "", fmt.Errorf("default_lang %q is not a language code, such as en or zh-Hans", n.Value)
	}
	return n.Value, nil
}

// readNav finds the navigation blocks: the top-level one belongs to the
// source language, and each top-level mapping named like a language code
// that holds a title or navigation belongs to that language.
func readNav(r *profile.Rules, m *yaml.Node) {
	if nav := parseNav(m, r.SourceLang, nil); nav != nil {
		r.Nav[r.SourceLang] = nav
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.MappingNode || !profile.IsLangCode(k.Value) || k.Value == r.SourceLang {
			continue
		}
		if profile.Lookup(v, "title") == nil && !hasNav(v) {
			continue
		}
		nav := parseNav(v, k.Value, k)
		if nav == nil {
			nav = &profile.Nav{Lang: k.Value, Line: k.Line}
		}
		r.Nav[k.Value] = nav
	}
}
