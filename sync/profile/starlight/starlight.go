// Package starlight is the profile of Astro Starlight sites: the locales
// of astro.config.*, read as text; .md, .mdx and .mdoc pages under
// src/content/docs/, the root locale's at its top and every other locale's
// in a folder named for it; pages pair by their path in their locale's
// tree; files whose names start with _ are not pages.
package starlight

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
	"github.com/langref/langref/sync/profile/jstext"
)

// Profile is Starlight's profile.
type Profile struct{}

// Name returns "starlight".
func (Profile) Name() string { return "starlight" }

// configNames are Astro's configuration files.
var configNames = []string{"astro.config.mjs", "astro.config.ts", "astro.config.mts", "astro.config.js", "astro.config.cjs", "astro.config.cts"}

// Markers returns Astro's configuration files.
func (Profile) Markers() []string { return slices.Clone(configNames) }

// DocsDir is where Starlight's pages are.
const DocsDir = "src/content/docs"

// I18nDir is where Starlight's UI strings are, one file per language
// named by the locale's lang (zh-CN.json).
const I18nDir = "src/content/i18n"

// ShownKeys are the front matter keys Starlight shows readers: the
// title (the page's heading), the description, and the texts of the
// hero (title, tagline, actions) and of the banner.
var ShownKeys = []string{"title", "description", "hero", "banner"}

// KnownKeys are the front matter keys Starlight defines, and Lunaria's.
var KnownKeys = []string{
	"title", "description", "slug", "editUrl", "head", "tableOfContents", "template",
	"hero", "banner", "lastUpdated", "prev", "next", "pagefind", "draft", "sidebar",
	"i18nReady",
}

// SourceOnlyKeys are the keys a translation's stub leaves out: a slug
// replaces the page's whole address, locale folder included, so a copied
// one would give the translation the source page's address.
var SourceOnlyKeys = []string{"slug"}

var pageExts = []string{".md", ".mdx", ".mdoc"}

// Read reads the locales of root/astro.config.*.
func (Profile) Read(root string) (*profile.Rules, error) {
	r := &profile.Rules{
		Generator: "starlight", Display: "Starlight", StopsOnBadFrontMatter: true, DuplicateKeysFail: true,
		FrontMatter: frontmatter.Rules{Formats: []frontmatter.Format{frontmatter.YAML}, Optional: true},
		BaselineKey: "source-commit", KnownKeys: KnownKeys, ShownKeys: ShownKeys, SourceOnlyKeys: SourceOnlyKeys, PageExts: pageExts, NavShared: true,
	}
	var cfg astroConfig
	var text string
	for _, name := range configNames {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err == nil {
			r.ConfigFile, cfg, text = name, scanConfig(string(b)), jstext.StripComments(string(b))
			break
		}
	}
	l := newLayout(cfg)
	if nav := readSidebar(root, text, l); nav != nil {
		r.Nav = map[string]*profile.Nav{nav.Lang: nav}
	}
	r.SourceLang, r.Languages, r.Layout = l.source, l.languages(), l
	r.Skip = l.skip
	r.UIStrings = profile.FindTables(root, I18nDir, l.tableNames(cfg))
	ignore, key, err := readLunaria(root)
	if err != nil {
		return nil, err
	}
	if ignore != nil {
		r.IgnoreCommit, r.IgnoreKey, r.IgnoreBodies = ignore, key, directiveGrep
	}
	return r, nil
}

// layout places Starlight's pages by locale.
type layout struct {
	source  string          // the default locale's language code
	root    bool            // the default locale is at the top of DocsDir
	folders map[string]bool // locale folders
}

func newLayout(c astroConfig) *layout {
	l := &layout{source: "en", folders: map[string]bool{}}
	for _, lc := range c.locales {
		if lc.key == "root" {
			l.root = true
			if lc.lang != "" {
				l.source = strings.ToLower(lc.lang)
			}
			continue
		}
		l.folders[lc.key] = true
	}
	switch {
	case len(c.locales) == 0:
		l.root = true
	case c.defaultLocale != "" && c.defaultLocale != "root" && l.folders[c.defaultLocale]:
		l.source = c.defaultLocale
	}
	return l
}

func (l *layout) languages() []string {
	out := []string{l.source}
	for f := range l.folders {
		if f != l.source {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// Match returns the locale of rel and its path in the locale's tree.
func (l *layout) Match(rel string) (lang, p string, ok bool) {
	inner, ok := strings.CutPrefix(rel, DocsDir+"/")
	if !ok {
		return "", "", false
	}
	if dir, rest, ok := strings.Cut(inner, "/"); ok && l.folders[dir] {
		return dir, rest, true
	}
	if l.root {
		return l.source, inner, true
	}
	return "", "", false
}

// Path returns where lang's page with path p in its tree goes.
func (l *layout) Path(lang, p string) string {
	if l.root && lang == l.source {
		return DocsDir + "/" + p
	}
	return DocsDir + "/" + lang + "/" + p
}

func (l *layout) skip(rel string, isDir bool) profile.Reason {
	base := path.Base(rel)
	if strings.HasPrefix(base, ".") {
		return profile.Underscore
	}
	if !strings.HasPrefix(rel, DocsDir+"/") {
		if isDir && strings.HasPrefix(DocsDir+"/", rel+"/") {
			return profile.Kept
		}
		return profile.OutsideContent
	}
	if isDir {
		return profile.Kept
	}
	if strings.HasPrefix(base, "_") {
		return profile.Underscore
	}
	if !slices.Contains(pageExts, strings.ToLower(path.Ext(rel))) {
		return profile.NotContent
	}
	if _, _, ok := l.Match(rel); !ok {
		return profile.OutsideContent
	}
	return profile.Kept
}

// ExtFree says that Astro pairs pages by their slug, their path less the
// extension.
func (*layout) ExtFree() {}

// tableNames maps the lower-cased names of UI string files to the
// languages: a locale's lang (zh-cn for zh-CN.json) or else its key.
func (l *layout) tableNames(c astroConfig) map[string]string {
	out := map[string]string{l.source: l.source}
	for _, lc := range c.locales {
		code := lc.key
		if code == "root" {
			code = l.source
		}
		out[strings.ToLower(lc.key)] = code
		if lc.lang != "" {
			out[strings.ToLower(lc.lang)] = code
		}
	}
	delete(out, "root")
	return out
}
