package change

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/translate/blocks"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testcorpus.Cleanup()
	os.Exit(code)
}

// edit is one change of a markdown page in the corpus history, parsed.
type edit struct {
	path     string
	old, new string // blob ids
	a, b     []blocks.Block
}

var history struct {
	once  sync.Once
	edits []edit // in git log order, newest first
	err   error
}

// historyEdits returns every modification of a markdown page under docs/
// in the corpus history, its two versions parsed into blocks.
func historyEdits(tb testing.TB) []edit {
	tb.Helper()
	dir := testcorpus.Shared(tb)
	history.once.Do(func() { history.edits, history.err = loadEdits(dir) })
	if history.err != nil {
		tb.Fatal(history.err)
	}
	return history.edits
}

// englishEdits returns the edits of English pages (docs/en and the
// original docs/chapters), the pages whose changes langref classifies.
func englishEdits(tb testing.TB) []edit {
	var out []edit
	for _, e := range historyEdits(tb) {
		if strings.HasPrefix(e.path, "docs/en/") || strings.HasPrefix(e.path, "docs/chapters/") {
			out = append(out, e)
		}
	}
	return out
}

func loadEdits(dir string) ([]edit, error) {
	out, err := exec.Command("git", "-C", dir, "log", "--format=", "--raw", "--no-abbrev", "--no-renames", "--", "docs/*.md").Output()
	if err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	var edits []edit
	var ids []string
	for _, line := range strings.Split(string(out), "\n") {
		meta, path, ok := strings.Cut(line, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 5 || f[4] != "M" || f[0] != ":100644" || f[1] != "100644" {
			continue
		}
		edits = append(edits, edit{path: path, old: f[2], new: f[3]})
		ids = append(ids, f[2], f[3])
	}
	srcs, err := catBlobs(dir, ids)
	if err != nil {
		return nil, err
	}
	for i := range edits {
		edits[i].a = parsePage(srcs[edits[i].old])
		edits[i].b = parsePage(srcs[edits[i].new])
	}
	return edits, nil
}

func parsePage(src []byte) []blocks.Block {
	body, first := splitFrontMatter(src)
	return blocks.Parse(body, first)
}

// catBlobs reads blobs with one git cat-file --batch.
func catBlobs(dir string, ids []string) (map[string][]byte, error) {
	cmd := exec.Command("git", "-C", dir, "cat-file", "--batch")
	cmd.Stdin = strings.NewReader(strings.Join(ids, "\n") + "\n")
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	r := bufio.NewReader(&out)
	srcs := map[string][]byte{}
	for range ids {
		var id, typ string
		var size int
		if _, err := fmt.Fscanf(r, "%s %s %d\n", &id, &typ, &size); err != nil {
			return nil, fmt.Errorf("git cat-file: %w", err)
		}
		src := make([]byte, size+1)
		if _, err := io.ReadFull(r, src); err != nil {
			return nil, err
		}
		srcs[id] = src[:size]
	}
	return srcs, nil
}

// splitFrontMatter returns the body after a --- front matter block and the
// file line of its first byte.
func splitFrontMatter(src []byte) ([]byte, int) {
	if !bytes.HasPrefix(src, []byte("---")) {
		return src, 1
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	off := len(lines[0])
	for i := 1; i < len(lines); i++ {
		off += len(lines[i])
		if t := string(bytes.TrimSpace(lines[i])); t == "---" || t == "..." {
			return src[off:], i + 2
		}
	}
	return src, 1
}
