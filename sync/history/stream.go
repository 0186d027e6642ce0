package history

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	gosync "sync"
)

// BlobStream reads blobs with one git cat-file --batch process while
// they are asked for: a caller that learns which blobs it needs as it
// reads others asks for them on the same process, rather than start one
// process per round or ask for every blob that could be needed up front.
type BlobStream struct {
	got func(id ObjectID, data []byte, ok bool)

	mu     gosync.Mutex
	cond   *gosync.Cond // signals asked or sent growing, or closing
	asked  []ObjectID   // to write to git
	sent   []ObjectID   // written, their answers still to read
	closed bool         // Close was called: only got may ask for more
	inGot  bool         // got is running
	err    error        // the first error: the rest are answered missing
	done   chan struct{}
}

// StreamBlobs starts a BlobStream. got receives each blob asked for, in
// the order asked, on a goroutine of the stream's own, with ok false for
// an id that names no blob; git waits while got runs. Call Close once
// nothing more will be asked.
func (r *Repo) StreamBlobs(got func(id ObjectID, data []byte, ok bool)) *BlobStream {
	s := &BlobStream{got: got, done: make(chan struct{})}
	s.cond = gosync.NewCond(&s.mu)
	cmd := r.command(r.Root, "cat-file", "--batch")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	var stdout io.ReadCloser
	if err == nil {
		stdout, err = cmd.StdoutPipe()
	}
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		s.err = fmt.Errorf("git cat-file: %w", err)
		go s.read(nil)
		return s
	}
	go s.write(stdin)
	go func() {
		s.read(bufio.NewReaderSize(stdout, 64<<10))
		stdout.Close() // unblock git if reading stopped early
		if err := cmd.Wait(); err != nil {
			s.fail(gitError("cat-file", err, stderr.Bytes()))
		}
		close(s.done)
	}()
	return s
}

// Ask asks for the blobs ids; the zero id, which names no blob, is
// answered missing like any other that names none. Ask never waits for
// git: it may be called from got.
func (s *BlobStream) Ask(ids ...ObjectID) {
	s.mu.Lock()
	s.asked = append(s.asked, ids...)
	s.mu.Unlock()
	s.cond.Broadcast()
}

// Close says that nothing more will be asked but from got, waits until
// every blob asked for has been handed to got, and returns the first
// error, if any.
func (s *BlobStream) Close() error {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.cond.Broadcast()
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// fail records the first error.
func (s *BlobStream) fail(err error) {
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.mu.Unlock()
	s.cond.Broadcast()
}

// write writes the ids asked for to git as they come, until Close and
// every answer is handed over (got may ask for more until then).
func (s *BlobStream) write(stdin io.WriteCloser) {
	w := bufio.NewWriter(stdin)
	defer stdin.Close()
	for {
		s.mu.Lock()
		for len(s.asked) == 0 && !s.over() && s.err == nil {
			s.cond.Wait()
		}
		ids := s.asked
		s.asked = nil
		s.sent = append(s.sent, ids...)
		stop := s.err != nil || len(ids) == 0 // failed, or over
		s.mu.Unlock()
		s.cond.Broadcast()
		if stop {
			return
		}
		for _, id := range ids {
			if !id.IsZero() { // read answers the zero id without git
				w.WriteString(id.String())
				w.WriteByte('\n')
			}
		}
		if err := w.Flush(); err != nil {
			s.fail(fmt.Errorf("git cat-file --batch: %w", err))
			return
		}
	}
}

// over reports whether the stream is closed and every answer handed
// over, so that nothing more can be asked. The caller holds s.mu.
func (s *BlobStream) over() bool {
	return s.closed && len(s.asked) == 0 && len(s.sent) == 0 && !s.inGot
}

// read hands each answer to got in the order the ids were written, until
// the stream is over; after an error (or with no git, out nil) the ids
// left are answered missing.
func (s *BlobStream) read(out *bufio.Reader) {
	for {
		s.mu.Lock()
		for len(s.sent) == 0 && !s.over() && !((s.err != nil || out == nil) && len(s.asked) > 0) {
			s.cond.Wait()
		}
		failed := s.err != nil || out == nil
		if failed {
			s.sent, s.asked = append(s.sent, s.asked...), nil
		}
		if len(s.sent) == 0 { // over
			s.mu.Unlock()
			s.cond.Broadcast()
			if out == nil {
				close(s.done)
			}
			return
		}
		id := s.sent[0]
		s.sent = s.sent[1:]
		s.inGot = true
		s.mu.Unlock()
		var data []byte
		ok := false
		if !failed && !id.IsZero() {
			var err error
			if data, ok, err = readObject(out); err != nil {
				s.fail(fmt.Errorf("git cat-file --batch: reading %s: %w", id, err))
				data, ok = nil, false
			}
		}
		s.got(id, data, ok)
		s.mu.Lock()
		s.inGot = false
		s.mu.Unlock()
		s.cond.Broadcast()
	}
}
