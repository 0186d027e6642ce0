package site

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/langref/langref/internal/cachefile"
	"github.com/langref/langref/internal/statcache"
	"github.com/langref/langref/sync/frontmatter"
)

// pageCacheFormat names the format of the page cache's entries (see
// encodeFile); change it with the encoding. The build stamp covers
// changes to how pages are parsed.
const pageCacheFormat = "langref-pages-v1"

// pageCachePath returns the page cache's file for the site root in dir:
// one per site root, so that the work trees of a repository, which share
// dir, keep their own.
func pageCachePath(dir, root string) string {
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(dir, "pages-v1-"+hex.EncodeToString(sum[:6])+".bin")
}

// pageCacheKey is everything besides a file's bytes that decides what
// reading it gives: the format, the build, the site root, and the rules
// that say which files are pages and how their front matter reads.
func (c *Config) pageCacheKey() string {
	k := fmt.Sprintf("%s %s %q %q %q %v %t", pageCacheFormat, cachefile.BuildStamp(), c.Root,
		c.PageExts, c.Files, c.FrontMatter.Formats, c.FrontMatter.Optional)
	sum := sha256.Sum256([]byte(k))
	return hex.EncodeToString(sum[:])
}

// pageCacheDir returns the folder of the page cache of a lean load, ""
// when it keeps none: no cache folder, or no known build.
func (c *Config) pageCacheDir() string {
	if !c.lean || c.cacheDir == nil || cachefile.BuildStamp() == "" {
		return ""
	}
	return c.cacheDir()
}

// openPageCache opens the page cache in dir, for files files.
func (c *Config) openPageCache(dir string, files int) {
	c.pages = statcache.Open(pageCachePath(dir, c.Root), c.pageCacheKey())
	c.pages.Expect(files)
}

// The kinds of entry of the page cache: what readFile returned.
const (
	cachedNone  = 'n' // nil: the file takes no part in pairing
	cachedPlain = 'p' // a plain file, paired by path
	cachedPage  = 'd' // a page: its sum, size and Doc
)

// encodeFile encodes f, what readFile returned for a file of a lean
// site (nil for none), for the page cache.
func encodeFile(f *File) []byte { return appendFile(nil, f) }

// appendFile appends the encoding of f (see encodeFile) to b.
func appendFile(b []byte, f *File) []byte {
	switch {
	case f == nil:
		return append(b, cachedNone)
	case f.Doc == nil:
		return append(b, cachedPlain)
	}
	b = append(append(b, cachedPage), f.Sum[:]...)
	b = binary.AppendUvarint(b, uint64(f.size))
	return frontmatter.AppendBinary(b, f.Doc)
}

// putFile keeps in the page cache f, what readFile returned for the file
// rel whose stat data is st, encoded in a buffer reused from file to
// file: the cache keeps a copy of the right size (grown entry by entry,
// the encodings of a site of 158,000 files allocated 100 MB more).
func (c *Config) putFile(rel string, st statcache.Stat, f *File) {
	buf := entryScratch.Get().(*[]byte)
	*buf = appendFile((*buf)[:0], f)
	c.pages.Put(rel, st, *buf)
	if cap(*buf) <= maxScratch {
		entryScratch.Put(buf)
	}
}

var entryScratch = sync.Pool{New: func() any { return new([]byte) }}

var errBadEntry = errors.New("site: bad page cache entry")

// decodeFile returns the File at rel that encodeFile encoded in data.
func decodeFile(rel, data string) (*File, error) {
	if data == "" {
		return nil, errBadEntry
	}
	switch data[0] {
	case cachedNone:
		return nil, nil
	case cachedPlain:
		return &File{Path: rel}, nil
	case cachedPage:
	default:
		return nil, errBadEntry
	}
	if len(data) < 1+sha256.Size+1 {
		return nil, errBadEntry
	}
	lf := &leanFile{File: File{Path: rel}}
	copy(lf.sum[:], data[1:])
	lf.Sum = &lf.sum
	rest := data[1+sha256.Size:]
	size, n := binary.Uvarint([]byte(rest[:min(len(rest), binary.MaxVarintLen64)]))
	if n <= 0 || size > 1<<40 {
		return nil, errBadEntry
	}
	lf.size = int(size)
	doc, err := frontmatter.DecodeDoc(rest[n:])
	if err != nil {
		return nil, err
	}
	lf.Doc = doc
	return &lf.File, nil
}

// cachedFile returns what the page cache holds for the file rel, whose stat data is st, and whether it holds it and visit, the visitor
// of the round, does not need to see the page.
func (c *Config) cachedFile(rel string, st statcache.Stat, visit func(*File, []byte), wants func(*File) bool) (*File, bool) {
	data, ok := c.pages.Get(rel, st)
	if !ok {
		return nil, false
	}
	f, err := decodeFile(rel, data)
	if err != nil {
		return nil, false
	}
	if f != nil && f.Doc != nil && visit != nil && (wants == nil || wants(f)) {
		return nil, false // read it for the visitor
	}
	return f, true
}
