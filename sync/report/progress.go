package report

import (
	"sort"
	"time"

	"github.com/langref/langref/internal/par"
	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// Progress is, for each language, how many of today's translations existed
// at the end of each month, and how many of them were current then, by
// the staleness `status` computes: a translation is current unless its
// source page changed since its baseline in a way that reaches the
// stale-on class. The last month's numbers are status's.
type Progress struct {
	// Months are "2006-01", oldest first, up to the month of HEAD.
	Months []string `json:"months"`
	// Langs maps a language to its series, one number per month.
	Langs map[string]Series `json:"languages"`
}

// Series is one language's numbers by month.
type Series struct {
	// Translated counts the translations that existed (translated or
	// stale); Current those of them that were not stale.
	Translated []int `json:"translated"`
	Current    []int `json:"current"`
}

// Pair is a translation and its source page, by path in the repository,
// with its state in status (translated or stale) and its baseline.
type Pair struct {
	Lang, Path, SourcePath string
	// Stale is status's verdict today; Baseline the source commit status
	// found the translation corresponds to ("" when none).
	Stale    bool
	Baseline string
}

// Blobs reads git objects by id: the contents of the source pages at past
// commits (history.Repo.EachBlob).
type Blobs func(ids []string, f func(id string, data []byte, ok bool)) error

// ProgressOptions are what ComputeProgress needs beyond the pairs.
type ProgressOptions struct {
	// Blobs reads the past source pages; nil counts every translation
	// whose source changed after its baseline as stale.
	Blobs Blobs
	// StaleOn is the least change class that makes a page stale.
	StaleOn change.Class
}

// ComputeProgress reads the progress of pairs from h, one history loaded
// once for the whole site. It returns nil when h has no commits.
//
// At each month end, a translation's state is status's when neither file
// changed after that instant (both are then as they are today); before,
// its baseline is status's baseline when that commit came before the
// month end, else its latest commit by then, and it is stale when the
// source page's changes since reach StaleOn.
func ComputeProgress(h *history.History, pairs []Pair, o ProgressOptions) *Progress {
	if h == nil || len(h.Commits) == 0 {
		return nil
	}
	ends := monthEnds(h)
	p := &Progress{Langs: map[string]Series{}}
	for _, e := range ends {
		p.Months = append(p.Months, e.AddDate(0, -1, 0).Format("2006-01"))
	}
	pc := newProgressCalc(h, pairs, ends, o)
	pc.plan()
	pc.classify()
	for i, pr := range pairs {
		s, ok := p.Langs[pr.Lang]
		if !ok {
			s = Series{Translated: make([]int, len(ends)), Current: make([]int, len(ends))}
		}
		for m, st := range pc.states[i] {
			if st == absent {
				continue
			}
			s.Translated[m]++
			if st == current || (st == compare && !pc.verdict[pc.questions[i][m]]) {
				s.Current[m]++
			}
		}
		p.Langs[pr.Lang] = s
	}
	return p
}

// monthState is a pair's state at a month end, before blobs are compared.
type monthState uint8

const (
	absent  monthState = iota // no translation yet, or deleted
	current                   // current for sure
	stale                     // stale for sure
	compare                   // stale if the source's change since the baseline reaches StaleOn
)

// blobPair is a source page at a baseline and at a month end.
type blobPair struct{ old, new history.ObjectID }

type progressCalc struct {
	h         *history.History
	pairs     []Pair
	ends      []time.Time
	o         ProgressOptions
	pos       map[*history.Commit]int // newest first, as h.Commits
	logs      *history.Logs
	states    [][]monthState
	questions [][]blobPair
	verdict   map[blobPair]bool // true: stale
}

func newProgressCalc(h *history.History, pairs []Pair, ends []time.Time, o ProgressOptions) *progressCalc {
	pc := &progressCalc{h: h, pairs: pairs, ends: ends, o: o, pos: map[*history.Commit]int{}, verdict: map[blobPair]bool{}}
	for i, c := range h.Commits {
		pc.pos[c] = i
	}
	// One pass over the history follows every file; following them one
	// by one costs a pass each (minutes on a site of 100,000 files).
	var paths []string
	for _, pr := range pairs {
		paths = append(paths, pr.Path, pr.SourcePath)
	}
	pc.logs = h.Follow(paths, nil)
	return pc
}

// events returns a file's events, oldest first.
func (pc *progressCalc) events(path string) []history.FileEvent {
	evs := append([]history.FileEvent(nil), pc.logs.FileLog(path)...)
	sort.SliceStable(evs, func(i, j int) bool { return pc.pos[evs[i].Commit] > pc.pos[evs[j].Commit] })
	return evs
}

// plan decides every pair's state at every month end, or the blobs to
// compare for it.
func (pc *progressCalc) plan() {
	pc.states = make([][]monthState, len(pc.pairs))
	pc.questions = make([][]blobPair, len(pc.pairs))
	for i, pr := range pc.pairs {
		tr, src := pc.events(pr.Path), pc.events(pr.SourcePath)
		pc.states[i] = make([]monthState, len(pc.ends))
		pc.questions[i] = make([]blobPair, len(pc.ends))
		lastChange := lastTime(tr, src)
		base := pc.h.Commit(pr.Baseline)
		for m, end := range pc.ends {
			t := lastBefore(tr, end)
			switch {
			case m == len(pc.ends)-1: // after HEAD: today's files, status's state
				pc.states[i][m] = stateOf(!pr.Stale)
			case t < 0 || tr[t].Status == 'D':
			case !lastChange.After(end): // both files as they are today
				pc.states[i][m] = stateOf(!pr.Stale)
			default:
				b := tr[t].Commit
				if base != nil && !base.Time.After(end) {
					b = base
				}
				pc.states[i][m], pc.questions[i][m] = pc.sourceSince(src, b, end)
			}
		}
	}
}

func stateOf(isCurrent bool) monthState {
	if isCurrent {
		return current
	}
	return stale
}

// sourceSince compares the source page at the baseline b with the source
// page at end.
func (pc *progressCalc) sourceSince(src []history.FileEvent, b *history.Commit, end time.Time) (monthState, blobPair) {
	now := lastBefore(src, end)
	if now < 0 || src[now].Status == 'D' {
		return current, blobPair{}
	}
	then := -1
	for k, e := range src {
		if pc.pos[e.Commit] >= pc.pos[b] {
			then = k
		}
	}
	if then == now {
		return current, blobPair{}
	}
	q := blobPair{new: src[now].Blob}
	if then >= 0 && src[then].Status != 'D' {
		q.old = src[then].Blob
	}
	if q.old == q.new {
		return current, blobPair{}
	}
	return compare, q
}

// classify compares every pair of blobs the months need, each once.
func (pc *progressCalc) classify() {
	need := map[blobPair]bool{}
	ids := map[string]bool{}
	for i := range pc.states {
		for m, st := range pc.states[i] {
			if st == compare {
				q := pc.questions[i][m]
				need[q] = true
				for _, id := range []history.ObjectID{q.old, q.new} {
					if !id.IsZero() {
						ids[id.String()] = true
					}
				}
			}
		}
	}
	blobs := map[string][]byte{}
	if pc.o.Blobs != nil && len(ids) > 0 {
		list := make([]string, 0, len(ids))
		for id := range ids {
			list = append(list, id)
		}
		sort.Strings(list)
		_ = pc.o.Blobs(list, func(id string, data []byte, ok bool) {
			if ok {
				blobs[id] = data
			}
		})
	}
	qs := make([]blobPair, 0, len(need))
	for q := range need {
		qs = append(qs, q)
	}
	out := make([]bool, len(qs))
	par.Do(len(qs), func(i int) { out[i] = pc.stale(qs[i], blobs) })
	for i, q := range qs {
		pc.verdict[q] = out[i]
	}
}

// stale compares the source page at q.old and q.new as stale does.
func (pc *progressCalc) stale(q blobPair, blobs map[string][]byte) bool {
	newer, ok := blobs[q.new.String()]
	if !ok {
		return true
	}
	var older []byte
	if !q.old.IsZero() {
		if older, ok = blobs[q.old.String()]; !ok {
			return true
		}
	}
	cs := change.CompareBlocks(body(older), body(newer))
	return len(cs) > 0 && change.Max(cs) >= pc.o.StaleOn
}

func body(src []byte) []blocks.Block { return blocks.Parse(frontmatter.SplitBody(src)) }

// lastBefore returns the index of the last of evs (oldest first) before
// end, -1 when none.
func lastBefore(evs []history.FileEvent, end time.Time) int {
	at := -1
	for i, e := range evs {
		if !e.Commit.Time.Before(end) {
			break
		}
		at = i
	}
	return at
}

// lastTime returns the time of the latest event of either file.
func lastTime(a, b []history.FileEvent) time.Time {
	var t time.Time
	for _, evs := range [][]history.FileEvent{a, b} {
		for _, e := range evs {
			if e.Commit.Time.After(t) {
				t = e.Commit.Time
			}
		}
	}
	return t
}

// monthEnds returns the first instant after each month from the oldest
// commit's to the newest's, in UTC.
func monthEnds(h *history.History) []time.Time {
	lo, hi := h.Commits[0].Time.UTC(), h.Commits[0].Time.UTC()
	for _, c := range h.Commits {
		t := c.Time.UTC()
		if t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	var out []time.Time
	m := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC)
	for !m.After(hi) {
		m = m.AddDate(0, 1, 0)
		out = append(out, m)
	}
	return out
}
