package stub

import (
	"bytes"
	"math/bits"
)

// openings are the openings of an English body's prose lines (see
// ProseLines), as hashes of their words, ready to look for in many
// translations: one pass over a translation, without copying it, finds
// whether any of them appears there.
type openings struct {
	list   []opening
	byLast map[uint64][]int32 // indexes in list, by the hash of their last word
	bloom  [16]uint64         // bits of the hashes of the last words
}

// opening is the hashes of the first words of a line, up to minWords+1.
type opening struct {
	w [minWords + 1]uint64
	n int
}

func newOpenings(englishBody []byte) openings {
	o := openings{byLast: map[uint64][]int32{}}
	seen := map[opening]bool{}
	eachOpening(englishBody, func(op opening) {
		if seen[op] {
			return
		}
		seen[op] = true
		last := op.w[op.n-1]
		o.byLast[last] = append(o.byLast[last], int32(len(o.list)))
		o.bloom[last>>6&15] |= 1 << (last & 63)
		o.list = append(o.list, op)
	})
	return o
}

// eachOpening calls f with the opening of each prose line of an English
// body (see ProseLines), repeats included.
func eachOpening(englishBody []byte, f func(opening)) {
	eachProseLine(englishBody, func(l []byte) {
		var op opening
		for sc := (wordScanner{b: l}); op.n < len(op.w); op.n++ {
			h, ok := sc.next()
			if !ok {
				break
			}
			op.w[op.n] = h
		}
		if op.n > 0 {
			f(op)
		}
	})
}

// foundIn reports whether one of the openings appears in body as
// consecutive words outside HTML comments.
func (o *openings) foundIn(body []byte) bool {
	if len(o.list) == 0 {
		return false
	}
	var ring [8]uint64 // the last words read, word k at ring[k&7]
	sc := wordScanner{b: body}
	for k := 1; ; k++ {
		h, ok := sc.next()
		if !ok {
			return false
		}
		ring[k&7] = h
		if o.bloom[h>>6&15]&(1<<(h&63)) == 0 {
			continue
		}
		for _, i := range o.byLast[h] {
			if o.list[i].endsAt(&ring, k) {
				return true
			}
		}
	}
}

// endsAt reports whether op's words are the ones in ring up to word k.
func (op *opening) endsAt(ring *[8]uint64, k int) bool {
	if op.n > k {
		return false
	}
	for j := 0; j < op.n; j++ {
		if ring[(k-op.n+1+j)&7] != op.w[j] {
			return false
		}
	}
	return true
}

// wordScanner reads the words of a text outside HTML comments, where
// translations keep English on purpose: runs of bytes other than ASCII
// space, which a comment ends as space does.
type wordScanner struct {
	b []byte
	i int
}

var commentOpen, commentClose = []byte("<!--"), []byte("-->")

// wordEnd holds the bytes that may end a word: space, and the '<' that
// may open a comment.
var wordEnd = func() (t [256]bool) {
	t = isSpace
	t['<'] = true
	return t
}()

// next returns a hash of the next word, or false at the end of the text.
func (s *wordScanner) next() (uint64, bool) {
	if !s.skip() {
		return 0, false
	}
	b, i := s.b, s.i
	start := i
	var h uint64
	for ; i < len(b); i++ {
		c := b[i]
		if wordEnd[c] && (c != '<' || bytes.HasPrefix(b[i:], commentOpen)) {
			break
		}
		h = bits.RotateLeft64(h, 7) ^ uint64(c)
	}
	s.i = i
	return mix(h ^ uint64(i-start)<<56), true
}

// skip moves past space and comments to the start of the next word, and
// reports whether there is one. An unclosed comment runs to the end.
func (s *wordScanner) skip() bool {
	b, i := s.b, s.i
	for {
		for i < len(b) && isSpace[b[i]] {
			i++
		}
		if i == len(b) || b[i] != '<' || !bytes.HasPrefix(b[i:], commentOpen) {
			break
		}
		j := bytes.Index(b[i:], commentClose)
		if j < 0 {
			i = len(b)
			break
		}
		i += j + len(commentClose)
	}
	s.i = i
	return i < len(b)
}

// mix spreads the bits of h (the finaliser of splitmix64).
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}
