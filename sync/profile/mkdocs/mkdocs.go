// Package mkdocs is the profile of MkDocs sites translated with the
// mkdocs-static-i18n plugin: the languages of the i18n plugin in
// mkdocs.yml; the .md pages of docs_dir, each language's either beside the
// default language's with a suffix (page.fr.md, docs_structure: suffix,
// the plugin's default) or in a folder per language (docs/fr/page.md,
// docs_structure: folder); pages pair by their path less the suffix or
// the folder.
package mkdocs

import (
	"path"
	"slices"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
	"go.yaml.in/yaml/v3"
)

// Profile is MkDocs's profile.
type Profile struct{}

// Name returns "mkdocs".
func (Profile) Name() string { return "mkdocs" }

// Markers returns MkDocs's configuration files.
func (Profile) Markers() []string { return []string{"mkdocs.yml", "mkdocs.yaml"} }

// ShownKeys are the front matter keys MkDocs shows readers: the title
// (the page's name in the nav) and the description (meta description).
var ShownKeys = []string{"title", "description"}

// KnownKeys are the front matter keys of MkDocs and Material for MkDocs.
var KnownKeys = []string{"title", "description", "template", "hide", "search", "status", "tags", "icon", "subtitle", "comments", "authors", "date"}

// Read reads the i18n plugin's settings in root/mkdocs.yml.
func (p Profile) Read(root string) (*profile.Rules, error) {
	r := &profile.Rules{
		Generator: "mkdocs", Display: "MkDocs",
		FrontMatter: frontmatter.Rules{Formats: []frontmatter.Format{frontmatter.YAML}, Optional: true},
		BaselineKey: "source-commit", KnownKeys: KnownKeys, ShownKeys: ShownKeys, PageExts: []string{".md"}, NavShared: true,
	}
	l := &layout{docs: "docs", source: "en", folder: false}
	for _, name := range p.Markers() {
		m, err := profile.ReadYAML(root, name)
		if err != nil {
			return nil, err
		}
		if m != nil {
			r.ConfigFile = name
			l.read(m)
			r.Nav = l.readNavs(root, m)
			break
		}
	}
	r.SourceLang, r.Languages, r.Layout, r.Skip = l.source, l.sortedLangs(), l, l.skip
	r.NavInsert = l.insertNav
	return r, nil
}

// layout places MkDocs's pages by language.
type layout struct {
	docs   string                // docs_dir
	source string                // the default language
	langs  []string              // every language, the default included
	folder bool                  // docs_structure: folder
	navs   map[string]*yaml.Node // each language's settings in the plugin
}

func (l *layout) read(m *yaml.Node) {
	if d := strings.Trim(path.Clean(profile.Scalar(profile.Lookup(m, "docs_dir"))), "/"); d != "." && d != "" {
		l.docs = d
	}
	i18n := plugin(profile.Lookup(m, "plugins"), "i18n")
	if i18n == nil {
		return
	}
	l.folder = profile.Scalar(profile.Lookup(i18n, "docs_structure")) == "folder"
	langs := profile.Lookup(i18n, "languages")
	if langs == nil {
		return
	}
	for _, e := range langs.Content {
		code := profile.Scalar(profile.Lookup(e, "locale"))
		if code == "" {
			continue
		}
		l.langs = append(l.langs, code)
		if l.navs == nil {
			l.navs = map[string]*yaml.Node{}
		}
		l.navs[code] = e
		if d := profile.Scalar(profile.Lookup(e, "default")); d == "true" {
			l.source = code
		}
	}
}

// plugin returns the settings of the plugin called name in a plugins
// list (- name: {settings}, or a bare - name) or mapping.
func plugin(plugins *yaml.Node, name string) *yaml.Node {
	if plugins == nil {
		return nil
	}
	if plugins.Kind == yaml.MappingNode {
		return profile.Lookup(plugins, name)
	}
	for _, e := range plugins.Content {
		if e.Kind == yaml.MappingNode {
			if s := profile.Lookup(e, name); s != nil {
				return s
			}
		}
	}
	return nil
}

func (l *layout) sortedLangs() []string {
	out := slices.Clone(l.langs)
	if !slices.Contains(out, l.source) {
		out = append(out, l.source)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Match returns the language of rel and its pairing path.
func (l *layout) Match(rel string) (lang, p string, ok bool) {
	inner, ok := strings.CutPrefix(rel, l.docs+"/")
	if !ok {
		return "", "", false
	}
	if l.folder {
		dir, rest, ok := strings.Cut(inner, "/")
		if !ok || !slices.Contains(l.langs, dir) {
			return "", "", false
		}
		return dir, rest, true
	}
	dir, base := path.Split(inner)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	if code := strings.TrimPrefix(path.Ext(stem), "."); code != "" && slices.Contains(l.langs, code) {
		return code, dir + strings.TrimSuffix(stem, "."+code) + ext, true
	}
	return l.source, inner, true
}

// Path returns where lang's page with pairing path p goes.
func (l *layout) Path(lang, p string) string {
	if l.folder {
		return l.docs + "/" + lang + "/" + p
	}
	if lang == l.source {
		return l.docs + "/" + p
	}
	ext := path.Ext(p)
	return l.docs + "/" + strings.TrimSuffix(p, ext) + "." + lang + ext
}

func (l *layout) skip(rel string, isDir bool) profile.Reason {
	if strings.HasPrefix(path.Base(rel), ".") {
		return profile.Underscore
	}
	if rel == l.docs || strings.HasPrefix(l.docs+"/", rel+"/") {
		return profile.Kept
	}
	if !strings.HasPrefix(rel, l.docs+"/") {
		return profile.OutsideContent
	}
	if isDir {
		if l.folder && !strings.Contains(strings.TrimPrefix(rel, l.docs+"/"), "/") && !slices.Contains(l.langs, path.Base(rel)) {
			return profile.OutsideContent
		}
		return profile.Kept
	}
	if path.Ext(rel) != ".md" {
		return profile.NotContent
	}
	if _, _, ok := l.Match(rel); !ok {
		return profile.OutsideContent
	}
	return profile.Kept
}
