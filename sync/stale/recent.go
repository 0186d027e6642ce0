package stale

import "github.com/langref/langref/sync/history"

// recentBytes bounds the contents recent holds: enough for the versions
// that the translations of a few source pages, let into the pipeline one
// after another, share.
const recentBytes = 16 << 20

// recent holds the blobs read last, up to a number of bytes, so that a
// trace that asks for a blob another trace has just had reads it again
// from memory rather than from git. Most such blobs are the versions of a
// source page that its translations share: the first to enter asks git,
// and the others, once it has answered, would ask again.
//
// It is not safe for concurrent use.
type recent struct {
	max   int
	size  int
	data  map[history.ObjectID][]byte
	order []history.ObjectID // oldest first
}

func newRecent(max int) *recent {
	return &recent{max: max, data: map[history.ObjectID][]byte{}}
}

// get returns the contents of blob id, if held.
func (r *recent) get(id history.ObjectID) ([]byte, bool) {
	b, ok := r.data[id]
	return b, ok
}

// add holds the contents of blob id, letting go of the oldest blobs held
// beyond the limit; a blob larger than the limit is not held.
func (r *recent) add(id history.ObjectID, b []byte) {
	if _, ok := r.data[id]; ok || len(b) > r.max {
		return
	}
	r.data[id], r.size = b, r.size+len(b)
	r.order = append(r.order, id)
	for r.size > r.max {
		old := r.order[0]
		r.order = r.order[1:]
		r.size -= len(r.data[old])
		delete(r.data, old)
	}
}
