package history

import (
	"fmt"
	"slices"
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

// TestStreamBlobsManyAsks asks from got and from outside it, one id at a
// time, many more than lowWater: the ids that wait while git has answers
// to give all go to git, and come back in the order asked.
func TestStreamBlobsManyAsks(t *testing.T) {
	r := linearRepo(t)
	repo, h := r.load("docs")
	log := h.FileLog("docs/en/a.md")
	ids := []ObjectID{log[0].Blob, log[0].OldBlob, log[2].Blob, {}}
	var got []ObjectID
	var s *BlobStream
	n := 0
	s = repo.StreamBlobs(func(id ObjectID, _ []byte, _ bool) {
		got = append(got, id)
		if n < 200 {
			n++
			s.Ask(ids[n%len(ids)])
		}
	})
	var want []ObjectID
	for i := range 100 {
		s.Ask(ids[i%len(ids)])
		want = append(want, ids[i%len(ids)])
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if len(got) != 300 {
		t.Fatalf("got %d blobs, want 300", len(got))
	}
	for i := range 100 {
		if got[i] != want[i] {
			t.Fatalf("blob %d is %s, want %s, the one asked for %dth", i, got[i], want[i], i)
		}
	}
}

// TestStreamBlobsOlderGit streams as with a git older than
// batchCommandVersion, with git cat-file --batch, whatever the git here.
func TestStreamBlobsOlderGit(t *testing.T) {
	gitVersions.Lock()
	saved := gitVersions.m
	gitVersions.m = map[string]bool{}
	gitVersions.Unlock()
	t.Cleanup(func() {
		gitVersions.Lock()
		gitVersions.m = saved
		gitVersions.Unlock()
	})
	r := linearRepo(t)
	repo, h := r.load("docs")
	gitVersions.Lock()
	gitVersions.m[repo.git] = false
	gitVersions.Unlock()
	log := h.FileLog("docs/en/a.md")
	var got []string
	s := repo.StreamBlobs(func(_ ObjectID, data []byte, ok bool) { got = append(got, fmt.Sprintf("%q %v", data, ok)) })
	for range 40 {
		s.Ask(log[0].OldBlob, ObjectID{})
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	want := slices.Repeat([]string{fmt.Sprintf("%q true", page("a")+"more\n"), `"" false`}, 40)
	equalLines(t, got, want)
}

func TestAtLeast(t *testing.T) {
	tests := []struct {
		out  string
		want bool
	}{
		{"git version 2.36.0\n", true},
		{"git version 2.39.5\n", true},
		{"git version 2.45.1.windows.1\n", true},
		{"git version 2.39.3 (Apple Git-145)\n", true},
		{"git version 3.0\n", true},
		{"git version 2.35.8\n", false},
		{"git version 2.34.1\n", false},
		{"git version 1.99.0\n", false},
		{"git version x.y\n", false},
		{"", false},
		{"hub version 2.40\n", false},
	}
	for _, tt := range tests {
		if got := atLeast(tt.out, batchCommandVersion); got != tt.want {
			t.Errorf("atLeast(%q, 2.36) = %v, want %v", tt.out, got, tt.want)
		}
	}
}
