//go:build unix

package fsread

import (
	"bytes"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"
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

// TestAListedFileThatIsAPipeDoesNotWait: a file listed as regular (its
// size given) that a named pipe without a writer has replaced is read as
// empty or fails; it never waits for a writer.
func TestAListedFileThatIsAPipeDoesNotWait(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() {
		// Failing is fine; only waiting, or reading something, is not.
		if got, err := AppendSize(nil, p, 10); err == nil && len(got) != 0 {
			done <- fmt.Errorf("read %q from a pipe without a writer", got)
		}
		done <- nil
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(time.Minute): // a hang guard, not a timing
		t.Fatal("AppendSize waited for a writer of a named pipe")
	}
}
