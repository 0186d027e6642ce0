package change

import (
	"hash/maphash"
	"sync"

	"github.com/langref/langref/translate/blocks"
)

// A Memo remembers the classes Classify gave, so that a pair of texts met
// again is not classified again: the changes of a source page are
// compared from the baseline of each of its translations, and step by
// step through its history, which meet the same edited blocks many times.
// Pairs are remembered by a 128-bit hash of each text, not by the texts,
// which would keep the contents they are cut from in memory. The zero
// value is ready to use; a Memo is safe for concurrent use, and a nil
// *Memo remembers nothing.
type Memo struct {
	mu sync.Mutex
	m  map[memoKey]Class
}

// memoKey names a pair of texts by their hashes.
type memoKey [4]uint64

var memoSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func memoKeyOf(old, new string) memoKey {
	return memoKey{
		maphash.String(memoSeeds[0], old), maphash.String(memoSeeds[1], old),
		maphash.String(memoSeeds[0], new), maphash.String(memoSeeds[1], new),
	}
}

// Classify is Classify, remembered.
func (m *Memo) Classify(old, new string) Class {
	if m == nil || old == new {
		return Classify(old, new)
	}
	k := memoKeyOf(old, new)
	m.mu.Lock()
	c, ok := m.m[k]
	m.mu.Unlock()
	if ok {
		return c
	}
	c = Classify(old, new)
	m.mu.Lock()
	if m.m == nil {
		m.m = map[memoKey]Class{}
	}
	m.m[k] = c
	m.mu.Unlock()
	return c
}

// CompareBlocks is CompareBlocks, its modified blocks classified through m.
func (m *Memo) CompareBlocks(old, new []blocks.Block) []Change {
	return compareBlocks(old, new, m)
}
