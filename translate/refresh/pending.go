package refresh

import (
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/blocks"
)

// Pending lists what keeps a translation from following the current
// source page, for `langref mark` to refuse on: the markers an earlier run
// left, and what a run would do now (copies it would make, blocks it
// would mark). Pages are whole files, as for PlanPage. before, when not
// nil, is the translation as it was at its baseline: a block the
// translator changed since then counts as brought up to date, as refresh
// cannot read the translator's prose.
func Pending(old, new, translation, before []byte) []Action {
	var out []Action
	body, line := frontmatter.SplitBody(translation)
	for _, b := range blocks.Parse(body, line) {
		if k, ok := markerKind(b); ok {
			out = append(out, Action{Kind: k, Line: b.Line})
		}
	}
	touched, grew := touchedSince(body, line, before)
	for _, a := range PlanPage(old, new, translation).Actions {
		switch a.Kind {
		case Marked, Removed:
			if touched[a.Line] {
				continue
			}
		case Left:
			if before != nil && len(touched) > 0 {
				continue
			}
		case Inserted:
			if grew {
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// markerKind says which action wrote marker b, if it is one.
func markerKind(b blocks.Block) (Kind, bool) {
	if !isMarker(b) {
		return "", false
	}
	rest := strings.TrimPrefix(strings.TrimSpace(b.Raw), MarkerPrefix)
	switch {
	case strings.HasPrefix(rest, "outdated:"):
		return Marked, true
	case strings.HasPrefix(rest, "removed:"):
		return Removed, true
	case strings.HasPrefix(rest, "new:"):
		return Inserted, true
	}
	return "", false
}

// touchedSince returns the lines of the blocks of body that before does
// not hold, and whether body has more blocks of prose than before.
func touchedSince(body []byte, line int, before []byte) (map[int]bool, bool) {
	if before == nil {
		return nil, false
	}
	bb, bl := frontmatter.SplitBody(before)
	had := map[string]bool{}
	prose := 0
	for _, b := range blocks.Parse(bb, bl) {
		had[strings.ReplaceAll(b.Raw, "\r\n", "\n")] = true
		if blocks.Translatable(b) {
			prose++
		}
	}
	out := map[int]bool{}
	for _, b := range blocks.Parse(body, line) {
		if blocks.Translatable(b) {
			prose--
		}
		if b.Kind != blocks.Comment && !had[strings.ReplaceAll(b.Raw, "\r\n", "\n")] {
			out[b.Line] = true
		}
	}
	return out, prose < 0
}
