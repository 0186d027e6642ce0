package stale

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"path/filepath"
	"strconv"
	gosync "sync"

	"github.com/langref/langref/internal/cachefile"
	"github.com/langref/langref/internal/par"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/site"
)

// cacheFormat names the format of the cache file and of its keys. Change
// it whenever the analysis could give another result for the same inputs:
// old caches are then ignored.
const cacheFormat = "langref-stale-v4"

// buildStamp identifies the langref build, so that a new build, whose
// analysis may differ, ignores the results of the previous one.
var buildStamp = cachefile.BuildStamp

// cacheFile is where, in the cache folder (cachefile.RepoDir), results
// are kept between runs, in the format of cache_format.go: for 138,000
// translations it writes in 15 ms and reads in 40 ms, where encoding/gob
// took 240 ms and 130 ms (BenchmarkCacheFormat).
const cacheFile = "stale-v4.bin"

// cache holds the results of earlier runs, by translation path. Each entry
// is valid while its key, a hash of everything its result depends on, is
// unchanged. The cache is never required: a missing, unreadable or corrupt
// file is an empty cache, and a failed write is ignored.
type cache struct {
	// RunKey is the key of the whole run that wrote the cache (see
	// runKey): while it is unchanged, every entry is valid as it is.
	RunKey string
	// Entries are in the order of the analysis's items, which is about
	// the order their pages and strings sit in memory: the cache writes
	// in a third of the time it takes in an order that jumps around
	// memory, as a map's does.
	Entries []cacheEntry
	byPath  map[string]*cacheEntry // Entries by Path, when read from a file
}

// cacheEntry is the result of one translation: its page, whose flags
// that depend on Options.StaleOn are set again when it is used.
type cacheEntry struct {
	Path string // the translation's, relative to the site root
	Key  string
	Page *Page
}

// readCache reads the cache at path, or returns an empty one.
func readCache(path string) *cache {
	if b, err := cachefile.Read(path, 0); err == nil {
		if c, err := decodeCache(b); err == nil {
			return c
		}
	}
	return &cache{byPath: map[string]*cacheEntry{}}
}

// write replaces the cache file at path atomically.
func (c *cache) write(path string) error {
	return cachefile.Write(path, c.encode())
}

// lookup returns the cached page of the translation at path when its
// key matches key, a hash (the cache keeps its hex text).
func (c *cache) lookup(path string, key [sha256.Size]byte) (*Page, bool) {
	e, ok := c.byPath[path]
	if !ok || e.Page == nil || !sameKey(e.Key, key) {
		return nil, false
	}
	return e.Page, true
}

// sameKey reports whether text is the hex text of key, as
// hex.EncodeToString writes it.
func sameKey(text string, key [sha256.Size]byte) bool {
	var b [2 * sha256.Size]byte
	hex.Encode(b[:], key[:])
	return text == string(b[:])
}

// keyWriter builds a cache key field by field: each field, then a NUL,
// into a buffer hashed at the end; a long key (the run key names every
// translation: 16 MB on a 20,000-page site) is hashed as it goes, a
// buffer at a time, so that no buffer outgrows maxKeyBuffer by much.
type keyWriter struct {
	b []byte
	h hash.Hash // the hash of what came before b; nil until b first fills
}

// maxKeyBuffer is the size of a key's buffer beyond which it is hashed.
const maxKeyBuffer = 32 << 10

func newKey() *keyWriter { return keyWriters.Get().(*keyWriter) }

var keyWriters = gosync.Pool{New: func() any { return &keyWriter{b: make([]byte, 0, 1024)} }}

// str adds string fields.
func (k *keyWriter) str(fields ...string) {
	for _, f := range fields {
		k.b = append(append(k.b, f...), 0)
	}
	k.spill()
}

// num adds integer fields.
func (k *keyWriter) num(fields ...int) {
	for _, f := range fields {
		k.b = append(strconv.AppendInt(k.b, int64(f), 10), 0)
	}
	k.spill()
}

// raw adds a field of bytes, such as a hash.
func (k *keyWriter) raw(f []byte) {
	k.b = append(append(k.b, f...), 0)
	k.spill()
}

// spill hashes the buffer once it is full.
func (k *keyWriter) spill() {
	if len(k.b) < maxKeyBuffer {
		return
	}
	if k.h == nil {
		k.h = sha256.New()
	}
	k.h.Write(k.b)
	k.b = k.b[:0]
}

// sum returns the key, and gives k back for reuse.
func (k *keyWriter) sum() string {
	h := k.sumHash()
	return hex.EncodeToString(h[:])
}

// sumHash is sum, as the hash itself rather than its hex text.
func (k *keyWriter) sumHash() [sha256.Size]byte {
	var h [sha256.Size]byte
	if k.h == nil {
		h = sha256.Sum256(k.b)
	} else {
		k.h.Write(k.b)
		k.h.Sum(h[:0])
		k.h.Reset()
	}
	k.b = k.b[:0]
	if cap(k.b) <= 2*maxKeyBuffer {
		keyWriters.Put(k)
	}
	return h
}

// cacheKey returns the key of t's result: everything the analysis reads
// about the translation and its source page, and the site's rule for
// commits that need no translation (profile.Rules.IgnoreKey), and true;
// false when t's result is not to be cached (a recorded baseline outside
// the history, a shallow clone).
func (x *hist) cacheKey(t *trace) ([sha256.Size]byte, bool) {
	it := t.it
	if x.repo.Shallow || buildStamp() == "" {
		return [sha256.Size]byte{}, false
	}
	k := newKey()
	k.str(cacheFormat, buildStamp(), t.tr, t.src, it.lang, x.g.Site.SourceLang, x.o.BaselineKey, x.g.Site.IgnoreKey)
	k.num(len(t.trLog), len(t.srcLog), int(x.o.StaleOn), boolNum(x.o.Verify))
	if r := it.rec; r != nil {
		c, _ := x.recordCommit(r)
		if c == nil {
			return [sha256.Size]byte{}, false
		}
		k.str("record", r.key, r.value)
		k.num(r.line, r.col)
		k.str(c.Hash, x.logs.PathAt(t.src, c.Hash))
		k.num(x.newerSource(t, c))
	}
	for _, e := range t.trLog[:min(len(t.trLog), maxCandidates+1)] {
		k.str("tr")
		addEvent(k, e)
		k.num(x.newerSource(t, e.Commit))
	}
	k.str("src", x.sourceLogKey(t))
	x.addSum(k, t.tr, it.trFile, it.tr)
	x.addSum(k, t.src, it.srcFile, it.src)
	return k.sumHash(), true
}

// sourceLogKey returns the key of the log of t's source page, computed
// once for all the translations of the page.
func (x *hist) sourceLogKey(t *trace) string {
	x.mu.Lock()
	s, ok := x.srcKeys[t.src]
	x.mu.Unlock()
	if ok {
		return s
	}
	k := newKey()
	for _, e := range t.srcLog {
		addEvent(k, e)
	}
	s = k.sum()
	x.mu.Lock()
	x.srcKeys[t.src] = s
	x.mu.Unlock()
	return s
}

func boolNum(b bool) int {
	if b {
		return 1
	}
	return 0
}

func addEvent(k *keyWriter, e history.FileEvent) {
	k.str(e.Commit.Hash)
	k.str(e.Commit.Parents...)
	k.str(string(e.Status), e.Path, e.OldPath)
}

// addSum adds the hash of the contents of the file f at path to k, as
// fileSum gives it, without encoding a lean site's hash in hex.
func (a *analysis) addSum(k *keyWriter, path string, f *site.File, b []byte) {
	if b == nil && f.Sum != nil {
		if _, ok := a.fileSums[f]; !ok {
			k.raw(f.Sum[:])
			return
		}
	}
	k.str(a.fileSum(path, f, b))
}

// newerSource counts the source page's commits newer than c, which places
// c among them.
func (x *hist) newerSource(t *trace, c *history.Commit) int {
	at, n := x.index[c.Hash], 0
	for _, e := range t.srcLog {
		if x.index[e.Commit.Hash] < at {
			n++
		}
	}
	return n
}

// contentSum returns the hash of the contents b of the file at path,
// hashing each file once.
func (a *analysis) contentSum(path string, b []byte) string {
	a.mu.Lock()
	s, ok := a.sums[path]
	a.mu.Unlock()
	if ok {
		return s
	}
	h := sha256.Sum256(b)
	s = hex.EncodeToString(h[:])
	a.mu.Lock()
	a.sums[path] = s
	a.mu.Unlock()
	return s
}

// fileSum is contentSum of the file f at path, whose contents b are nil
// when Options.Release dropped them after hashing, or when the site is
// lean (site.LoadLean) and hashed them as it read them.
func (a *analysis) fileSum(path string, f *site.File, b []byte) string {
	if b != nil {
		return a.contentSum(path, b)
	}
	if s, ok := a.fileSums[f]; ok {
		return s
	}
	return hex.EncodeToString(f.Sum[:])
}

// runKey returns the key of the whole run: everything any result depends
// on when the history is the one HEAD names: the build, HEAD and the
// shallow state, the options, the rule for commits that need no
// translation, and each translation's pairing, record and files' contents. It is "" when results are not to be cached.
func (a *analysis) runKey(repo *history.Repo, prefix string) string {
	if repo.Shallow || repo.Head == "" || buildStamp() == "" {
		return ""
	}
	k := newKey()
	k.str(cacheFormat, buildStamp(), repo.Head, prefix, a.g.Site.SourceLang, a.o.BaselineKey, a.g.Site.IgnoreKey)
	k.num(len(a.items), int(a.o.StaleOn), boolNum(a.o.Verify))
	for _, it := range a.items {
		k.str(it.page.Path, it.page.SourcePath, it.lang)
		a.addSum(k, it.page.Path, it.trFile, it.tr)
		a.addSum(k, it.page.SourcePath, it.srcFile, it.src)
		if r := it.rec; r != nil {
			if !hexName(r.value) {
				return "" // a tag or branch may move while HEAD stays
			}
			k.str("record", r.key, r.value)
			k.num(r.line, r.col)
		}
	}
	return k.sum()
}

// hexName reports whether a recorded value is a commit hash, full or
// abbreviated, which names the same commit whatever the refs say.
func hexName(v string) bool {
	for _, c := range v {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return len(v) >= 4
}

// openCache reads the cache of the repository, once.
func (a *analysis) openCache(repo *history.Repo) bool {
	dir := cachefile.RepoDir(repo)
	if a.o.NoCache || dir == "" {
		return false
	}
	if a.cache == nil {
		a.cachePath, a.headPath = filepath.Join(dir, cacheFile), filepath.Join(dir, headFile)
		a.cache = readCache(a.cachePath)
	}
	return true
}

// fromRunCache settles every item from the cache when the cache was
// written by a run with the same run key, without reading the history.
func (a *analysis) fromRunCache(repo *history.Repo, prefix string) bool {
	if !a.openCache(repo) {
		return false
	}
	a.head, a.runKeyed = repo.Head, a.runKey(repo, prefix)
	if a.runKeyed == "" || a.cache.RunKey != a.runKeyed {
		return false
	}
	entries := make([]*cacheEntry, len(a.items))
	for i, it := range a.items {
		e := a.cache.byPath[it.page.Path]
		if e == nil || e.Page == nil {
			return false
		}
		entries[i] = e
	}
	for i, it := range a.items {
		_, err := hex.Decode(it.cacheKey[:], []byte(entries[i].Key))
		it.keyed = err == nil && len(entries[i].Key) == hex.EncodedLen(sha256.Size)
		it.fromCache(entries[i].Page)
	}
	return true
}

// useCache reads the cache and settles the items whose result it holds;
// it returns the others. The traces it keys them with are let go: the
// pipeline makes them again, a few at a time.
func (x *hist) useCache() []*item {
	if !x.openCache(x.repo) {
		return x.items
	}
	par.Do(len(x.items), func(i int) {
		it := x.items[i]
		it.cacheKey, it.keyed = x.cacheKey(x.newTrace(it))
	})
	var rest []*item
	for _, it := range x.items {
		if p, ok := x.cache.lookup(it.page.Path, it.cacheKey); it.keyed && ok {
			it.fromCache(p)
		} else {
			rest = append(rest, it)
		}
	}
	return rest
}

// fromCache sets the item's page to the cached one.
func (it *item) fromCache(p *Page) {
	p.Path, p.SourcePath = it.page.Path, it.page.SourcePath
	if p.Changes == nil { // the cache keeps no empty slices; a settled page has one
		p.Changes = []Change{}
	}
	*it.page = *p
	it.cached = true
}

// repeatable reports whether every result of the run is keyed on the
// run key, as saveCache keeps it.
func (a *analysis) repeatable() bool {
	if a.runKeyed == "" || a.res.Shallow || a.res.NoGit {
		return false
	}
	for _, it := range a.items {
		if !it.keyed {
			return false
		}
	}
	return true
}

// saveCache writes the results of this run to the cache when any was not
// there already. Failures are ignored: the cache is only an optimisation.
func (a *analysis) saveCache() {
	if a.cache == nil {
		return
	}
	entries := make([]cacheEntry, 0, len(a.items))
	changed := false
	for _, it := range a.items {
		if !it.keyed {
			continue
		}
		entries = append(entries, cacheEntry{Path: it.page.Path, Key: hex.EncodeToString(it.cacheKey[:]), Page: it.page})
		changed = changed || !it.cached
	}
	// A run key holds only when every result is in the cache.
	runKey := a.runKeyed
	if len(entries) < len(a.items) {
		runKey = ""
	}
	if !changed && len(entries) == len(a.cache.Entries) && runKey == a.cache.RunKey {
		return
	}
	c := &cache{RunKey: runKey, Entries: entries}
	if c.write(a.cachePath) == nil && runKey != "" {
		_ = cachefile.Write(a.headPath, []byte(a.head+"\n"))
	}
}
