package history

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// TestInspect clones a small repository in the ways CI does and tells them
// apart: full, shallow (--depth 1), partial (--filter=blob:none), both.
func TestInspect(t *testing.T) {
	r := newTestRepo(t)
	r.Write("docs/en/a.md", "a\n")
	r.Commit("one")
	r.Write("docs/en/a.md", "b\n")
	r.Commit("two")
	// file:// makes git honour --depth and --filter on a local clone; the
	// filter needs uploadpack.allowFilter on the source.
	r.Git("config", "uploadpack.allowFilter", "true")
	url := "file://" + filepath.ToSlash(r.Dir)
	tests := []struct {
		name  string
		flags []string
		want  Completeness
	}{
		{"full clone", nil, Completeness{}},
		{"shallow clone", []string{"--depth", "1"}, Completeness{Shallow: true}},
		{"partial clone", []string{"--filter=blob:none"}, Completeness{Partial: true, Remote: "origin", Filter: "blob:none"}},
		{"shallow and partial", []string{"--depth", "1", "--filter=blob:none"}, Completeness{Shallow: true, Partial: true, Remote: "origin", Filter: "blob:none"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "clone")
			args := append(append([]string{"clone", "-q"}, tt.flags...), url, dir)
			if out, err := exec.Command("git", args...).CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
			got, err := Inspect(filepath.Join(dir, "docs"))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Inspect = %+v, want %+v", got, tt.want)
			}
			if got.Complete() != (tt.want == Completeness{}) {
				t.Errorf("Complete() = %v", got.Complete())
			}
		})
	}
	t.Run("no git", func(t *testing.T) {
		got, err := Inspect(t.TempDir())
		if err != nil || !got.NoGit || got.Complete() {
			t.Errorf("Inspect outside a work tree = %+v, %v; want NoGit", got, err)
		}
	})
}
