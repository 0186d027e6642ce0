package status

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/langref/langref/internal/statcache"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/sync/stale"
)

// fullReport is a report with every field of every kind of row set.
func fullReport() *Report {
	three := 3
	zero := 0
	return &Report{
		Source: "en", Root: "docs",
		Languages: []Language{
			{Lang: "fr", SourcePages: 3, Translated: 1, Stale: 1, Stub: 1, Unknown: 0, Missing: 1, Orphan: 1, Broken: 1, Coverage: 1.0 / 3},
			{Lang: "zh", SourcePages: 3, Missing: 3},
		},
		Pages: []Page{
			{Key: "a", Lang: "fr", State: Stale, Path: "docs/fr/a.md", SourcePath: "docs/en/a.md", Section: "docs/en/index.md",
				Baseline: "abc123", BaselineSource: "history", EnglishCommitsSince: &three,
				Changes: []Change{{Class: "content", Kind: "modified", SourceLine: 4, SourceEndLine: 6, OldLine: 3, OldEndLine: 5,
					Text: "Les pages…", State: "outdated", Evidence: "rewritten", EvidenceCommit: "def456",
					TranslationLine: 7, TranslationEndLine: 9, Alignment: "anchor"}},
				Notes: []string{"note one", "note two"}, Suspect: true,
				Unverified: []stale.Mismatch{{Aspect: "headings", Source: 3, Translation: 2, Line: 10, SourceLine: 12}}},
			{Key: "b", Lang: "fr", State: "translated", Path: "docs/fr/b.md", SourcePath: "docs/en/b.md", Drift: DriftMinor,
				Baseline: "", BaselineSource: "content"},
			{Key: "c", Lang: "fr", State: "stub", Path: "docs/fr/c.md", SourcePath: "docs/en/c.md", Progress: &Progress{Translated: 2, Total: 7},
				EnglishCommitsSince: &zero},
			{Key: "d", Lang: "fr", State: "broken", Reason: "duplicate", Path: "docs/fr/d.md", OtherPaths: []string{"docs/fr/d2.md"}},
			{Key: "e", Lang: "fr", State: "orphan", Path: "docs/fr/e.md"},
			{Key: "a", Lang: "zh", State: "missing", SourcePath: "docs/en/a.md"},
		},
	}
}

// TestReportCacheRoundTrip: a report reads back as it was written, whole,
// by language, or its summary alone.
func TestReportCacheRoundTrip(t *testing.T) {
	r := fullReport()
	langs := []string{"fr", "zh"}
	file := encodeReport("key", r, langs)
	got, err := decodeReport(file, "key", nil, true)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Report, r) || !reflect.DeepEqual(got.Langs, langs) {
		t.Errorf("read back\n%+v\nwant\n%+v", got.Report, r)
	}
	if !bytes.Equal(encodeReport("key", got.Report, got.Langs), file) {
		t.Error("the report read back is written differently")
	}
	zh, err := decodeReport(file, "key", func(l string) bool { return l == "zh" }, true)
	if err != nil || len(zh.Report.Pages) != 1 || !reflect.DeepEqual(zh.Report.Pages[0], r.Pages[5]) {
		t.Errorf("the pages of zh: %+v (%v), want %+v", zh.Report.Pages, err, r.Pages[5:])
	}
	sum, err := decodeReport(file, "key", nil, false)
	if err != nil || sum.Report.Pages != nil || !reflect.DeepEqual(sum.Report.Languages, r.Languages) {
		t.Errorf("the summary: %+v (%v), want the languages %+v and no pages", sum.Report, err, r.Languages)
	}
	empty := &Report{Source: "en", Root: ".", Languages: []Language{}, Pages: []Page{}}
	got, err = decodeReport(encodeReport("key", empty, nil), "key", nil, true)
	if err != nil || !reflect.DeepEqual(got.Report, empty) {
		t.Errorf("an empty report reads back as %+v (%v)", got.Report, err)
	}
}

// TestReportCacheDamaged: a truncated, damaged, foreign or outdated file
// is no cache, and reading it never fails otherwise.
func TestReportCacheDamaged(t *testing.T) {
	file := encodeReport("key", fullReport(), []string{"fr", "zh"})
	end, _ := summaryEnd(file)
	tests := map[string][]byte{
		"empty":           {},
		"header only":     []byte(reportCacheFormat + " key\n"),
		"another key":     encodeReport("other", fullReport(), nil),
		"another format":  append([]byte("langref-status-v0 key\n"), file[len(reportCacheFormat+" key\n"):]...),
		"a byte too many": append(bytes.Clone(file), 0),
	}
	withCRC := func(body string) []byte {
		b := append([]byte(reportCacheFormat+" key\n"), body...)
		return appendCRC(b)
	}
	tests["huge count"] = withCRC("\x01e\x01.\x00\xff\xff\xff\xff\xff\xff\xff\xff\x7f")
	tests["huge string"] = withCRC("\xff\xff\xff\xff\x0f")
	tests["varint overflow"] = withCRC("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01")
	summary := file[:end]
	tests["unknown page flag"] = appendCRC(append(bytes.Clone(summary), "\x01"+"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x00\x00"...))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		garbage := make([]byte, r.IntN(2000))
		for j := range garbage {
			garbage[j] = byte(r.Uint32())
		}
		tests[fmt.Sprint("garbage ", i)] = withCRC(string(garbage))
	}
	for n := range len(file) {
		tests[fmt.Sprint("truncated to ", n)] = file[:n]
	}
	for i := len(reportCacheFormat); i < len(file); i += 7 {
		b := bytes.Clone(file)
		b[i] ^= 0x21
		tests[fmt.Sprint("byte ", i, " damaged")] = b
	}
	for name, b := range tests {
		if c, err := decodeReport(b, "key", nil, true); err == nil {
			t.Errorf("%s: read as %+v, want no cache", name, c.Report)
		}
		// The summary, read alone, stands on its own CRC: damage after it
		// leaves it readable.
		intact := len(b) >= end && bytes.Equal(b[:end], file[:end])
		c, err := decodeReport(b, "key", nil, false)
		if intact && (err != nil || !reflect.DeepEqual(c.Report.Languages, fullReport().Languages)) {
			t.Errorf("%s: the summary alone reads as %v (%v), want the summary", name, c, err)
		}
		if !intact && err == nil {
			t.Errorf("%s: the summary alone reads as %+v, want no cache", name, c.Report)
		}
	}
}

func appendCRC(b []byte) []byte {
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// TestReportCacheHolds: SaveReport keeps a report only when its staleness
// is repeatable and no file is racily new, and LoadReport gives it back
// only under the same key, and while no file was modified after it.
func TestReportCacheHolds(t *testing.T) {
	long := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC).UnixNano()
	taken := time.Now().UnixNano()
	fp := site.Fingerprint{Sum: "files", Newest: long, Taken: taken}
	repeatable := &stale.Result{Repeatable: true}
	tests := []struct {
		name  string
		save  func(dir string) error
		key   string
		fp    site.Fingerprint
		found bool
	}{
		{"same key", func(dir string) error { return SaveReport(dir, "/site", "k", fp, repeatable, fullReport(), nil) }, "k", fp, true},
		{"another key", func(dir string) error { return SaveReport(dir, "/site", "k", fp, repeatable, fullReport(), nil) }, "k2", fp, false},
		{"another root", func(dir string) error { return SaveReport(dir, "/other", "k", fp, repeatable, fullReport(), nil) }, "k", fp, false},
		{"a file modified since", func(dir string) error { return SaveReport(dir, "/site", "k", fp, repeatable, fullReport(), nil) },
			"k", site.Fingerprint{Sum: "files", Newest: time.Now().Add(time.Hour).UnixNano()}, false},
		{"not repeatable", func(dir string) error {
			return SaveReport(dir, "/site", "k", fp, &stale.Result{}, fullReport(), nil)
		}, "k", fp, false},
		{"no staleness", func(dir string) error { return SaveReport(dir, "/site", "k", fp, nil, fullReport(), nil) }, "k", fp, false},
		{"a file modified just before the run", func(dir string) error {
			recent := site.Fingerprint{Sum: "files", Newest: taken - int64(statcache.RacyWindow)/2, Taken: taken}
			return SaveReport(dir, "/site", "k", recent, repeatable, fullReport(), nil)
		}, "k", fp, false},
		{"no key", func(dir string) error { return SaveReport(dir, "/site", "", fp, repeatable, fullReport(), nil) }, "", fp, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := tt.save(dir); err != nil {
				t.Fatal(err)
			}
			c, ok := LoadReport(dir, "/site", tt.key, tt.fp, nil, true)
			if ok != tt.found {
				t.Fatalf("found %t, want %t", ok, tt.found)
			}
			if ok && !reflect.DeepEqual(c.Report, fullReport()) {
				t.Errorf("read %+v, want %+v", c.Report, fullReport())
			}
		})
	}
	t.Run("the summary of a large report alone", func(t *testing.T) {
		dir := t.TempDir()
		big := fullReport()
		for len(big.Pages) < 5000 {
			big.Pages = append(big.Pages, big.Pages[0])
		}
		if err := SaveReport(dir, "/site", "k", fp, repeatable, big, []string{"fr", "zh"}); err != nil {
			t.Fatal(err)
		}
		c, ok := LoadReport(dir, "/site", "k", fp, nil, false)
		if !ok || c.Report.Pages != nil || !reflect.DeepEqual(c.Report.Languages, big.Languages) || !reflect.DeepEqual(c.Langs, []string{"fr", "zh"}) {
			t.Fatalf("read %v (%t), want the summary alone", c, ok)
		}
		c, ok = LoadReport(dir, "/site", "k", fp, func(l string) bool { return l == "zh" }, true)
		if !ok || len(c.Report.Pages) != 1 {
			t.Errorf("read %v (%t), want the one page of zh", c, ok)
		}
	})
	t.Run("a file that is no cache", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Symlink("/dev/zero", reportCachePath(dir, "/site")); err != nil {
			t.Skip(err)
		}
		if _, ok := LoadReport(dir, "/site", "k", fp, nil, true); ok {
			t.Error("read a report from /dev/zero")
		}
	})
}

// FuzzDecodeReport checks that no file makes the decoder panic, and that
// whatever it reads, it writes so that it reads back the same.
func FuzzDecodeReport(f *testing.F) {
	f.Add(encodeReport("key", fullReport(), []string{"fr"}))
	f.Add(encodeReport("key", &Report{}, nil))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := decodeReport(b, "key", nil, true)
		if err != nil {
			return
		}
		file := encodeReport("key", c.Report, c.Langs)
		again, err := decodeReport(file, "key", nil, true)
		if err != nil {
			t.Fatalf("cannot read back what was read: %v", err)
		}
		if !reflect.DeepEqual(again, c) {
			t.Errorf("read back %+v, then %+v", c, again)
		}
	})
}
