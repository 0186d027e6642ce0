package stale

import (
	"encoding/binary"
	"errors"

	"github.com/langref/langref/internal/cachefile"
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
	d := &decoder{*cachefile.NewDecoder(b, len(cacheHeader))}
	c := &cache{RunKey: d.Str()}
	c.Entries = make([]cacheEntry, d.Count(minEntry))
	for i := range c.Entries {
		if d.Bad {
			break
		}
		d.entry(&c.Entries[i])
	}
	if d.Bad || d.Off != len(b) {
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
type decoder struct{ cachefile.Decoder }

func (d *decoder) entry(e *cacheEntry) {
	e.Path, e.Key = d.Str(), d.Str()
	f := d.Byte()
	if f&^entryFlags != 0 || f != 0 && f&entryPage == 0 {
		d.Bad = true
	}
	if f&entryPage != 0 && !d.Bad {
		e.Page = d.page(f)
	}
}

func (d *decoder) page(f byte) *Page {
	p := &Page{
		Path:               d.Str(),
		SourcePath:         d.Str(),
		Baseline:           d.Str(),
		BaselineSource:     Source(d.Str()),
		SourceCommitsSince: d.Num(),
		Stale:              f&entryStale != 0,
		Minor:              f&entryMinor != 0,
		Suspect:            f&entrySuspect != 0,
	}
	p.Changes = d.changes()
	p.Class = change.Class(d.Num())
	p.Structure = d.structure()
	p.Notes = d.notes()
	if f&entryBadBaseline != 0 {
		p.BadBaseline = d.badBaseline()
	}
	p.Unverified = d.structure()
	return p
}

func (d *decoder) changes() []Change {
	n := d.Count(minChange)
	if n == 0 {
		return nil
	}
	cs := make([]Change, n)
	for i := range cs {
		cs[i] = Change{Class: change.Class(d.Num()), Kind: d.Str(), Line: d.Num(), EndLine: d.Num(), OldLine: d.Num(), OldEndLine: d.Num(),
			Text: d.Str(), State: State(d.Str()), Evidence: Evidence(d.Str()), Commit: d.Str(), TrLine: d.Num(), TrEndLine: d.Num(), Alignment: d.Str()}
	}
	return cs
}

func (d *decoder) structure() []Mismatch {
	n := d.Count(minMismatch)
	if n == 0 {
		return nil
	}
	ms := make([]Mismatch, n)
	for i := range ms {
		ms[i] = Mismatch{Aspect: Aspect(d.Str()), Source: d.Num(), Translation: d.Num(), Line: d.Num(), SourceLine: d.Num()}
	}
	return ms
}

func (d *decoder) notes() []string {
	n := d.Count(minNote)
	if n == 0 {
		return nil
	}
	ns := make([]string, n)
	for i := range ns {
		ns[i] = d.Str()
	}
	return ns
}

func (d *decoder) badBaseline() *BadBaseline {
	return &BadBaseline{Reason: d.Str(), Key: d.Str(), Value: d.Str(), Line: d.Num(), Col: d.Num(), Suggest: d.Str()}
}
