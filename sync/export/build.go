package export

import (
	"time"
)

// PageInput is what the data of one translated page is made from.
type PageInput struct {
	// Key and SourceKey are the keys of the translation and of its
	// source page (see Data.Pages).
	Key, SourceKey, Lang string
	// State is the status state ("translated" or "stale").
	State    string
	Behind   int
	Baseline string
	// Commits are the source commits the page is behind (see
	// Page.Behind), newest first, with their times.
	Commits []Commit
	Times   []time.Time
	// ChangedLines are the lines of the source page whose changes a
	// reader would see; Source and Translation the pages' contents (nil
	// when unread).
	ChangedLines        []int
	Source, Translation []byte
}

// Options say how keys and anchors are made.
type Options struct {
	// Generator is "jekyll", "hugo" or "json".
	Generator string
	// KramdownInput is the site's kramdown input ("GFM" when unset).
	KramdownInput string
	Source        string
	Commit, Date  string
}

// Build returns the data file of pages.
func Build(pages []PageInput, o Options) *Data {
	d := New(o.Generator, o.Source)
	d.Commit, d.Date = o.Commit, o.Date
	anchors := func() Anchors { return NewAnchors(o.Generator, o.KramdownInput) }
	for _, in := range pages {
		p := &Page{Lang: in.Lang, Source: in.SourceKey, State: in.State, Stale: in.State == "stale",
			Behind: in.Behind, Baseline: in.Baseline, Commits: in.Commits, Sections: []Section{}}
		if p.Commits == nil {
			p.Commits = []Commit{}
		}
		if n := len(in.Times); n > 0 {
			p.since(in.Times[n-1])
		}
		if p.Stale && in.Source != nil && len(in.ChangedLines) > 0 {
			p.Sections = sections(in.Source, in.Translation, in.ChangedLines, anchors)
		}
		d.Pages[in.Key] = p
	}
	return d
}
