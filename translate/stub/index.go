package stub

import (
	"slices"
	gosync "sync"
)

// Index holds the prose openings of many English pages, so that one pass
// over a translation finds every page it may be a stub of: Find(body)
// lists page p exactly when MayBeStub(the body of p, body) holds. It
// lets a caller run the quick test while it reads each translation for
// another reason, before it knows which page the translation pairs with.
//
// Add pages (on any number of goroutines), then Find (on any number of
// goroutines); Add must not be called once Find has been.
type Index struct {
	mu gosync.Mutex
	// added holds the openings of each page Add saw, which build gathers
	// into ops: one allocation of the right size per page, rather than a
	// slice grown for each page, then one shared by all pages grown again
	// and again under the lock (on a site of 20,000 English pages, 130 MB
	// allocated for 16 MB of openings).
	added [][]indexed
	ops   []indexed
	built gosync.Once
	// byWindow gives the first opening (an index in ops) with the hash of
	// its words (windowHash), and sameWindow the next one after each:
	// most windows are one opening's, and a map of slices costs an
	// allocation per opening. lens marks the word counts openings have.
	byWindow   map[uint64]int32
	sameWindow []int32 // by index in ops, -1 for the last
	lens       [minWords + 2]bool
	// lastWords holds a bit for the hash of every opening's last word, so
	// that most words of a translation are passed over at once, and
	// windows one for the hash of every opening, so that most others need
	// no look-up in byWindow; the masks select a bit in each.
	lastWords, windows   []uint64
	lastMask, windowMask uint64
}

// indexed is an opening of one page.
type indexed struct {
	op   opening
	page int32
}

// MaxFound is the most pages Find lists. A translation holding English
// lines found in more pages (boilerplate that many pages share) may be a
// stub of any of them: Find says so rather than list them.
const MaxFound = 8

// Add indexes the openings of the English page numbered page, whose body
// (after the front matter) is englishBody. It is safe for concurrent use.
func (ix *Index) Add(page int32, englishBody []byte) {
	buf := addScratch.Get().(*[]indexed)
	defer addScratch.Put(buf)
	ops := (*buf)[:0] // lines that open alike repeat: Find lists a page once
	eachOpening(englishBody, func(op opening) { ops = append(ops, indexed{op, page}) })
	*buf = ops
	if len(ops) == 0 {
		return
	}
	ops = append([]indexed(nil), ops...)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.added = append(ix.added, ops)
}

// addScratch holds the slices Add gathers a page's openings in.
var addScratch = gosync.Pool{New: func() any { return new([]indexed) }}

func (ix *Index) build() {
	n := 0
	for _, ops := range ix.added {
		n += len(ops)
	}
	ix.ops = make([]indexed, 0, n)
	for _, ops := range ix.added {
		ix.ops = append(ix.ops, ops...)
	}
	ix.added = nil
	ix.byWindow = make(map[uint64]int32, len(ix.ops))
	ix.sameWindow = make([]int32, len(ix.ops))
	last := map[uint64]bool{}
	// Backwards, so that each window's openings chain in the order of ops.
	for i := len(ix.ops) - 1; i >= 0; i-- {
		op := &ix.ops[i].op
		h := windowHash(op.w[:op.n])
		next, ok := ix.byWindow[h]
		if !ok {
			next = -1
		}
		ix.sameWindow[i] = next
		ix.byWindow[h] = int32(i)
		ix.lens[op.n] = true
		last[op.w[op.n-1]] = true
	}
	// 16 bits an entry or more: few false hits. Pages share most of
	// their last words, and the smaller set stays in the processor's
	// cache.
	ix.lastWords, ix.lastMask = bloom(len(last))
	ix.windows, ix.windowMask = bloom(len(ix.byWindow))
	for w := range last {
		setBit(ix.lastWords, w&ix.lastMask)
	}
	for h := range ix.byWindow {
		setBit(ix.windows, h&ix.windowMask)
	}
}

// bloom returns the bits of a bloom filter for n entries, and the mask
// that selects one.
func bloom(n int) ([]uint64, uint64) {
	bits := uint64(1024)
	for bits < 16*uint64(n) {
		bits *= 2
	}
	return make([]uint64, bits/64), bits - 1
}

func setBit(bs []uint64, b uint64)      { bs[b/64] |= 1 << (b % 64) }
func hasBit(bs []uint64, b uint64) bool { return bs[b/64]&(1<<(b%64)) != 0 }

// Find appends to pages, and returns, the pages with an opening that
// appears in translationBody as MayBeStub looks for it, each once, in
// no particular order; all reports false when there are more than
// MaxFound of them (pages then holds some). It is safe for concurrent
// use.
func (ix *Index) Find(translationBody []byte, pages []int32) (_ []int32, all bool) {
	ix.built.Do(ix.build)
	if len(ix.ops) == 0 {
		return pages, true
	}
	start := len(pages)
	var ring [8]uint64 // the last words read, word k at ring[k&7]
	sc := wordScanner{b: translationBody}
	for k := 1; ; k++ {
		h, ok := sc.next()
		if !ok {
			return pages, true
		}
		ring[k&7] = h
		if !hasBit(ix.lastWords, h&ix.lastMask) {
			continue
		}
		// The windows of 1, 2, ... words ending at word k, hashed as
		// windowHash does, from their last word back.
		wh := uint64(0)
		for n := 1; n <= min(k, minWords+1); n++ {
			wh = mix(wh ^ ring[(k-n+1)&7])
			if !ix.lens[n] || !hasBit(ix.windows, wh&ix.windowMask) {
				continue
			}
			i, ok := ix.byWindow[wh]
			for ; ok && i >= 0; i = ix.sameWindow[i] {
				x := &ix.ops[i]
				if x.op.n != n || !x.op.endsAt(&ring, k) || slices.Contains(pages[start:], x.page) {
					continue
				}
				if len(pages)-start == MaxFound {
					return pages, false
				}
				pages = append(pages, x.page)
			}
		}
	}
}

// windowHash combines the hashes of consecutive words, from the last one
// back, so that Find hashes the windows ending at a word one from the
// other.
func windowHash(ws []uint64) uint64 {
	h := uint64(0)
	for i := len(ws) - 1; i >= 0; i-- {
		h = mix(h ^ ws[i])
	}
	return h
}
