package check

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// standardKeys are front matter keys that sites of every generator use,
// and those of common tools (cSpell's spelling directives, in both the
// spellings cSpell reads). With the generator's own (site.KnownKeys),
// they are never taken for misspellings, even when rare.
var standardKeys = []string{
	"title", "author", "authors", "description", "image", "lang",
	"translator", "translation-date", "translators", "source-commit",
	"cSpell:ignore", "cspell:ignore", "cSpell:words", "cspell:words",
	"cSpell:disable", "cspell:disable", "cSpell:enable", "cspell:enable",
}

// misspelledKeys reports front matter keys that are near misses of a key
// the site uses: same key up to case, separators or spaces, or within a few
// edits of a key used at least three times as often.
func (r *run) misspelledKeys() {
	counts := r.keyCounts()
	vocab := r.vocabulary(counts)
	for _, p := range r.g.Pages {
		if p.File.Plain() || !p.File.Doc.Page {
			continue
		}
		for _, f := range p.File.Doc.Fields {
			if want := r.correction(f.Key, vocab, counts); want != "" {
				r.add(MisspelledKey, "", p.Path(), f.Line, f.Col, map[string]any{"Key": f.Key, "Want": want})
			}
		}
	}
}

func (r *run) keyCounts() map[string]int {
	counts := map[string]int{}
	for _, p := range r.g.Pages {
		if p.File.Plain() || !p.File.Doc.Page {
			continue
		}
		seen := map[string]bool{}
		for _, f := range p.File.Doc.Fields {
			if !seen[f.Key] {
				counts[f.Key]++
				seen[f.Key] = true
			}
		}
	}
	return counts
}

// vocabulary is the sorted list of keys a misspelling may be of: the
// standard keys, the site's pairing and baseline keys, and every key used
// by several pages.
func (r *run) vocabulary(counts map[string]int) []string {
	set := map[string]bool{r.s.Key: true, r.s.BaselineKey: true}
	for _, k := range standardKeys {
		set[k] = true
	}
	for _, k := range r.s.KnownKeys {
		set[k] = true
	}
	for k, n := range counts {
		if n >= 3 {
			set[k] = true
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (r *run) correction(key string, vocab []string, counts map[string]int) string {
	if r.known(key) {
		return ""
	}
	norm := normalizeKey(key)
	best, bestD := "", 0
	for _, v := range vocab {
		if v == key || r.s.FoldCase && strings.EqualFold(v, key) {
			continue
		}
		d := distance(key, v)
		if normalizeKey(v) == norm {
			d = 0 // same key but for case and separators: the best kind of match
		} else if d > allowedEdits(v) || counts[v] < 3*counts[key] && !r.known(v) {
			continue
		}
		if best == "" || r.better(v, d, best, bestD, counts) {
			best, bestD = v, d
		}
	}
	return best
}

// better reports whether candidate v at distance d beats the best so far:
// fewer edits, then a key known to be right, then the more used key.
func (r *run) better(v string, d int, best string, bestD int, counts map[string]int) bool {
	if d != bestD {
		return d < bestD
	}
	if r.known(v) != r.known(best) {
		return r.known(v)
	}
	return counts[v] > counts[best]
}

// known reports whether key is one that is right wherever it appears.
func (r *run) known(key string) bool {
	if key == r.s.Key || key == r.s.BaselineKey {
		return true
	}
	if r.s.FoldCase {
		same := func(k string) bool { return strings.EqualFold(k, key) }
		return slices.ContainsFunc(standardKeys, same) || slices.ContainsFunc(r.s.KnownKeys, same)
	}
	return slices.Contains(standardKeys, key) || slices.Contains(r.s.KnownKeys, key)
}

// allowedEdits grows with the key's length: one edit for short keys, up
// to one in five characters for long ones.
func allowedEdits(key string) int {
	return max(1, utf8.RuneCountInString(key)/5)
}

var separators = strings.NewReplacer("-", "", "_", "", " ", "")

func normalizeKey(k string) string {
	return separators.Replace(strings.ToLower(strings.TrimSpace(k)))
}
