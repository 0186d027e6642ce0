package site

import (
	"bytes"
	"crypto/sha256"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/langref/langref/internal/par"
	"github.com/langref/langref/sync/frontmatter"
)

// Site is a site's configuration and the files langref pairs.
type Site struct {
	*Config
	// Files are the pages, the files that meant to be pages, and the plain
	// files matched by Config.Files, sorted by path.
	Files  []*File
	byPath map[string]*File
}

// File is one file of the site that takes part in pairing.
type File struct {
	// Path is slash-separated and relative to the site root.
	Path string
	// Folder is the language the file's folder stands for: the first path
	// element when it is one of the site's languages, else the source
	// language.
	Folder string
	// Doc is the front matter; nil for plain files.
	Doc *frontmatter.Doc
	// Src is the whole file; nil for plain files, and for every file of a
	// site loaded with LoadLean: see Site.Contents.
	Src []byte
	// Sum is the SHA-256 sum of the contents of a page of a site loaded
	// with LoadLean, so that callers can tell versions apart without them.
	Sum *[sha256.Size]byte
}

// Plain reports whether f is a file without front matter paired by path.
func (f *File) Plain() bool { return f.Doc == nil }

// Lookup returns the file at rel (relative to the site root), or nil.
func (s *Site) Lookup(rel string) *File { return s.byPath[rel] }

// Load reads the site at root.
func Load(root string) (*Site, error) {
	c, err := LoadConfig(root)
	if err != nil {
		return nil, err
	}
	return Read(c)
}

// LoadLean reads the site at root as Load does, but keeps none of the
// pages' contents: File.Src and Doc.Body are nil, and Contents reads a
// page again when it is needed. For commands that read each page's
// contents once or twice on a site too large to hold whole.
func LoadLean(root string) (*Site, error) {
	c, err := LoadConfig(root)
	if err != nil {
		return nil, err
	}
	c.lean = true
	return Read(c)
}

// Contents returns the whole file f, a file of s: f.Src, or when s was
// loaded with LoadLean, the file read again. It is nil for plain files.
func (s *Site) Contents(f *File) ([]byte, error) {
	if f.Src != nil || f.Doc == nil || !s.lean {
		return f.Src, nil
	}
	b, err := os.ReadFile(filepath.Join(s.Root, filepath.FromSlash(f.Path)))
	if b == nil && err == nil {
		b = []byte{}
	}
	return b, err
}

// Read walks the site described by c and reads its pages.
func Read(c *Config) (*Site, error) {
	paths, err := c.walk()
	if err != nil {
		return nil, err
	}
	files, err := c.readAll(paths)
	if err != nil {
		return nil, err
	}
	s := &Site{Config: c, Files: files, byPath: map[string]*File{}}
	for _, f := range files {
		s.byPath[f.Path] = f
	}
	s.detectLanguages()
	for _, f := range files {
		f.Folder = s.FolderLang(f.Path)
	}
	return s, nil
}

// walk lists the files Jekyll reads, relative to the root.
func (c *Config) walk() ([]string, error) {
	var paths []string
	err := filepath.WalkDir(c.Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == c.Root {
			return nil
		}
		rel := filepath.ToSlash(p[len(c.Root)+1:])
		if c.skipped(rel, d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			paths = append(paths, rel)
		}
		return nil
	})
	return paths, err
}

// readAll reads the files in parallel and keeps those that take part in
// pairing.
func (c *Config) readAll(paths []string) ([]*File, error) {
	out := make([]*File, len(paths))
	errs := make([]error, len(paths))
	par.Do(len(paths), func(i int) { out[i], errs[i] = c.readFile(paths[i]) })
	var files []*File
	for i, f := range out {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if f != nil {
			files = append(files, f)
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// textExts are the extensions of files that may have meant to be pages.
var textExts = map[string]bool{".md": true, ".markdown": true, ".mkd": true, ".mkdn": true, ".html": true, ".htm": true, ".textile": true}

func (c *Config) readFile(rel string) (*File, error) {
	plain := c.pairedPlain(rel)
	if plain && !textExts[path.Ext(rel)] {
		return &File{Path: rel}, nil
	}
	full := filepath.Join(c.Root, filepath.FromSlash(rel))
	src, err := readIf(full, 512, func(head []byte) bool {
		return mayHaveFrontMatter(head) || textExts[strings.ToLower(path.Ext(rel))]
	})
	if src == nil || err != nil {
		return nil, err
	}
	doc := frontmatter.Parse(src)
	if !doc.Page && doc.Problem == nil {
		if plain {
			return &File{Path: rel}, nil
		}
		return nil, nil
	}
	if c.lean {
		sum := sha256.Sum256(src)
		doc.Body = nil
		return &File{Path: rel, Doc: doc, Sum: &sum}, nil
	}
	return &File{Path: rel, Doc: doc, Src: src}, nil
}

// readIf reads the first n bytes of the file at p and, when want says so
// of them, the whole file, opening it once; it returns nil when want does
// not.
func readIf(p string, n int, want func(head []byte) bool) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, n)
	m, _ := f.Read(head)
	if !want(head[:m]) {
		return nil, nil
	}
	size := 0
	if fi, err := f.Stat(); err == nil {
		size = int(fi.Size())
	}
	buf := append(make([]byte, 0, max(size, m)+1), head[:m]...)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		k, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func mayHaveFrontMatter(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	return bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("---"))
}

func (c *Config) pairedPlain(rel string) bool {
	for _, g := range c.Files {
		if globMatch(g, rel) {
			return true
		}
	}
	return false
}

// globMatch matches rel against a glob where "**/" spans folders and "*"
// stays within one.
func globMatch(glob, rel string) bool {
	if strings.HasPrefix(glob, "**/") {
		rest := glob[3:]
		for {
			if ok, _ := path.Match(rest, rel); ok {
				return true
			}
			i := strings.IndexByte(rel, '/')
			if i < 0 {
				return false
			}
			rel = rel[i+1:]
		}
	}
	ok, _ := path.Match(glob, rel)
	return ok
}

// detectLanguages settles the site's languages when .langref.yml does not
// list them: the source language, every language with a navigation block,
// and every top-level folder that holds a page whose lang names the folder.
func (s *Site) detectLanguages() {
	set := map[string]bool{s.SourceLang: true}
	for _, l := range s.Config.Languages {
		set[l] = true
	}
	if len(s.Config.Languages) == 0 {
		for l := range s.Nav {
			set[l] = true
		}
		for _, f := range s.Files {
			if dir, _, ok := strings.Cut(f.Path, "/"); ok && f.Doc != nil {
				if v, ok := f.Doc.Get("lang"); ok && v.Value.Text == dir && IsLangCode(dir) {
					set[dir] = true
				}
			}
		}
	}
	if s.ByPath != nil {
		for _, f := range s.Files {
			if l, _, ok := s.ByPath.Match(f.Path); ok && len(s.Config.Languages) == 0 {
				set[l] = true
			}
		}
	}
	s.Languages = sortedKeys(set)
}

// HasLang reports whether lang is one of the site's languages.
func (s *Site) HasLang(lang string) bool {
	i := sort.SearchStrings(s.Languages, lang)
	return i < len(s.Languages) && s.Languages[i] == lang
}

// FolderLang returns the language the location of rel stands for.
func (s *Site) FolderLang(rel string) string {
	if s.ByPath != nil {
		if l, _, ok := s.ByPath.Match(rel); ok {
			return l
		}
		return s.SourceLang
	}
	if dir, _, ok := strings.Cut(rel, "/"); ok && s.HasLang(dir) {
		return dir
	}
	return s.SourceLang
}

// Mirror returns where the page at rel, of the source language, lives in
// lang's tree: en/a/b.md becomes fr/a/b.md, and a root page index.md
// becomes fr/index.md.
func (s *Site) Mirror(rel, lang string) string {
	if s.ByPath != nil {
		if _, p, ok := s.ByPath.Match(rel); ok {
			return s.ByPath.Path(lang, p)
		}
	}
	if dir, rest, ok := strings.Cut(rel, "/"); ok && dir == s.SourceLang {
		return lang + "/" + rest
	}
	return lang + "/" + rel
}

// Unmirror returns the relative path inside its language tree of rel: the
// pairing path for plain files.
func (s *Site) Unmirror(rel string) string {
	if s.ByPath != nil {
		if _, p, ok := s.ByPath.Match(rel); ok {
			return p
		}
	}
	if dir, rest, ok := strings.Cut(rel, "/"); ok && s.HasLang(dir) {
		return rest
	}
	return rel
}

// RepoRoot returns the nearest folder at or above the site root that holds
// a .git entry, or the site root when there is none. Reports give paths
// relative to it, as git and CI annotations do.
func (c *Config) RepoRoot() string {
	if c.repoRoot == "" {
		c.repoRoot = findRepoRoot(c.Root)
	}
	return c.repoRoot
}

func findRepoRoot(root string) string {
	for dir := root; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return root
		}
		dir = parent
	}
}

// RepoPath returns rel (relative to the site root) relative to the
// repository root, slash-separated.
func (c *Config) RepoPath(rel string) string {
	if rel == "" {
		return ""
	}
	r, err := filepath.Rel(c.RepoRoot(), filepath.Join(c.Root, filepath.FromSlash(rel)))
	if err != nil {
		return rel
	}
	return filepath.ToSlash(r)
}
