// Package statcache keeps, between runs, what a caller made of each file
// of a tree (the parsed front matter and sum of a page, say), and gives it
// back while the file's stat data is what it was when the file was read,
// as git's index does: the size, the modification and change times in
// nanoseconds, the inode and the mode. A file whose stat data changed in
// any of these is read again.
//
// Timestamps have a granularity (a few milliseconds on Linux, seconds on
// some file systems), so that a file written again within it keeps its
// modification time. As git does, an entry whose file was modified no
// earlier than the cache file was written is "racily clean" and never
// trusted; moreover entries of files modified within RacyWindow before
// the run began are not kept at all. Either way such a file is read
// again, until a later run keeps it.
//
// The cache file is versioned, checked by a CRC, bounded when read
// (internal/cachefile) and replaced atomically; a missing, corrupt or
// foreign file is an empty cache.
package statcache

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"slices"
	gosync "sync"
	"time"

	"github.com/langref/langref/internal/cachefile"
)

// Stat is what the cache compares of a file: what git's index keeps.
type Stat struct {
	Size         int64
	Mtime, Ctime int64 // nanoseconds since the Unix epoch
	Ino          uint64
	Mode         uint32
}

// RacyWindow is how recently a file may have been modified, before the
// run that read it began, for its entry to be left out of the cache: a
// file modified again within the coarsest common timestamp granularity
// (FAT's two seconds) could otherwise keep its stat data.
const RacyWindow = 2 * time.Second

// magic starts every cache file: the container format's name and version.
const magic = "langref-statcache-v1\n"

// Cache is one cache file: the entries a previous run wrote, which Get
// looks up, and those of this run, which Save writes. Its methods may be
// called from many goroutines at once.
type Cache struct {
	path, key string
	written   int64 // the cache file's modification time, ns
	start     int64 // when Open ran, ns
	old       map[string]entry

	mu    gosync.Mutex
	now   map[string]entry
	dirty bool
}

type entry struct {
	st   Stat
	data string
}

// Open reads the cache file at path. key names what the entries hold and
// how it was made (the caller's format, langref's build, the settings
// that decide the result): a file written under another key is an empty
// cache, and so is a missing, unreadable or corrupt one. Nothing is
// written before Save.
func Open(path, key string) *Cache {
	c := &Cache{path: path, key: key, start: time.Now().UnixNano(), now: map[string]entry{}}
	b, fi, err := cachefile.ReadStat(path, 0)
	if err == nil {
		c.old, err = decode(b, key)
	}
	if err != nil {
		c.old = nil
	} else {
		c.written = fi.ModTime().UnixNano()
	}
	return c
}

// Expect makes room for the entries of n files, when the caller knows
// how many it will look up or put: grown entry by entry, the entries of
// a tree of 158,000 files were moved again and again, 0.2 s of CPU. Call
// it before Get and Put.
func (c *Cache) Expect(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.now) == 0 && n > 0 {
		c.now = make(map[string]entry, n)
	}
}

// Get returns what the last run kept for the file name when st, the
// file's stat data now, is what it was then and the entry is not racily
// clean; the entry is then kept for the next run as well. It returns
// false when the file must be read again (and the result given to Put).
func (c *Cache) Get(name string, st Stat) (string, bool) {
	e, ok := c.old[name]
	if !ok || e.st != st || e.st.Mtime >= c.written {
		return "", false
	}
	c.mu.Lock()
	c.now[name] = e
	c.mu.Unlock()
	return e.data, true
}

// Put records data, what the caller made of the file name, read when its
// stat data was st: taken before the file was read, so that a change
// while it was read shows in the next run's stat data.
// A Put of what a trusted entry already holds changes nothing.
func (c *Cache) Put(name string, st Stat, data []byte) {
	o, ok := c.old[name]
	same := ok && o.st == st && o.st.Mtime < c.written && o.data == string(data)
	c.mu.Lock()
	if same {
		c.now[name] = o
	} else {
		c.now[name] = entry{st: st, data: string(data)}
		c.dirty = true
	}
	c.mu.Unlock()
}

// Save writes the entries of this run (those Get found and those Put
// gave) when they differ from the file's, leaving out files modified
// within RacyWindow before Open. It returns the error of the write.
func (c *Cache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.dirty && len(c.now) == len(c.old) {
		return nil
	}
	err := cachefile.WriteFunc(c.path, c.write)
	if err == nil {
		c.dirty = false
	}
	return err
}

// Hits returns how many entries of this run came from the cache file:
// for tests and benchmarks.
func (c *Cache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for name, e := range c.now {
		if o, ok := c.old[name]; ok && o == e {
			n++
		}
	}
	return n
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// write writes the cache file to w: magic, the key, the number of
// entries and each entry (name, stat data, the caller's data), sorted by
// name, then the CRC-32C of all that. It writes an entry at a time
// rather than the whole file at once: 70 MB for a tree of 158,000 files,
// whose pages the system had to give, and the collector to account for.
func (c *Cache) write(w io.Writer) error {
	names := make([]string, 0, len(c.now))
	recent := c.start - int64(RacyWindow)
	for name, e := range c.now {
		if e.st.Mtime < recent {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	crc := uint32(0)
	b := append(make([]byte, 0, 64<<10), magic...)
	b = append(b, c.key...)
	b = append(b, '\n')
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, name := range names {
		e := c.now[name]
		b = appendString(b, name)
		b = binary.AppendVarint(b, e.st.Size)
		b = binary.AppendVarint(b, e.st.Mtime)
		b = binary.AppendVarint(b, e.st.Ctime)
		b = binary.AppendUvarint(b, e.st.Ino)
		b = binary.AppendUvarint(b, uint64(e.st.Mode))
		b = appendString(b, e.data)
		if len(b) >= 60<<10 {
			crc = crc32.Update(crc, castagnoli, b)
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	crc = crc32.Update(crc, castagnoli, b)
	_, err := w.Write(binary.BigEndian.AppendUint32(b, crc))
	return err
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errCorrupt = errors.New("statcache: corrupt cache file")

// decode reads the entries of the file b written under key. Their
// strings share one copy of b.
func decode(b []byte, key string) (map[string]entry, error) {
	head := magic + key + "\n"
	if len(b) < len(head)+4 || string(b[:len(head)]) != head {
		return nil, errCorrupt
	}
	body, sum := b[:len(b)-4], b[len(b)-4:]
	if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(sum) {
		return nil, errCorrupt
	}
	r := reader{s: string(body[len(head):])}
	n := r.uint()
	if n > uint64(len(r.s)/8) {
		return nil, errCorrupt
	}
	m := make(map[string]entry, n)
	for range n {
		name := r.str()
		e := entry{st: Stat{Size: r.int(), Mtime: r.int(), Ctime: r.int(), Ino: r.uint(), Mode: uint32(r.uint())}}
		e.data = r.str()
		m[name] = e
	}
	if r.bad || r.s != "" {
		return nil, errCorrupt
	}
	return m, nil
}

// reader reads varints and strings from a string; bad sticks.
type reader struct {
	s   string
	bad bool
}

func (r *reader) uint() uint64 {
	v, n := binary.Uvarint([]byte(r.s[:min(len(r.s), binary.MaxVarintLen64)]))
	if n <= 0 {
		r.bad, r.s = true, ""
		return 0
	}
	r.s = r.s[n:]
	return v
}

func (r *reader) int() int64 {
	u := r.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (r *reader) str() string {
	n := r.uint()
	if n > uint64(len(r.s)) {
		r.bad, r.s = true, ""
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}
