package history

import (
	"encoding/hex"
	"fmt"
)

// ObjectID is a git object id held in binary, without pointers, so that
// the hundreds of thousands a large history has cost the garbage
// collector nothing. The zero ObjectID names no object. It fits SHA-1 and
// SHA-256 repositories.
type ObjectID struct {
	b [32]byte
	n uint8
}

// ParseObjectID reads a full object id in hex. The all-zero id git prints
// for an absent side of a change reads as the zero ObjectID.
func ParseObjectID(s string) (ObjectID, error) {
	var id ObjectID
	if len(s) != 40 && len(s) != 64 {
		return id, fmt.Errorf("bad object id %q", s)
	}
	if _, err := hex.Decode(id.b[:], []byte(s)); err != nil {
		return id, fmt.Errorf("bad object id %q", s)
	}
	id.n = uint8(len(s) / 2)
	if id.b == ([32]byte{}) {
		return ObjectID{}, nil
	}
	return id, nil
}

// IsZero reports whether id names no object.
func (id ObjectID) IsZero() bool { return id.n == 0 }

// String returns id in hex, as git prints it, or "" for the zero id.
func (id ObjectID) String() string { return hex.EncodeToString(id.b[:id.n]) }
