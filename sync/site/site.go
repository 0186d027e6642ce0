package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/langref/langref/internal/fsread"
	"github.com/langref/langref/internal/par"
	"github.com/langref/langref/internal/statcache"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/profile"
)

// Site is a site's configuration and the files langref pairs.
type Site struct {
	*Config
	// Files are the pages, the files that meant to be pages, and the plain
	// files matched by Config.Files, sorted by path.
	Files []*File
	// Left are the files and folders the generator leaves out that could
	// have been pages, with the reason in the generator's terms, by path.
	Left   []Left
	byPath map[string]*File
	// saved is closed once the page cache is written, when Read writes
	// it later (LeanOptions.SaveLater); nil otherwise.
	saved chan struct{}
}

// WaitSaved returns once the page cache of a site read with
// LeanOptions.SaveLater is written; at once for any other site, or nil.
func (s *Site) WaitSaved() {
	if s != nil && s.saved != nil {
		<-s.saved
	}
}

// Left is a file or folder the generator leaves out.
type Left struct {
	Path   string
	Dir    bool
	Reason profile.Reason
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
	// size is the length of the contents of a page of a site loaded with
	// LoadLean, for reading them again.
	size int
}

// Size returns the length of f's contents as read, whether it keeps them
// (Src) or not (a lean site's pages); 0 for plain files.
func (f *File) Size() int {
	if f.Src != nil {
		return len(f.Src)
	}
	return f.size
}

// Plain reports whether f is a file without front matter paired by path.
func (f *File) Plain() bool { return f.Doc == nil }

// LeftAt returns what the site says of rel when its generator leaves the
// file out (a draft, say), and whether it does.
func (s *Site) LeftAt(rel string) (Left, bool) {
	i := sort.Search(len(s.Left), func(i int) bool { return s.Left[i].Path >= rel })
	if i < len(s.Left) && s.Left[i].Path == rel {
		return s.Left[i], true
	}
	return Left{}, false
}

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

// Visitor sees the pages of a lean site while LoadLeanVisit holds their
// contents, so that a caller reads each page once, in two rounds: first
// the pages outside translation folders (the source language's, as far as
// the site can tell before it has read them all: see inTranslationFolder),
// then the others. Each function gets a page and its body (the contents
// after the front matter), which it must not keep; it is called on many
// goroutines at once. A nil function is not called.
//
// A page the page cache knows (see LeanOptions) is not read, and the
// visitor does not see it, unless SourceWants or TranslationWants says
// that Source or Translation needs to: they see the File as cached, its
// Doc and Sum set, and a nil function wants every page.
type Visitor struct {
	// Source sees the pages outside translation folders.
	Source func(f *File, body []byte)
	// Translation sees the pages in translation folders, once Source has
	// returned for every other page.
	Translation func(f *File, body []byte)
	// SourceWants and TranslationWants say whether Source and Translation
	// need to see a page the page cache knows.
	SourceWants, TranslationWants func(f *File) bool
	// Contents, when set, sees the whole contents (front matter included)
	// of every page read, in either round, before Source or Translation
	// does. It must not keep them; it is not called for the pages the page
	// cache knows and no function wants.
	Contents func(f *File, src []byte)
}

// LoadLeanVisit is LoadLean, with v seeing the pages as they are read.
func LoadLeanVisit(root string, v Visitor) (*Site, error) {
	return LoadLeanWith(root, LeanOptions{Visit: v})
}

// LeanOptions are the options of LoadLeanWith.
type LeanOptions struct {
	// Visit sees the pages as they are read (see LoadLeanVisit).
	Visit Visitor
	// CacheDir, when set, returns the folder of langref's caches
	// (cachefile.Dir), "" for none. The site then keeps what it read of
	// each file there (the page cache, see internal/statcache) and reads
	// again only the files whose stat data changed since; the profile
	// keeps what it read of the generator's configuration there too
	// (profile.CachedReader), so that it is called before the files are
	// listed.
	CacheDir func() string
	// SaveLater has Read write the page cache on another goroutine while
	// the caller goes on (on a site of 158,000 files, 0.4 s of CPU and a
	// 62 MB file): the caller then calls Site.WaitSaved before it exits.
	SaveLater bool
}

// LoadLeanWith is LoadLean with the options o.
func LoadLeanWith(root string, o LeanOptions) (*Site, error) {
	sc, err := ScanLean(root, o)
	if err != nil {
		return nil, err
	}
	return sc.Read()
}

// Scan is a lean site listed but not read yet: its configuration, its
// files and, when it keeps a page cache, their stat data.
type Scan struct {
	c     *Config
	paths []string
	stats []statcache.Stat // by paths; nil without a page cache (cacheDir)
	bad   []bool           // the files whose stat data could not be read
	links []string         // the symbolic links at pages' paths (langref follows none)
	left  []Left
	taken int64 // when the stat data began to be taken
	// cacheDir is the folder of the page cache, "" for none.
	cacheDir string
}

// ScanLean lists the site at root as LoadLeanWith does, and takes the
// stat data of its files when o has a cache folder, without reading any
// page: Read reads them.
func ScanLean(root string, o LeanOptions) (*Scan, error) {
	c, err := loadConfig(root, o.CacheDir)
	if err != nil {
		return nil, err
	}
	c.lean = true
	if v := o.Visit; v.Source != nil || v.Translation != nil || v.Contents != nil {
		c.visit = &v // else one round, as LoadLean reads
	}
	c.cacheDir, c.saveLater = o.CacheDir, o.SaveLater
	return c.scan()
}

// scan lists the files of the site c describes, with their stat data
// when it has a page cache.
func (c *Config) scan() (*Scan, error) {
	dir := c.pageCacheDir()
	taken := time.Now().UnixNano()
	l, err := c.walk(dir != "")
	if err != nil {
		return nil, err
	}
	return &Scan{c: c, paths: l.paths, stats: l.stats, bad: l.bad, links: l.links, left: l.left, taken: taken, cacheDir: dir}, nil
}

// Config returns the configuration of the site sc listed.
func (sc *Scan) Config() *Config {
	sc.c.readNav()
	return sc.c
}

// Root returns the root of the site sc listed, without what Config reads
// (the navigation) for a caller that answers from a cache.
func (sc *Scan) Root() string { return sc.c.Root }

// RepoRoot returns the root of the repository of the site sc listed, as
// Config.RepoRoot, without what Config reads.
func (sc *Scan) RepoRoot() string { return sc.c.RepoRoot() }

// keepPageCache keeps the page cache open after Read, for tests that ask
// it how many files it answered for.
var keepPageCache = false

// Read reads the pages sc listed: a scan is read once, and lets go of
// its listing then (take its Fingerprint before).
func (sc *Scan) Read() (*Site, error) {
	c := sc.c
	c.readNav()
	if sc.cacheDir != "" {
		c.openPageCache(sc.cacheDir, len(sc.paths))
	}
	files, err := c.readRounds(sc)
	if err != nil {
		return nil, err
	}
	files = c.withBadLinks(files, sc.links)
	var saved chan struct{}
	if pages := c.pages; pages != nil && c.saveLater {
		saved = make(chan struct{})
		go func() {
			defer close(saved)
			_ = pages.Save() // a cache is never required
		}()
	} else if pages != nil {
		_ = pages.Save()
	}
	// What only reading needs is let go: the page cache's entries (tens
	// of MB on a large site), the visitor and what it holds (a stub
	// scan's index), the listing.
	if !keepPageCache {
		c.pages = nil
	}
	c.visit = nil
	sc.paths, sc.stats, sc.bad = nil, nil, nil
	files, left := c.dropped(files, sc.left)
	if c.PageNav != nil {
		c.Nav = c.PageNav(c.Nav, func(yield func(string, *frontmatter.Doc) bool) {
			for _, f := range files {
				if f.Doc != nil && f.Doc.Usable() && !yield(f.Path, f.Doc) {
					return
				}
			}
		})
	}
	s := &Site{Config: c, Files: files, Left: left, byPath: make(map[string]*File, len(files)), saved: saved}
	for _, f := range files {
		s.byPath[f.Path] = f
	}
	s.detectLanguages()
	for _, f := range files {
		f.Folder = s.FolderLang(f.Path)
	}
	return s, nil
}

// Contents returns the whole file f, a file of s: f.Src, or when s was
// loaded with LoadLean, the file read again, which must be what was
// loaded (File.Sum): results computed from it describe the page as
// loaded. It is nil for plain files.
func (s *Site) Contents(f *File) ([]byte, error) {
	if f.Src != nil || f.Doc == nil || !s.lean {
		return f.Src, nil
	}
	b, err := fsread.ReadFileSize(filepath.Join(s.Root, filepath.FromSlash(f.Path)), f.size)
	if err == nil && f.Sum != nil && sha256.Sum256(b) != *f.Sum {
		err = fmt.Errorf("%q changed while langref read it; run it again", f.Path)
	}
	return b, err
}

// Read walks the site described by c and reads its pages.
func Read(c *Config) (*Site, error) {
	sc, err := c.scan()
	if err != nil {
		return nil, err
	}
	return sc.Read()
}

// skip says whether langref leaves out the entry at rel: what
// .langref.yml excludes, else what the generator leaves out and
// .langref.yml does not include; paired plain files are read whatever
// their extension.
func (c *Config) skip(rel string, isDir bool) profile.Reason {
	if matchAny(c.LangrefExclude, rel) {
		return profile.Excluded
	}
	why := profile.Kept
	if c.Skip != nil {
		why = c.Skip(rel, isDir)
	}
	if why == profile.NotContent && c.pairedPlain(rel) {
		return profile.Kept
	}
	if why != profile.Kept && (matchAny(c.LangrefInclude, rel) || isDir && c.includesBelow(rel)) {
		return profile.Kept
	}
	return why
}

func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		if globMatch(strings.TrimSuffix(g, "/"), rel) || strings.HasPrefix(rel, strings.TrimSuffix(g, "/")+"/") {
			return true
		}
	}
	return false
}

// includesBelow reports whether an include: glob may match inside folder
// rel.
func (c *Config) includesBelow(rel string) bool {
	for _, g := range c.LangrefInclude {
		if strings.HasPrefix(g, "**") || strings.HasPrefix(g, rel+"/") {
			return true
		}
	}
	return false
}

func (c *Config) isPageExt(rel string) bool {
	return slices.Contains(c.PageExts, strings.ToLower(path.Ext(rel)))
}

// readRounds reads the files sc listed, sorted by path, in the two
// rounds a Visitor expects when there is one, and at once otherwise.
func (c *Config) readRounds(sc *Scan) ([]*File, error) {
	var files []*File
	var err error
	all := make([]int, len(sc.paths))
	for i := range all {
		all[i] = i
	}
	if c.visit == nil {
		files, err = c.readAll(sc, all, nil, nil)
	} else {
		var first, then []int
		for _, i := range all {
			if c.inTranslationFolder(c.rel(sc.paths[i])) {
				then = append(then, i)
			} else {
				first = append(first, i)
			}
		}
		files, err = c.readAll(sc, first, c.visit.Source, c.visit.SourceWants)
		if err == nil {
			var more []*File
			more, err = c.readAll(sc, then, c.visit.Translation, c.visit.TranslationWants)
			files = append(files, more...)
		}
	}
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// dropped takes out of files the pages the generator does not publish,
// adding them to left, sorted by path.
func (c *Config) dropped(files []*File, left []Left) ([]*File, []Left) {
	if c.Drop == nil {
		return files, sortedLeft(left)
	}
	kept := files[:0]
	for _, f := range files {
		if f.Doc != nil && f.Doc.Usable() {
			if why := c.Drop(f.Path, f.Doc); why != profile.Kept {
				left = append(left, Left{Path: f.Path, Reason: why})
				continue
			}
		}
		kept = append(kept, f)
	}
	return kept, sortedLeft(left)
}

func sortedLeft(left []Left) []Left {
	sort.Slice(left, func(i, j int) bool { return left[i].Path < left[j].Path })
	return left
}

// inTranslationFolder guesses, before the site's languages are known,
// whether the page at rel is a translation by its folder: the folder a
// path pairing gives a language other than the source language, or a
// top-level folder named like such a language (one of Languages when
// .langref.yml lists them).
func (c *Config) inTranslationFolder(rel string) bool {
	if c.Layout != nil {
		l, _, ok := c.Layout.Match(rel)
		return ok && l != c.SourceLang
	}
	dir, _, ok := strings.Cut(rel, "/")
	if !ok || dir == c.SourceLang {
		return false
	}
	if len(c.Languages) > 0 {
		return slices.Contains(c.Languages, dir)
	}
	return IsLangCode(dir)
}

// readAll reads the files of sc at the indexes in parallel and keeps
// those that take part in pairing; visit, when not nil, sees each page
// read, and wants says which pages known from the page cache it needs to
// see (see Visitor).
func (c *Config) readAll(sc *Scan, indexes []int, visit func(*File, []byte), wants func(*File) bool) ([]*File, error) {
	out := make([]*File, len(indexes))
	errs := make([]error, len(indexes))
	par.Do(len(indexes), func(i int) { out[i], errs[i] = c.readFile(sc, indexes[i], visit, wants) })
	files := out[:0]
	for i, f := range out {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if f != nil {
			files = append(files, f)
		}
	}
	return files, nil
}

// rel returns the site-relative, slash-separated path of full, a path
// walk listed.
func (c *Config) rel(full string) string { return filepath.ToSlash(full[len(c.Root)+1:]) }

// scratch holds buffers for the contents of pages of lean sites, which
// are dropped once parsed and hashed: a site's pages are read into a few
// buffers instead of one each. Buffers above maxScratch are not kept.
var scratch = sync.Pool{New: func() any { return new([]byte) }}

const maxScratch = 1 << 20

// readFile reads the file at index i of sc; visit, when not nil, sees it
// if it is a page of a lean site (see readAll for wants).
func (c *Config) readFile(sc *Scan, i int, visit func(*File, []byte), wants func(*File) bool) (*File, error) {
	full := sc.paths[i]
	rel := c.rel(full)
	plain := c.pairedPlain(rel)
	if plain && !c.isPageExt(rel) {
		return &File{Path: rel}, nil
	}
	if !c.lean {
		src, err := c.read(nil, full, -1)
		if src == nil || err != nil {
			return nil, err
		}
		return c.file(rel, src, plain, nil), nil
	}
	if c.pages == nil {
		return c.readLean(full, rel, -1, plain, visit)
	}
	st := sc.stats[i]
	if sc.bad[i] {
		return c.readLean(full, rel, -1, plain, visit)
	}
	if f, ok := c.cachedFile(rel, st, visit, wants); ok {
		return f, nil
	}
	f, err := c.readLean(full, rel, int(st.Size), plain, visit)
	if err == nil {
		c.putFile(rel, st, f)
	}
	return f, err
}

// readLean reads the file at full, rel in the site, for a lean site;
// size is its size as listed, or -1 when unknown.
func (c *Config) readLean(full, rel string, size int, plain bool, visit func(*File, []byte)) (*File, error) {
	buf := scratch.Get().(*[]byte)
	defer scratch.Put(buf)
	src, err := c.read((*buf)[:0], full, size)
	if cap(src) > cap(*buf) && cap(src) <= maxScratch {
		*buf = src
	}
	if src == nil || err != nil {
		return nil, err
	}
	return c.file(rel, src, plain, visit), nil
}

// read appends the file at full to buf and returns it when it may be a
// page: its extension is a page's or it starts as front matter does. It
// returns nil for other files. size is the file's size as the walk listed
// it, which saves asking the system again, or -1 when unknown.
func (c *Config) read(buf []byte, full string, size int) ([]byte, error) {
	if slices.Contains(c.PageExts, strings.ToLower(filepath.Ext(full))) {
		if size >= 0 {
			return fsread.AppendSize(buf, full, size)
		}
		return fsread.Append(buf, full)
	}
	if c.FrontMatter.Optional {
		return nil, nil // the profile's extensions only
	}
	var src []byte
	var ok bool
	var err error
	if size >= 0 {
		src, ok, err = fsread.AppendIfSize(buf, full, size, 512, mayHaveFrontMatter)
	} else {
		src, ok, err = fsread.AppendIf(buf, full, 512, mayHaveFrontMatter)
	}
	if !ok {
		return nil, err
	}
	return src, nil
}

// file returns the File for src, the contents of the file rel, or nil
// when the file takes no part in pairing. A lean File keeps nothing of
// src, which the caller may then reuse; visit, when not nil, sees it
// first.
func (c *Config) file(rel string, src []byte, plain bool, visit func(*File, []byte)) *File {
	doc := frontmatter.ParseWith(src, c.FrontMatter)
	if !doc.Usable() && c.isPageExt(rel) {
		if d := unreadable(src, doc); d != nil {
			doc = d
		}
	}
	if !doc.Page && doc.Problem == nil {
		if plain {
			return &File{Path: rel}
		}
		return nil
	}
	if c.lean {
		body := doc.Body
		doc.Body = nil // the only part of doc that refers to src
		lf := &leanFile{File: File{Path: rel, Doc: doc, size: len(src)}, sum: sha256.Sum256(src)}
		lf.Sum = &lf.sum
		if c.visit != nil && c.visit.Contents != nil {
			c.visit.Contents(&lf.File, src)
		}
		if visit != nil {
			visit(&lf.File, body)
		}
		return &lf.File
	}
	return &File{Path: rel, Doc: doc, Src: src}
}

// The kinds of problem of a file at a page's path that is no readable text
// at all: Doc.Problem has one of them (or frontmatter.InvalidUTF8 for a
// file without front matter that is not UTF-8), and Doc.Page is false.
const (
	// Empty: the file has no bytes.
	Empty frontmatter.ProblemKind = "empty"
	// Binary: the file holds NUL bytes.
	Binary frontmatter.ProblemKind = "binary"
	// UTF16: the file starts with a UTF-16 byte-order mark (FF FE or FE FF).
	UTF16 frontmatter.ProblemKind = "utf16"
	// CROnly: the file ends its lines with CR alone, which no generator
	// reads as line ends.
	CROnly frontmatter.ProblemKind = "cr-only"
)

// Unreadable reports whether f is a file at a page's path whose bytes are
// no readable text (see Empty, Binary, UTF16, CROnly) or, without front
// matter, not UTF-8, or a symbolic link langref does not follow (see
// BadLink).
func (f *File) Unreadable() bool {
	if f.Doc == nil || f.Doc.Page || f.Doc.Problem == nil {
		return false
	}
	switch f.Doc.Problem.Kind {
	case Empty, Binary, UTF16, CROnly, frontmatter.InvalidUTF8, LinkLoop, LinkMissing, LinkOutside:
		return true
	}
	return false
}

// unreadable returns the Doc of src, a file with a page's extension that
// parsed as doc (not a usable page), when its bytes are no readable text,
// or nil. The Doc of a file with CR-only line ends keeps the fields its
// front matter would have with LF line ends, so that its lang-ref can
// still place it.
func unreadable(src []byte, doc *frontmatter.Doc) *frontmatter.Doc {
	pr := &frontmatter.Problem{Line: 1, Col: 1}
	var fields []frontmatter.Field
	switch {
	case len(src) == 0:
		pr.Kind = Empty
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		pr.Kind = UTF16
	case bytes.IndexByte(src, 0) >= 0:
		pr.Kind, pr.Line = Binary, 1+bytes.Count(src[:bytes.IndexByte(src, 0)], []byte("\n"))
	case bytes.IndexByte(src, '\r') >= 0 && bytes.IndexByte(src, '\n') < 0:
		pr.Kind = CROnly
		if d := frontmatter.Parse(bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))); d.Usable() {
			fields = d.Fields
		}
	case !doc.Page && doc.Problem == nil && !utf8.Valid(src):
		pr.Kind = frontmatter.InvalidUTF8
		for i, line := range bytes.SplitAfter(src, []byte("\n")) {
			if !utf8.Valid(line) {
				pr.Line = i + 1
				break
			}
		}
	default:
		return nil
	}
	return &frontmatter.Doc{Problem: pr, Fields: fields, BodyLine: 1}
}

// leanFile is a File of a lean site and its sum, allocated together.
type leanFile struct {
	File
	sum [sha256.Size]byte
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

// detectLanguages settles the site's languages when neither the
// generator's configuration nor .langref.yml lists them: the source
// language, every language with a navigation block, and every top-level
// folder that holds a page whose lang names the folder.
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
			if dir, _, ok := strings.Cut(f.Path, "/"); ok && f.Doc != nil && s.LangKey != "" {
				if v, ok := f.Doc.Get(s.LangKey); ok && v.Value.Text == dir && IsLangCode(dir) {
					set[dir] = true
				}
			}
		}
		s.unreadableLanguages(set)
	}
	if s.Layout != nil {
		for _, f := range s.Files {
			if l, _, ok := s.Layout.Match(f.Path); ok && len(s.Config.Languages) == 0 {
				set[l] = true
			}
		}
	}
	s.Languages = sortedKeys(set)
}

// unreadableLanguages adds to set the top-level folders named by a
// language code that hold an unreadable file (see File.Unreadable) at the
// path mirroring a page of the source language: a language whose only
// translation is broken is still a language of the site, with that page
// broken, not a folder of static files.
func (s *Site) unreadableLanguages(set map[string]bool) {
	for _, f := range s.Files {
		dir, rest, ok := strings.Cut(f.Path, "/")
		if !ok || set[dir] || !IsLangCode(dir) || !f.Unreadable() {
			continue
		}
		if s.isSourcePage(s.SourceLang+"/"+rest) || s.isSourcePage(rest) {
			set[dir] = true
		}
	}
}

// isSourcePage reports whether rel is a usable page of the source
// language, by its lang (or none).
func (s *Site) isSourcePage(rel string) bool {
	f := s.byPath[rel]
	if f == nil || f.Doc == nil || !f.Doc.Usable() {
		return false
	}
	v, ok := f.Doc.Get(s.LangKey)
	return !ok || v.Value.Text == s.SourceLang
}

// HasLang reports whether lang is one of the site's languages.
func (s *Site) HasLang(lang string) bool {
	i := sort.SearchStrings(s.Languages, lang)
	return i < len(s.Languages) && s.Languages[i] == lang
}

// FolderLang returns the language the location of rel stands for.
func (s *Site) FolderLang(rel string) string {
	if s.Layout != nil {
		if l, _, ok := s.Layout.Match(rel); ok {
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
	if s.Layout != nil {
		if _, p, ok := s.Layout.Match(rel); ok {
			return s.Layout.Path(lang, p)
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
	if s.Layout != nil {
		if _, p, ok := s.Layout.Match(rel); ok {
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

// Fingerprint is what a scan saw of a site, for caches of results made
// from the whole site: while a later scan has the same Sum, and no file
// was modified since the cache was written (Newest), the site reads as it
// did, as far as its files' stat data can tell (see internal/statcache).
type Fingerprint struct {
	// Sum is a hash of the configuration as read (the profile's
	// Rules.InputKey and .langref.yml), the site root and the
	// repository's, the path and stat data of every file listed, and
	// what the generator leaves out; "" when the site cannot tell (a
	// profile without an InputKey, a scan without stat data).
	Sum string
	// Newest is the latest modification time of the files (as git and
	// internal/statcache, which compare the change times too, but only
	// the modification times with when a cache was written), and Taken
	// the time their stat data began to be taken, in nanoseconds
	// since the Unix epoch.
	Newest, Taken int64
}

// fingerprintFormat names how Fingerprint.Sum is made: change it with
// what goes into it.
const fingerprintFormat = "langref-site-fingerprint-v1"

// Fingerprint returns the fingerprint of the site sc listed; after Read,
// which lets go of the listing, an empty one (the site cannot tell).
func (sc *Scan) Fingerprint() Fingerprint {
	c := sc.c
	if c.InputKey == "" || sc.stats == nil || slices.Contains(sc.bad, true) || len(sc.links) > 0 {
		return Fingerprint{}
	}
	h := sha256.New()
	b := fmt.Appendf(nil, "%s\x00%s\x00%s\x00%s\x00%s\x00", fingerprintFormat, c.InputKey, c.langrefKey, c.Root, c.RepoRoot())
	fp := Fingerprint{Taken: sc.taken}
	for i, p := range sc.paths {
		st := sc.stats[i]
		b = append(b, p[len(c.Root)+1:]...)
		b = append(b, 0)
		for _, n := range []uint64{uint64(st.Size), uint64(st.Mtime), uint64(st.Ctime), st.Ino, uint64(st.Mode)} {
			b = binary.BigEndian.AppendUint64(b, n)
		}
		fp.Newest = max(fp.Newest, st.Mtime)
		if len(b) > 1<<16 {
			h.Write(b)
			b = b[:0]
		}
	}
	for _, l := range sc.left {
		b = fmt.Appendf(b, "%s\x00%t %s\x00", l.Path, l.Dir, l.Reason)
	}
	h.Write(b)
	fp.Sum = hex.EncodeToString(h.Sum(nil))
	return fp
}

// withBadLinks adds to files, sorted by path, the symbolic links among
// links that lead nowhere langref reads (see File.BadLink), keeping them
// sorted.
func (c *Config) withBadLinks(files []*File, links []string) []*File {
	if len(links) == 0 {
		return files
	}
	root, err := filepath.EvalSymlinks(c.Root)
	if err != nil {
		root = c.Root
	}
	n := len(files)
	for _, l := range links {
		if f := c.badLink(l, c.rel(l), root); f != nil {
			files = append(files, f)
		}
	}
	if len(files) > n {
		sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	}
	return files
}
