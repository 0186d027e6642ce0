package hugo

import (
	"path"
	"slices"
	"strings"
)

// layout places Hugo's pages: each language's content folder, and a
// language suffix in file names within a content folder languages share.
type layout struct {
	defaultLang string
	dirs        []string            // content folders, longest first
	langsOf     map[string][]string // content folder → its enabled languages
	dirOf       map[string]string   // language → its content folder
	disabled    map[string]bool     // folders of disabled languages only
	langs       map[string]bool     // enabled languages
}

func newLayout(c *config) *layout {
	l := &layout{defaultLang: c.defaultLang, langsOf: map[string][]string{}, dirOf: map[string]string{}, disabled: map[string]bool{}, langs: map[string]bool{}}
	for _, lg := range c.langs {
		if _, ok := l.langsOf[lg.contentDir]; !ok {
			l.dirs = append(l.dirs, lg.contentDir)
			l.langsOf[lg.contentDir] = nil
		}
		if lg.disabled {
			continue
		}
		l.langsOf[lg.contentDir] = append(l.langsOf[lg.contentDir], lg.code)
		l.dirOf[lg.code] = lg.contentDir
		l.langs[lg.code] = true
	}
	for d, ls := range l.langsOf {
		l.disabled[d] = len(ls) == 0
	}
	slices.SortFunc(l.dirs, func(a, b string) int { return len(b) - len(a) })
	return l
}

// contentDirOf returns the content folder rel is in (the deepest one).
func (l *layout) contentDirOf(rel string) (string, bool) {
	for _, d := range l.dirs {
		if d == "" || rel == d || strings.HasPrefix(rel, d+"/") {
			return d, rel != d || d == ""
		}
	}
	return "", false
}

// holdsContentDir reports whether folder rel is a content folder or holds
// one.
func (l *layout) holdsContentDir(rel string) bool {
	for _, d := range l.dirs {
		if d == rel || strings.HasPrefix(d, rel+"/") {
			return true
		}
	}
	return false
}

func (l *layout) disabledDir(dir string) bool { return l.disabled[dir] }

// Match returns the language of the content file rel and its path in its
// language's tree, without a language suffix.
func (l *layout) Match(rel string) (lang, p string, ok bool) {
	d, ok := l.contentDirOf(rel)
	if !ok || l.disabled[d] {
		return "", "", false
	}
	inner := rel
	if d != "" {
		inner = rel[len(d)+1:]
	}
	if code, stripped, ok := l.suffix(inner); ok {
		return code, stripped, true
	}
	return l.owner(d), inner, true
}

// owner is the language of the files without a language suffix in
// content folder d: the default language when d is its folder.
func (l *layout) owner(d string) string {
	langs := l.langsOf[d]
	if len(langs) == 0 || slices.Contains(langs, l.defaultLang) {
		return l.defaultLang
	}
	return langs[0]
}

// suffix reads a language suffix in the file name of inner: about.fr.md
// is fr's about.md.
func (l *layout) suffix(inner string) (lang, stripped string, ok bool) {
	dir, base := path.Split(inner)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	code := strings.ToLower(path.Ext(stem))
	if len(code) < 2 || !l.langs[code[1:]] {
		return "", "", false
	}
	return code[1:], dir + strings.TrimSuffix(stem, path.Ext(stem)) + ext, true
}

// Path returns where lang's page with pairing path p goes: in lang's own
// content folder, with a language suffix when files without one there are
// another language's.
func (l *layout) Path(lang, p string) string {
	d, ok := l.dirOf[lang]
	if !ok {
		d = l.dirOf[l.defaultLang]
	}
	if l.owner(d) != lang {
		ext := path.Ext(p)
		p = strings.TrimSuffix(p, ext) + "." + lang + ext
	}
	if d == "" {
		return p
	}
	return d + "/" + p
}

// ExtFree says that Hugo pairs pages by their path less the extension.
func (*layout) ExtFree() {}
