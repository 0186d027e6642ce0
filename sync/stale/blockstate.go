package stale

import (
	"sort"
	"strings"

	"github.com/langref/langref/translate/align"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// State says where a translation stands on one source change since its
// baseline: whether the translation already reflects it, and if not, what
// it takes. States are part of langref's JSON output.
type State string

// The states of a change.
const (
	// Applied: the translation already reflects the change (see
	// Evidence), or never carried what changed.
	Applied State = "applied"
	// Copy: only verbatim material changed (code, math, a link target,
	// an image source, a number) and the translation still holds the old
	// one: copying the new one over needs no translator.
	Copy State = "copy"
	// Outdated: prose changed enough (its class reaches Options.StaleOn)
	// and the translation's block was not rewritten since.
	Outdated State = "outdated"
	// New: a source block added that the translation has no counterpart
	// for.
	New State = "new"
	// Removed: a source block removed that the translation still carries.
	// It does not make the page stale: the translation says more than
	// the source, not less, and a removal often goes with an addition
	// that is judged on its own.
	Removed State = "removed"
	// Cosmetic: the change's class is below Options.StaleOn (cosmetic,
	// typo, grammar): nothing to do.
	Cosmetic State = "cosmetic"
)

// Stale reports whether a change in state s leaves work on the
// translation, making its page stale.
func (s State) Stale() bool {
	switch s {
	case Copy, Outdated, New:
		return true
	}
	return false
}

// Evidence names what settled a change's state. Its values are part of
// langref's JSON output.
type Evidence string

// The kinds of evidence.
const (
	// VerbatimPresent: the translation's block holds the verbatim
	// material (formula, code, link target, image source, number) of the
	// new source block, and no longer the old.
	VerbatimPresent Evidence = "verbatim-present"
	// Rewritten: a commit after the source change rewrote the
	// translation's block (Change.Commit names it; "" for the working
	// tree).
	Rewritten Evidence = "rewritten"
	// NotCarried: the translation's block never held the verbatim
	// material that changed.
	NotCarried Evidence = "not-carried"
	// VerbatimOld: the translation's block still holds the old verbatim
	// material (state Copy).
	VerbatimOld Evidence = "verbatim-old"
	// Absent: the translation has no counterpart of a removed source
	// block.
	Absent Evidence = "absent"
)

// judge settles the state of each change of one translation, from the
// texts first (judgeText), then, for the changes the texts leave open,
// from the history of both files (judgeHistory).
type judge struct {
	old, cur, tr []blocks.Block // source at the baseline, source now, translation
	prepared     *align.Target  // tr, prepared for alignment
	alCur        *align.Alignment
	alOldMade    *align.Alignment // see alOld
	sides        Sides
	staleOn      change.Class
	// open lists the changes left to the history, with the translation
	// blocks that hold each.
	open []openChange
}

// openChange is a change whose state the history decides: Applied when
// the translation blocks targets were rewritten after the source change,
// else the change keeps the state the texts gave it. For an added block
// of verbatim material (code, a component tag), targets are the
// translation's blocks of its kind, and one written after the change
// counts whether or not it is prose: a translator who localised the
// comments of a new example wrote it from the new source.
type openChange struct {
	c        *Change
	targets  []int
	verbatim bool
}

// newJudge judges the changes from old to cur for translation tr, whose
// comment pairs are pairs (blocks.Pairs, or blocks.PairsWith).
func newJudge(old, cur, tr []blocks.Block, pairs []blocks.CommentPair, sides Sides, staleOn change.Class) *judge {
	t := align.NewTarget(tr, pairs)
	return &judge{old: old, cur: cur, tr: tr, prepared: t, alCur: t.Align(cur), sides: sides, staleOn: staleOn}
}

// alOld returns the alignment of the source at the baseline with the
// translation, made when first needed.
func (j *judge) alOld() *align.Alignment {
	if j.alOldMade == nil {
		j.alOldMade = j.prepared.Align(j.old)
	}
	return j.alOldMade
}

// judgeText gives each change a state from the texts; the changes the
// texts cannot settle go to j.open.
func (j *judge) judgeText(cs []Change) {
	for i := range cs {
		c := &cs[i]
		if c.State != "" {
			continue // settled already (KeptEnglish)
		}
		if c.Class < j.staleOn {
			c.State = Cosmetic
			continue
		}
		switch c.Kind {
		case "removed":
			j.removed(c)
		case "added":
			j.added(c)
		default:
			j.modified(c)
		}
	}
}

// removed: the translation carries the block when the source at the
// baseline aligns with it for sure.
func (j *judge) removed(c *Change) {
	oi := blockAt(j.old, c.OldLine)
	m := j.alOld().Matches[oi]
	if !m.Sure() || len(m.Target) == 0 {
		c.State, c.Evidence = Applied, Absent
		return
	}
	j.place(c, m)
	c.State = Removed
}

// added: a block with a counterpart in the translation is applied when
// the counterpart carries the same verbatim material (an anchor), is the
// same block of verbatim material, or was written after the source
// change; without one it is new.
func (j *judge) added(c *Change) {
	ni := blockAt(j.cur, c.Line)
	m := j.alCur.Matches[ni]
	j.place(c, m)
	c.State = New
	var older []int
	if !blocks.Translatable(j.cur[ni]) {
		older = j.olderVersions(ni, m.Target)
	}
	switch {
	case len(m.Target) == 0:
	case m.Method == align.Anchor && len(j.cur[ni].Verbatim) > 0:
		c.State, c.Evidence = Applied, VerbatimPresent
	case len(older) > 0 && j.holdsBlock(ni, older):
		c.State, c.Evidence = Applied, VerbatimPresent
	case len(older) > 0:
		// An older version of the block, unless the history shows the
		// translation's block written since (localised, as examples'
		// comments and file names often are).
		c.State, c.Evidence = Copy, VerbatimOld
		j.open = append(j.open, openChange{c, older, true})
	default:
		j.open = append(j.open, openChange{c, m.Target, false})
	}
}

// holdsBlock reports whether one of the translation blocks targets is
// source block ni, spaces aside: a block of verbatim material that is
// not an anchor only because the page has it more than once (<Steps>).
func (j *judge) holdsBlock(ni int, targets []int) bool {
	want := normSpace(j.cur[ni].Raw)
	for _, t := range targets {
		if normSpace(j.tr[t].Raw) == want {
			return true
		}
	}
	return false
}

// olderVersions returns the translation blocks among targets of the kind
// of added source block ni (code, math) that no source block anchors to:
// older versions of it, added to the translation since, or after, the
// baseline.
func (j *judge) olderVersions(ni int, targets []int) []int {
	anchored := map[int]bool{}
	for _, m := range j.alCur.Matches {
		if m.Method == align.Anchor {
			for _, t := range m.Target {
				anchored[t] = true
			}
		}
	}
	var out []int
	for _, t := range targets {
		if j.tr[t].Kind == j.cur[ni].Kind && !anchored[t] {
			out = append(out, t)
		}
	}
	return out
}

// modified: verbatim material decides when the new material is in the
// translation, or when only verbatim material changed; otherwise the
// history does.
func (j *judge) modified(c *Change) {
	oi, ni := blockAt(j.old, c.OldLine), blockAt(j.cur, c.Line)
	m := j.target(oi, ni)
	j.place(c, m)
	added, gone := partsDiff(j.old[oi].Verbatim, j.cur[ni].Verbatim)
	c.State = Outdated
	if j.rowsMissing(oi, ni, m.Target) {
		return // rows added to a table are missing, whatever else was rewritten
	}
	if c.Class != change.Verbatim || len(added)+len(gone) == 0 {
		// Prose changed: verbatim material says nothing of the words.
		j.open = append(j.open, openChange{c, m.Target, false})
		return
	}
	// Only verbatim material changed: the translation's block, or, when
	// it holds neither the old nor the new material (an alignment gone
	// astray), the whole translation says whether it was carried over.
	has := j.parts(m.Target)
	if !holdsAny(has, added, j.sides) && !holdsAny(has, gone, j.sides) {
		has = j.parts(j.all())
	}
	switch {
	case len(added) > 0 && holdsAll(has, added, j.sides) && !holdsAny(has, distinct(gone, added), j.sides):
		c.State, c.Evidence = Applied, VerbatimPresent
	case holdsAny(has, gone, j.sides):
		c.State, c.Evidence = Copy, VerbatimOld
	case len(added) == 0:
		c.State, c.Evidence = Applied, VerbatimPresent
	default:
		c.State, c.Evidence = Applied, NotCarried
	}
}

// all returns the indices of every translation block.
func (j *judge) all() []int {
	out := make([]int, len(j.tr))
	for i := range out {
		out[i] = i
	}
	return out
}

// distinct returns the items of gone that no item of added contains:
// old material whose presence is not explained by the new (x^2 is in
// \log x^2).
func distinct(gone, added []string) []string {
	var out []string
	for _, g := range gone {
		n := normSpace(g)
		found := false
		for _, a := range added {
			found = found || strings.Contains(normSpace(a), n)
		}
		if !found {
			out = append(out, g)
		}
	}
	return out
}

// rowsMissing reports whether source table ni gained rows since the
// baseline (oi) that the translation's tables (targets) do not have: a
// table is one block, and a commit that rewrote some of its rows says
// nothing of the rows it did not bring in.
func (j *judge) rowsMissing(oi, ni int, targets []int) bool {
	if j.cur[ni].Kind != blocks.Table || j.old[oi].Kind != blocks.Table {
		return false
	}
	now, _ := blocks.TableShape(j.cur[ni].Raw)
	then, _ := blocks.TableShape(j.old[oi].Raw)
	if now <= then {
		return false
	}
	have := 0
	for _, t := range targets {
		if j.tr[t].Kind == blocks.Table {
			r, _ := blocks.TableShape(j.tr[t].Raw)
			have = max(have, r)
		}
	}
	return have < now
}

// target finds the translation of a modified block: where the new source
// block aligns for sure, else where the old one does, else the unsure
// stretch either gives.
func (j *judge) target(oi, ni int) align.Match {
	cur := j.alCur.Matches[ni]
	if cur.Sure() {
		return cur
	}
	old := j.alOld().Matches[oi]
	switch {
	case old.Sure():
		return old
	case len(cur.Target) > 0:
		return cur
	}
	return old
}

// place records where the translation holds a change's block.
func (j *judge) place(c *Change, m align.Match) {
	c.Alignment = string(m.Method)
	if len(m.Target) == 0 {
		return
	}
	c.TrLine, c.TrEndLine = j.tr[m.Target[0]].Line, j.tr[m.Target[len(m.Target)-1]].EndLine
}

// parts returns the verbatim material of translation blocks, normalised,
// with their raw text for material a translation may move between blocks.
func (j *judge) parts(targets []int) held {
	h := held{parts: map[string]bool{}}
	var raw []string
	for _, t := range targets {
		b := j.tr[t]
		for _, v := range b.Verbatim {
			h.parts[normPart(v, j.sides.Lang, j.sides.SrcLang)] = true
		}
		raw = append(raw, b.Raw)
	}
	h.raw = normSpace(strings.Join(raw, " "))
	return h
}

// held is the verbatim material of a translation's blocks.
type held struct {
	parts map[string]bool
	raw   string // the blocks' text, spaces normalised
}

// has reports whether the blocks hold source material v: as one of their
// verbatim items, or, for material long enough not to be found by chance,
// anywhere in their text.
func (h held) has(v string, sd Sides) bool {
	n := normPart(v, sd.SrcLang, sd.SrcLang)
	if h.parts[n] {
		return true
	}
	return len(n) >= 6 && strings.Contains(h.raw, n)
}

func holdsAll(h held, vs []string, sd Sides) bool {
	for _, v := range vs {
		if !h.has(v, sd) {
			return false
		}
	}
	return true
}

func holdsAny(h held, vs []string, sd Sides) bool {
	for _, v := range vs {
		if h.has(v, sd) {
			return true
		}
	}
	return false
}

// normPart normalises verbatim material for comparison across languages:
// spaces collapsed, and a link into the translation's language tree read
// as one into the source language's.
func normPart(v, lang, srcLang string) string {
	v = normSpace(v)
	if lang != srcLang && strings.Contains(v, "/"+lang+"/") {
		v = strings.ReplaceAll(v, "/"+lang+"/", "/"+srcLang+"/")
	}
	return v
}

// partsDiff returns the verbatim items of new that old lacks, and those
// of old that new lacks, as multisets.
func partsDiff(old, new []string) (added, gone []string) {
	n := map[string]int{}
	for _, v := range old {
		n[normSpace(v)]++
	}
	for _, v := range new {
		k := normSpace(v)
		if n[k] > 0 {
			n[k]--
		} else {
			added = append(added, v)
		}
	}
	for _, v := range old {
		k := normSpace(v)
		if n[k] > 0 {
			n[k]--
			gone = append(gone, v)
		}
	}
	return added, gone
}

// blockAt returns the index of the block of bs that starts at line.
func blockAt(bs []blocks.Block, line int) int {
	i := sort.Search(len(bs), func(i int) bool { return bs[i].Line >= line })
	if i == len(bs) {
		return len(bs) - 1
	}
	return i
}

// trVersion is the translation before and after one of its commits.
type trVersion struct {
	commit        string
	author        string
	at            int    // the commit's position in the history, 0 the newest
	before, after string // the file, spaces normalised
}

// judgeHistory settles the open changes: one is applied when a commit of
// the translation at or after the source commit that made the change
// rewrote the translation's block. lin follows the source since the
// baseline; vs are the translation's commits since, oldest first; last is
// the translation as last committed, cur as it is now (spaces normalised);
// at places a source commit in the history, and author names its
// author.
//
// A commit of the translation before the source change, since the
// baseline, also counts when its author made the source change: who
// rewrote the translation's block and then the source's wrote the new
// wording in both (a reviewer porting their fix to the source).
func (j *judge) judgeHistory(lin *lineage, vs []trVersion, last, cur string, at func(string) (int, bool), author func(string) string) {
	for _, o := range j.open {
		k := j.madeAt(lin, o)
		from := len(vs) // the first translation version after the change
		if pos, ok := at(lin.commit(k)); ok {
			for i, v := range vs {
				if v.at <= pos {
					from = i
					break
				}
			}
		}
		prev := last
		if from < len(vs) {
			prev = vs[from].before
		}
		fresh := o.c.Kind == "added" && !o.verbatim
		if commit, ok := rewritten(j.tr, o.targets, vs[from:], prev, cur, fresh); ok {
			o.c.State, o.c.Evidence, o.c.Commit = Applied, Rewritten, commit
			continue
		}
		if o.verbatim {
			continue // code changed after the translation's copy is older, whoever wrote it
		}
		if a := author(lin.commit(k)); a != "" {
			for i := from - 1; i >= 0; i-- {
				if vs[i].author == a && rewroteIn(j.tr, o.targets, vs[i], cur, fresh) {
					o.c.State, o.c.Evidence, o.c.Commit = Applied, Rewritten, vs[i].commit
					break
				}
			}
		}
	}
	j.open = nil
}

// rewroteIn reports whether translation version v wrote one of the
// translation blocks targets as it is now (cur): absent before v, present
// after it (see rewritten for fresh).
func rewroteIn(tr []blocks.Block, targets []int, v trVersion, cur string, fresh bool) bool {
	for _, t := range targets {
		b := normSpace(tr[t].Raw)
		if b == "" || strings.Contains(v.before, b) || !strings.Contains(v.after, b) || !strings.Contains(cur, b) {
			continue
		}
		if fresh && (!blocks.Translatable(tr[t]) || novelty(b, v.before) < 0.5) {
			continue
		}
		return true
	}
	return false
}

// madeAt returns the version of the source that made change o: for an
// added block of verbatim material, the last that changed it, since a
// translation of an earlier version of an example holds its old code.
func (j *judge) madeAt(lin *lineage, o openChange) int {
	c := o.c
	switch {
	case c.Kind == "added" && o.verbatim:
		return lin.changedAt(blockAt(j.cur, c.Line), j.staleOn)
	case c.Kind == "added":
		return lin.addedAt(blockAt(j.cur, c.Line))
	}
	return lin.touchedAt(blockAt(j.old, c.OldLine), j.staleOn)
}

// rewritten reports whether any of the translation blocks targets is not
// in the translation as it was before the change (prev), and names the
// first commit of vs that has it ("" for the working tree, cur). For an
// added source block (fresh), only a new block of prose counts: one
// mostly absent from prev, not an old one edited.
func rewritten(tr []blocks.Block, targets []int, vs []trVersion, prev, cur string, fresh bool) (string, bool) {
	for _, t := range targets {
		b := normSpace(tr[t].Raw)
		if b == "" || strings.Contains(prev, b) || !strings.Contains(cur, b) {
			continue
		}
		if fresh && (!blocks.Translatable(tr[t]) || novelty(b, prev) < 0.5) {
			continue
		}
		for _, v := range vs {
			if strings.Contains(v.after, b) {
				return v.commit, true
			}
		}
		return "", true
	}
	return "", false
}

// gram is the length, in runes, of the pieces novelty looks for.
const gram = 12

// novelty returns the share of the pieces of text b (runs of gram runes,
// every gram/2 runes) that text prev lacks: 0 for a block prev holds
// with small edits, 1 for one it has nothing of.
func novelty(b, prev string) float64 {
	r := []rune(b)
	if len(r) <= gram {
		return 1
	}
	n, missing := 0, 0
	for i := 0; i+gram <= len(r); i += gram / 2 {
		n++
		if !strings.Contains(prev, string(r[i:i+gram])) {
			missing++
		}
	}
	return float64(missing) / float64(n)
}
