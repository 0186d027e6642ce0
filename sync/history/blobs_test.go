package history

import (
	"fmt"
	"strings"
	"testing"
)

func TestBlobs(t *testing.T) {
	r := linearRepo(t)
	repo, _ := r.load("docs")
	add := r.Hash["add"]
	blobs, missing, err := repo.Blobs([]string{
		"HEAD:docs/en/a.md",
		add + ":docs/en/a.md",
		add[:8] + ":docs/fr/a.md",
		"HEAD:docs/zh/中文 名.md",
		`HEAD:docs/fr/é "q".md`,
		"HEAD:docs/en/a.md", // duplicate
		"HEAD:docs/fr/a.md", // renamed away
		"HEAD:docs",         // a folder
		"nosuchrev:docs/en/a.md",
		"HEAD:docs/new\nline.md", // cannot be asked on one line
		"",
	})
	if err != nil {
		t.Fatal(err)
	}
	wantBlobs := map[string]string{
		"HEAD:docs/en/a.md":       page("a") + "more\nand more\n",
		add + ":docs/en/a.md":     page("a"),
		add[:8] + ":docs/fr/a.md": page("fr a"),
		"HEAD:docs/zh/中文 名.md":    page("zh"),
		`HEAD:docs/fr/é "q".md`:   page("q"),
	}
	for spec, want := range wantBlobs {
		t.Run(spec, func(t *testing.T) {
			if got, ok := blobs[spec]; !ok || string(got) != want {
				t.Errorf("got %q (found: %v); want %q", got, ok, want)
			}
		})
	}
	if len(blobs) != len(wantBlobs) {
		t.Errorf("got %d blobs; want %d", len(blobs), len(wantBlobs))
	}
	equalLines(t, missing, []string{"HEAD:docs/fr/a.md", "HEAD:docs", "nosuchrev:docs/en/a.md", "HEAD:docs/new\nline.md", ""})
}

// TestBlobsMany asks for more data than a pipe holds, to check that writing
// the requests and reading the answers do not wait on each other.
func TestBlobsMany(t *testing.T) {
	r := newTestRepo(t)
	big := strings.Repeat("0123456789abcdef\n", 4<<10)
	r.Write("docs/big.md", big)
	r.Commit("big")
	repo, _ := r.load()
	var specs []string
	for k := range 300 {
		specs = append(specs, fmt.Sprintf("HEAD%s:docs/big.md", strings.Repeat("^0", k)))
	}
	blobs, missing, err := repo.Blobs(specs)
	if err != nil {
		t.Fatal(err)
	}
	if len(blobs) != len(specs) || len(missing) != 0 || string(blobs[specs[299]]) != big {
		t.Errorf("got %d blobs and %d missing; want %d and 0", len(blobs), len(missing), len(specs))
	}
}

func TestResolveCommits(t *testing.T) {
	r := linearRepo(t)
	repo, _ := r.load("docs")
	add, head := r.Hash["add"], r.Hash["readme"]
	tests := []struct {
		name, rev, want string
	}{
		{"full hash", add, add},
		{"abbreviated hash", add[:7], add},
		{"HEAD", "HEAD", head},
		{"branch", "main", head},
		{"ancestor", "HEAD~6", add},
		{"bogus", "deadbeefdeadbeef", ""},
		{"not a commit", "HEAD:docs", ""},
		{"empty", "", ""},
	}
	var revs []string
	for _, tt := range tests {
		revs = append(revs, tt.rev)
	}
	got, err := repo.ResolveCommits(revs)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got[tt.rev] != tt.want {
				t.Errorf("ResolveCommits(%q) = %q; want %q", tt.rev, got[tt.rev], tt.want)
			}
		})
	}
	if len(got) != 5 {
		t.Errorf("got %d revs resolved; want 5", len(got))
	}
}

// TestEachBlob checks that EachBlob hands over every distinct spec once:
// the unaskable ones first, then the others in order.
func TestEachBlob(t *testing.T) {
	r := linearRepo(t)
	repo, _ := r.load("docs")
	var got []string
	err := repo.EachBlob([]string{"HEAD:docs/en/a.md", "HEAD:docs/fr/a.md", "", "HEAD:docs/en/a.md", "HEAD:docs"},
		func(spec string, data []byte, ok bool) {
			got = append(got, fmt.Sprintf("%s %v %d", spec, ok, len(data)))
		})
	if err != nil {
		t.Fatal(err)
	}
	n := len(page("a") + "more\nand more\n")
	equalLines(t, got, []string{" false 0", fmt.Sprintf("HEAD:docs/en/a.md true %d", n),
		"HEAD:docs/fr/a.md false 0", "HEAD:docs false 0"})
}
