// Package export builds the data file a site's own templates read to tell
// readers that a translation lags behind its source page: per translated
// page its state, the source commits it is behind and since when, and the
// sections whose source changed, with the ids the generator gives their
// headings.
//
// The data file carries a marker (Marker) so that langref rewrites only
// files it wrote itself.
package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"
)

// Marker is the value of the "langref" field of every data file langref
// writes; a file without it is someone else's and is never overwritten.
const Marker = "export"

// Version is the schema version of the data file.
const Version = 1

// Data is the data file: its JSON form is documented in docs/en/export.md
// and is part of langref's interface.
type Data struct {
	// Langref is always Marker.
	Langref string `json:"langref"`
	Version int    `json:"version"`
	// Generator is "jekyll", "hugo" or "json": how Pages are keyed.
	Generator string `json:"generator"`
	// Source is the source language.
	Source string `json:"source"`
	// Commit and Date name the commit the data describes.
	Commit string `json:"commit,omitempty"`
	Date   string `json:"date,omitempty"`
	// Strings are the banner's words by language, for templates.
	Strings map[string]Strings `json:"strings"`
	// Pages holds every translated page by its key: for Jekyll its
	// page.path (relative to the site source), for Hugo the language code,
	// "/" and .File.Path.
	Pages map[string]*Page `json:"pages"`
}

// Page is one translated page.
type Page struct {
	Lang string `json:"lang"`
	// Source is the key of its source page.
	Source string `json:"source"`
	// State is the status state: "translated" or "stale".
	State string `json:"state"`
	// Stale is State == "stale", for templates.
	Stale bool `json:"stale"`
	// Behind counts the source commits since the translation's baseline
	// that brought a block the translation does not reflect yet (state
	// copy, outdated or new); 0 for a current page, and for a stale one
	// whose stale blocks no such commit brought. Since is the date
	// (2006-01-02) of the oldest of them, and SinceUnix the same instant
	// in seconds; empty and 0 when Behind is 0.
	Behind    int    `json:"behind"`
	Since     string `json:"since,omitempty"`
	SinceUnix int64  `json:"since_unix,omitempty"`
	// Baseline is the source commit the translation corresponds to.
	Baseline string `json:"baseline,omitempty"`
	// Commits are the commits Behind counts, newest first.
	Commits []Commit `json:"commits"`
	// Sections are the source page's sections whose text changed since
	// the baseline, in page order.
	Sections []Section `json:"sections"`
}

// Commit is one source commit.
type Commit struct {
	Hash    string `json:"hash"`
	Date    string `json:"date"`
	Subject string `json:"subject"`
}

// Section is a heading of the source page whose section changed.
type Section struct {
	// Title is the text of the translation's matching heading, else the
	// source heading's; SourceTitle is the source heading's.
	Title       string `json:"title"`
	SourceTitle string `json:"source_title"`
	// SourceAnchor is its id on the source page; Anchor the id of the
	// matching heading of the translation ("" when the translation's
	// headings do not match the source's one to one).
	SourceAnchor string `json:"source_anchor"`
	Anchor       string `json:"anchor"`
	// Line is the heading's line in the source page.
	Line int `json:"line"`
}

// Strings are the banner's words in one language. In BehindOne and
// BehindOther, {n} is the number of changes and {date} the date; Changed
// is the banner when the number is unknown; Sections introduces the list
// of changed sections; Marker labels a changed heading.
type Strings struct {
	BehindOne   string `json:"behind_one"`
	BehindOther string `json:"behind_other"`
	Changed     string `json:"changed"`
	Sections    string `json:"sections"`
	Marker      string `json:"marker"`
}

// New returns an empty data file for a generator.
func New(generator, source string) *Data {
	return &Data{Langref: Marker, Version: Version, Generator: generator, Source: source,
		Strings: DefaultStrings(), Pages: map[string]*Page{}}
}

// Encode returns the data file's bytes: indented JSON, keys sorted.
func (d *Data) Encode() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ErrNotOurs is returned for an existing file that langref did not write.
var ErrNotOurs = errors.New("the file exists and is not a langref export (no \"langref\": \"export\" field)")

// Owned reports whether old, the current contents of the output file, may
// be overwritten: it is absent (nil) or a langref export.
func Owned(old []byte) error {
	if old == nil {
		return nil
	}
	var m struct {
		Langref string `json:"langref"`
	}
	if err := json.Unmarshal(old, &m); err != nil || m.Langref != Marker {
		return ErrNotOurs
	}
	return nil
}

// since fills the page's Since fields from the oldest of its commits.
func (p *Page) since(oldest time.Time) {
	if oldest.IsZero() {
		return
	}
	p.Since = oldest.UTC().Format("2006-01-02")
	p.SinceUnix = oldest.Unix()
}

// Keys returns the page keys, sorted.
func (d *Data) Keys() []string {
	ks := make([]string, 0, len(d.Pages))
	for k := range d.Pages {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Stale counts the stale pages.
func (d *Data) Stale() int {
	n := 0
	for _, p := range d.Pages {
		if p.Stale {
			n++
		}
	}
	return n
}

func (c Commit) String() string { return fmt.Sprintf("%s %s %s", c.Hash, c.Date, c.Subject) }
