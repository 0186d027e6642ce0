//go:build unix

package fsread

import (
	"bytes"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadsAFileOfUnknownSize reads a named pipe, whose size fstat does
// not give, to its end.
func TestReadsAFileOfUnknownSize(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip(err)
	}
	content := bytes.Repeat([]byte("pipe "), 20000)
	go func() {
		fd, err := syscall.Open(p, syscall.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer syscall.Close(fd)
		for b := content; len(b) > 0; {
			n, err := syscall.Write(fd, b[:min(len(b), 4096)])
			if err != nil {
				return
			}
			b = b[n:]
		}
	}()
	got, err := ReadFile(p)
	if err != nil || !bytes.Equal(got, content) {
		t.Errorf("ReadFile(fifo) = %d bytes, %v; want %d", len(got), err, len(content))
	}
}
