package stale

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"runtime"
	"slices"
	"strings"
	gosync "sync"

	"github.com/langref/langref/internal/phase"
	"github.com/langref/langref/sync/history"
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
	// srcKeys holds the cache key of each source page's log, by its
	// repository path (sourceLogKey).
	srcKeys map[string]string
	// ign is the site's rule for commits that need no translation, nil
	// when it has none (see ignore.go).
	ign *ignoring
	// resolved holds the recorded baselines that are no commit of h by
	// their hash, resolved (resolveRecords); records the commit of h each
	// recorded value stands for, nil for the unusable ones, and reasons
	// why those are.
	resolved map[string]history.Baseline
	records  map[string]*history.Commit
	reasons  map[string]string
}

// trace is the history of one item, made when the item enters the
// pipeline and let go when it leaves: only the traces in flight are held.
type trace struct {
	it       *item
	tr, src  string // repository paths
	trLog    []history.FileEvent
	srcLog   []history.FileEvent
	base     *history.Commit
	source   Source
	blobs    []blob // the blobs of the current stage (see pipeline)
	pending  int    // how many of them are still to be read
	deciding bool   // in the first stage of pipeline
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
		pre = PrefetchHistoryWith(a.g.Site.Root, a.o.Progress)
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
	phase.Mark("stale-history-loaded")
	if err != nil {
		return err
	}
	x := &hist{analysis: a, repo: repo, pre: pre, h: h, prefix: strings.TrimPrefix(prefix, "."), index: map[string]int{},
		srcKeys: map[string]string{}}
	a.res.Shallow = repo.Shallow
	for i, c := range h.Commits {
		x.index[c.Hash] = i
	}
	return x.run()
}

func (a *analysis) allContent(note string) {
	for _, it := range a.items {
		it.begin()
		it.note(note)
		it.content()
	}
}

func (x *hist) run() error {
	if err := x.resolveRecords(); err != nil {
		return err
	}
	x.follow()
	its := x.useCache()
	if len(its) > 0 {
		if err := x.readIgnoring(); err != nil {
			return err
		}
	}
	phase.Mark("stale-traces")
	defer phase.Mark("stale-pipeline")
	return x.pipeline(its)
}

// maxInFlight bounds the traces between their first blob asked for and
// their result, per processor: only their blobs, pages and comparisons
// are held.
const maxInFlight = 32

// pipeline settles the trace of each item in two stages, as its blobs come in from
// one git cat-file process: first its baseline and the changes since (the
// blobs of plan), then, for the traces whose changes the texts leave
// open, the history of both files (the blobs of evidencePlan), asked for
// as soon as the first stage is done. A bounded number of traces are in
// flight, in the order given, so that the translations of a source page
// are settled together and what they share is dropped once they are
// done (Options.Release); each trace is made as its item enters.
//
// The workers let the items in themselves, one as each trace leaves
// (pipe.enter), rather than a goroutine of their own: that one, like
// the goroutines that talk to git, waited for a worker to stop before it
// ran, and while it waited git had nothing to do and then the workers.
func (x *hist) pipeline(its []*item) error {
	if len(its) == 0 {
		return nil
	}
	procs := runtime.GOMAXPROCS(0)
	// The queue holds every trace in flight: neither the workers, which
	// let traces in, nor got, while git waits, ever wait to hand one over.
	p := &pipe{x: x, its: its, queue: make(chan *trace, maxInFlight*procs),
		waiting: map[history.ObjectID][]*trace{}, recent: newRecent(recentBytes)}
	p.blobs = x.repo.StreamBlobs(p.got)
	var workers gosync.WaitGroup
	for range procs {
		workers.Go(func() {
			for t := range p.queue {
				p.work(t)
				// A trace takes a fraction of a millisecond; the
				// goroutines reading and writing git's pipes take
				// microseconds, but would wait for the next trace to
				// block, or for the scheduler to preempt it after
				// 10 ms, while git and then the workers run dry.
				runtime.Gosched()
			}
		})
	}
	p.done.Add(len(its))
	for range min(len(its), maxInFlight*procs) {
		p.enter()
	}
	p.done.Wait()
	err := p.blobs.Close()
	close(p.queue)
	workers.Wait()
	return err
}

// pipe is one run of pipeline.
type pipe struct {
	x     *hist
	blobs *history.BlobStream
	queue chan *trace // traces whose blobs are in
	done  gosync.WaitGroup

	mu      gosync.Mutex
	its     []*item                       // the items to settle, in order
	next    int                           // how many of them have entered
	waiting map[history.ObjectID][]*trace // the traces each blob asked for is for
	recent  *recent                       // the blobs read last
}

// enter lets the next item in, if any is left: its trace asks for the
// blobs of its first stage, or goes to the queue when it needs none.
func (p *pipe) enter() {
	p.mu.Lock()
	if p.next == len(p.its) {
		p.mu.Unlock()
		return
	}
	it := p.its[p.next]
	p.next++
	p.mu.Unlock()
	x := p.x
	it.begin()
	t := x.newTrace(it)
	x.checkRecord(t)
	if !p.ask(t, x.plan(t)) {
		p.queue <- t
	}
}

// ask asks for the blobs ids of t that were not read just before, and
// reports whether there are any: t then goes to the queue once they are
// all in. It never waits.
func (p *pipe) ask(t *trace, ids []history.ObjectID) bool {
	t.blobs, t.pending = nil, 0
	var fresh []history.ObjectID
	p.mu.Lock()
	for i, id := range ids {
		if id.IsZero() || slices.Contains(ids[:i], id) {
			continue // names no blob, or asked already
		}
		if data, ok := p.recent.get(id); ok {
			t.blobs = append(t.blobs, blob{id, data})
			continue
		}
		w, ok := p.waiting[id]
		if !ok {
			fresh = append(fresh, id)
		}
		p.waiting[id] = append(w, t)
		t.pending++
	}
	// Read under the lock: once a blob is in, got may count t down (and
	// hand it to the workers) before Ask returns.
	asked := t.pending > 0
	p.mu.Unlock()
	if len(fresh) > 0 {
		p.blobs.Ask(fresh...)
	}
	return asked
}

// got hands the blob id to the traces waiting for it, and each trace
// whose blobs are all in to the workers.
func (p *pipe) got(id history.ObjectID, data []byte, ok bool) {
	p.mu.Lock()
	ts := p.waiting[id]
	delete(p.waiting, id)
	if ok {
		p.recent.add(id, data)
	}
	var ready []*trace
	for _, t := range ts {
		if ok {
			t.blobs = append(t.blobs, blob{id, data})
		}
		if t.pending--; t.pending == 0 {
			ready = append(ready, t)
		}
	}
	p.mu.Unlock()
	for _, t := range ready {
		p.queue <- t
	}
}

// work runs the stage of t whose blobs are in.
func (p *pipe) work(t *trace) {
	x := p.x
	if !t.deciding {
		x.evidence(t)
		p.finish(t)
		return
	}
	t.deciding = false
	x.decide(t)
	t.it.settle()
	if j := t.it.j; (j == nil || len(j.open) == 0) && len(t.it.kept) == 0 {
		p.finish(t)
		return
	}
	if !p.ask(t, x.evidencePlan(t)) {
		x.evidence(t)
		p.finish(t)
	}
}

// finish settles t's result and lets the next item in.
func (p *pipe) finish(t *trace) {
	t.blobs = nil
	t.it.finish(p.x.o.StaleOn)
	p.enter()
	p.done.Done()
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
			if c, _ := x.recordCommit(r); c != nil {
				at = append(at, history.At{Path: src, Rev: c.Hash})
			}
		}
	}
	if logs := x.pre.followedLogs(); logs != nil && len(at) == 0 {
		x.logs = logs // every page of the site, followed while the graph was built
		return
	}
	x.logs = x.h.Follow(paths, at)
}

func (x *hist) fileLog(path string) []history.FileEvent { return x.logs.FileLog(path) }

// newTrace returns the trace of it. It is safe for concurrent use.
func (x *hist) newTrace(it *item) *trace {
	t := &trace{it: it, tr: x.repoPath(it.page.Path), src: x.repoPath(it.page.SourcePath), deciding: true}
	t.trLog, t.srcLog = x.fileLog(t.tr), x.fileLog(t.src)
	return t
}

// resolveRecords resolves the recorded baselines that are not commits of
// the site's history by their hash: tags, branch names, relative
// revisions, and commits of HEAD's history that changed no file of the
// site (a pin on the main branch's HEAD), each to the newest commit of the
// site at or before it. It runs at most two git processes for all of them
// (history.BaselineCommits), none when every value is a site commit.
func (x *hist) resolveRecords() error {
	x.records, x.reasons = map[string]*history.Commit{}, map[string]string{}
	var unknown []string
	for _, it := range x.items {
		r := it.rec
		if r == nil {
			continue
		}
		if _, seen := x.records[r.value]; seen {
			continue
		}
		x.records[r.value] = x.h.Commit(r.value)
		if x.records[r.value] == nil {
			unknown = append(unknown, r.value)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	b, err := x.repo.BaselineCommits(x.h, unknown)
	if err != nil {
		return fmt.Errorf("resolve the recorded baselines: %w", err)
	}
	x.resolved = b
	for _, v := range unknown {
		x.records[v], x.reasons[v] = x.resolve(v)
	}
	return nil
}

// recordCommit returns the commit of the site's history whose files are
// those of the commit r records, or nil and the reason r is unusable
// (BadBaseline.Reason).
func (x *hist) recordCommit(r *record) (*history.Commit, string) {
	if c := x.records[r.value]; c != nil {
		return c, ""
	}
	return nil, x.reasons[r.value]
}

// resolve returns the commit of the site's history that value, which
// BaselineCommits resolved, stands for, or nil and the reason it is
// unusable.
func (x *hist) resolve(value string) (*history.Commit, string) {
	b, ok := x.resolved[value]
	switch {
	case !ok || errors.Is(b.Err, history.ErrUnknownRev):
		return nil, "not-commit"
	case errors.Is(b.Err, history.ErrNotAncestor):
		return nil, "not-in-history"
	case errors.Is(b.Err, history.ErrBeforeHistory) && x.repo.Shallow:
		return nil, "not-in-history" // the commits before it may be cut off
	case b.Err != nil:
		return nil, "source-absent"
	}
	return x.h.Commit(b.Site), ""
}

// checkRecord validates t's recorded baseline, resolved by
// resolveRecords.
func (x *hist) checkRecord(t *trace) {
	r := t.it.rec
	if r == nil {
		return
	}
	c, reason := x.recordCommit(r)
	switch {
	case c == nil:
		x.bad(t, reason)
	case x.logs.PathAt(t.src, c.Hash) == "":
		x.bad(t, "source-absent")
	default:
		t.base, t.source = c, Recorded
	}
}

// names reports whether a recorded value names commit: a hint never
// suggests the value it finds fault with.
func (x *hist) names(value, commit string) bool {
	if strings.HasPrefix(commit, value) {
		return true
	}
	b, ok := x.resolved[value]
	return ok && b.Commit == commit
}

func (x *hist) bad(t *trace, reason string) {
	r := t.it.rec
	b := &BadBaseline{Reason: reason, Key: r.key, Value: r.value, Line: r.line, Col: r.col}
	if len(t.srcLog) > 0 && !x.names(r.value, t.srcLog[0].Commit.Hash) {
		b.Suggest = t.srcLog[0].Commit.Hash
	}
	t.it.page.BadBaseline = b
	t.it.note(NoteBadRecord)
}

// plan returns the blobs that deciding t needs: the source page at its
// baseline, the recorded one or else the commit that created the
// translation (see creation), and, when commits since need no
// translation, the page after each of them (ignoreSpecs).
func (x *hist) plan(t *trace) []history.ObjectID {
	if len(t.trLog) == 0 || len(t.srcLog) == 0 {
		return nil
	}
	if t.base == nil {
		t.base, t.source = x.creation(t), History
	}
	if t.base == nil {
		return nil
	}
	return append([]history.ObjectID{x.sourceSpec(t, t.base)}, x.ignoreSpecs(t)...)
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

// since returns the events of log newer than the trace's baseline, oldest
// first.
func (x *hist) since(t *trace, log []history.FileEvent) []history.FileEvent {
	at := x.index[t.base.Hash]
	var out []history.FileEvent
	for i := len(log) - 1; i >= 0; i-- {
		if x.index[log[i].Commit.Hash] < at {
			out = append(out, log[i])
		}
	}
	return out
}

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
	if x.ign != nil && !it.lineMode() {
		it.loadSource()
		it.ign = x.ignoreSteps(t)
	}
	for _, e := range t.srcLog {
		if x.index[e.Commit.Hash] < x.index[t.base.Hash] {
			it.page.SourceCommitsSince++
		}
	}
}

// creation returns the commit that created the translation, the
// baseline from history: later commits of the translation, whether they
// touch many languages at once or one, rewrite it or fix it, are evidence
// on each source change since (see judge), never a new baseline for the
// whole page. A translation whose log is longer than maxCandidates
// starts at the oldest commit looked at. It returns nil when a shallow
// clone hides the creation.
func (x *hist) creation(t *trace) *history.Commit {
	truncated := x.logs.Truncated(t.tr)
	cands := t.trLog[:min(len(t.trLog), maxCandidates)]
	for i, e := range cands {
		if truncated && i == len(t.trLog)-1 {
			return nil // the shallow boundary, not a real creation
		}
		if created(e) {
			return e.Commit
		}
	}
	if len(cands) == 0 || (truncated && len(cands) == len(t.trLog)) {
		return nil
	}
	return cands[len(cands)-1].Commit
}

// evidencePlan returns the blobs that settling t's open changes needs:
// the source page after each of its commits since the baseline, and the
// translation before and after each of its own.
func (x *hist) evidencePlan(t *trace) []history.ObjectID {
	var ids []history.ObjectID
	for _, e := range x.before(t) {
		ids = append(ids, afterSpec(e))
	}
	if j := t.it.j; j == nil || len(j.open) == 0 {
		return ids
	}
	for _, e := range x.since(t, t.srcLog) {
		ids = append(ids, afterSpec(e))
	}
	ids = append(ids, afterSpec(t.trLog[0]))
	for _, e := range x.since(t, t.trLog[:min(len(t.trLog), maxCandidates)]) {
		ids = append(ids, afterSpec(e), e.OldBlob)
	}
	return ids
}

// before returns the events of the source page's log at or before t's
// baseline, newest first, as far back as maxCandidates: the versions kept
// source text may come from. None unless the translation keeps some.
func (x *hist) before(t *trace) []history.FileEvent {
	if len(t.it.kept) == 0 {
		return nil
	}
	at := x.index[t.base.Hash]
	var out []history.FileEvent
	for _, e := range t.srcLog {
		if x.index[e.Commit.Hash] >= at && e.Status != 'D' && len(out) < maxCandidates {
			out = append(out, e)
		}
	}
	return out
}

// evidence settles t's open changes from the history of both files, and
// confirms the changes its kept source text shows.
func (x *hist) evidence(t *trace) {
	if j := t.it.j; j != nil && len(j.open) > 0 {
		x.judgeOpen(t)
	}
	if len(t.it.kept) == 0 {
		return
	}
	var past []string
	for _, e := range x.before(t) {
		if b, ok := t.blob(afterSpec(e)); ok {
			past = append(past, x.normBlob(t, e.Blob, b))
		}
	}
	t.it.addKept(confirmKept(t.it.kept, past, normBytes(t.it.tr), x.o.StaleOn))
}

// normBlob returns normBody of the blob id of t's source page, whose
// contents are b, once for all the translations of the page.
func (x *hist) normBlob(t *trace, id history.ObjectID, b []byte) string {
	f := t.it.srcFile
	x.mu.Lock()
	s, ok := x.normed[f][id]
	x.mu.Unlock()
	if !ok {
		s = normBody(b)
		x.mu.Lock()
		if x.normed[f] == nil {
			x.normed[f] = map[history.ObjectID]string{}
		}
		x.normed[f][id] = s
		x.mu.Unlock()
	}
	return s
}

// judgeOpen settles t's open changes from the history of both files.
func (x *hist) judgeOpen(t *trace) {
	it := t.it
	lin := x.lineage(t)
	// A version is the one before the next commit, as often as not: each
	// distinct blob is normalised once.
	normed := map[history.ObjectID]string{}
	norm := func(id history.ObjectID) string {
		s, ok := normed[id]
		if !ok {
			b, _ := t.blob(id)
			s = normBody(b)
			normed[id] = s
		}
		return s
	}
	var vs []trVersion
	for _, e := range x.since(t, t.trLog[:min(len(t.trLog), maxCandidates)]) {
		if x.ign.ignores(e.Commit, e.Path) {
			continue // no evidence that the translation was brought up to date
		}
		vs = append(vs, trVersion{commit: e.Commit.Hash, author: e.Commit.Author, at: x.index[e.Commit.Hash], before: norm(e.OldBlob), after: norm(afterSpec(e))})
	}
	last := afterSpec(t.trLog[0])
	cur := norm(last)
	if b, _ := t.blob(last); !bytes.Equal(b, it.tr) {
		cur = normBody(it.tr)
	}
	it.j.judgeHistory(lin, vs, norm(last), cur, func(c string) (int, bool) {
		i, ok := x.index[c]
		return i, ok && c != ""
	}, func(c string) string {
		if i, ok := x.index[c]; ok && c != "" {
			return x.h.Commits[i].Author
		}
		return ""
	})
}

// lineage follows t's source page from its baseline to now, once for all
// the translations that share both.
func (x *hist) lineage(t *trace) *lineage {
	it := t.it
	f, base := it.srcFile, t.base.Hash
	x.mu.Lock()
	l, ok := x.lineages[f][base]
	x.mu.Unlock()
	if ok {
		return l
	}
	versions := [][]byte{it.old}
	var commits []string
	prev := it.old
	ignored := map[string]bool{}
	for _, e := range x.since(t, t.srcLog) {
		b, ok := t.blob(afterSpec(e))
		if !ok || bytes.Equal(b, prev) {
			continue
		}
		versions, commits, prev = append(versions, b), append(commits, e.Commit.Hash), b
		if x.ign.ignores(e.Commit, e.Path) {
			ignored[e.Commit.Hash] = true
		}
	}
	if !bytes.Equal(prev, it.src) {
		versions, commits = append(versions, it.src), append(commits, "")
	}
	l = newLineage(versions, commits, func(old, new []byte) lineStep {
		s, k := x.step(old, new)
		it.pairs = append(it.pairs, k)
		return s
	})
	l.ignored = ignored
	x.mu.Lock()
	if x.lineages[f] == nil {
		x.lineages[f] = map[string]*lineage{}
	}
	x.lineages[f][base] = l
	x.mu.Unlock()
	return l
}

// normBody returns the body of a file with the given contents, its white
// space collapsed, for finding blocks in it whatever their wrapping.
func normBody(src []byte) string {
	b, _ := splitBody(src)
	return normBytes(b)
}
