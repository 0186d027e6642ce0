package export

import (
	"strings"
	"time"

	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/sync/status"
)

// This file adapts status and history to PageInput. The sections a
// banner names are those of the source blocks status judges stale (see
// changedLines).

// FromStatus returns the inputs of every translated page of st (a status
// report of every language, built with staleness): its source commits
// since the baseline from h (nil without history), and its contents
// through read, which takes a path relative to the site root and returns
// nil when the file cannot be read.
func FromStatus(st *status.Report, h *history.History, read func(rel string) []byte) []PageInput {
	prefix := ""
	if st.Root != "." && st.Root != "" {
		prefix = st.Root + "/"
	}
	site := func(p string) string { return strings.TrimPrefix(p, prefix) }
	logs := sourceLogs(st, h)
	order := positions(h)
	srcCache := map[string][]byte{}
	var out []PageInput
	for _, p := range st.Pages {
		if p.State != "translated" && p.State != status.Stale {
			continue
		}
		in := PageInput{Key: site(p.Path), SourceKey: site(p.SourcePath), Lang: p.Lang, State: p.State,
			Baseline: p.Baseline}
		if p.EnglishCommitsSince != nil {
			in.Behind = *p.EnglishCommitsSince
		}
		in.Commits, in.Times = since(h, logs, order, p)
		if p.State == status.Stale {
			in.ChangedLines = changedLines(p.Changes)
			src, ok := srcCache[in.SourceKey]
			if !ok {
				src = read(in.SourceKey)
				srcCache[in.SourceKey] = src
			}
			in.Source, in.Translation = src, read(in.Key)
		}
		out = append(out, in)
	}
	return out
}

// changedLines returns the source lines of the changes the translation
// does not reflect yet: the blocks in a stale state (copy, outdated,
// new), which status counts too.
func changedLines(cs []status.Change) []int {
	var out []int
	for _, c := range cs {
		if !stale.State(c.State).Stale() || c.SourceLine == 0 {
			continue
		}
		out = append(out, c.SourceLine)
	}
	return out
}

// sourceLogs follows every source page of st's stale and translated
// pages through h in one pass.
func sourceLogs(st *status.Report, h *history.History) *history.Logs {
	if h == nil {
		return nil
	}
	seen := map[string]bool{}
	var paths []string
	for _, p := range st.Pages {
		if p.SourcePath != "" && !seen[p.SourcePath] {
			seen[p.SourcePath] = true
			paths = append(paths, p.SourcePath)
		}
	}
	return h.Follow(paths, nil)
}

// since returns the commits of p's source page after its baseline, newest
// first, as status counts them, with their times.
func since(h *history.History, logs *history.Logs, order map[*history.Commit]int, p status.Page) ([]Commit, []time.Time) {
	if logs == nil || p.Baseline == "" || p.EnglishCommitsSince == nil || *p.EnglishCommitsSince == 0 {
		return nil, nil
	}
	base := h.Commit(p.Baseline)
	if base == nil {
		return nil, nil
	}
	var cs []Commit
	var ts []time.Time
	for _, e := range logs.FileLog(p.SourcePath) {
		if order[e.Commit] >= order[base] {
			continue
		}
		cs = append(cs, Commit{Hash: e.Commit.Hash, Date: e.Commit.Time.UTC().Format("2006-01-02"), Subject: e.Commit.Subject})
		ts = append(ts, e.Commit.Time)
	}
	return cs, ts
}

// positions numbers the commits of h, newest first, as stale compares
// them.
func positions(h *history.History) map[*history.Commit]int {
	if h == nil {
		return nil
	}
	m := make(map[*history.Commit]int, len(h.Commits))
	for i, c := range h.Commits {
		m[c] = i
	}
	return m
}
