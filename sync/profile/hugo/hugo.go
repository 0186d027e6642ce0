// Package hugo is the profile of Hugo sites: languages and content folders
// from hugo.toml|yaml|json, config.toml|yaml|json and config/_default/;
// every content file under a content folder is a page (_index.md and
// index.md bundles included), with YAML, TOML or JSON front matter or none;
// pages pair by their path in their language's content folder, by a
// language suffix in the file name (about.fr.md) and by translationKey.
package hugo

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	gosync "sync"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
)

// Profile is Hugo's profile.
type Profile struct{}

// Name returns "hugo".
func (Profile) Name() string { return "hugo" }

// Markers returns Hugo's configuration files.
func (Profile) Markers() []string {
	out := slices.Clone(configNames)
	for _, n := range []string{"hugo", "config"} {
		for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
			out = append(out, configDir+"/"+n+ext)
		}
	}
	return out
}

// ShownKeys are the front matter keys Hugo's themes show readers: the
// title, the menu and link title, and the description.
var ShownKeys = []string{"title", "linkTitle", "description"}

// KnownKeys are the front matter keys Hugo defines, and those of Docsy,
// the theme most multilingual Hugo documentation uses.
var KnownKeys = []string{
	"aliases", "audio", "build", "_build", "cascade", "date", "description", "draft",
	"expiryDate", "headless", "images", "isCJKLanguage", "keywords", "lastmod", "layout",
	"linkTitle", "markup", "menu", "menus", "outputs", "params", "publishDate", "resources",
	"sitemap", "slug", "summary", "title", "translationKey", "type", "url", "videos", "weight",
	"tags", "categories", "series", "toc_hide", "hide_summary", "no_list", "simple_list",
	"show_banner", "body_class", "hide_feedback", "exclude_search", "manualLink",
	"manualLinkRelref", "manualLinkTarget", "icon", "default_lang_commit", "drift_from_default",
}

// SourceOnlyKeys are the keys a translation's stub leaves out: url with a
// leading slash is the same address in every language (Hugo adds no
// language prefix to it), and aliases redirect old addresses, which a new
// translation does not have (before Hugo 0.155, /-aliases were the same
// address in every language too). slug and translationKey are copied:
// the first is relative to the language's tree, the second pairs pages.
var SourceOnlyKeys = []string{"aliases", "url"}

// contentExts are the extensions of the content formats Hugo renders.
var contentExts = []string{".md", ".markdown", ".mdown", ".html", ".htm", ".adoc", ".asciidoc", ".ad", ".org", ".pandoc", ".pdc", ".rst"}

// Read reads Hugo's configuration at root.
func (Profile) Read(root string) (*profile.Rules, error) {
	c, err := readConfig(root)
	if err != nil {
		return nil, err
	}
	l := newLayout(c)
	var langs []string
	for _, lg := range c.langs {
		if !lg.disabled {
			langs = append(langs, lg.code)
		}
	}
	slices.Sort(langs)
	w := &walker{root: root, layout: l, leaf: map[string]bool{}}
	cs := &cascades{root: root, layout: l, site: siteCascade(c.cascade), langs: map[string][]cascade{}, byFile: map[string][]cascade{}}
	for _, lg := range c.langs {
		if lg.cascade != nil {
			cs.langs[lg.code] = siteCascade(lg.cascade)
		}
	}
	names := map[string]string{}
	for _, code := range langs {
		names[code] = code
	}
	menus, err := readMenus(root, c, l, langs)
	if err != nil {
		return nil, err
	}
	return &profile.Rules{
		Generator: "hugo", Display: "Hugo", StopsOnBadFrontMatter: true, ConfigFile: c.file, SourceLang: c.defaultLang, Languages: langs,
		TranslationKey: "translationKey", Layout: l,
		FrontMatter: frontmatter.Rules{Formats: []frontmatter.Format{frontmatter.YAML, frontmatter.TOML, frontmatter.JSON}, Optional: true},
		BaselineKey: "default_lang_commit", KnownKeys: KnownKeys, ShownKeys: ShownKeys, SourceOnlyKeys: SourceOnlyKeys, FoldCase: true, PageExts: contentExts,
		Skip: w.skip, Drop: cs.drop, UIStrings: profile.FindTables(root, c.i18nDir, names),
		Nav: menus.pageNav(map[string]*profile.Nav{}, func(func(string, *frontmatter.Doc) bool) {}), PageNav: menus.pageNav,
		NavInsert: keepMenus,
	}, nil
}

// keepMenus is Hugo's NavInsert: new edits no menu. A page's own menu:
// front matter travels with it into its stub; a language's configured
// menus are its authors' to edit (check reports the entries they lack).
func keepMenus(src []byte, _ string, _ []string) ([]byte, []string, error) { return src, nil, nil }

// walker decides, entry by entry, what Hugo reads as content.
type walker struct {
	root   string
	layout *layout
	// leaf is folder → holds a leaf bundle's index, under mu: the site's
	// walk reads folders on several goroutines.
	mu   gosync.Mutex
	leaf map[string]bool
}

func (w *walker) skip(rel string, isDir bool) profile.Reason {
	base := path.Base(rel)
	if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") || strings.HasSuffix(base, "~") {
		return profile.Underscore
	}
	dir, inside := w.layout.contentDirOf(rel)
	if !inside {
		if isDir && w.layout.holdsContentDir(rel) {
			return profile.Kept
		}
		return profile.OutsideContent
	}
	if w.layout.disabledDir(dir) {
		return profile.Disabled
	}
	if isDir {
		return profile.Kept
	}
	if !slices.Contains(contentExts, strings.ToLower(path.Ext(rel))) {
		return profile.NotContent
	}
	if !isIndex(base, "index") && w.inLeafBundle(dir, path.Dir(rel)) {
		return profile.BundleResource
	}
	return profile.Kept
}

// inLeafBundle reports whether folder, inside content folder dir, or one
// of its parents up to dir holds a leaf bundle's index.md.
func (w *walker) inLeafBundle(dir, folder string) bool {
	for folder != dir && folder != "." && folder != "" {
		w.mu.Lock()
		leaf, ok := w.leaf[folder]
		w.mu.Unlock()
		if !ok {
			leaf = w.holdsIndex(folder)
			w.mu.Lock()
			w.leaf[folder] = leaf
			w.mu.Unlock()
		}
		if leaf {
			return true
		}
		folder = path.Dir(folder)
	}
	return false
}

func (w *walker) holdsIndex(folder string) bool {
	entries, err := os.ReadDir(filepath.Join(w.root, filepath.FromSlash(folder)))
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && isIndex(e.Name(), "index") {
			return true
		}
	}
	return false
}

// isIndex reports whether name is stem.EXT or stem.LANG.EXT for a content
// extension: index.md, index.fr.md, _index.md.
func isIndex(name, stem string) bool {
	ext := path.Ext(name)
	if !slices.Contains(contentExts, strings.ToLower(ext)) {
		return false
	}
	rest := strings.TrimSuffix(name, ext)
	if rest == stem {
		return true
	}
	s, lang, ok := strings.Cut(rest, ".")
	return ok && s == stem && lang != "" && !strings.Contains(lang, ".")
}
