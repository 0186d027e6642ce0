package stale

import (
	"bytes"
	"strings"
	gosync "sync"

	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// Ignored is the state of a source change that only commits needing no
// translation made (profile.Rules.IgnoreCommit: Lunaria's ignoreKeywords
// and @lunaria-ignore directives): like a cosmetic change, it leaves
// nothing to do. Its evidence is IgnoredCommit, and Change.Commit names
// the last such commit that changed the block.
const Ignored State = "ignored"

// IgnoredCommit is the evidence of an Ignored change: the commit says it
// needs no translation.
const IgnoredCommit Evidence = "ignored-commit"

// ignoring holds the site's rule for commits that need no translation,
// and what it needs to decide.
type ignoring struct {
	rule   func(subject, body, rel string) bool
	bodies map[string]string // the bodies the rule reads, by commit hash
	prefix string            // the site root in the repository, "" at its top

	mu    gosync.Mutex
	steps map[[2]string]*ignoreSteps // by source path and baseline commit
}

// readIgnoring reads the bodies of the commit messages the site's rule
// reads (one git process, only when the rule reads any).
func (x *hist) readIgnoring() error {
	r := x.g.Site.Rules
	if r.IgnoreCommit == nil {
		return nil
	}
	ign := &ignoring{rule: r.IgnoreCommit, prefix: x.prefix, steps: map[[2]string]*ignoreSteps{}}
	if r.IgnoreBodies != "" {
		spec := x.prefix
		if spec == "" {
			spec = "."
		}
		b, err := x.repo.Bodies(r.IgnoreBodies, spec)
		if err != nil {
			return err
		}
		ign.bodies = b
	}
	x.ign = ign
	return nil
}

// ignores reports whether commit c needs no translation of the file it
// left at repoPath (relative to the repository root).
func (g *ignoring) ignores(c *history.Commit, repoPath string) bool {
	if g == nil {
		return false
	}
	rel := repoPath
	if g.prefix != "" {
		rel = strings.TrimPrefix(repoPath, g.prefix+"/")
	}
	return g.rule(c.Subject, g.bodies[c.Hash], rel)
}

// ignoreSteps follows a source page from a baseline to now through the
// commits that need no translation: each such commit is a step of its
// own, and each run of other commits between them one step. Version 0 is
// the page at the baseline; the last is the page now.
type ignoreSteps struct {
	steps   []lineStep
	ignored []bool   // by step: made by a commit that needs no translation
	commits []string // by step: the commit that made it, the last of a run
}

// ignoreEvents returns the source commits since t's baseline, oldest
// first, split where the rule ignores a commit: the events that end a
// step (each ignored commit, and the last of each run of others); nil when
// it ignores none of them, or a step ends where the page is absent.
func (x *hist) ignoreEvents(t *trace) (ends []history.FileEvent, ignored []bool) {
	if x.ign == nil || t.base == nil {
		return nil, nil
	}
	since := x.since(t, t.srcLog)
	any := false
	for i, e := range since {
		ign := x.ign.ignores(e.Commit, e.Path)
		any = any || ign
		if ign || i == len(since)-1 || x.ign.ignores(since[i+1].Commit, since[i+1].Path) {
			if afterSpec(e).IsZero() {
				return nil, nil
			}
			ends, ignored = append(ends, e), append(ignored, ign)
		}
	}
	if !any {
		return nil, nil
	}
	return ends, ignored
}

// ignoreSpecs returns the blobs that telling t's ignored changes needs:
// the source page at the end of each step.
func (x *hist) ignoreSpecs(t *trace) []history.ObjectID {
	ends, _ := x.ignoreEvents(t)
	ids := make([]history.ObjectID, 0, len(ends))
	for _, e := range ends {
		ids = append(ids, afterSpec(e))
	}
	return ids
}

// ignoreSteps returns the steps of t's source page since its baseline, made
// once for all the translations that share both; nil when no commit since
// needs no translation, or a version is missing.
func (x *hist) ignoreSteps(t *trace) *ignoreSteps {
	ends, ignored := x.ignoreEvents(t)
	if ends == nil {
		return nil
	}
	key := [2]string{t.src, t.base.Hash}
	x.ign.mu.Lock()
	s, ok := x.ign.steps[key]
	x.ign.mu.Unlock()
	if ok {
		return s
	}
	versions := [][]byte{t.it.old}
	s = &ignoreSteps{}
	for i, e := range ends {
		b, ok := t.blob(afterSpec(e))
		if !ok {
			return nil
		}
		versions = append(versions, b)
		s.ignored, s.commits = append(s.ignored, ignored[i]), append(s.commits, e.Commit.Hash)
	}
	if cur := t.it.src; !bytes.Equal(versions[len(versions)-1], cur) {
		versions = append(versions, cur) // the working tree: never ignored
		s.ignored, s.commits = append(s.ignored, false), append(s.commits, "")
	}
	for k := 1; k < len(versions); k++ {
		s.steps = append(s.steps, newLineStep(parseBody(versions[k-1]), parseBody(versions[k]), &x.classes))
	}
	x.ign.mu.Lock()
	x.ign.steps[key] = s
	x.ign.mu.Unlock()
	return s
}

// touches returns, for the block at old index i of the first version
// and at new index j of the last (-1 for none), the class each step
// changed it at (an addition counts as content), -1 for steps that left
// it alone.
func (s *ignoreSteps) touches(i, j int) []change.Class {
	by := make([]change.Class, len(s.steps))
	for k := range by {
		by[k] = -1
	}
	for k := 0; k < len(s.steps) && i >= 0; k++ {
		by[k] = max(by[k], s.steps[k].touched[i])
		i = s.steps[k].fwd[i]
	}
	for k := len(s.steps) - 1; k >= 0 && j >= 0; k-- {
		st := s.steps[k]
		if j = st.back[j]; j < 0 {
			by[k] = max(by[k], change.Content)
		} else {
			by[k] = max(by[k], st.touched[j])
		}
	}
	return by
}

// ignoreChanges settles the item's changes that only commits needing no
// translation made (Ignored), and those the other commits changed below
// staleOn (Cosmetic); the rest are left to judge.
func (it *item) ignoreChanges(staleOn change.Class) {
	s := it.ign
	it.ign = nil
	if s == nil || len(s.steps) == 0 {
		return
	}
	old, cur := it.a.body(it.old), it.a.body(it.src)
	for i := range it.changes {
		c := &it.changes[i]
		if c.Evidence == ShownValue {
			continue // no block: the commits are not compared by value
		}
		by := s.touches(blockIndex(old, c.OldLine), blockIndex(cur, c.Line))
		real, last := change.Class(-1), ""
		for k, cl := range by {
			switch {
			case cl < 0:
			case s.ignored[k]:
				last = s.commits[k]
			default:
				real = max(real, cl)
			}
		}
		switch {
		case real < 0 && last != "":
			c.State, c.Evidence, c.Commit = Ignored, IgnoredCommit, last
		case real >= 0 && real < staleOn && last != "":
			c.State = Cosmetic
		}
	}
}

// blockIndex returns the index of the block at line in bs, -1 for line 0
// (no block).
func blockIndex(bs []blocks.Block, line int) int {
	if line == 0 || len(bs) == 0 {
		return -1
	}
	return blockAt(bs, line)
}
