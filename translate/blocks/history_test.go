package blocks

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testcorpus.Cleanup()
	os.Exit(code)
}

// blob is one version of a markdown file in the corpus history.
type blob struct {
	id, path string
	src      []byte
}

var history struct {
	once  sync.Once
	blobs []blob // every distinct markdown blob under docs/, sorted by id
	err   error
}

// historyBlobs returns every version of every markdown page the corpus's
// history holds, once per distinct content.
func historyBlobs(tb testing.TB) []blob {
	tb.Helper()
	dir := testcorpus.Shared(tb)
	history.once.Do(func() { history.blobs, history.err = loadHistory(dir) })
	if history.err != nil {
		tb.Fatal(history.err)
	}
	return history.blobs
}

func loadHistory(dir string) ([]blob, error) {
	out, err := exec.Command("git", "-C", dir, "log", "--format=", "--raw", "--no-abbrev", "--no-renames", "--", "docs/*.md").Output()
	if err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	paths := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		meta, path, ok := strings.Cut(line, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 5 || f[1] != "100644" || strings.Trim(f[3], "0") == "" {
			continue
		}
		if _, seen := paths[f[3]]; !seen {
			paths[f[3]] = path
		}
	}
	ids := make([]string, 0, len(paths))
	for id := range paths {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	srcs, err := catBlobs(dir, ids)
	if err != nil {
		return nil, err
	}
	bs := make([]blob, len(ids))
	for i, id := range ids {
		bs[i] = blob{id, paths[id], srcs[i]}
	}
	return bs, nil
}

// catBlobs reads blobs with one git cat-file --batch.
func catBlobs(dir string, ids []string) ([][]byte, error) {
	cmd := exec.Command("git", "-C", dir, "cat-file", "--batch")
	cmd.Stdin = strings.NewReader(strings.Join(ids, "\n") + "\n")
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	r := bufio.NewReader(&out)
	srcs := make([][]byte, len(ids))
	for i := range ids {
		var id, typ string
		var size int
		if _, err := fmt.Fscanf(r, "%s %s %d\n", &id, &typ, &size); err != nil {
			return nil, fmt.Errorf("git cat-file %s: %w", ids[i], err)
		}
		srcs[i] = make([]byte, size+1)
		if _, err := io.ReadFull(r, srcs[i]); err != nil {
			return nil, err
		}
		srcs[i] = srcs[i][:size]
	}
	return srcs, nil
}
