package status

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"

	"github.com/langref/langref/internal/cachefile"
	"github.com/langref/langref/internal/statcache"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/stale"
)

// The report cache keeps the whole report of the last run of status
// (status-v1-*.bin, one per site root), so that a run on a site nothing
// changed in answers from it without reading pages, building the graph
// or analysing anything: it holds while its key (ReportKey) is the
// run's, and no file was modified since it was written.
//
// The file holds, in order: a line with reportCacheFormat and the key;
// the length of the summary (4 bytes, big-endian), the summary (Source,
// Root, the site's translation languages, and Languages) and the CRC-32C
// of all before it, which a run that prints no page reads alone; then the
// pages, and the CRC-32C of the whole file before it. A string is its
// length as a uvarint, then its bytes; a number a uvarint (a float its
// bits); a list its length, then its elements.
const reportCacheFormat = "langref-status-v1"

// ReportKey is what a whole report depends on: the site as scanned
// (site.Fingerprint), the commit HEAD names, and the options of the
// analysis that change its result (the --stale-on class's name). It is
// "" when such a report is not to be cached: a site without a full
// fingerprint, no HEAD, a build of langref that cannot tell itself
// (cachefile.BuildStamp), or a staleness analysis whose results are not
// all keyed on the run (stale.Result.Repeatable, checked by SaveReport).
func ReportKey(fp site.Fingerprint, head, staleOn string) string {
	stamp := cachefile.BuildStamp()
	if fp.Sum == "" || head == "" || stamp == "" {
		return ""
	}
	h := sha256.New()
	for _, s := range []string{reportCacheFormat, stamp, fp.Sum, head, staleOn} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// reportCachePath is the report cache of the site root in dir.
func reportCachePath(dir, root string) string {
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(dir, "status-v1-"+hex.EncodeToString(sum[:6])+".bin")
}

// Cached is a report read from the report cache.
type Cached struct {
	// Report is the report of every language: History is not kept (the
	// caller sets it), and Pages only when LoadReport was asked for them.
	Report *Report
	// Langs are the site's translation languages (graph.TranslationLangs).
	Langs []string
	// File is the cache file it was read from.
	File string
}

// SaveReport keeps r, a report of every language built with the
// staleness st, and langs, the site's translation languages, in the
// report cache of the site root in dir under key, unless the key is "",
// st's results are not all keyed on the run, or a file of the site was
// modified within statcache.RacyWindow before fp was taken (its stat
// data may then not show a change made after). It returns the error of
// the write, if any.
func SaveReport(dir, root, key string, fp site.Fingerprint, st *stale.Result, r *Report, langs []string) error {
	if dir == "" || key == "" || st == nil || !st.Repeatable || fp.Newest >= fp.Taken-int64(statcache.RacyWindow) {
		return nil
	}
	return cachefile.WriteFunc(reportCachePath(dir, root), func(w io.Writer) error { return writeReport(w, key, r, langs) })
}

// LoadReport reads the report cache of the site root in dir when it was
// written under key, after every file of the site was last modified (by
// fp.Newest); else it returns false. With pages, it reads the pages of
// the languages pages says yes to (nil: all of them), else none.
func LoadReport(dir, root, key string, fp site.Fingerprint, pages func(lang string) bool, withPages bool) (*Cached, bool) {
	if dir == "" || key == "" {
		return nil, false
	}
	path := reportCachePath(dir, root)
	b, fi, err := readReport(path, withPages)
	if err != nil || fp.Newest >= fi.ModTime().UnixNano() {
		return nil, false
	}
	c, err := decodeReport(b, key, pages, withPages)
	if err != nil {
		return nil, false
	}
	c.File = path
	return c, true
}

// summaryRead is how much of the file a run that needs no page reads
// first: the summary of a site of a few hundred languages.
const summaryRead = 64 << 10

// readReport reads the report cache file at path, whole with pages, else
// its start up to the end of the summary.
func readReport(path string, pages bool) ([]byte, os.FileInfo, error) {
	if pages {
		return cachefile.ReadStat(path, 0)
	}
	b, fi, err := cachefile.ReadPrefix(path, summaryRead)
	if err != nil {
		return nil, nil, err
	}
	if end, ok := summaryEnd(b); ok && end > len(b) && int64(end) <= min(fi.Size(), cachefile.MaxSize) {
		b, fi, err = cachefile.ReadPrefix(path, int64(end))
	}
	return b, fi, err
}

// summaryEnd returns the offset of the end of the summary's CRC in a file
// that starts as b, and whether b tells.
func summaryEnd(b []byte) (int, bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 || len(b) < i+1+4 {
		return 0, false
	}
	n := binary.BigEndian.Uint32(b[i+1:])
	return i + 1 + 4 + int(n) + 4, true
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Flags of a page in the report cache.
const (
	pageProgress byte = 1 << iota
	pageCommits
	pageSuspect
	pageFlags = pageProgress | pageCommits | pageSuspect
)

// encodeReport returns the report cache file of r and langs under key.
func encodeReport(key string, r *Report, langs []string) []byte {
	var b bytes.Buffer
	writeReport(&b, key, r, langs) // a bytes.Buffer fails only out of memory
	return b.Bytes()
}

// writeReport writes the report cache file of r and langs under key to w,
// a section at a time (appendSections) rather than the whole file at once.
func writeReport(w io.Writer, key string, r *Report, langs []string) error {
	b := make([]byte, 0, 4<<10)
	b = append(b, reportCacheFormat+" "+key+"\n"...)
	at := len(b)
	b = append(b, 0, 0, 0, 0) // the summary's length
	b = appendStr(b, r.Source)
	b = appendStr(b, r.Root)
	b = appendStrs(b, langs)
	b = binary.AppendUvarint(b, uint64(len(r.Languages)))
	for _, l := range r.Languages {
		b = appendStr(b, l.Lang)
		for _, n := range []int{l.SourcePages, l.Translated, l.Stale, l.Stub, l.Unknown, l.Missing, l.Orphan, l.Broken} {
			b = binary.AppendUvarint(b, uint64(n))
		}
		b = binary.AppendUvarint(b, math.Float64bits(l.Coverage))
	}
	binary.BigEndian.PutUint32(b[at:], uint32(len(b)-at-4))
	b = binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
	cw := &crcWriter{w: w}
	if err := writeSections(cw, b, r.Pages); err != nil {
		return err
	}
	_, err := w.Write(binary.BigEndian.AppendUint32(nil, cw.crc))
	return err
}

// pageBytes is about the length of a page in the file, for sizing the
// buffer of a section: 188 bytes on the 20,000-page bench site.
const pageBytes = 192

// crcWriter writes to w and takes the CRC-32C of what it wrote.
type crcWriter struct {
	w   io.Writer
	crc uint32
}

func (c *crcWriter) Write(p []byte) (int, error) {
	c.crc = crc32.Update(c.crc, castagnoli, p)
	return c.w.Write(p)
}

// writeSections writes head, then the pages in sections, one for each run
// of pages of one language: their number, then each section's language,
// number of pages and length in bytes, then the pages. A run that wants
// one language's pages skips the others' sections unread. One section is
// held at a time.
func writeSections(w io.Writer, head []byte, pages []Page) error {
	var runs [][]Page
	for i := 0; i < len(pages); {
		j := i + 1
		for j < len(pages) && pages[j].Lang == pages[i].Lang {
			j++
		}
		runs = append(runs, pages[i:j])
		i = j
	}
	b := binary.AppendUvarint(head, uint64(len(runs)))
	var sec []byte
	for _, run := range runs {
		if c := len(run) * pageBytes; cap(sec) < c {
			sec = make([]byte, 0, c) // rather than grow it by doubling
		}
		sec = sec[:0]
		for i := range run {
			sec = appendPage(sec, &run[i])
		}
		b = appendStr(b, run[0].Lang)
		b = binary.AppendUvarint(b, uint64(len(run)))
		b = binary.AppendUvarint(b, uint64(len(sec)))
		if _, err := w.Write(b); err != nil {
			return err
		}
		if _, err := w.Write(sec); err != nil {
			return err
		}
		b = b[:0]
	}
	_, err := w.Write(b)
	return err
}

func appendPage(b []byte, p *Page) []byte {
	for _, s := range []string{p.Key, p.Lang, p.State, p.Path, p.SourcePath, p.Reason, p.Section, p.Drift, p.Baseline, p.BaselineSource} {
		b = appendStr(b, s)
	}
	b = appendStrs(b, p.OtherPaths)
	b = appendStrs(b, p.Notes)
	var f byte
	if p.Progress != nil {
		f |= pageProgress
	}
	if p.EnglishCommitsSince != nil {
		f |= pageCommits
	}
	if p.Suspect {
		f |= pageSuspect
	}
	b = append(b, f)
	if p.Progress != nil {
		b = appendInts(b, p.Progress.Translated, p.Progress.Total)
	}
	if p.EnglishCommitsSince != nil {
		b = appendInts(b, *p.EnglishCommitsSince)
	}
	b = binary.AppendUvarint(b, uint64(len(p.Changes)))
	for _, c := range p.Changes {
		for _, s := range []string{c.Class, c.Kind, c.Text, c.State, c.Evidence, c.EvidenceCommit, c.Alignment} {
			b = appendStr(b, s)
		}
		b = appendInts(b, c.SourceLine, c.SourceEndLine, c.OldLine, c.OldEndLine, c.TranslationLine, c.TranslationEndLine)
	}
	b = binary.AppendUvarint(b, uint64(len(p.Unverified)))
	for _, m := range p.Unverified {
		b = appendStr(b, string(m.Aspect))
		b = appendInts(b, m.Source, m.Translation, m.Line, m.SourceLine)
	}
	return b
}

func appendStr(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendStrs(b []byte, ss []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		b = appendStr(b, s)
	}
	return b
}

// appendInts appends numbers as varints: lines are never negative, but
// a varint reads back whatever was written.
func appendInts(b []byte, ns ...int) []byte {
	for _, n := range ns {
		b = binary.AppendVarint(b, int64(n))
	}
	return b
}

var errCorruptReport = errors.New("status: corrupt report cache")

// The fewest bytes a page, a change and a mismatch take in the file: a
// count read is never more than the rest of the file can hold.
const (
	minSection  = 3
	minPage     = 14
	minChange   = 13
	minMismatch = 5
)

// decodeReport reads the report cache file b written under key; see
// LoadReport for pages and withPages. Its strings are parts of b, which
// must not change after.
func decodeReport(b []byte, key string, pages func(string) bool, withPages bool) (*Cached, error) {
	head := reportCacheFormat + " " + key + "\n"
	if len(b) < len(head)+4 || string(b[:len(head)]) != head {
		return nil, errCorruptReport
	}
	end, ok := summaryEnd(b)
	if !ok || end > len(b) || crc32.Checksum(b[:end-4], castagnoli) != binary.BigEndian.Uint32(b[end-4:]) {
		return nil, errCorruptReport
	}
	d := &decoder{*cachefile.NewDecoder(b[:end-4], len(head)+4)}
	r := &Report{Source: d.Str(), Root: d.Str()}
	c := &Cached{Report: r, Langs: d.Strs()}
	r.Languages = make([]Language, d.Count(10))
	for i := range r.Languages {
		l := &r.Languages[i]
		l.Lang = d.Str()
		for _, n := range []*int{&l.SourcePages, &l.Translated, &l.Stale, &l.Stub, &l.Unknown, &l.Missing, &l.Orphan, &l.Broken} {
			*n = d.Int()
		}
		l.Coverage = math.Float64frombits(d.Uint())
	}
	if d.Off != len(d.B) {
		d.Bad = true
	}
	if !withPages || d.Bad {
		return c, d.err()
	}
	if len(b) < end+4 || crc32.Checksum(b[:len(b)-4], castagnoli) != binary.BigEndian.Uint32(b[len(b)-4:]) {
		return nil, errCorruptReport
	}
	d = &decoder{*cachefile.NewDecoder(b[:len(b)-4], end)}
	r.Pages = d.sections(pages)
	if d.Off != len(d.B) {
		d.Bad = true
	}
	return c, d.err()
}

// sections reads the sections of pages, those of the languages pages
// says yes to (nil: all of them).
func (d *decoder) sections(pages func(string) bool) []Page {
	out := make([]Page, 0, d.wanted(pages))
	for range d.Count(minSection) {
		lang, n := d.Str(), d.Count(minPage)
		size := d.Count(1)
		if d.Bad {
			return nil
		}
		end := d.Off + size
		if pages != nil && !pages(lang) {
			d.Off = end
			continue
		}
		if n > size/minPage {
			d.Bad = true
			return nil
		}
		for range n {
			var p Page
			d.page(&p)
			if p.Lang != lang {
				d.Bad = true
			}
			if d.Bad {
				return nil
			}
			out = append(out, p)
		}
		if d.Off != end {
			d.Bad = true
			return nil
		}
	}
	return out
}

// wanted returns how many pages the sections ahead of d hold in the
// languages pages says yes to, reading only the sections' heads, so that
// the pages are read into a slice of the right size at once.
func (d *decoder) wanted(pages func(string) bool) int {
	ahead := *d
	total := 0
	for range ahead.Count(minSection) {
		lang, n := ahead.Str(), ahead.Count(minPage)
		size := ahead.Count(1)
		if ahead.Bad || n > size/minPage {
			return 0 // sections reads nothing then
		}
		ahead.Off += size
		if pages == nil || pages(lang) {
			total += n
		}
	}
	return total
}

// decoder reads a report cache file from offset off; once it meets
// something wrong it is bad, and reads zero values from then on.
type decoder struct{ cachefile.Decoder }

func (d *decoder) err() error {
	if d.Bad {
		return errCorruptReport
	}
	return nil
}

func (d *decoder) page(p *Page) {
	for _, s := range []*string{&p.Key, &p.Lang, &p.State, &p.Path, &p.SourcePath, &p.Reason, &p.Section, &p.Drift, &p.Baseline, &p.BaselineSource} {
		*s = d.Str()
	}
	p.OtherPaths, p.Notes = d.Strs(), d.Strs()
	f := d.Byte()
	if f&^pageFlags != 0 {
		d.Bad = true
		return
	}
	if f&pageProgress != 0 {
		p.Progress = &Progress{Translated: d.Num(), Total: d.Num()}
	}
	if f&pageCommits != 0 {
		n := d.Num()
		p.EnglishCommitsSince = &n
	}
	p.Suspect = f&pageSuspect != 0
	if n := d.Count(minChange); n > 0 {
		p.Changes = make([]Change, n)
		for i := range p.Changes {
			c := &p.Changes[i]
			for _, s := range []*string{&c.Class, &c.Kind, &c.Text, &c.State, &c.Evidence, &c.EvidenceCommit, &c.Alignment} {
				*s = d.Str()
			}
			for _, n := range []*int{&c.SourceLine, &c.SourceEndLine, &c.OldLine, &c.OldEndLine, &c.TranslationLine, &c.TranslationEndLine} {
				*n = d.Num()
			}
		}
	}
	if n := d.Count(minMismatch); n > 0 {
		p.Unverified = make([]stale.Mismatch, n)
		for i := range p.Unverified {
			m := &p.Unverified[i]
			m.Aspect = stale.Aspect(d.Str())
			m.Source, m.Translation, m.Line, m.SourceLine = d.Num(), d.Num(), d.Num(), d.Num()
		}
	}
}
