// Package profile is what a site generator tells langref about a site: which
// files are pages, where each language's tree is, how pages pair, what the
// navigation is and how front matter is written. Each generator is one
// package below this one (jekyll, hugo, starlight); the rest of langref asks
// the Rules a profile returns and never which generator it runs on.
package profile

import (
	"fmt"
	"iter"
	"os"
	"path"
	"path/filepath"
	"strings"
	gosync "sync"

	"github.com/langref/langref/sync/frontmatter"
)

// Profile is one generator's rules.
type Profile interface {
	// Name is the generator's name, as .langref.yml's generator: key
	// writes it.
	Name() string
	// Markers are the files, relative to a site root, whose presence
	// marks a site of this generator; any one of them is enough.
	Markers() []string
	// Read reads the generator's own configuration at root, an absolute
	// folder.
	Read(root string) (*Rules, error)
}

// Rules are one site's rules as its generator applies them.
type Rules struct {
	// Generator is the profile's name.
	Generator string
	// Display is the generator's name as messages write it: Jekyll, Hugo.
	Display string
	// StopsOnBadFrontMatter is true when the generator stops the build on
	// front matter it cannot read (Hugo, Astro); Jekyll warns, or copies
	// the file as a static file.
	StopsOnBadFrontMatter bool
	// DuplicateKeysFail is true when a key set twice in front matter stops
	// the build (Astro's YAML reader); else the last one wins.
	DuplicateKeysFail bool
	// ConfigFile is the generator's configuration file relative to the
	// root, "" when there is none.
	ConfigFile string
	// SourceLang is the language translations are made from.
	SourceLang string
	// Languages are the site's languages when the configuration lists
	// them, else nil (found from the files).
	Languages []string
	// Key is the front matter key that pairs pages, when pages pair by key.
	Key string
	// TranslationKey, when set, is a front matter key whose value pairs a
	// page instead of its path (Hugo's translationKey).
	TranslationKey string
	// LangKey is the front matter key naming a page's language, "" when
	// the language is where the file is.
	LangKey string
	// Layout, when set, places each language's pages and pairs them by
	// their path in their tree.
	Layout Layout
	// FrontMatter is how the generator reads the top of a file.
	FrontMatter frontmatter.Rules
	// BaselineKey is the front matter key recording the source commit a
	// translation was made from, by default.
	BaselineKey string
	// KnownKeys are front matter keys the generator and common tools
	// define: never misspellings.
	KnownKeys []string
	// SourceOnlyKeys are front matter keys that belong to the source page
	// alone: a new translation's stub leaves them out, since a copy would
	// give it the source page's address or redirects (Jekyll's permalink,
	// Hugo's url). .langref.yml's source_only_keys replaces them.
	SourceOnlyKeys []string
	// ShownKeys are the front matter keys whose values the generator
	// shows readers (title, description): a change to one since a
	// translation's baseline counts in its staleness like a change of a
	// block of prose (Lunaria counts every change of the file).
	ShownKeys []string
	// FoldCase is true when the generator reads front matter keys without
	// regard to case (Hugo): Title and title are one key.
	FoldCase bool
	// Nav is the navigation of each language that has one in the
	// generator's configuration.
	Nav map[string]*Nav
	// NavShared is true when the generator builds each translation's
	// navigation from the source language's (MkDocs's i18n plugin,
	// Starlight, Docusaurus): a language without a navigation of its own
	// needs none, and new edits no navigation for it.
	NavShared bool
	// NavInsert, when set, adds to lang's own navigation in the
	// configuration src the entries of the translations at paths
	// (relative to the root), keeping every other byte; it returns the
	// new bytes and the paths it added (none when lang has no navigation
	// of its own). nil: new edits no navigation but Jekyll's blocks.
	NavInsert func(src []byte, lang string, paths []string) ([]byte, []string, error)
	// PageNav, when set, adds to the navigation the entries pages declare
	// in their own front matter (Hugo's menu:): it is given Nav, read
	// from the configuration, and every page that is kept (path relative
	// to the root, front matter), and returns the navigation of each
	// language. nil: the configuration holds all the navigation.
	PageNav func(nav map[string]*Nav, pages iter.Seq2[string, *frontmatter.Doc]) map[string]*Nav
	// ConfigDups are keys set more than once in one mapping of the
	// configuration file.
	ConfigDups []DupKey
	// Exclude and Include are the generator's own lists (Jekyll's).
	Exclude, Include []string
	// Skip says whether the generator leaves out the file or folder at
	// rel (slash-separated, relative to the root), and why. The site's
	// walk calls it from several goroutines at once: any state it keeps
	// must be safe for that.
	Skip func(rel string, isDir bool) Reason
	// Drop says whether the generator leaves out a page it read, by its
	// front matter, and why; nil keeps every page.
	Drop func(rel string, doc *frontmatter.Doc) Reason
	// PageExts are the extensions of files that may be pages, lower case
	// with the dot.
	PageExts []string
	// UIStrings are the generator's tables of interface strings (Hugo's
	// i18n/, Starlight's src/content/i18n/): language → file relative to
	// the root.
	UIStrings map[string]string
	// UITables are further tables of interface strings, one map
	// (language → file relative to the root) per table: Docusaurus's
	// code.json, current.json, navbar.json and footer.json.
	UITables []map[string]string
	// IgnoreCommit, when set, says that the commit with this subject and
	// body needs no translation of the file at rel (slash-separated,
	// relative to the root): source changes made only by such commits do
	// not make translations stale, and a translation's commit it matches
	// does not bring the translation up to date (Lunaria's ignoreKeywords
	// and @lunaria-ignore directives). nil ignores no commit.
	IgnoreCommit func(subject, body, rel string) bool
	// IgnoreKey names what IgnoreCommit decides from (a hash of the
	// configuration it was read from), for caches of results that
	// depend on it; "" without IgnoreCommit.
	IgnoreKey string
	// IgnoreBodies is the pattern (a git extended regular expression) of
	// the commit messages whose bodies IgnoreCommit reads; it is given
	// an empty body for the others, which saves reading every body.
	// "" when it reads none.
	IgnoreBodies string
	// InputKey names everything Read read to make these rules (a hash of
	// the configuration's bytes, say), for caches of results that depend
	// on them; "" when the profile cannot tell, and such results are then
	// not cached.
	InputKey string
}

// CachedReader is a Profile that can keep what it read of the
// generator's configuration between runs, in the cache folder dir
// (cachefile.Dir), and read it from there while the configuration is
// unchanged: a large configuration (a navigation of tens of thousands of
// pages) then needs no parsing. ReadCached returns what Read returns.
type CachedReader interface {
	ReadCached(root, dir string) (*Rules, error)
}

// NavDeferrer is a CachedReader that can leave the navigation, the
// costly part of its cache to decode (a navigation of 200,000 entries),
// to be decoded when it is needed: a run that answers from a cache of its
// own never needs it. ReadCachedDeferNav is ReadCached, except that when
// it returns a non-nil nav, Rules.Nav is nil and nav returns what it
// would have held; the caller calls nav once, before anything reads
// Rules.Nav.
type NavDeferrer interface {
	ReadCachedDeferNav(root, dir string) (r *Rules, nav func() map[string]*Nav, err error)
}

// Reason says why a generator leaves out a file, in its own words: a
// short id such as "underscore" or "outside-content"; "" keeps the file.
type Reason string

// Reasons a generator leaves out a file.
const (
	Kept           Reason = ""
	Underscore     Reason = "underscore"      // Jekyll: names starting with _ . # ~
	Excluded       Reason = "excluded"        // exclude: in a configuration
	OutsideContent Reason = "outside-content" // not under a content folder
	NotContent     Reason = "not-content"     // an extension the generator does not render
	BundleResource Reason = "bundle-resource" // Hugo: a file inside a leaf bundle
	Draft          Reason = "draft"           // draft: true
	Headless       Reason = "headless"        // Hugo: headless bundle, or _build render and list never
	Disabled       Reason = "disabled"        // a disabled language's tree
)

// Layout places each language's pages: where a file sits says its
// language and its path inside that language's tree, which pairs it.
type Layout interface {
	// Match returns the language of the file at rel and its pairing path,
	// or ok false when rel is in no language's tree.
	Match(rel string) (lang, path string, ok bool)
	// Path returns where the page of lang whose pairing path is path lives.
	Path(lang, path string) string
}

// Nav is one language's sidebar: the pages it lists, in order.
type Nav struct {
	Lang string
	// File is the file the navigation is in, relative to the root, when
	// it is not the configuration file (Docusaurus's sidebars.js).
	File  string
	Line  int // line of the language's block in the configuration (0: top level)
	Items []NavItem

	// index indexes the first position of each path of Items, as NewNav
	// got them, once Index needs it.
	index *navIndex
}

// navIndex is the index of a Nav's items: the first position of each
// path of the first n items, made by the first Index that needs it (a
// run that answers from a cache never does).
type navIndex struct {
	once gosync.Once
	n    int
	pos  map[string]int
}

// NewNav returns lang's navigation listing items, indexed for Index.
func NewNav(lang string, line int, items []NavItem) *Nav {
	return &Nav{Lang: lang, Line: line, Items: items, index: &navIndex{n: len(items)}}
}

// NavItem is one entry of a navigation.
type NavItem struct {
	Path      string // as written, relative to the site root
	Line, Col int    // position of the path value in the configuration
	Parent    string // the chapter's path, for sections
	// Menu names the menu the entry is in, for generators whose
	// navigation is several named menus (Hugo's main, footer); "" for
	// the one navigation of the others.
	Menu string
	// File is the file the entry is written in, relative to the root,
	// when it is not the navigation's (a page's own front matter).
	File string
	// Shared is true when one entry, written once, serves every language
	// without a navigation of its own, each linking its own page (Hugo's
	// top-level menus): lang's entry is missing its page while the page
	// is untranslated.
	Shared bool
}

// In returns the file the entry is written in: File, else the file of
// its navigation nav (see Nav.In).
func (it NavItem) In(nav *Nav, config string) string {
	if it.File != "" {
		return it.File
	}
	return nav.In(config)
}

// In returns the file nav is read from: File, else the configuration
// file config.
func (n *Nav) In(config string) string {
	if n != nil && n.File != "" {
		return n.File
	}
	return config
}

// Index returns the position of path in the navigation, or -1.
func (n *Nav) Index(path string) int {
	if n == nil {
		return -1
	}
	if x := n.index; x != nil && x.n == len(n.Items) {
		x.once.Do(func() {
			x.pos = make(map[string]int, x.n)
			for i := x.n - 1; i >= 0; i-- {
				x.pos[n.Items[i].Path] = i
			}
		})
		if i, ok := x.pos[path]; ok {
			return i
		}
		return -1
	}
	for i, it := range n.Items {
		if it.Path == path {
			return i
		}
	}
	return -1
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

// ConfigError is a problem in a configuration file: langref cannot read
// the site as configured.
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

// ExtFree is implemented by layouts whose pages pair by their path less
// the extension (Hugo, Astro: about.md translates about.mdx).
type ExtFree interface {
	// ExtFree is a marker method.
	ExtFree()
}

// PairKey returns the pairing key of a page whose path in its language's
// tree is p, under layout l.
func PairKey(l Layout, p string) string {
	if _, ok := l.(ExtFree); ok {
		return strings.TrimSuffix(p, path.Ext(p))
	}
	return p
}

// FindTables returns the string tables in folder dir of root whose names
// (less a .toml, .yaml, .yml or .json extension, compared without regard
// to case) name a language: the map's keys are file names lower-cased,
// its values the languages.
func FindTables(root, dir string, langs map[string]string) map[string]string {
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(dir)))
	if err != nil {
		return nil
	}
	out := map[string]string{}
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if _, ok := frontmatter.FormatOfExt(ext); !ok || e.IsDir() {
			continue
		}
		if lang, ok := langs[strings.ToLower(strings.TrimSuffix(e.Name(), ext))]; ok {
			if _, dup := out[lang]; !dup {
				out[lang] = dir + "/" + e.Name()
			}
		}
	}
	return out
}
