package cachefile

import (
	"encoding/binary"
	"math"
	"unsafe"
)

// Decoder reads the varints and strings of a cache file's body, never
// past its end: the first value that cannot be read sets Bad, which
// sticks, and every later read returns a zero value. Strings are parts of
// one string sharing the body's memory, which must not change after.
type Decoder struct {
	B   []byte
	S   string // B, unsafely, for strings to be parts of
	Off int
	Bad bool
}

// NewDecoder returns a decoder of b from offset off.
func NewDecoder(b []byte, off int) *Decoder {
	d := &Decoder{B: b, Off: off}
	if len(b) > 0 {
		d.S = unsafe.String(&b[0], len(b))
	}
	return d
}

// Uint reads an unsigned varint.
func (d *Decoder) Uint() uint64 {
	if d.Bad {
		return 0
	}
	v, n := binary.Uvarint(d.B[d.Off:])
	if n <= 0 {
		d.Bad = true
		return 0
	}
	d.Off += n
	return v
}

// Int reads a count: never more than an int32 holds.
func (d *Decoder) Int() int {
	v := d.Uint()
	if v > math.MaxInt32 {
		d.Bad = true
		return 0
	}
	return int(v)
}

// Num reads a signed varint that an int holds.
func (d *Decoder) Num() int {
	if d.Bad {
		return 0
	}
	v, n := binary.Varint(d.B[d.Off:])
	if n <= 0 || int64(int(v)) != v {
		d.Bad = true
		return 0
	}
	d.Off += n
	return int(v)
}

// Byte reads one byte.
func (d *Decoder) Byte() byte {
	if d.Bad || d.Off >= len(d.B) {
		d.Bad = true
		return 0
	}
	d.Off++
	return d.B[d.Off-1]
}

// Count reads the length of a list whose elements take at least size
// bytes each, never more than the rest of the body can hold.
func (d *Decoder) Count(size int) int {
	n := d.Uint()
	if n > uint64((len(d.B)-d.Off)/size) {
		d.Bad = true
		return 0
	}
	return int(n)
}

// Str reads a string: its length, then its bytes.
func (d *Decoder) Str() string {
	n := d.Uint()
	if n > uint64(len(d.B)-d.Off) {
		d.Bad = true
		return ""
	}
	s := d.S[d.Off : d.Off+int(n)]
	d.Off += int(n)
	return s
}

// Strs reads a list of strings, nil when empty.
func (d *Decoder) Strs() []string {
	n := d.Count(1)
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.Str()
	}
	return ss
}
