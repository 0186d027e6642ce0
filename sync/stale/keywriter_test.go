package stale

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"testing"
)

// TestKeyWriterHashesLongKeysAsItGoes checks that a key hashed a buffer
// at a time, as long keys are, is the hash of all its fields written out:
// the keys of the cache files written before stay valid.
func TestKeyWriterHashesLongKeysAsItGoes(t *testing.T) {
	tests := []struct {
		name   string
		fields int
	}{
		{"empty", 0},
		{"short", 3},
		{"just under a buffer", maxKeyBuffer/(len("field-0000")+1+5) - 1},
		{"several buffers", 5 * maxKeyBuffer / 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want strings.Builder
			k := newKey()
			for i := range tt.fields {
				f := "field-" + strconv.Itoa(10000 + i)[1:]
				k.str(f)
				k.num(i)
				k.raw([]byte{byte(i), 0xff})
				want.WriteString(f + "\x00" + strconv.Itoa(i) + "\x00" + string([]byte{byte(i), 0xff}) + "\x00")
			}
			sum := sha256.Sum256([]byte(want.String()))
			if got := k.sum(); got != hex.EncodeToString(sum[:]) {
				t.Errorf("key %s, want the hash of the fields %x", got, sum)
			}
			// A writer given back after a long key starts afresh.
			k = newKey()
			k.str("a")
			sum = sha256.Sum256([]byte("a\x00"))
			if got := k.sum(); got != hex.EncodeToString(sum[:]) {
				t.Errorf("next key %s, want %x", got, sum)
			}
		})
	}
}
