package export

import (
	"path"
	"strings"

	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/profile"
	"github.com/langref/langref/sync/stale"
	"github.com/langref/langref/sync/status"
)

// This file adapts status and history to PageInput. The sections a
// banner names are those of the source blocks status judges stale (see
// changedLines).

// FromStatus returns the inputs of every translated page of st (a status
// report of every language, built with staleness): the source commits
// since the baseline that its stale blocks come from, found in h and read
// through repo (nil without history), and its contents through read,
// which takes a path relative to the site root and returns nil when the
// file cannot be read. key turns a path relative to the site root into the
// page's key (see Data.Pages; nil keeps the path, see HugoKey). When the blobs cannot be read (repo nil or
// failing), a stale page is behind every source commit since its
// baseline, as status counts them.
func FromStatus(st *status.Report, h *history.History, repo BlobReader, read func(rel string) []byte, key func(rel string) string) []PageInput {
	prefix := ""
	if st.Root != "." && st.Root != "" {
		prefix = st.Root + "/"
	}
	site := func(p string) string { return strings.TrimPrefix(p, prefix) }
	logs := sourceLogs(st, h)
	order := positions(h)
	srcCache := map[string][]byte{}
	var out []PageInput
	var waits []*pending
	var waitAt []int
	for _, p := range st.Pages {
		if p.State != "translated" && p.State != status.Stale {
			continue
		}
		rel, srcRel := site(p.Path), site(p.SourcePath)
		in := PageInput{Key: rel, SourceKey: srcRel, Lang: p.Lang, State: p.State, Baseline: p.Baseline}
		if key != nil {
			in.Key, in.SourceKey = key(rel), key(srcRel)
		}
		if p.State == status.Stale {
			in.ChangedLines = changedLines(p.Changes)
			src, ok := srcCache[srcRel]
			if !ok {
				src = read(srcRel)
				srcCache[srcRel] = src
			}
			in.Source, in.Translation = src, read(rel)
			evs, base := since(h, logs, order, p)
			w := &pending{events: evs, base: base}
			for _, c := range p.Changes {
				if stale.State(c.State).Stale() && c.SourceLine > 0 {
					if b := blockText(src, c.SourceLine, max(c.SourceEndLine, c.SourceLine)); b != "" {
						w.blocks = append(w.blocks, b)
					}
				}
			}
			waits, waitAt = append(waits, w), append(waitAt, len(out))
		}
		out = append(out, in)
	}
	var texts map[string]string
	ok := repo != nil
	if ok {
		texts, ok = readTexts(repo, waits)
	}
	for k, w := range waits {
		idx := make([]int, len(w.events))
		for i := range idx {
			idx[i] = i
		}
		if ok {
			idx = w.behind(texts)
		}
		in := &out[waitAt[k]]
		for _, i := range idx {
			c := w.events[i].Commit
			in.Commits = append(in.Commits, Commit{Hash: c.Hash, Date: c.Time.UTC().Format("2006-01-02"), Subject: c.Subject})
			in.Times = append(in.Times, c.Time)
		}
		in.Behind = len(in.Commits)
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

// since returns the changes to p's source page after its baseline,
// newest first, as status counts them, and the page's blob at the
// baseline (zero when unknown).
func since(h *history.History, logs *history.Logs, order map[*history.Commit]int, p status.Page) ([]history.FileEvent, history.ObjectID) {
	var evs []history.FileEvent
	if logs == nil || p.Baseline == "" || p.EnglishCommitsSince == nil || *p.EnglishCommitsSince == 0 {
		return nil, history.ObjectID{}
	}
	base := h.Commit(p.Baseline)
	if base == nil {
		return nil, history.ObjectID{}
	}
	for _, e := range logs.FileLog(p.SourcePath) {
		if order[e.Commit] >= order[base] {
			continue
		}
		evs = append(evs, e)
	}
	if len(evs) == 0 {
		return nil, history.ObjectID{}
	}
	return evs, evs[len(evs)-1].OldBlob
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

// HugoKey returns the key Hugo's templates look the page at rel (relative
// to the site root) up by: its language, "/" and .File.Path, its path
// within its language's content folder (content/fr/cloud.md is
// "fr/cloud.md"; about.fr.md in a shared folder is "fr/about.fr.md"). l is
// the Hugo profile's layout; rel is returned as it is when l does not
// place it.
func HugoKey(l profile.Layout, rel string) string {
	if l == nil {
		return rel
	}
	lang, p, ok := l.Match(rel)
	if !ok {
		return rel
	}
	// The content folder is what rel has before p's folder; p lost a
	// language suffix, if any, from the file name only.
	dir, pdir := path.Dir(rel), path.Dir(p)
	folder := dir
	if pdir != "." {
		folder = strings.TrimSuffix(dir, pdir)
		folder = strings.TrimSuffix(folder, "/")
		if dir == pdir {
			folder = ""
		}
	}
	if folder == "." {
		folder = ""
	}
	file := rel
	if folder != "" {
		file = strings.TrimPrefix(rel, folder+"/")
	}
	return lang + "/" + file
}
