package history

import (
	"fmt"
	"strings"
	"testing"
)

// TestStreamBlobs: blobs asked for while others are read come on the
// same process, in the order asked; the zero id and ids of no object are
// answered missing.
func TestStreamBlobs(t *testing.T) {
	r := linearRepo(t)
	repo, h := r.load("docs")
	log := h.FileLog("docs/en/a.md") // both, edit en, add: newest first
	if len(log) != 3 {
		t.Fatalf("docs/en/a.md: %d events, want 3", len(log))
	}
	absent, _ := ParseObjectID(strings.Repeat("ab", 20))
	var got []string
	var s *BlobStream
	s = repo.StreamBlobs(func(id ObjectID, data []byte, ok bool) {
		got = append(got, fmt.Sprintf("%q %v", data, ok))
		if id == log[0].Blob { // the newest version: ask for the one before, and others
			s.Ask(log[0].OldBlob, ObjectID{}, absent, log[2].Blob)
		}
	})
	s.Ask(log[0].Blob)
	s.Ask() // nothing
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	equalLines(t, got, []string{
		fmt.Sprintf("%q true", page("a")+"more\nand more\n"),
		fmt.Sprintf("%q true", page("a")+"more\n"),
		`"" false`,
		`"" false`,
		fmt.Sprintf("%q true", page("a")),
	})
}

// TestStreamBlobsMany asks from got for more data than a pipe holds, to
// check that asking, writing and reading do not wait on one another.
func TestStreamBlobsMany(t *testing.T) {
	r := newTestRepo(t)
	big := strings.Repeat("0123456789abcdef\n", 4<<10)
	r.Write("docs/big.md", big)
	r.Commit("big")
	repo, h := r.load()
	id := h.FileLog("docs/big.md")[0].Blob
	n, bad := 0, 0
	var s *BlobStream
	s = repo.StreamBlobs(func(_ ObjectID, data []byte, ok bool) {
		if n++; !ok || string(data) != big {
			bad++
		}
		if n == 1 {
			for range 299 {
				s.Ask(id)
			}
		}
	})
	s.Ask(id)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if n != 300 || bad != 0 {
		t.Errorf("got %d blobs, %d of them wrong; want 300, none wrong", n, bad)
	}
}

// TestStreamBlobsNoGit: when git cannot run, every blob is answered
// missing and Close says why.
func TestStreamBlobsNoGit(t *testing.T) {
	r := linearRepo(t)
	repo, h := r.load("docs")
	repo.Root = t.TempDir() + "/gone" // git cannot start in a folder that is not there
	var got []bool
	s := repo.StreamBlobs(func(_ ObjectID, _ []byte, ok bool) { got = append(got, ok) })
	s.Ask(h.FileLog("docs/en/a.md")[0].Blob, ObjectID{})
	if err := s.Close(); err == nil {
		t.Error("Close: no error, want one")
	}
	if len(got) != 2 || got[0] || got[1] {
		t.Errorf("got %v, want two missing", got)
	}
}

// TestStreamBlobsEmpty: a stream asked for nothing closes at once.
func TestStreamBlobsEmpty(t *testing.T) {
	repo, _ := linearRepo(t).load("docs")
	if err := repo.StreamBlobs(func(ObjectID, []byte, bool) { t.Error("got called") }).Close(); err != nil {
		t.Fatal(err)
	}
}
