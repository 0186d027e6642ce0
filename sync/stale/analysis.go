package stale

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	gosync "sync"
	"unsafe"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// analysis is one run of Analyze.
type analysis struct {
	g        *graph.Graph
	o        Options
	res      *Result
	items    []*item
	mu       gosync.Mutex
	parsed   map[string][]blocks.Block // file contents → body blocks
	bodyAt   map[string]bodyAt         // file contents → where the body starts
	compared map[pairKey][]Change      // old and new source page → changes
	kept     map[pairKey]*keptSource   // old and new source page → kept text's reference
	steps    map[pairKey]lineStep      // two versions of a source page → what changed
	users    map[*site.File]int        // items yet to finish, by file they read
	pairsOf  map[*site.File][]pairKey  // comparisons made, by source page
	// lineages follows each source page since a baseline, by page and
	// baseline commit, for all the translations that share them; normed
	// holds normBody of the past versions of source pages, by page and
	// blob.
	lineages map[*site.File]map[string]*lineage
	normed   map[*site.File]map[history.ObjectID]string
	// originals parses the source text the translations of each source
	// page keep in comments once for all of them, by source page.
	originals map[*site.File]*blocks.Originals
	// srcItems holds the structure of source pages (sourceItems), by page
	// and contents.
	srcItems map[*site.File]map[string]map[Aspect][]elem
	// classes remembers the classes of the modified blocks compared, met
	// again from other baselines and in the pages' histories.
	classes change.Memo
	// With Options.Release: the contents read again from disk, by file,
	// while items need them; the hashes of the files' contents, taken
	// before they were dropped, for cache keys; the first read error.
	contents map[*site.File][]byte
	reading  map[*site.File]chan struct{} // files being read, closed once read
	fileSums map[*site.File]string
	err      error

	cache     *cache // results of earlier runs, nil when not used
	cachePath string
	headPath  string            // where the HEAD of the cache's run is kept
	head      string            // HEAD, for the run key
	runKeyed  string            // the run key, "" when not computed
	sums      map[string]string // content hash by path, for cache keys
	progress  *tally            // issue 14: translations settled, for Options.Progress
}

// item is one translated page under analysis. What it needs only while
// its result is settled is in its settling, made then and let go once it
// is finished: a large site's items are held from the start of the
// analysis to its end, and only a few of them are being settled at once.
type item struct {
	a       *analysis
	page    *Page
	lang    string
	tr, src []byte // the files' contents
	trFile  *site.File
	srcFile *site.File
	// trSize and srcSize are the sizes of the files as the site read
	// them, for lineMode.
	trSize, srcSize int
	rec             *record // the recorded baseline, nil when none
	// cacheKey keys the item's result in the cache when keyed (else it
	// is not cached), as a hash rather than its hex text: held for every
	// item through the run; cached is true when the result came from
	// the cache.
	cacheKey [sha256.Size]byte
	keyed    bool
	cached   bool
	// finished is set once its result is settled.
	finished bool
	// settling is nil before the item's result is being settled (see
	// begin) and once it is finished.
	*settling
}

// settling is what an item holds while its result is settled.
type settling struct {
	notes map[string]bool // nil until the first note
	// old is the source page at the baseline; nil for content baselines.
	old     []byte
	changes []Change
	// pairs are the keys of the comparisons the item made, forgotten with
	// its source page's contents (Options.Release).
	pairs []pairKey
	// settled is set once the changes are known; j, while the history
	// has changes to settle, judges them.
	settled bool
	j       *judge
	// kept are the changes that the translation's kept source text shows,
	// for the history to confirm.
	kept []keptChange
	// ign follows the source page through the commits since the baseline
	// that need no translation, nil when there are none (ignore.go).
	ign *ignoreSteps
}

// begin makes the item's settling, when it has none, before its result
// is settled.
func (it *item) begin() {
	if it.settling == nil {
		it.settling = &settling{}
	}
}

func newAnalysis(g *graph.Graph, o Options) *analysis {
	a := &analysis{g: g, o: o, res: &Result{Pages: map[string]*Page{}}, sums: map[string]string{},
		parsed: map[string][]blocks.Block{}, bodyAt: map[string]bodyAt{}, compared: map[pairKey][]Change{},
		users: map[*site.File]int{}, pairsOf: map[*site.File][]pairKey{}, contents: map[*site.File][]byte{}, reading: map[*site.File]chan struct{}{},
		kept: map[pairKey]*keptSource{}, steps: map[pairKey]lineStep{},
		lineages: map[*site.File]map[string]*lineage{}, normed: map[*site.File]map[history.ObjectID]string{},
		originals: map[*site.File]*blocks.Originals{}, srcItems: map[*site.File]map[string]map[Aspect][]elem{}}
	for _, e := range g.Entries {
		if e.Source == nil || e.Source.File.Doc == nil {
			continue
		}
		for _, lang := range g.Langs {
			c := g.Cell(e, lang)
			if c == nil || c.State != graph.Translated || c.Page.File.Doc == nil {
				continue
			}
			it := &item{a: a, lang: lang, tr: c.Page.File.Src, src: e.Source.File.Src, trFile: c.Page.File, srcFile: e.Source.File,
				trSize: c.Page.File.Size(), srcSize: e.Source.File.Size(),
				page: &Page{Path: c.Page.Path(), SourcePath: e.Source.Path()}}
			a.users[it.trFile]++
			a.users[it.srcFile]++
			it.rec = readRecord(c.Page.File.Doc, o.BaselineKey)
			a.items = append(a.items, it)
			a.res.Pages[it.page.Path] = it.page
		}
	}
	if o.Release {
		a.dropAll()
	}
	return a
}

// body returns the blocks of the body of a file with the given contents,
// parsing each distinct contents once. It is safe for concurrent use.
func (a *analysis) body(src []byte) []blocks.Block {
	a.mu.Lock()
	bs, ok := a.parsed[string(src)]
	a.mu.Unlock()
	if ok {
		return bs
	}
	body, line := a.split(src)
	bs = blocks.ParseShared(body, line) // contents are never modified (contentKey)
	a.mu.Lock()
	a.parsed[contentKey(src)] = bs
	a.mu.Unlock()
	return bs
}

// split returns the body of a file with the given contents and the line
// where it starts, reading each distinct contents' front matter once. It is
// safe for concurrent use.
func (a *analysis) split(src []byte) ([]byte, int) {
	a.mu.Lock()
	at, ok := a.bodyAt[string(src)]
	a.mu.Unlock()
	if !ok {
		body, line := splitBody(src)
		at = bodyAt{len(src) - len(body), line}
		a.mu.Lock()
		a.bodyAt[contentKey(src)] = at
		a.mu.Unlock()
	}
	return src[at.offset:], at.line
}

// splitBody returns the body of a file with the given contents and the
// line where it starts, without caching them: for contents used once, such
// as the past versions of a translation, which a cache would keep in
// memory.
func splitBody(src []byte) ([]byte, int) { return frontmatter.SplitBody(src) }

// parseBody returns the blocks of the body of a file with the given
// contents, without caching them.
func parseBody(src []byte) []blocks.Block { return blocks.ParseShared(splitBody(src)) }

// contentKey returns src as a map key without copying it: the contents of
// files and blobs are never modified. Looking up a key that shares src's
// memory compares no bytes.
func contentKey(src []byte) string {
	if len(src) == 0 {
		return ""
	}
	return unsafe.String(&src[0], len(src))
}

// bodyAt locates the body of a file: its byte offset and first line.
type bodyAt struct{ offset, line int }

// compare returns the changes from the source page old to src, comparing
// each distinct pair of contents once. It is safe for concurrent use.
func (a *analysis) compare(old, src []byte) ([]Change, pairKey) {
	k := pairKey{contentKey(old), contentKey(src)}
	a.mu.Lock()
	cs, ok := a.compared[k]
	a.mu.Unlock()
	if !ok {
		cs = fromBlocks(a.classes.CompareBlocks(a.body(old), a.body(src)))
		a.mu.Lock()
		a.compared[k] = cs
		a.mu.Unlock()
	}
	return slices.Clone(cs), k
}

// keptSource returns the reference of kept text for translations of the
// source page src from old, made once, and its key. Most source pages are
// the same as at the baseline: their text is then written once (see
// newKeptSource). It is safe for concurrent use.
func (a *analysis) keptSource(old, src []byte) (*keptSource, pairKey) {
	k := pairKey{contentKey(old), contentKey(src)}
	a.mu.Lock()
	ks, ok := a.kept[k]
	a.mu.Unlock()
	if !ok {
		ks = newKeptSource(a.body(old), a.body(src), bytes.Equal(old, src))
		a.mu.Lock()
		a.kept[k] = ks
		a.mu.Unlock()
	}
	return ks, k
}

// step returns what changed from one version of a source page to the
// next, comparing each distinct pair once, and the pair's key. It is safe
// for concurrent use.
func (a *analysis) step(old, new []byte) (lineStep, pairKey) {
	k := pairKey{contentKey(old), contentKey(new)}
	a.mu.Lock()
	s, ok := a.steps[k]
	a.mu.Unlock()
	if !ok {
		s = newLineStep(a.body(old), a.body(new), &a.classes)
		a.mu.Lock()
		a.steps[k] = s
		a.mu.Unlock()
	}
	return s, k
}

// originalsOf returns the comment originals shared by the translations
// of source page f. It is safe for concurrent use.
func (a *analysis) originalsOf(f *site.File) *blocks.Originals {
	a.mu.Lock()
	defer a.mu.Unlock()
	o := a.originals[f]
	if o == nil {
		o = new(blocks.Originals)
		a.originals[f] = o
	}
	return o
}

// pairKey names a pair of file contents by the contents themselves (see
// contentKey).
type pairKey struct{ old, new string }

// structure compares the structure of the item's translation with its
// source page's.
func (it *item) structure() []Mismatch {
	if it.page.Structure == nil {
		it.load()
		it.page.Structure = Compare(it.a.body(it.src), it.a.body(it.tr), it.sides())
	}
	return it.page.Structure
}

// sides says where the item's two pages sit, for Compare.
func (it *item) sides() Sides {
	s := it.a.g.Site
	return Sides{SrcLang: s.SourceLang, Lang: it.lang, SrcPath: it.page.SourcePath, Path: it.page.Path, Tree: s.Unmirror}
}

// note records a note on the item.
func (it *item) note(id string) {
	if it.notes == nil {
		it.notes = map[string]bool{}
	}
	it.notes[id] = true
}

// content makes the item's baseline its own contents: the source text
// kept in comments when the translation keeps all of it, else structure.
func (it *item) content() {
	it.page.Baseline, it.page.BaselineSource = "", Content
	if it.lineMode() {
		// Without the source page as it was, there is nothing to diff
		// line by line, and the page is too large to parse.
		it.note(NoteLineMode)
		it.changes = []Change{}
		return
	}
	it.load()
	if old, ok := reconstruct(it.a.body(it.tr)); ok {
		it.changes = []Change{}
		for _, c := range fromBlocks(it.a.classes.CompareBlocks(old, it.a.body(it.src))) {
			// Comments reflow what they keep: only visible changes count.
			if c.Class > change.Cosmetic {
				c.OldLine, c.OldEndLine = 0, 0
				it.changes = append(it.changes, c)
			}
		}
		return
	}
	it.changes = fromStructure(it.structure())
}

// finish settles the item's changes, class and flags, and lets go of
// its settling.
func (it *item) finish(staleOn change.Class) {
	p := it.page
	it.begin()
	if !it.cached {
		it.settle()
	}
	it.j = nil
	it.finished = true
	it.a.progress.add()
	it.release()
	it.settling = nil
	p.Class, p.Stale = change.Cosmetic, false
	for i := range p.Changes {
		c := &p.Changes[i]
		if c.State == "" {
			c.State = unjudged(*c, staleOn)
		}
		if c.State != Ignored {
			p.Class = max(p.Class, c.Class)
		}
		p.Stale = p.Stale || c.State.Stale()
	}
	p.Minor = len(p.Changes) > 0 && !p.Stale
}

// settle computes the item's changes and notes. A baseline from history
// needs only the source page: the translation is read again only when
// its own contents are the baseline.
func (it *item) settle() {
	if it.settled {
		return
	}
	it.settled = true
	p := it.page
	switch p.BaselineSource {
	case "":
		it.content()
	case Recorded, History:
		it.loadSource()
		if it.lineMode() {
			it.lineChanges()
			break
		}
		it.changes = []Change{}
		if !bytes.Equal(it.old, it.src) {
			var k pairKey
			it.changes, k = it.a.compare(it.old, it.src)
			it.pairs = append(it.pairs, k)
			it.ignoreChanges(it.a.o.StaleOn)
			it.shownChanges()
		}
		it.judgeText()
	}
	p.Changes = it.changes
	for n := range it.notes {
		p.Notes = append(p.Notes, n)
	}
	sort.Strings(p.Notes)
}

// judgeText judges the item's changes from the texts (see judge), and
// verifies its baseline, when it has changes that reach Options.StaleOn;
// it verifies recorded baselines, claims worth checking, always, and
// every baseline with Options.Verify. Only then is the translation read
// and parsed. Changes the texts leave open are in it.j.open, for the history.
func (it *item) judgeText() {
	o := it.a.o
	it.keptChanges()
	judged := false
	for _, c := range it.changes {
		judged = judged || (c.Class >= o.StaleOn && c.State == "")
	}
	if !judged {
		for i := range it.changes {
			if it.changes[i].State == "" {
				it.changes[i].State = Cosmetic
			}
		}
		if !o.Verify && it.page.BaselineSource != Recorded {
			return
		}
	}
	it.load()
	old, cur, tr := it.a.body(it.old), it.a.body(it.src), it.a.body(it.tr)
	it.verify(old, cur, tr)
	if !judged {
		return
	}
	if placeholder(old, tr) {
		// A placeholder never carried the source: there is nothing in it
		// to update, only a page to translate.
		for i := range it.changes {
			if it.changes[i].State == "" || it.changes[i].Evidence == KeptEnglish {
				it.changes[i].State, it.changes[i].Evidence = Applied, NotCarried
			}
		}
		return
	}
	it.j = newJudge(old, cur, tr, blocks.PairsWith(tr, it.a.originalsOf(it.srcFile)), it.sides(), o.StaleOn)
	it.j.judgeText(it.changes)
}

// placeholder reports whether translation tr is a placeholder of source
// old: one block of prose at most ("This will be the translated version
// of the about page") for a source of minPlaceholderOf or more.
func placeholder(old, tr []blocks.Block) bool {
	count := func(bs []blocks.Block) int {
		n := 0
		for _, b := range bs {
			if blocks.Translatable(b) {
				n++
			}
		}
		return n
	}
	return count(tr) <= 1 && count(old) >= minPlaceholderOf
}

// minPlaceholderOf is the least number of blocks of prose of a source
// page for a translation of one block to be a placeholder.
const minPlaceholderOf = 4

// keptChanges finds the changes its translation's kept source text shows
// (see keptChanges), when it keeps any, for the history to confirm: the
// contents of a translation are searched for comments without being
// parsed. A recorded baseline is the translator's own word on which source
// the translation follows (langref mark writes it once no block is
// stale): kept text older than it is not evidence against it.
func (it *item) keptChanges() {
	if it.page.BaselineSource == Recorded {
		return
	}
	if it.tr == nil && it.a.uncommented(it.trFile) {
		return // seen without comments while the site loaded: not read again
	}
	it.load()
	if !bytes.Contains(it.tr, []byte("<!--")) {
		return
	}
	ks, k := it.a.keptSource(it.old, it.src)
	it.pairs = append(it.pairs, k)
	it.kept = keptChanges(it.tr, ks)
}

// addKept adds the kept changes the history confirmed to the item's
// changes, but on blocks that have a change already.
func (it *item) addKept(cs []Change) {
	it.kept = nil
	if len(cs) == 0 {
		return
	}
	seen := map[int]bool{}
	for _, c := range it.changes {
		seen[c.Line] = true
	}
	for _, c := range cs {
		if !seen[c.Line] {
			seen[c.Line] = true
			it.changes = append(it.changes, c)
		}
	}
	slices.SortStableFunc(it.changes, func(a, b Change) int { return max(a.Line, a.OldLine) - max(b.Line, b.OldLine) })
	it.page.Changes = it.changes
}

// verified are the aspects of structure whose lack makes a baseline
// suspect: those a translator translates rather than leaves out.
var verified = map[Aspect]bool{Headings: true, CodeBlock: true, MathBlock: true, ListItems: true, Images: true, Tables: true}

// verify marks the item's page suspect when its translation tr lacks
// structure that the source had at the baseline (old) and still has
// (cur). The source pages' structure is made once for all their
// translations (sourceItems), the translation's once for both.
func (it *item) verify(old, cur, tr []blocks.Block) {
	sd := it.sides()
	trItems := items(tr, sd)
	var miss []Mismatch
	var now map[Aspect]Mismatch
	for _, m := range compareItems(it.a.sourceItems(it.srcFile, it.old, old, sd), trItems) {
		if !verified[m.Aspect] || m.Translation >= m.Source {
			continue
		}
		if now == nil {
			now = map[Aspect]Mismatch{}
			for _, n := range compareItems(it.a.sourceItems(it.srcFile, it.src, cur, sd), trItems) {
				now[n.Aspect] = n
			}
		}
		if n, ok := now[m.Aspect]; ok && n.Translation < n.Source {
			miss = append(miss, m)
		}
	}
	it.page.Unverified, it.page.Suspect = miss, len(miss) > 0
}

// sourceItems returns items(bs, sd.source()) for bs, the blocks of
// contents src of source page f, made once per distinct contents for all
// the translations of f: the source side of Sides is f's alone. It is
// safe for concurrent use.
func (a *analysis) sourceItems(f *site.File, src []byte, bs []blocks.Block, sd Sides) map[Aspect][]elem {
	k := contentKey(src)
	a.mu.Lock()
	its, ok := a.srcItems[f][k]
	a.mu.Unlock()
	if ok {
		return its
	}
	its = items(bs, sd.source())
	a.mu.Lock()
	if a.srcItems[f] == nil {
		a.srcItems[f] = map[string]map[Aspect][]elem{}
	}
	a.srcItems[f][k] = its
	a.mu.Unlock()
	return its
}

// reconstruct returns the source text a translation keeps in HTML comments,
// with the blocks translations copy (code, math) in place: the source page
// as it was translated. It fails unless every translated block follows a
// comment.
func reconstruct(tr []blocks.Block) ([]blocks.Block, bool) {
	pairs := blocks.Pairs(tr)
	if len(pairs) == 0 {
		return nil, false
	}
	start := map[int]blocks.CommentPair{}
	covered := map[int]bool{}
	for _, p := range pairs {
		start[p.Comment.Line] = p
		for _, b := range p.Translation {
			covered[b.Line] = blocks.Translatable(b)
		}
	}
	var out []blocks.Block
	for _, b := range tr {
		switch {
		case b.Kind == blocks.Comment:
			if p, ok := start[b.Line]; ok {
				out = append(out, p.Original...)
			}
		case covered[b.Line]:
		case blocks.Translatable(b):
			return nil, false
		default:
			out = append(out, b)
		}
	}
	return out, true
}

// structureClass is the class of a source change that a structural
// difference stands for.
var structureClass = map[Aspect]change.Class{
	Headings: change.Content, ListItems: change.Content, Tables: change.Content,
	CodeBlock: change.Verbatim, MathBlock: change.Verbatim, Images: change.Verbatim, Links: change.Verbatim,
}

// fromStructure turns structural differences into changes.
func fromStructure(ms []Mismatch) []Change {
	out := []Change{}
	for _, m := range ms {
		out = append(out, Change{Class: structureClass[m.Aspect], Kind: "modified", Line: m.SourceLine,
			Text: string(m.Aspect) + ": " + strconv.Itoa(m.Source) + " → " + strconv.Itoa(m.Translation)})
	}
	return out
}

// release lets go of what the finished item read: its old source page,
// and, with Options.Release, the contents of its files and what was
// computed from them once no other item needs them.
func (it *item) release() {
	it.old = nil
	a := it.a
	if !a.o.Release {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pairsOf[it.srcFile] = append(a.pairsOf[it.srcFile], it.pairs...)
	a.drop(it.trFile)
	a.drop(it.srcFile)
	it.tr, it.src, it.pairs = nil, nil, nil
}

// dropAll forgets the front matter fields (unless Options.KeepFields)
// and the contents of the items' files, read by now: the graph is built and the recorded baselines are
// known. Items read their contents again when they need them (load), one
// source page at a time; the hashes cache keys need are taken first.
func (a *analysis) dropAll() {
	if !a.o.NoCache {
		a.fileSums = map[*site.File]string{}
		for _, it := range a.items {
			a.sum(it.trFile)
			a.sum(it.srcFile)
		}
	}
	for _, it := range a.items {
		for _, f := range []*site.File{it.trFile, it.srcFile} {
			if !a.o.KeepFields {
				f.Doc.Fields = nil
			}
			f.Doc.Body, f.Src = nil, nil
		}
		it.tr, it.src = nil, nil
	}
}

// sum hashes the contents of f once; the files of a lean site come
// hashed (site.File.Sum).
func (a *analysis) sum(f *site.File) {
	if _, ok := a.fileSums[f]; !ok && f.Src != nil {
		h := sha256.Sum256(f.Src)
		a.fileSums[f] = hex.EncodeToString(h[:])
	}
}

// load makes sure the item holds the contents of its files, reading them
// again when Options.Release dropped them.
func (it *item) load() {
	if it.tr == nil {
		it.tr = it.a.reread(it.trFile, nil)
	}
	it.loadSource()
}

// loadSource is load for the source page alone. Most source pages are
// what they were at their translations' baselines: the page then, already
// in memory, stands for the file when its hash is the one the site took.
func (it *item) loadSource() {
	if it.src == nil {
		var same []byte
		if it.settling != nil {
			same = it.old
		}
		it.src = it.a.reread(it.srcFile, same)
	}
}

// uncommented reports whether f was seen without an HTML comment while
// the site loaded (Prefetch.SeeContents).
func (a *analysis) uncommented(f *site.File) bool {
	pre := a.o.Prefetch
	return pre != nil && pre.root == a.g.Site.Root && pre.uncommentedFile(f)
}

// reread returns the contents of f, read once for all the items that need
// them at the same time: those who ask while it is read wait for it. When
// same, contents f may have (a past version of the page), hashes to the
// sum the site took of f as it loaded it, same is returned instead of the
// file read again: results describe the page as loaded either way, and a
// read costs three system calls. It is safe for concurrent use.
func (a *analysis) reread(f *site.File, same []byte) []byte {
	a.mu.Lock()
	for {
		if b, ok := a.contents[f]; ok {
			a.mu.Unlock()
			return b
		}
		wait, ok := a.reading[f]
		if !ok {
			break
		}
		a.mu.Unlock()
		<-wait
		a.mu.Lock()
	}
	done := make(chan struct{})
	a.reading[f] = done
	a.mu.Unlock()
	b, err := a.contentsOf(f, same)
	a.mu.Lock()
	defer a.mu.Unlock()
	if err != nil && a.err == nil {
		a.err = err
	}
	if b == nil {
		b = []byte{}
	}
	a.contents[f] = b
	delete(a.reading, f)
	close(done)
	return b
}

// contentsOf returns the contents of f: same when it is what the site
// loaded (see reread), else the file read again.
func (a *analysis) contentsOf(f *site.File, same []byte) ([]byte, error) {
	if same != nil && f.Src == nil && f.Sum != nil && len(same) == f.Size() && sha256.Sum256(same) == *f.Sum {
		return same, nil
	}
	return a.g.Site.Contents(f) // the contents hashed at load: Contents checks
}

// drop forgets a file's contents once its last item is finished. The
// caller holds a.mu.
func (a *analysis) drop(f *site.File) {
	if a.users[f]--; a.users[f] > 0 {
		return
	}
	delete(a.users, f)
	src := f.Src
	if b, ok := a.contents[f]; ok {
		src = b
		delete(a.contents, f)
	}
	for _, k := range a.pairsOf[f] {
		delete(a.compared, k)
		delete(a.kept, k)
		delete(a.steps, k)
		for _, c := range []string{k.old, k.new} {
			delete(a.parsed, c)
			delete(a.bodyAt, c)
		}
	}
	delete(a.pairsOf, f)
	delete(a.lineages, f)
	delete(a.normed, f)
	delete(a.originals, f)
	delete(a.srcItems, f)
	delete(a.parsed, string(src))
	delete(a.bodyAt, string(src))
	f.Src = nil
	if f.Doc != nil {
		f.Doc.Body = nil
	}
}
