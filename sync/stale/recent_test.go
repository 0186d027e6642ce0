package stale

import (
	"fmt"
	"testing"

	"github.com/langref/langref/sync/history"
)

func TestRecent(t *testing.T) {
	id := func(b byte) history.ObjectID {
		o, err := history.ParseObjectID(fmt.Sprintf("%040x", b))
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	tests := []struct {
		name string
		max  int
		add  map[byte]string // added in key order
		keys []byte
		held []byte
		gone []byte
	}{
		{"under the limit", 10, map[byte]string{1: "abc", 2: "def"}, []byte{1, 2}, []byte{1, 2}, nil},
		{"oldest let go first", 6, map[byte]string{1: "abc", 2: "def", 3: "gh"}, []byte{1, 2, 3}, []byte{2, 3}, []byte{1}},
		{"larger than the limit not held", 4, map[byte]string{1: "abc", 2: "defgh"}, []byte{1, 2}, []byte{1}, []byte{2}},
		{"added twice counted once", 6, map[byte]string{1: "abc", 2: "abc"}, []byte{1, 1, 2}, []byte{1, 2}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRecent(tt.max)
			for _, k := range tt.keys {
				r.add(id(k), []byte(tt.add[k]))
			}
			for _, k := range tt.held {
				if b, ok := r.get(id(k)); !ok || string(b) != tt.add[k] {
					t.Errorf("get(%d) = %q, %v; want %q", k, b, ok, tt.add[k])
				}
			}
			for _, k := range tt.gone {
				if _, ok := r.get(id(k)); ok {
					t.Errorf("get(%d) found a blob let go", k)
				}
			}
			if r.size > tt.max {
				t.Errorf("holds %d bytes, over the limit %d", r.size, tt.max)
			}
		})
	}
}
