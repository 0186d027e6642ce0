package history

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	gosync "sync"
)

// BlobStream reads blobs with one git cat-file process while they are
// asked for: a caller that learns which blobs it needs as it reads others
// asks for them on the same process, rather than start one process per
// round or ask for every blob that could be needed up front.
//
// Ids asked for while git still has lowWater or more answers to give wait,
// and go to git together once it runs low: one write and one flush for
// many ids, not one each. Where git allows (batchCommandVersion), git
// buffers its answers between flushes too, rather than write each in three.
type BlobStream struct {
	got func(id ObjectID, data []byte, ok bool)

	mu     gosync.Mutex
	wcond  *gosync.Cond // wakes write: ids to write, or closing
	rcond  *gosync.Cond // wakes read: ids written, or closing
	asked  []ObjectID   // to write to git
	sent   []ObjectID   // written, their answers still to read
	closed bool         // Close was called: only got may ask for more
	inGot  bool         // got is running
	err    error        // the first error: the rest are answered missing
	done   chan struct{}
}

// lowWater is how few answers git may have left to give before the ids
// asked since are written to it: enough that git never waits for them.
const lowWater = 16

// StreamBlobs starts a BlobStream. got receives each blob asked for, in
// the order asked, on a goroutine of the stream's own, with ok false for
// an id that names no blob; git waits while got runs. Call Close once
// nothing more will be asked.
func (r *Repo) StreamBlobs(got func(id ObjectID, data []byte, ok bool)) *BlobStream {
	s := &BlobStream{got: got, done: make(chan struct{})}
	s.wcond = gosync.NewCond(&s.mu)
	s.rcond = gosync.NewCond(&s.mu)
	command := r.batchCommand()
	args := []string{"cat-file", "--batch"}
	if command {
		args = []string{"cat-file", "--batch-command", "--buffer"}
	}
	cmd := r.command(r.Root, args...)
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
	go s.write(stdin, command)
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
	if len(ids) == 0 {
		return
	}
	s.mu.Lock()
	s.asked = append(s.asked, ids...)
	s.wake()
	s.mu.Unlock()
}

// wake wakes write when git runs low, and read when it is to answer the
// ids asked without git. The caller holds s.mu.
func (s *BlobStream) wake() {
	if s.err != nil {
		s.rcond.Signal()
	}
	if len(s.asked) > 0 && len(s.sent) < lowWater || s.over() || s.err != nil {
		s.wcond.Signal()
	}
}

// Close says that nothing more will be asked but from got, waits until
// every blob asked for has been handed to got, and returns the first
// error, if any.
func (s *BlobStream) Close() error {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.wcond.Broadcast()
	s.rcond.Broadcast()
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
	s.wcond.Broadcast()
	s.rcond.Broadcast()
}

// write writes the ids asked for to git as they come, until Close and
// every answer is handed over (got may ask for more until then). It
// writes once git has fewer than lowWater answers left to give: read
// wakes it as git runs low. With command, it writes git cat-file
// --batch-command's commands, a flush after each write.
func (s *BlobStream) write(stdin io.WriteCloser, command bool) {
	w := bufio.NewWriter(stdin)
	defer stdin.Close()
	for {
		s.mu.Lock()
		for !s.over() && s.err == nil && (len(s.asked) == 0 || len(s.sent) >= lowWater) {
			s.wcond.Wait()
		}
		ids := s.asked
		s.asked = nil
		s.sent = append(s.sent, ids...)
		stop := s.err != nil || len(ids) == 0 // failed, or over
		s.rcond.Signal()
		s.mu.Unlock()
		if stop {
			return
		}
		for _, id := range ids {
			if !id.IsZero() { // read answers the zero id without git
				if command {
					w.WriteString("contents ")
				}
				w.WriteString(id.String())
				w.WriteByte('\n')
			}
		}
		if command {
			w.WriteString("flush\n")
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
			s.rcond.Wait()
		}
		failed := s.err != nil || out == nil
		if failed {
			s.sent, s.asked = append(s.sent, s.asked...), nil
		}
		if len(s.sent) == 0 { // over
			s.mu.Unlock()
			s.wcond.Broadcast()
			if out == nil {
				close(s.done)
			}
			return
		}
		id := s.sent[0]
		s.sent = s.sent[1:]
		s.inGot = true
		s.wake() // git runs low: write what was asked meanwhile
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
		s.wake() // over now, perhaps
		s.mu.Unlock()
	}
}

// batchCommandVersion is the first version of git whose cat-file has
// --batch-command, and with --buffer its flush command (git 2.36).
var batchCommandVersion = [2]int{2, 36}

// batchCommand reports whether r's git has git cat-file --batch-command
// (batchCommandVersion), asking git once per binary.
func (r *Repo) batchCommand() bool {
	gitVersions.Lock()
	defer gitVersions.Unlock()
	has, ok := gitVersions.m[r.git]
	if !ok {
		out, err := r.command(r.Root, "version").Output()
		has = err == nil && atLeast(string(out), batchCommandVersion)
		gitVersions.m[r.git] = has
	}
	return has
}

// gitVersions caches batchCommand's answer by git binary.
var gitVersions = struct {
	gosync.Mutex
	m map[string]bool
}{m: map[string]bool{}}

// atLeast reports whether the output of git version, such as "git version
// 2.39.5" or "git version 2.45.1.windows.1", names version want or a
// later one.
func atLeast(out string, want [2]int) bool {
	v, ok := strings.CutPrefix(strings.TrimSpace(out), "git version ")
	if !ok {
		return false
	}
	v, _, _ = strings.Cut(v, " ")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return false
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return false
	}
	return major > want[0] || major == want[0] && minor >= want[1]
}
