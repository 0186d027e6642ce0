package hugo

import (
	"fmt"
	"iter"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
	"go.yaml.in/yaml/v3"
)

// Hugo's navigation is menus (main, footer...), each a tree of entries
// sorted by weight (0 last), then name. Entries come from the
// configuration (menus:, or its alias menu:, "menus" winning) and from
// pages' front matter (menu: main, menu: [main, docs], menu: {main:
// {weight: 10, parent: x}}). A language with menus of its own
// (languages.LANG.menus, config/_default/menus.LANG.toml) uses only
// those; the others use the top-level menus, each entry's pageRef looked
// up in the language's own pages: an entry whose page the language lacks
// links nowhere (Hugo 0.111 renders it without a URL). langref reads
// each language's menus as one navigation, main first then the others by
// name, each menu's tree in Hugo's order; an entry keeps its menu's name.

// menuEntry is one entry of a menu, from the configuration or a page.
type menuEntry struct {
	menu, name, identifier, parent string
	weight                         int
	page                           string // the page's path relative to the root; "" for none
	file                           string // where the entry is written
	line, col                      int
	broken                         bool // a pageRef that names no page of the language
	shared                         bool // a top-level entry, for every language without menus
}

// keyName is what other entries' parent: names the entry by.
func (e *menuEntry) keyName() string {
	if e.identifier != "" {
		return e.identifier
	}
	return e.name
}

// menuSource is one place menus are written: a file and the value of its
// menus key.
type menuSource struct {
	file  string
	menus map[string]any
}

// menus are a site's configured menus and what PageNav needs.
type menus struct {
	root     string
	layout   *layout
	langs    []string
	top      *menuSource            // the top-level menus, nil for none
	own      map[string]*menuSource // each language's own menus
	alias    *menuSource            // the top-level menu: (an alias menus: wins over)
	ownAlias map[string]*menuSource // each language's menu:
	linesOf  map[string][]refPos    // file → its pageRef values with positions
	resolved map[string]bool
}

// readMenus finds the configured menus of the site: the top-level ones
// and each language's own, the root configuration file winning over
// config/_default.
func readMenus(root string, c *config, l *layout, langs []string) (*menus, error) {
	m := &menus{root: root, layout: l, langs: langs, own: map[string]*menuSource{}, ownAlias: map[string]*menuSource{}, linesOf: map[string][]refPos{}}
	var files []string
	for _, name := range configNames {
		if fileExists(root, name) {
			files = append(files, name)
			break
		}
	}
	entries, _ := os.ReadDir(filepath.Join(root, filepath.FromSlash(configDir)))
	for _, e := range entries {
		if !e.IsDir() {
			files = append(files, configDir+"/"+e.Name())
		}
	}
	for _, name := range files {
		ext := path.Ext(name)
		if ext != ".toml" && ext != ".yaml" && ext != ".yml" && ext != ".json" {
			continue
		}
		d, err := decodeFile(root, name)
		if err != nil || d == nil {
			return nil, err
		}
		base := strings.ToLower(strings.TrimSuffix(path.Base(name), ext))
		inDir := strings.HasPrefix(name, configDir+"/")
		key, lang, _ := strings.Cut(base, ".")
		switch {
		case !inDir || base == "hugo" || base == "config":
			m.setTop(name, d)
			if ls, ok := d["languages"].(map[string]any); ok {
				m.setOwn(name, ls)
			}
		case key == "menus" || key == "menu":
			if lang == "" {
				m.setTop(name, map[string]any{key: d})
			} else if c.lang(lang) != nil {
				m.setOwn(name, map[string]any{lang: map[string]any{key: d}})
			}
		case base == "languages":
			m.setOwn(name, d)
		}
	}
	if m.top == nil {
		m.top = m.alias
	}
	for lang, src := range m.ownAlias {
		if m.own[lang] == nil {
			m.own[lang] = src
		}
	}
	return m, nil
}

// setTop takes the menus of a configuration mapping d, unless a file read
// before set them: Hugo merges the files, and menus: wins over menu:.
func (m *menus) setTop(file string, d map[string]any) {
	if v, ok := d["menus"].(map[string]any); ok && m.top == nil {
		m.top = &menuSource{file: file, menus: v}
	}
	if v, ok := d["menu"].(map[string]any); ok && m.alias == nil {
		m.alias = &menuSource{file: file, menus: v}
	}
}

// setOwn takes each language's menus from a languages mapping.
func (m *menus) setOwn(file string, langs map[string]any) {
	for lang, v := range langs {
		lm, _ := v.(map[string]any)
		if mv, ok := lm["menus"].(map[string]any); ok && m.own[lang] == nil {
			m.own[lang] = &menuSource{file: file, menus: mv}
		}
		if mv, ok := lm["menu"].(map[string]any); ok && m.ownAlias[lang] == nil {
			m.ownAlias[lang] = &menuSource{file: file, menus: mv}
		}
	}
}

func fileExists(root, rel string) bool {
	fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel)))
	return err == nil && !fi.IsDir()
}

// configured returns lang's entries from the configuration.
func (m *menus) configured(lang string) []*menuEntry {
	src := m.own[lang]
	if src == nil {
		src = m.top
	}
	if src == nil {
		return nil
	}
	var out []*menuEntry
	names := make([]string, 0, len(src.menus))
	for name := range src.menus {
		names = append(names, name)
	}
	slices.Sort(names)
	used := map[int]bool{}
	for _, name := range names {
		list, _ := src.menus[name].([]any)
		for _, v := range list {
			em, _ := v.(map[string]any)
			if em == nil {
				continue
			}
			e := &menuEntry{menu: name, file: src.file, shared: src == m.top && m.own[lang] == nil, name: get(em, "name"), identifier: get(em, "identifier"), parent: get(em, "parent"), weight: getInt(em, "weight")}
			ref := get(em, "pageref")
			if ref != "" {
				e.line, e.col = m.refLine(src.file, ref, used)
				e.page = m.resolve(lang, ref)
				if e.page == "" {
					p := strings.Trim(path.Clean("/"+ref), "/")
					if path.Ext(p) == "" {
						p += ".md"
					}
					e.page, e.broken = m.layout.Path(lang, p), true
				}
			}
			out = append(out, e)
		}
	}
	return out
}

// get returns the string value of key in m, compared without regard to
// case (a menu entry's keys are as written).
func get(m map[string]any, key string) string {
	for k, v := range m {
		if strings.EqualFold(k, key) {
			if s, ok := v.(string); ok {
				return s
			}
			if v != nil {
				return fmt.Sprint(v)
			}
		}
	}
	return ""
}

func getInt(m map[string]any, key string) int {
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return number(map[string]any{"n": v}, "n")
		}
	}
	return 0
}

// resolve returns the page of lang a pageRef names (/docs/a, docs/a.md,
// /docs for a section), relative to the root, or "" when lang has none.
func (m *menus) resolve(lang, ref string) string {
	ref = strings.Trim(path.Clean("/"+ref), "/")
	if ext := path.Ext(ref); slices.Contains(contentExts, strings.ToLower(ext)) {
		ref = strings.TrimSuffix(ref, ext)
	}
	var stems []string
	if ref == "" {
		stems = []string{"_index"}
	} else {
		stems = []string{ref, ref + "/index", ref + "/_index"}
	}
	for _, stem := range stems {
		for _, ext := range contentExts {
			if p := m.layout.Path(lang, stem+ext); fileExists(m.root, p) {
				return p
			}
		}
	}
	return ""
}

// refPos is a pageRef value written in a configuration file.
type refPos struct {
	value     string
	line, col int
}

var pageRefRe = regexp.MustCompile(`(?i)["']?pageref["']?\s*[:=]\s*(["']?)([^"'\s,}#]*)`)

// refLine returns the position of the first pageRef in file whose value
// is ref and that used does not hold yet (an entry's own).
func (m *menus) refLine(file, ref string, used map[int]bool) (int, int) {
	refs, ok := m.linesOf[file]
	if !ok {
		b, _ := os.ReadFile(filepath.Join(m.root, filepath.FromSlash(file)))
		for i, ln := range strings.Split(string(b), "\n") {
			for _, loc := range pageRefRe.FindAllStringSubmatchIndex(ln, -1) {
				refs = append(refs, refPos{value: ln[loc[4]:loc[5]], line: i + 1, col: loc[4] + 1})
			}
		}
		m.linesOf[file] = refs
	}
	for i, r := range refs {
		if r.value == ref && !used[i] {
			used[i] = true
			return r.line, r.col
		}
	}
	return 0, 0
}

// fromPage returns the entries the front matter doc of the page at rel
// declares: menu: main, menu: [main, docs], menu: {main: {weight: 1}}.
func fromPage(rel string, doc *frontmatter.Doc) []*menuEntry {
	var field *frontmatter.Field
	for _, key := range []string{"menu", "menus"} { // menus wins
		for i := range doc.Fields {
			if strings.EqualFold(doc.Fields[i].Key, key) {
				field = &doc.Fields[i]
			}
		}
	}
	if field == nil {
		return nil
	}
	title := ""
	for _, f := range doc.Fields {
		switch strings.ToLower(f.Key) {
		case "linktitle":
			title = f.Value.Text
		case "title":
			if title == "" {
				title = f.Value.Text
			}
		}
	}
	entry := func(menu string) *menuEntry {
		return &menuEntry{menu: strings.ToLower(menu), name: title, page: rel, file: rel, line: field.Line, col: field.Col}
	}
	n := field.YAML()
	if n == nil {
		return nil
	}
	var out []*menuEntry
	switch n.Kind {
	case yaml.ScalarNode:
		out = append(out, entry(n.Value))
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode {
				out = append(out, entry(c.Value))
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			e := entry(n.Content[i].Value)
			if v := n.Content[i+1]; v.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(v.Content); j += 2 {
					val := v.Content[j+1].Value
					switch strings.ToLower(v.Content[j].Value) {
					case "name":
						e.name = val
					case "identifier":
						e.identifier = val
					case "parent":
						e.parent = val
					case "weight":
						fmt.Sscan(val, &e.weight)
					}
				}
			}
			out = append(out, e)
		}
	}
	return out
}

// pageNav is the profile's PageNav: each language's configured entries
// and those of its pages, as one navigation per language.
func (m *menus) pageNav(nav map[string]*profile.Nav, pages iter.Seq2[string, *frontmatter.Doc]) map[string]*profile.Nav {
	byLang := map[string][]*menuEntry{}
	for _, lang := range m.langs {
		byLang[lang] = m.configured(lang)
	}
	for rel, doc := range pages {
		lang, _, ok := m.layout.Match(rel)
		if !ok {
			continue
		}
		if _, known := byLang[lang]; known {
			byLang[lang] = append(byLang[lang], fromPage(rel, doc)...)
		}
	}
	some := false
	for _, es := range byLang {
		some = some || len(es) > 0
	}
	if !some {
		return nav
	}
	out := map[string]*profile.Nav{}
	for lang, es := range byLang {
		n := profile.NewNav(lang, 0, flatten(es))
		src := m.own[lang]
		if src == nil {
			src = m.top
		}
		if src != nil {
			n.File = src.file
			for _, e := range es {
				if e.file == src.file && e.line > 0 && (n.Line == 0 || e.line < n.Line) {
					n.Line = e.line
				}
			}
		}
		out[lang] = n
	}
	return out
}

// node is an entry in its menu's tree.
type node struct {
	e        *menuEntry
	children []*node
}

// flatten orders entries as Hugo's menus show them: main first, then the
// other menus by name; in each, the tree of entries by weight (0 last)
// then name, each entry followed by its children.
func flatten(es []*menuEntry) []profile.NavItem {
	byMenu := map[string][]*menuEntry{}
	for _, e := range es {
		byMenu[e.menu] = append(byMenu[e.menu], e)
	}
	names := make([]string, 0, len(byMenu))
	for n := range byMenu {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		if (a == "main") != (b == "main") {
			if a == "main" {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	var out []profile.NavItem
	for _, name := range names {
		for _, n := range tree(byMenu[name]) {
			out = walkTree(out, n, "", 0)
		}
	}
	return out
}

// tree builds one menu's tree: an entry whose parent names no entry gets
// a parent without a page, as Hugo makes one.
func tree(es []*menuEntry) []*node {
	nodes := make([]*node, len(es))
	byKey := map[string]*node{}
	for i, e := range es {
		nodes[i] = &node{e: e}
		if k := e.keyName(); k != "" {
			if _, dup := byKey[k]; !dup {
				byKey[k] = nodes[i]
			}
		}
	}
	var roots []*node
	for _, n := range nodes {
		if n.e.parent == "" {
			roots = append(roots, n)
			continue
		}
		p, ok := byKey[n.e.parent]
		if !ok {
			p = &node{e: &menuEntry{name: n.e.parent, identifier: n.e.parent}}
			byKey[n.e.parent] = p
			roots = append(roots, p)
		}
		if p == n {
			roots = append(roots, n)
			continue
		}
		p.children = append(p.children, n)
	}
	sortNodes(roots)
	return roots
}

func sortNodes(ns []*node) {
	slices.SortStableFunc(ns, func(a, b *node) int { return compareEntries(a.e, b.e) })
	for _, n := range ns {
		sortNodes(n.children)
	}
}

// compareEntries is Hugo's menu order: weight, a weight of 0 last, then
// name, then identifier.
func compareEntries(a, b *menuEntry) int {
	if a.weight != b.weight {
		switch {
		case b.weight == 0:
			return -1
		case a.weight == 0:
			return 1
		case a.weight < b.weight:
			return -1
		}
		return 1
	}
	if c := strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)); c != 0 {
		return c
	}
	if c := strings.Compare(a.name, b.name); c != 0 {
		return c
	}
	return strings.Compare(a.identifier, b.identifier)
}

func walkTree(out []profile.NavItem, n *node, parent string, depth int) []profile.NavItem {
	if len(out) >= 100000 || depth > 50 {
		return out
	}
	e := n.e
	if e.page != "" {
		out = append(out, profile.NavItem{Path: e.page, Line: e.line, Col: e.col, Parent: parent, Menu: e.menu, File: e.file, Shared: e.shared})
		parent = e.page
	}
	for _, c := range n.children {
		out = walkTree(out, c, parent, depth+1)
	}
	return out
}
