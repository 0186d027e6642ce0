package hugo

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	gosync "sync"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
	"go.yaml.in/yaml/v3"
)

// Hugo passes the values of a section's cascade front matter down to the
// section's descendants in the same language, unless a descendant sets
// the key itself or a closer ancestor cascades it; a cascade may be a
// list, and each entry may target pages by path, kind, language and
// environment (target:, or _target: before Hugo 0.142). The site
// configuration's cascade reaches the home page and every page; a
// language's own (languages.fr.cascade, or [fr.cascade] in
// config/_default/languages.toml) replaces it for that language's pages,
// as Hugo 0.111 applies them. langref
// applies the keys that decide whether a page is published: draft and
// build (_build).

// cascade is one cascade entry: the values it sets and its target.
type cascade struct {
	values                map[string]*yaml.Node // keys lower case
	path, kind, lang, env *regexp.Regexp        // nil matches all
}

// cascades reads and keeps the cascade entries of section pages.
type cascades struct {
	root   string
	layout *layout
	site   []cascade            // the configuration's
	langs  map[string][]cascade // each language's own, replacing site
	mu     gosync.Mutex
	byFile map[string][]cascade
}

// value returns the value Hugo gives key on the page at rel (language
// lang, pairing path p), from its own front matter doc or else from the
// nearest cascade that sets it, or nil.
func (c *cascades) value(rel string, doc *frontmatter.Doc, key string) *yaml.Node {
	if f, ok := doc.Get(key); ok {
		return f.YAML()
	}
	lang, p, ok := c.layout.Match(rel)
	if !ok {
		return nil
	}
	target := logicalPath(p)
	kind := pageKind(p)
	for _, anc := range ancestors(p) {
		for _, cs := range c.of(c.layout.Path(lang, anc)) {
			if v, ok := cs.values[key]; ok && cs.matches(target, kind, lang) {
				return v
			}
		}
	}
	site, own := c.langs[lang]
	if !own {
		site = c.site
	}
	for _, cs := range site {
		if v, ok := cs.values[key]; ok && cs.matches(target, kind, lang) {
			return v
		}
	}
	return nil
}

// ancestors are the section pages above the page at pairing path p,
// nearest first: docs/a/_index.md, docs/_index.md, _index.md for
// docs/a/b.md and for docs/a/b/index.md (a leaf bundle is no section).
func ancestors(p string) []string {
	dir := path.Dir(p)
	if isIndex(path.Base(p), "_index") || isIndex(path.Base(p), "index") {
		if dir == "." {
			return nil // the home page
		}
		dir = path.Dir(dir)
	}
	ext := path.Ext(p)
	var out []string
	for ; dir != "." && dir != "/" && dir != ""; dir = path.Dir(dir) {
		out = append(out, dir+"/_index"+ext)
	}
	return append(out, "_index"+ext)
}

// logicalPath is the path Hugo matches targets against: /docs/a for
// docs/a.md, docs/a/index.md and docs/a/_index.md; / for the home page.
func logicalPath(p string) string {
	p = strings.TrimSuffix(p, path.Ext(p))
	for _, idx := range []string{"_index", "index"} {
		if p == idx {
			return "/"
		}
		p = strings.TrimSuffix(p, "/"+idx)
	}
	return "/" + strings.ToLower(p)
}

// pageKind is Hugo's kind of the page at p: home, section or page.
func pageKind(p string) string {
	switch {
	case isIndex(p, "_index"):
		return "home"
	case isIndex(path.Base(p), "_index"):
		return "section"
	}
	return "page"
}

func (cs cascade) matches(target, kind, lang string) bool {
	return (cs.path == nil || cs.path.MatchString(target)) &&
		(cs.kind == nil || cs.kind.MatchString(kind)) &&
		(cs.lang == nil || cs.lang.MatchString(lang)) &&
		(cs.env == nil || cs.env.MatchString("production"))
}

// of returns the cascade entries of the section page at rel, read once;
// a section without a file has none.
func (c *cascades) of(rel string) []cascade {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cs, ok := c.byFile[rel]; ok {
		return cs
	}
	var out []cascade
	if src, err := os.ReadFile(filepath.Join(c.root, filepath.FromSlash(rel))); err == nil {
		doc := frontmatter.ParseWith(src, rules)
		if f, ok := doc.Get("cascade"); ok && doc.Usable() {
			out = parseCascade(f.YAML())
		}
	}
	c.byFile[rel] = out
	return out
}

// rules are Hugo's front matter rules.
var rules = frontmatter.Rules{Formats: []frontmatter.Format{frontmatter.YAML, frontmatter.TOML, frontmatter.JSON}, Optional: true}

// parseCascade reads a cascade value: a mapping, or a list of them.
func parseCascade(n *yaml.Node) []cascade {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.SequenceNode {
		var out []cascade
		for _, e := range n.Content {
			out = append(out, parseCascade(e)...)
		}
		return out
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	cs := cascade{values: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := strings.ToLower(n.Content[i].Value), n.Content[i+1]
		switch k {
		case "target", "_target":
			cs.readTarget(v)
		default:
			cs.values[k] = v
		}
	}
	return []cascade{cs}
}

func (cs *cascade) readTarget(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		g := glob(n.Content[i+1].Value)
		switch strings.ToLower(n.Content[i].Value) {
		case "path":
			cs.path = glob(strings.ToLower(n.Content[i+1].Value))
		case "kind":
			cs.kind = g
		case "lang":
			cs.lang = g
		case "environment":
			cs.env = g
		}
	}
}

// glob compiles a Hugo glob: ** any path, * and ? within a segment, {a,b}
// alternatives; "" matches all.
func glob(pattern string) *regexp.Regexp {
	if pattern == "" {
		return nil
	}
	var b strings.Builder
	b.WriteString("^")
	depth := 0
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; {
		case strings.HasPrefix(pattern[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '{':
			b.WriteString("(?:")
			depth++
		case c == '}' && depth > 0:
			b.WriteString(")")
			depth--
		case c == ',' && depth > 0:
			b.WriteString("|")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(strings.Repeat(")", depth) + "$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return regexp.MustCompile(`^\b$`) // matches nothing
	}
	return re
}

// drop leaves out what Hugo does not publish: drafts, headless leaf
// bundles (headless means nothing to a section's _index.md) and pages
// whose build options say never render, their own or cascaded.
func (c *cascades) drop(rel string, doc *frontmatter.Doc) profile.Reason {
	if v := c.value(rel, doc, "draft"); v != nil && v.Kind == yaml.ScalarNode && strings.EqualFold(v.Value, "true") {
		return profile.Draft
	}
	if f, ok := doc.Get("headless"); ok && f.Value.Kind == frontmatter.Bool && f.Value.Text == "true" && isIndex(path.Base(rel), "index") {
		return profile.Headless
	}
	for _, k := range []string{"_build", "build"} {
		if neverRendered(c.value(rel, doc, k)) {
			return profile.Headless
		}
	}
	return profile.Kept
}

// siteCascade reads the configuration's cascade value.
func siteCascade(v any) []cascade {
	if v == nil {
		return nil
	}
	n := &yaml.Node{}
	if n.Encode(v) != nil {
		return nil
	}
	return parseCascade(n)
}

func neverRendered(n *yaml.Node) bool {
	if n == nil || n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if strings.EqualFold(n.Content[i].Value, "render") {
			v := n.Content[i+1].Value
			return v == "never" || v == "false"
		}
	}
	return false
}
