package stale

import (
	"bytes"
	"errors"
	"path"
	"runtime"
	"slices"
	"strings"
	gosync "sync"
	"unicode"
	"unicode/utf8"

	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// maxCandidates bounds how far back the history of one translation is
// searched for its last real translation.
const maxCandidates = 32

// hist is what the history pass needs besides the analysis.
type hist struct {
	*analysis
	repo   *history.Repo
	pre    *Prefetch
	h      *history.History
	prefix string         // the site root relative to the work tree, "" at its top
	index  map[string]int // commit hash → position in h.Commits (0 is newest)
	logs   *history.Logs  // the logs of every page, followed together
	trees  []int          // by position in h.Commits: languageTrees
	// srcCommits holds the commits of each source page's log, by its
	// repository path, shared by the traces of its translations.
	srcCommits map[string]map[string]bool
	// srcKeys holds the cache key of each source page's log, by its
	// repository path (sourceLogKey).
	srcKeys map[string]string
}

// trace is the history of one item.
type trace struct {
	it        *item
	tr, src   string // repository paths
	trLog     []history.FileEvent
	srcLog    []history.FileEvent
	srcCommit map[string]bool
	ncands    int // the candidates for the last translation: trLog[:ncands]
	base      *history.Commit
	source    Source
	blobs     []blob // the blobs plan asked for, while deciding
	pending   int    // how many of them are still to be read
}

// blob is a file's contents read by git cat-file.
type blob struct {
	id   history.ObjectID
	data []byte
}

// blob returns the contents of the blob id that plan asked for, once
// read; never for the zero id, which names no blob.
func (t *trace) blob(id history.ObjectID) ([]byte, bool) {
	for _, b := range t.blobs {
		if b.id == id && !id.IsZero() {
			return b.data, true
		}
	}
	return nil, false
}

// history finds baselines in git history: one git log, at most one
// git cat-file --batch-check for recorded baselines, one git cat-file
// --batch for every blob needed.
func (a *analysis) history() error {
	if a.o.NoGit {
		a.allContent(NoteNoGit)
		return nil
	}
	pre := a.o.Prefetch
	if pre == nil || pre.root != a.g.Site.Root {
		pre = PrefetchHistory(a.g.Site.Root)
	}
	repo, prefix, err := pre.open()
	if errors.Is(err, history.ErrNoGit) {
		a.res.NoGit = true
		a.allContent(NoteNoGit)
		return nil
	}
	if err != nil {
		return err
	}
	if a.fromRunCache(repo, prefix) {
		return nil
	}
	h, err := pre.load()
	if err != nil {
		return err
	}
	x := &hist{analysis: a, repo: repo, pre: pre, h: h, prefix: strings.TrimPrefix(prefix, "."), index: map[string]int{},
		srcCommits: map[string]map[string]bool{}, srcKeys: map[string]string{}}
	a.res.Shallow = repo.Shallow
	for i, c := range h.Commits {
		x.index[c.Hash] = i
	}
	return x.run()
}

func (a *analysis) allContent(note string) {
	for _, it := range a.items {
		it.note(note)
		it.content()
	}
}

func (x *hist) run() error {
	x.follow()
	x.countTrees()
	ts := make([]*trace, len(x.items))
	for i, it := range x.items {
		ts[i] = x.newTrace(it)
	}
	ts = x.useCache(ts)
	if err := x.checkRecords(ts); err != nil {
		return err
	}
	return x.decideAll(ts)
}

// decideAll reads the blobs the traces need, with one git process, and
// decides each trace on all processors as soon as its blobs are in, so
// that only the blobs of the traces in progress are held.
func (x *hist) decideAll(ts []*trace) error {
	work := make(chan *trace, 64)
	var wg gosync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range work {
				x.decide(t)
				t.blobs = nil
				t.it.finish(x.o.StaleOn)
			}
		}()
	}
	waiting := map[history.ObjectID][]*trace{}
	var specs []string
	for _, t := range ts {
		for _, id := range x.plan(t) {
			w := waiting[id]
			if slices.Contains(w, t) {
				continue
			}
			if len(w) == 0 {
				specs = append(specs, id.String())
			}
			waiting[id] = append(w, t)
			t.pending++
		}
		if t.pending == 0 {
			work <- t
		}
	}
	err := x.repo.EachBlob(specs, func(spec string, data []byte, ok bool) {
		id, _ := history.ParseObjectID(spec) // "" (no blob) is the zero id
		for _, t := range waiting[id] {
			if ok {
				t.blobs = append(t.blobs, blob{id, data})
			}
			if t.pending--; t.pending == 0 {
				work <- t
			}
		}
		delete(waiting, id)
	})
	close(work)
	wg.Wait()
	return err
}

func (x *hist) repoPath(rel string) string { return path.Join(x.prefix, rel) }

// follow follows every page through the history in one pass, noting
// the path of each source page at its translations' recorded baselines.
func (x *hist) follow() {
	var paths []string
	var at []history.At
	for _, it := range x.items {
		src := x.repoPath(it.page.SourcePath)
		paths = append(paths, x.repoPath(it.page.Path), src)
		if r := it.rec; r != nil {
			at = append(at, history.At{Path: src, Rev: r.value})
		}
	}
	if logs := x.pre.followedLogs(); logs != nil && len(at) == 0 {
		x.logs = logs // every page of the site, followed while the graph was built
		return
	}
	x.logs = x.h.Follow(paths, at)
}

func (x *hist) fileLog(path string) []history.FileEvent { return x.logs.FileLog(path) }

func (x *hist) newTrace(it *item) *trace {
	t := &trace{it: it, tr: x.repoPath(it.page.Path), src: x.repoPath(it.page.SourcePath)}
	t.trLog, t.srcLog = x.fileLog(t.tr), x.fileLog(t.src)
	t.srcCommit = x.srcCommits[t.src]
	if t.srcCommit == nil {
		t.srcCommit = make(map[string]bool, len(t.srcLog))
		for _, e := range t.srcLog {
			t.srcCommit[e.Commit.Hash] = true
		}
		x.srcCommits[t.src] = t.srcCommit
	}
	return t
}

// checkRecords validates recorded baselines; revisions that are not
// commits of the site's history are resolved with one git process, to tell
// a typo from a commit outside the history.
func (x *hist) checkRecords(ts []*trace) error {
	var unknown []string
	for _, t := range ts {
		r := t.it.rec
		if r == nil {
			continue
		}
		c := x.h.Commit(r.value)
		switch {
		case c == nil:
			unknown = append(unknown, r.value)
		case x.logs.PathAt(t.src, c.Hash) == "":
			x.bad(t, "source-absent")
		default:
			t.base, t.source = c, Recorded
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	hashes, err := x.repo.ResolveCommits(unknown)
	if err != nil {
		return err
	}
	for _, t := range ts {
		if r := t.it.rec; r != nil && t.base == nil && t.it.page.BadBaseline == nil {
			reason := "not-commit"
			if _, ok := hashes[r.value]; ok {
				reason = "not-in-history"
			}
			x.bad(t, reason)
		}
	}
	return nil
}

func (x *hist) bad(t *trace, reason string) {
	r := t.it.rec
	b := &BadBaseline{Reason: reason, Key: r.key, Value: r.value, Line: r.line, Col: r.col}
	if len(t.srcLog) > 0 {
		b.Suggest = t.srcLog[0].Commit.Hash
	}
	t.it.page.BadBaseline = b
	t.it.note(NoteBadRecord)
}

// plan returns the blobs that deciding t needs: the translation before and
// after each commit that may be its last real translation, and the source
// page at each such commit.
func (x *hist) plan(t *trace) []history.ObjectID {
	if len(t.trLog) == 0 || len(t.srcLog) == 0 {
		return nil
	}
	if t.base != nil {
		return []history.ObjectID{x.sourceSpec(t, t.base)}
	}
	var specs []history.ObjectID
	for i, e := range t.trLog[:min(len(t.trLog), maxCandidates)] {
		t.ncands = i + 1
		if created(e) || (t.srcCommit[e.Commit.Hash] && x.languageTrees(e.Commit) < 3) {
			return append(specs, x.sourceSpec(t, e.Commit))
		}
		specs = append(specs, afterSpec(e), t.beforeSpec(i), x.sourceSpec(t, e.Commit))
	}
	return specs
}

func created(e history.FileEvent) bool { return e.Status == 'A' || e.Status == 'C' }

// afterSpec names the file as event e left it: its blob's id, which git
// cat-file reads without looking up paths in trees, and which files and
// versions with the same contents share. It is zero when e deleted the
// file.
func afterSpec(e history.FileEvent) history.ObjectID { return e.Blob }

// beforeSpec names the translation before its i-th event, as the event's
// first parent had it; zero when the event created it.
func (t *trace) beforeSpec(i int) history.ObjectID { return t.trLog[i].OldBlob }

// sourceSpec names the source page as it was at commit c: its newest
// version no newer than c, or zero when it did not exist.
func (x *hist) sourceSpec(t *trace, c *history.Commit) history.ObjectID {
	if e := x.sourceEvent(t, c); e != nil && e.Status != 'D' {
		return afterSpec(*e)
	}
	return history.ObjectID{}
}

func (x *hist) sourceEvent(t *trace, c *history.Commit) *history.FileEvent {
	at := x.index[c.Hash]
	for i := range t.srcLog {
		if x.index[t.srcLog[i].Commit.Hash] >= at {
			return &t.srcLog[i]
		}
	}
	return nil
}

// decide settles t's baseline from the blobs.
func (x *hist) decide(t *trace) {
	it := t.it
	if len(t.trLog) == 0 || len(t.srcLog) == 0 {
		it.note(NoteUntracked)
		it.content()
		return
	}
	if t.base == nil {
		t.base, t.source = x.lastTranslation(t), History
	}
	if t.base == nil {
		it.note(NoteShallow)
		it.content()
		return
	}
	old, ok := t.blob(x.sourceSpec(t, t.base))
	if !ok {
		if x.logs.Truncated(t.src) {
			it.note(NoteShallow)
		}
		it.content()
		return
	}
	it.page.Baseline, it.page.BaselineSource = t.base.Hash, t.source
	it.old = old
	for _, e := range t.srcLog {
		if x.index[e.Commit.Hash] < x.index[t.base.Hash] {
			it.page.SourceCommitsSince++
		}
	}
}

// lastTranslation returns the newest commit that really translated the
// page: it created the file, changed it together with the source page, or
// changed its text more than a typo fix would, and was no bulk edit. It
// returns nil when a shallow clone hides that commit.
func (x *hist) lastTranslation(t *trace) *history.Commit {
	truncated := x.logs.Truncated(t.tr)
	cands := t.trLog[:t.ncands]
	for i, e := range cands {
		oldest := i == len(t.trLog)-1
		switch {
		case truncated && oldest:
			return nil // the shallow boundary, not a real creation
		case created(e) || (t.srcCommit[e.Commit.Hash] && x.languageTrees(e.Commit) < 3):
			return e.Commit
		}
		after, okA := t.blob(afterSpec(e))
		before, okB := t.blob(t.beforeSpec(i))
		switch {
		case !okA || !okB:
			return e.Commit
		case x.mechanical(e, before, after):
		case t.srcCommit[e.Commit.Hash]:
			return e.Commit
		case x.translated(before, after):
			return e.Commit
		}
	}
	if len(cands) == 0 || (truncated && len(cands) == len(t.trLog)) {
		return nil
	}
	return cands[len(cands)-1].Commit
}

// translated reports whether the change of a translation from before to
// after is more than a typo fix. Changes to more than a few blocks are, and
// are not compared further, nor are changes of more than a few lines once
// white space is set aside.
func (x *hist) translated(before, after []byte) bool {
	if equalIgnoringSpace(before, after) {
		return false
	}
	if changedLines(before, after) > 6 {
		return true
	}
	a, b := parseBody(before), parseBody(after)
	if differingBlocks(a, b) > 3 {
		return true
	}
	return change.Max(change.CompareBlocks(a, b)) > change.Typo
}

// differingBlocks counts the blocks of a and b that the other lacks, by
// kind and text.
func differingBlocks(a, b []blocks.Block) int {
	n := map[string]int{}
	for _, x := range a {
		n[x.Kind.String()+"\x00"+x.Text]++
	}
	d := 0
	for _, x := range b {
		k := x.Kind.String() + "\x00" + x.Text
		if n[k] > 0 {
			n[k]--
		} else {
			d++
		}
	}
	for _, v := range n {
		d += v
	}
	return d
}

// mechanical reports whether commit e's change to the translation is no
// translation work: front matter only, or a bulk edit of a line or two
// across three language trees or more.
func (x *hist) mechanical(e history.FileEvent, before, after []byte) bool {
	if b, _ := splitBody(before); bytes.Equal(b, x.bodyOnly(after)) {
		return true
	}
	return x.languageTrees(e.Commit) >= 3 && changedLines(before, after) <= 2
}

// languageTrees counts the language trees whose files commit c changed.
func (x *hist) languageTrees(c *history.Commit) int {
	i, ok := x.index[c.Hash]
	if !ok || x.trees == nil {
		return x.treesOf(c)
	}
	return x.trees[i]
}

// countTrees counts the language trees of every commit, for
// languageTrees: bulk commits would otherwise be counted once per page.
func (x *hist) countTrees() {
	x.trees = make([]int, len(x.h.Commits))
	for i, c := range x.h.Commits {
		x.trees[i] = x.treesOf(c)
	}
}

func (x *hist) treesOf(c *history.Commit) int {
	seen := map[string]bool{}
	for _, ch := range c.Changes {
		rel, ok := ch.Path, x.prefix == ""
		if !ok {
			rel, ok = strings.CutPrefix(ch.Path, x.prefix+"/")
		}
		if ok {
			seen[x.g.Site.FolderLang(rel)] = true
		}
	}
	return len(seen)
}

// changedLines counts the lines that differ between a and b once their
// common first and last lines are set aside.
func changedLines(a, b []byte) int {
	// The lines are those bytes.Split(a, "\n") gives; na and nb count
	// the ones left.
	na, nb := bytes.Count(a, newline)+1, bytes.Count(b, newline)+1
	for na > 0 && nb > 0 {
		la, ra := firstLine(a)
		lb, rb := firstLine(b)
		if !bytes.Equal(la, lb) {
			break
		}
		a, b, na, nb = ra, rb, na-1, nb-1
	}
	for na > 0 && nb > 0 {
		la, ra := lastLine(a)
		lb, rb := lastLine(b)
		if !bytes.Equal(la, lb) {
			break
		}
		a, b, na, nb = ra, rb, na-1, nb-1
	}
	return max(na, nb)
}

var newline = []byte("\n")

// firstLine splits s before its first line break: the first line, and
// what follows the break.
func firstLine(s []byte) (line, rest []byte) {
	if i := bytes.IndexByte(s, '\n'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, nil
}

// lastLine splits s at its last line break: the last line, and what
// comes before the break.
func lastLine(s []byte) (line, rest []byte) {
	if i := bytes.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:], s[:i]
	}
	return s, nil
}

// bodyOnly returns the body of a file with the given contents.
func (x *hist) bodyOnly(src []byte) []byte {
	b, _ := splitBody(src)
	return b
}

// equalIgnoringSpace reports whether a and b are equal once all their
// white space (as unicode.IsSpace has it) is removed.
func equalIgnoringSpace(a, b []byte) bool {
	var ca, cb []byte // the runs of non-space bytes being compared
	for {
		if len(ca) == 0 {
			ca, a = nextWord(a)
		}
		if len(cb) == 0 {
			cb, b = nextWord(b)
		}
		if len(ca) == 0 || len(cb) == 0 {
			return len(ca) == len(cb)
		}
		k := min(len(ca), len(cb))
		if !bytes.Equal(ca[:k], cb[:k]) {
			return false
		}
		ca, cb = ca[k:], cb[k:]
	}
}

// nextWord splits off the first run of non-space runes of b, after any
// white space.
func nextWord(b []byte) (word, rest []byte) {
	start, i := -1, 0
	for i < len(b) {
		r, n := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(b[i:])
		}
		if unicode.IsSpace(r) {
			if start >= 0 {
				break
			}
		} else if start < 0 {
			start = i
		}
		i += n
	}
	if start < 0 {
		return nil, nil
	}
	return b[start:i], b[i:]
}
