package status

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"path/filepath"

	"github.com/langref/langref/internal/cachefile"
	"github.com/langref/langref/sync/site"
)

// stubCacheFormat names the format of the stub cache and the algorithm
// of its results. Change it whenever stub detection could give another
// result for the same pages; the build stamp covers builds in between.
const stubCacheFormat = "langref-stubs-v1"

// stubCacheFile is the cache's file in StubOptions.CacheDir.
const stubCacheFile = "stubs-v1.bin"

// stubKey identifies a pair by contents: the first half of the SHA-256
// sum of the source page, then that of the translation.
type stubKey [32]byte

// stubCache holds the results of earlier runs by key. Its file is a
// header line (format and build stamp) followed by records: a key, then
// the result's two numbers as uvarints. A missing, unreadable or corrupt
// file, or one from another format or build, is an empty cache.
type stubCache struct {
	results map[stubKey]stubResult
}

func stubCacheHeader() []byte {
	return []byte(stubCacheFormat + " " + cachefile.BuildStamp() + "\n")
}

// readStubCache reads the cache at path, or returns an empty one.
func readStubCache(path string) *stubCache {
	c := &stubCache{results: map[stubKey]stubResult{}}
	b, err := cachefile.Read(path, 0)
	if err != nil || !bytes.HasPrefix(b, stubCacheHeader()) {
		return c
	}
	b = b[len(stubCacheHeader()):]
	for len(b) > 0 {
		var k stubKey
		if len(b) < len(k) {
			return &stubCache{results: map[stubKey]stubResult{}}
		}
		b = b[copy(k[:], b):]
		tr, n := binary.Uvarint(b)
		if n <= 0 {
			return &stubCache{results: map[stubKey]stubResult{}}
		}
		total, m := binary.Uvarint(b[n:])
		if m <= 0 || tr > total || total > 1<<31 {
			return &stubCache{results: map[stubKey]stubResult{}}
		}
		b = b[n+m:]
		c.results[k] = stubResult{uint32(tr), uint32(total)}
	}
	return c
}

// writeStubCache writes the file of a cache holding results to w, a few
// kilobytes at a time rather than whole.
func writeStubCache(w io.Writer, results map[stubKey]stubResult) error {
	b := make([]byte, 0, 64<<10)
	b = append(b, stubCacheHeader()...)
	for k, r := range results {
		b = append(b, k[:]...)
		b = binary.AppendUvarint(b, uint64(r.translated))
		b = binary.AppendUvarint(b, uint64(r.total))
		if len(b) > cap(b)-len(k)-2*binary.MaxVarintLen32 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	_, err := w.Write(b)
	return err
}

// useCache reads the cache in dir and takes from it the results of the
// pairs it holds. There is no cache when the build is unknown.
func (d *detection) useCache(dir string) {
	if cachefile.BuildStamp() == "" {
		return
	}
	d.path = filepath.Join(dir, stubCacheFile)
	if d.cache = d.scan.takeCache(d.path); d.cache == nil { // read while the site loaded
		d.cache = readStubCache(d.path)
	}
	for _, p := range d.pairs {
		src, ok1 := sum(p.cell.Entry.Source.File)
		tr, ok2 := sum(p.cell.Page.File)
		if !ok1 || !ok2 {
			continue
		}
		copy(p.key[:16], src[:16])
		copy(p.key[16:], tr[:16])
		p.keyed = true
		p.result, p.cached = d.cache.results[p.key]
	}
}

// sum returns the SHA-256 sum of the contents of f, when known without
// reading it.
func sum(f *site.File) ([sha256.Size]byte, bool) {
	switch {
	case f.Sum != nil:
		return *f.Sum, true
	case f.Src != nil:
		return sha256.Sum256(f.Src), true
	}
	return [sha256.Size]byte{}, false
}

// saveCache writes the results of this run, and only those, to the cache
// when they differ from what it held. Failures are ignored: the cache is
// only an optimisation.
func (d *detection) saveCache() {
	if d.cache == nil {
		return
	}
	results := make(map[stubKey]stubResult, len(d.pairs))
	changed := false
	for _, p := range d.pairs {
		if p.keyed {
			results[p.key] = p.result
			changed = changed || !p.cached
		}
	}
	if !changed && len(results) == len(d.cache.results) {
		return
	}
	_ = cachefile.WriteFunc(d.path, func(w io.Writer) error { return writeStubCache(w, results) })
}
