package export

import (
	"bytes"
	"strings"

	"github.com/langref/langref/sync/history"
)

// This file finds which source commits a stale translation is behind: not
// every commit since its baseline, but those that brought the text of a
// block the translation does not reflect yet (state copy, outdated or
// new). A typo fix the translation needs nothing for is left out, and so
// is its date.

// BlobReader reads file contents by blob id, as history.Repo.EachBlob
// does.
type BlobReader interface {
	EachBlob(specs []string, f func(spec string, data []byte, ok bool)) error
}

// pending is one page's source versions since its baseline and the text
// of its stale blocks, waiting for the versions' contents.
type pending struct {
	// events are the source commits after the baseline, newest first;
	// base is the blob of the source page at the baseline (zero when
	// unknown).
	events []history.FileEvent
	base   history.ObjectID
	// blocks are the normalised texts of the stale blocks in the current
	// source page.
	blocks []string
}

// specs lists the blobs p needs.
func (p *pending) specs() []string {
	var out []string
	for _, e := range p.events {
		if !e.Blob.IsZero() {
			out = append(out, e.Blob.String())
		}
	}
	if !p.base.IsZero() {
		out = append(out, p.base.String())
	}
	return out
}

// behind returns the indexes in p.events of the commits that brought the
// text of p's stale blocks, oldest-of-run for each block, in events order
// (newest first). A block's commit is the oldest of the newest versions
// that all hold its text: the commit after which the text has stayed. A
// block whose text the baseline already held, or no committed version
// holds (a change not committed yet), has no commit.
func (p *pending) behind(texts map[string]string) []int {
	hit := make([]bool, len(p.events))
	for _, b := range p.blocks {
		at := -1
		for i, e := range p.events {
			if !strings.Contains(texts[e.Blob.String()], b) {
				break
			}
			at = i
		}
		if at < 0 {
			continue
		}
		if at == len(p.events)-1 && !p.base.IsZero() && strings.Contains(texts[p.base.String()], b) {
			continue
		}
		hit[at] = true
	}
	var out []int
	for i, h := range hit {
		if h {
			out = append(out, i)
		}
	}
	return out
}

// blockText returns the normalised text of lines [from, to] (1-based,
// inclusive) of src, "" when out of range.
func blockText(src []byte, from, to int) string {
	if from <= 0 || to < from {
		return ""
	}
	lines := bytes.Split(src, []byte("\n"))
	if from > len(lines) {
		return ""
	}
	to = min(to, len(lines))
	return normalise(string(bytes.Join(lines[from-1:to], []byte("\n"))))
}

// normalise collapses runs of white space, so that re-wrapping or
// trailing spaces do not hide a block's text.
func normalise(s string) string { return strings.Join(strings.Fields(s), " ") }

// readTexts reads the blobs the pages need with one reader pass and
// returns their normalised texts by blob id; ok is false when the reader
// failed.
func readTexts(r BlobReader, ps []*pending) (map[string]string, bool) {
	seen := map[string]bool{}
	var specs []string
	for _, p := range ps {
		for _, s := range p.specs() {
			if !seen[s] {
				seen[s] = true
				specs = append(specs, s)
			}
		}
	}
	texts := make(map[string]string, len(specs))
	if len(specs) == 0 {
		return texts, true
	}
	err := r.EachBlob(specs, func(spec string, data []byte, ok bool) {
		if ok {
			texts[spec] = normalise(string(data))
		}
	})
	return texts, err == nil
}
