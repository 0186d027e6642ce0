// Package docusaurus is the profile of Docusaurus sites: the locales of
// docusaurus.config.* (i18n.defaultLocale and i18n.locales, read as text);
// the default locale's .md and .mdx pages under docs/, blog/ and
// src/pages/, and each other locale's under i18n/LOCALE/ in the folder of
// the plugin that renders them (docusaurus-plugin-content-docs/current/,
// -blog/, -pages/); pages pair by their path there less the extension;
// files and folders starting with _ are not pages.
package docusaurus

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
	"github.com/langref/langref/sync/profile/jstext"
)

// Profile is Docusaurus's profile.
type Profile struct{}

// Name returns "docusaurus".
func (Profile) Name() string { return "docusaurus" }

var configNames = []string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.mts", "docusaurus.config.cjs"}

// Markers returns Docusaurus's configuration files.
func (Profile) Markers() []string { return slices.Clone(configNames) }

// ShownKeys are the front matter keys Docusaurus shows readers: the
// page title, the sidebar label and the description.
var ShownKeys = []string{"title", "sidebar_label", "description"}

// KnownKeys are the front matter keys of Docusaurus's docs, blog and
// pages plugins.
var KnownKeys = []string{
	"id", "title", "description", "keywords", "image", "slug", "tags", "draft", "unlisted",
	"sidebar_label", "sidebar_position", "sidebar_class_name", "sidebar_custom_props",
	"displayed_sidebar", "hide_title", "hide_table_of_contents", "toc_min_heading_level",
	"toc_max_heading_level", "pagination_label", "pagination_next", "pagination_prev",
	"parse_number_prefixes", "custom_edit_url", "last_update", "authors", "date",
	"wrapperClassName",
}

// trees are the folders of the default locale's pages, and the plugin
// folder under i18n/LOCALE/ holding each other locale's.
var trees = []struct{ source, plugin, key string }{
	{"docs", "docusaurus-plugin-content-docs/current", "docs"},
	{"blog", "docusaurus-plugin-content-blog", "blog"},
	{"src/pages", "docusaurus-plugin-content-pages", "pages"},
}

var (
	defaultLocale = regexp.MustCompile(`\bdefaultLocale\s*:`)
	locales       = regexp.MustCompile(`\blocales\s*:`)
	pageExts      = []string{".md", ".mdx"}
)

// Read reads the locales of root/docusaurus.config.*.
func (Profile) Read(root string) (*profile.Rules, error) {
	r := &profile.Rules{
		Generator: "docusaurus", Display: "Docusaurus", StopsOnBadFrontMatter: true,
		FrontMatter: frontmatter.Rules{Formats: []frontmatter.Format{frontmatter.YAML}, Optional: true},
		BaselineKey: "source-commit", KnownKeys: KnownKeys, ShownKeys: ShownKeys, PageExts: pageExts, NavShared: true,
	}
	l := &layout{source: "en"}
	for _, name := range configNames {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue
		}
		r.ConfigFile = name
		src := jstext.StripComments(string(b))
		if d := jstext.StringValue(src, defaultLocale); d != "" {
			l.source = d
		}
		l.locales = jstext.StringList(src, locales)
		if nav := readSidebars(root, src, l.source); nav != nil {
			r.Nav = map[string]*profile.Nav{nav.Lang: nav}
		}
		break
	}
	if !slices.Contains(l.locales, l.source) {
		l.locales = append(l.locales, l.source)
	}
	slices.Sort(l.locales)
	r.UITables = uiTables(root, l.locales)
	r.SourceLang, r.Languages, r.Layout, r.Skip, r.Drop = l.source, l.locales, l, l.skip, drop
	return r, nil
}

// layout places Docusaurus's pages by locale and plugin.
type layout struct {
	source  string
	locales []string
}

// Match returns the locale of rel and its path in the locale's trees,
// which starts with the tree's name: docs/, blog/ or pages/.
func (l *layout) Match(rel string) (lang, p string, ok bool) {
	for _, t := range trees {
		if rest, ok := strings.CutPrefix(rel, t.source+"/"); ok {
			return l.source, t.key + "/" + rest, true
		}
	}
	rest, ok := strings.CutPrefix(rel, "i18n/")
	if !ok {
		return "", "", false
	}
	loc, rest, ok := strings.Cut(rest, "/")
	if !ok || loc == l.source || !slices.Contains(l.locales, loc) {
		return "", "", false
	}
	for _, t := range trees {
		if inner, ok := strings.CutPrefix(rest, t.plugin+"/"); ok {
			return loc, t.key + "/" + inner, true
		}
	}
	return "", "", false
}

// Path returns where lang's page with path p in its trees goes.
func (l *layout) Path(lang, p string) string {
	tree, rest, _ := strings.Cut(p, "/")
	for _, t := range trees {
		if t.key != tree {
			continue
		}
		if lang == l.source {
			return t.source + "/" + rest
		}
		return "i18n/" + lang + "/" + t.plugin + "/" + rest
	}
	return p
}

// ExtFree says that Docusaurus pairs pages by their id, their path less
// the extension.
func (*layout) ExtFree() {}

// skip leaves out what is in no locale's trees, files and folders whose
// names start with _ (Docusaurus's default exclude), and other files than
// .md and .mdx.
func (l *layout) skip(rel string, isDir bool) profile.Reason {
	base := path.Base(rel)
	if strings.HasPrefix(base, ".") {
		return profile.Underscore
	}
	if _, _, ok := l.Match(rel); !ok {
		if isDir && l.holdsTree(rel) {
			return profile.Kept
		}
		return profile.OutsideContent
	}
	if strings.HasPrefix(base, "_") {
		return profile.Underscore
	}
	if isDir {
		return profile.Kept
	}
	if !slices.Contains(pageExts, strings.ToLower(path.Ext(rel))) {
		return profile.NotContent
	}
	return profile.Kept
}

// holdsTree reports whether folder rel leads to a locale's tree.
func (l *layout) holdsTree(rel string) bool {
	for _, lang := range l.locales {
		for _, t := range trees {
			dir := strings.TrimSuffix(l.Path(lang, t.key+"/"), "/")
			if dir == rel || strings.HasPrefix(dir, rel+"/") {
				return true
			}
		}
	}
	return false
}

// drop leaves out drafts, which production builds do not publish.
func drop(_ string, doc *frontmatter.Doc) profile.Reason {
	if f, ok := doc.Get("draft"); ok && f.Value.Kind == frontmatter.Bool && f.Value.Text == "true" {
		return profile.Draft
	}
	return profile.Kept
}

// TranslationFiles are the JSON files of interface strings each locale has
// under i18n/LOCALE/ (docusaurus write-translations writes them): the
// theme's and the site's code strings, the docs sidebars' and versions'
// labels, the navbar's and the footer's.
var TranslationFiles = []string{
	"code.json",
	"docusaurus-plugin-content-docs/current.json",
	"docusaurus-theme-classic/navbar.json",
	"docusaurus-theme-classic/footer.json",
}

// uiTables finds each translation file of each locale, the default
// locale's included: the others are compared with it.
func uiTables(root string, locales []string) []map[string]string {
	var out []map[string]string
	for _, name := range TranslationFiles {
		t := map[string]string{}
		for _, loc := range locales {
			rel := "i18n/" + loc + "/" + name
			if fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel))); err == nil && fi.Mode().IsRegular() {
				t[loc] = rel
			}
		}
		if len(t) > 0 {
			out = append(out, t)
		}
	}
	return out
}
