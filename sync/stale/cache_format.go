package stale

import (
	"encoding/binary"
	"errors"
	"unsafe"

	"github.com/langref/langref/translate/change"
)

// The cache file (cacheFile) holds, in order:
//
//	header   cacheFormat, then "\n"
//	RunKey   a string
//	Entries  their number, then each entry: its Path, its Key, a byte of
//	         entry flags, then, with entryPage, the fields of its Page in
//	         the order of the struct (appendPage)
//
// A string is its length in bytes as a uvarint, then its bytes; an int
// is a varint; a slice is its length as a uvarint, then its elements.
// Empty slices read back as nil, as they did from encoding/gob.

// cacheHeader starts every cache file: its format.
const cacheHeader = cacheFormat + "\n"

// Entry flags: whether the entry has a page, and the page's booleans.
const (
	entryPage byte = 1 << iota
	entryBadBaseline
	entryStale
	entryMinor
	entrySuspect
	entryFlags = entryPage | entryBadBaseline | entryStale | entryMinor | entrySuspect
)

// The fewest bytes that an entry, a Change, a Mismatch and a note take in
// the file. A count read is never larger than what the rest of the file
// can hold, so that a damaged count allocates no more than a file of its
// size may need.
const (
	minEntry    = 3
	minChange   = 13
	minMismatch = 5
	minNote     = 1
)

// bytesPerEntry is about what an entry takes in the file, to size the
// buffer the cache is encoded into at once.
const bytesPerEntry = 256

// errCorruptCache is the error of a cache file that is not one, or is
// damaged.
var errCorruptCache = errors.New("corrupt cache")

// encode returns the file of the cache.
func (c *cache) encode() []byte {
	b := make([]byte, 0, len(cacheHeader)+len(c.RunKey)+bytesPerEntry*len(c.Entries))
	b = append(b, cacheHeader...)
	b = appendString(b, c.RunKey)
	b = binary.AppendUvarint(b, uint64(len(c.Entries)))
	for i := range c.Entries {
		b = appendEntry(b, &c.Entries[i])
	}
	return b
}

func appendEntry(b []byte, e *cacheEntry) []byte {
	b = appendString(b, e.Path)
	b = appendString(b, e.Key)
	p := e.Page
	if p == nil {
		return append(b, 0)
	}
	b = append(b, pageFlags(p))
	return appendPage(b, p)
}

func pageFlags(p *Page) byte {
	f := entryPage
	if p.BadBaseline != nil {
		f |= entryBadBaseline
	}
	if p.Stale {
		f |= entryStale
	}
	if p.Minor {
		f |= entryMinor
	}
	if p.Suspect {
		f |= entrySuspect
	}
	return f
}

// appendPage appends the fields of p but its booleans, which are in the
// entry's flags.
func appendPage(b []byte, p *Page) []byte {
	b = appendString(b, p.Path)
	b = appendString(b, p.SourcePath)
	b = appendString(b, p.Baseline)
	b = appendString(b, string(p.BaselineSource))
	b = binary.AppendVarint(b, int64(p.SourceCommitsSince))
	b = binary.AppendUvarint(b, uint64(len(p.Changes)))
	for _, c := range p.Changes {
		b = appendChange(b, c)
	}
	b = binary.AppendVarint(b, int64(p.Class))
	b = binary.AppendUvarint(b, uint64(len(p.Structure)))
	for _, m := range p.Structure {
		b = appendMismatch(b, m)
	}
	b = binary.AppendUvarint(b, uint64(len(p.Notes)))
	for _, n := range p.Notes {
		b = appendString(b, n)
	}
	if p.BadBaseline != nil {
		b = appendBadBaseline(b, p.BadBaseline)
	}
	b = binary.AppendUvarint(b, uint64(len(p.Unverified)))
	for _, m := range p.Unverified {
		b = appendMismatch(b, m)
	}
	return b
}

func appendChange(b []byte, c Change) []byte {
	b = binary.AppendVarint(b, int64(c.Class))
	b = appendString(b, c.Kind)
	b = binary.AppendVarint(b, int64(c.Line))
	b = binary.AppendVarint(b, int64(c.EndLine))
	b = binary.AppendVarint(b, int64(c.OldLine))
	b = binary.AppendVarint(b, int64(c.OldEndLine))
	b = appendString(b, c.Text)
	b = appendString(b, string(c.State))
	b = appendString(b, string(c.Evidence))
	b = appendString(b, c.Commit)
	b = binary.AppendVarint(b, int64(c.TrLine))
	b = binary.AppendVarint(b, int64(c.TrEndLine))
	return appendString(b, c.Alignment)
}

func appendMismatch(b []byte, m Mismatch) []byte {
	b = appendString(b, string(m.Aspect))
	b = binary.AppendVarint(b, int64(m.Source))
	b = binary.AppendVarint(b, int64(m.Translation))
	b = binary.AppendVarint(b, int64(m.Line))
	return binary.AppendVarint(b, int64(m.SourceLine))
}

func appendBadBaseline(b []byte, x *BadBaseline) []byte {
	b = appendString(b, x.Reason)
	b = appendString(b, x.Key)
	b = appendString(b, x.Value)
	b = binary.AppendVarint(b, int64(x.Line))
	b = binary.AppendVarint(b, int64(x.Col))
	return appendString(b, x.Suggest)
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// decodeCache reads the cache file b. A file that is not a cache of this
// format, or is damaged, is errCorruptCache. The strings of the cache are
// parts of b, which must never change after: a copy of b would make
// decoding a quarter slower and allocate twice as much (BenchmarkCacheFormat).
func decodeCache(b []byte) (*cache, error) {
	if len(b) < len(cacheHeader) || string(b[:len(cacheHeader)]) != cacheHeader {
		return nil, errCorruptCache
	}
	d := &decoder{b: b, s: unsafe.String(&b[0], len(b)), off: len(cacheHeader)}
	c := &cache{RunKey: d.str()}
	c.Entries = make([]cacheEntry, d.count(minEntry))
	for i := range c.Entries {
		if d.bad {
			break
		}
		d.entry(&c.Entries[i])
	}
	if d.bad || d.off != len(b) {
		return nil, errCorruptCache
	}
	return c, c.index()
}

// index makes byPath, and fails when two entries have the same path.
func (c *cache) index() error {
	c.byPath = make(map[string]*cacheEntry, len(c.Entries))
	for i := range c.Entries {
		c.byPath[c.Entries[i].Path] = &c.Entries[i]
	}
	if len(c.byPath) != len(c.Entries) {
		return errCorruptCache
	}
	return nil
}

// decoder reads a cache file from offset off. Once it meets something
// wrong it is bad, and reads zero values from then on.
type decoder struct {
	b   []byte
	s   string // b, unsafely, for strings to be parts of
	off int
	bad bool
}

func (d *decoder) entry(e *cacheEntry) {
	e.Path, e.Key = d.str(), d.str()
	f := d.flags()
	if f&^entryFlags != 0 || f != 0 && f&entryPage == 0 {
		d.bad = true
	}
	if f&entryPage != 0 && !d.bad {
		e.Page = d.page(f)
	}
}

func (d *decoder) page(f byte) *Page {
	p := &Page{
		Path:               d.str(),
		SourcePath:         d.str(),
		Baseline:           d.str(),
		BaselineSource:     Source(d.str()),
		SourceCommitsSince: d.num(),
		Stale:              f&entryStale != 0,
		Minor:              f&entryMinor != 0,
		Suspect:            f&entrySuspect != 0,
	}
	p.Changes = d.changes()
	p.Class = change.Class(d.num())
	p.Structure = d.structure()
	p.Notes = d.notes()
	if f&entryBadBaseline != 0 {
		p.BadBaseline = d.badBaseline()
	}
	p.Unverified = d.structure()
	return p
}

func (d *decoder) changes() []Change {
	n := d.count(minChange)
	if n == 0 {
		return nil
	}
	cs := make([]Change, n)
	for i := range cs {
		cs[i] = Change{Class: change.Class(d.num()), Kind: d.str(), Line: d.num(), EndLine: d.num(), OldLine: d.num(), OldEndLine: d.num(),
			Text: d.str(), State: State(d.str()), Evidence: Evidence(d.str()), Commit: d.str(), TrLine: d.num(), TrEndLine: d.num(), Alignment: d.str()}
	}
	return cs
}

func (d *decoder) structure() []Mismatch {
	n := d.count(minMismatch)
	if n == 0 {
		return nil
	}
	ms := make([]Mismatch, n)
	for i := range ms {
		ms[i] = Mismatch{Aspect: Aspect(d.str()), Source: d.num(), Translation: d.num(), Line: d.num(), SourceLine: d.num()}
	}
	return ms
}

func (d *decoder) notes() []string {
	n := d.count(minNote)
	if n == 0 {
		return nil
	}
	ns := make([]string, n)
	for i := range ns {
		ns[i] = d.str()
	}
	return ns
}

func (d *decoder) badBaseline() *BadBaseline {
	return &BadBaseline{Reason: d.str(), Key: d.str(), Value: d.str(), Line: d.num(), Col: d.num(), Suggest: d.str()}
}

// count reads the length of a slice whose elements take at least size
// bytes each.
func (d *decoder) count(size int) int {
	n := d.uvarint()
	if n > uint64((len(d.b)-d.off)/size) {
		d.bad = true
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.uvarint()
	if n > uint64(len(d.b)-d.off) {
		d.bad = true
		return ""
	}
	s := d.s[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

func (d *decoder) num() int {
	if d.bad {
		return 0
	}
	v, n := binary.Varint(d.b[d.off:])
	if n <= 0 || int64(int(v)) != v {
		d.bad = true
		return 0
	}
	d.off += n
	return int(v)
}

func (d *decoder) uvarint() uint64 {
	if d.bad {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) flags() byte {
	if d.bad || d.off == len(d.b) {
		d.bad = true
		return 0
	}
	d.off++
	return d.b[d.off-1]
}
