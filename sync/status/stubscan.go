package status

import (
	"path/filepath"
	"slices"
	gosync "sync"

	"github.com/langref/langref/internal/cachefile"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/translate/stub"
)

// StubScan runs stub detection's quick test (stub.MayBeStub) while a lean
// site is read (site.LoadLeanVisit), so that stub detection reads again
// only the translations that may be stubs, not all of them: the source
// pages' openings go into an index as they are read, and each translation
// is looked up in it as it is read, before anyone knows which page it
// pairs with. Give it to DetectStubsWith in StubOptions.Scan.
//
// Pages whose results the stub cache holds are left out, as stub
// detection will not read them: the source pages of its pairs are not
// indexed, and their translations not looked up.
type StubScan struct {
	cacheDir func() string
	once     gosync.Once
	cached   cachedHalves
	// cache is the stub cache read from cachePath, which stub detection
	// takes over rather than read it again; nil when there was none.
	cache     *stubCache
	cachePath string

	ix    stub.Index
	mu    gosync.Mutex
	ids   map[*site.File]int32   // indexed pages, by their number in ix
	found map[*site.File]scanned // translations looked up
}

// scanned is what a translation's look-up found: the indexed pages it may
// be a stub of, or many, when more than stub.MaxFound.
type scanned struct {
	pages []int32
	many  bool
}

// cachedHalves are the halves of the stub cache's keys: the sums of the
// source pages and of the translations it holds results for.
type cachedHalves struct{ src, tr map[[16]byte]bool }

// NewStubScan returns a scan for one site. cacheDir gives the folder of
// the stub cache (StubOptions.CacheDir), "" for none; it is called once,
// when the first page is read.
func NewStubScan(cacheDir func() string) *StubScan {
	return &StubScan{cacheDir: cacheDir, ids: map[*site.File]int32{}, found: map[*site.File]scanned{}}
}

// Visitor returns the site.Visitor that runs the scan. It needs to see
// no page that the page cache knows (site.LeanOptions): such a page is
// unchanged since the last run, which cached the stub results of its
// pairs, and when it pairs with a changed page, stub detection reads the
// pair itself. Seeing them would read again, on each run, the pages that
// pair with none, whose results are never cached (on the CNCF glossary,
// 73 of 955 pages).
func (s *StubScan) Visitor() site.Visitor {
	return site.Visitor{Source: s.source, Translation: s.translation,
		SourceWants: knownUnwanted, TranslationWants: knownUnwanted}
}

func knownUnwanted(*site.File) bool { return false }

// readCache reads the halves of the stub cache's keys, once.
func (s *StubScan) readCache() {
	s.once.Do(func() {
		s.cached = cachedHalves{src: map[[16]byte]bool{}, tr: map[[16]byte]bool{}}
		dir := ""
		if s.cacheDir != nil {
			dir = s.cacheDir()
		}
		if dir == "" || cachefile.BuildStamp() == "" {
			return
		}
		s.cachePath = filepath.Join(dir, stubCacheFile)
		s.cache = readStubCache(s.cachePath)
		for k := range s.cache.results {
			s.cached.src[[16]byte(k[:16])] = true
			s.cached.tr[[16]byte(k[16:])] = true
		}
	})
}

func (s *StubScan) source(f *site.File, body []byte) {
	s.readCache()
	if f.Sum == nil || s.cached.src[[16]byte(f.Sum[:16])] {
		return
	}
	s.mu.Lock()
	id := int32(len(s.ids))
	s.ids[f] = id
	s.mu.Unlock()
	s.ix.Add(id, body)
}

func (s *StubScan) translation(f *site.File, body []byte) {
	s.readCache()
	if f.Sum == nil || s.cached.tr[[16]byte(f.Sum[:16])] {
		return
	}
	pages, all := s.ix.Find(body, nil)
	s.mu.Lock()
	s.found[f] = scanned{pages: pages, many: !all}
	s.mu.Unlock()
}

// takeCache returns the stub cache the scan read at path, or nil.
func (s *StubScan) takeCache(path string) *stubCache {
	if s == nil || s.cache == nil || s.cachePath != path {
		return nil
	}
	return s.cache
}

// mayBeStub reports what the scan knows of whether tr may be a stub of
// src: known is false when it did not look up tr, or did not index src.
func (s *StubScan) mayBeStub(src, tr *site.File) (may, known bool) {
	if s == nil {
		return false, false
	}
	id, ok := s.ids[src]
	r, ok2 := s.found[tr]
	if !ok || !ok2 || r.many {
		return false, false
	}
	return slices.Contains(r.pages, id), true
}
