package report

import (
	"sort"
	"time"

	"github.com/langref/langref/sync/history"
)

// Progress is, for each language, how many of today's translations existed
// at the end of each month, and how many of them were current then: not
// older than the last change to their source page.
type Progress struct {
	// Months are "2006-01", oldest first, up to the month of HEAD.
	Months []string `json:"months"`
	// Langs maps a language to its series, one number per month.
	Langs map[string]Series `json:"languages"`
}

// Series is one language's numbers by month.
type Series struct {
	Translated []int `json:"translated"`
	Current    []int `json:"current"`
}

// Pair is a translation and its source page, by path in the repository.
type Pair struct {
	Lang, Path, SourcePath string
}

// ComputeProgress reads the progress of pairs from h, one history loaded
// once for the whole site. It returns nil when h has no commits.
func ComputeProgress(h *history.History, pairs []Pair) *Progress {
	if h == nil || len(h.Commits) == 0 {
		return nil
	}
	ends := monthEnds(h)
	p := &Progress{Langs: map[string]Series{}}
	for _, e := range ends {
		p.Months = append(p.Months, e.AddDate(0, -1, 0).Format("2006-01"))
	}
	// One pass over the history follows every file; following them one
	// by one costs a pass each (minutes on a site of 100,000 files).
	var paths []string
	for _, pr := range pairs {
		paths = append(paths, pr.Path, pr.SourcePath)
	}
	fl := h.Follow(paths, nil)
	logs := map[string][]time.Time{}
	times := func(path string) []time.Time {
		if t, ok := logs[path]; ok {
			return t
		}
		logs[path] = eventTimes(fl, path)
		return logs[path]
	}
	for _, pr := range pairs {
		s, ok := p.Langs[pr.Lang]
		if !ok {
			s = Series{Translated: make([]int, len(ends)), Current: make([]int, len(ends))}
		}
		add(s, ends, times(pr.Path), times(pr.SourcePath))
		p.Langs[pr.Lang] = s
	}
	return p
}

// add counts one translation, with the times of its commits and of its
// source's, in the months it existed and was current.
func add(s Series, ends []time.Time, tr, src []time.Time) {
	if len(tr) == 0 {
		return
	}
	for i, end := range ends {
		t := last(tr, end)
		if t.IsZero() {
			continue
		}
		s.Translated[i]++
		if !last(src, end).After(t) {
			s.Current[i]++
		}
	}
}

// last returns the latest of ts (sorted oldest first) before end.
func last(ts []time.Time, end time.Time) time.Time {
	i := sort.Search(len(ts), func(i int) bool { return !ts[i].Before(end) })
	if i == 0 {
		return time.Time{}
	}
	return ts[i-1]
}

// eventTimes returns the times of the commits that changed the file at
// path, oldest first, following renames.
func eventTimes(fl *history.Logs, path string) []time.Time {
	var ts []time.Time
	for _, ev := range fl.FileLog(path) {
		if ev.Status == 'D' {
			continue
		}
		ts = append(ts, ev.Commit.Time.UTC())
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	return ts
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
