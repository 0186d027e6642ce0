package export

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestOwned(t *testing.T) {
	tests := []struct {
		name string
		old  []byte
		ok   bool
	}{
		{"absent", nil, true},
		{"langref's own export", []byte(`{"langref": "export", "pages": {}}`), true},
		{"someone's data file", []byte(`{"pages": {}}`), false},
		{"another tool's marker", []byte(`{"langref": "report"}`), false},
		{"not JSON", []byte("title: x\n"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Owned(tt.old)
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrNotOurs)) {
				t.Errorf("Owned = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

const source = `---
title: A
---
# A

Intro.

## First part

Old words.

## Second part

More words.
`

const translation = `---
lang: fr
---
# A

Intro.

## Première partie

Mots.

## Deuxième partie

Mots.
`

func TestBuild(t *testing.T) {
	when := time.Date(2022, 11, 4, 18, 30, 0, 0, time.UTC)
	in := []PageInput{
		{Key: "fr/a.md", SourceKey: "en/a.md", Lang: "fr", State: "stale", Behind: 2, Baseline: "b0",
			Commits:      []Commit{{Hash: "c2", Date: "2023-01-02", Subject: "more"}, {Hash: "c1", Date: "2022-11-04", Subject: "fix"}},
			Times:        []time.Time{when.AddDate(0, 2, 0), when},
			ChangedLines: []int{13, 14}, Source: []byte(source), Translation: []byte(translation)},
		{Key: "fr/b.md", SourceKey: "en/b.md", Lang: "fr", State: "translated"},
	}
	d := Build(in, Options{Generator: "jekyll", Source: "en"})
	a := d.Pages["fr/a.md"]
	if !a.Stale || a.Since != "2022-11-04" || a.SinceUnix != when.Unix() || a.Behind != 2 {
		t.Errorf("fr/a.md = %+v", a)
	}
	want := []Section{{Title: "Deuxième partie", SourceTitle: "Second part", SourceAnchor: "second-part", Anchor: "deuxième-partie", Line: 12}}
	if got, _ := json.Marshal(a.Sections); string(got) != mustJSON(want) {
		t.Errorf("sections %s, want %s", got, mustJSON(want))
	}
	if b := d.Pages["fr/b.md"]; b.Stale || len(b.Sections) != 0 || b.Commits == nil {
		t.Errorf("fr/b.md = %+v", b)
	}
	enc, err := d.Encode()
	if err != nil || Owned(enc) != nil {
		t.Errorf("the encoded export is not recognised as langref's: %v", err)
	}
	for lang, s := range d.Strings {
		if s.BehindOne == "" || s.BehindOther == "" || s.Changed == "" || s.Sections == "" || s.Marker == "" {
			t.Errorf("strings of %s are incomplete: %+v", lang, s)
		}
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
