package testcorpus

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strings"
	gosync "sync"
	"testing"
)

// Change is one change of a markdown page under docs/ in the corpus
// history, as blob ids.
type Change struct {
	Path string
	// Old is the page before the change, empty when there was no regular
	// file before it to compare with: an addition, or a file that was
	// executable or a symbolic link.
	Old string
	New string // the page after the change, always a regular file
}

var history struct {
	once    gosync.Once
	changes []Change
	err     error
}

// MarkdownChanges returns every change of the corpus history that leaves a
// regular (mode 100644) markdown file under docs/, in git log order, newest
// first. Deletions and changes to executables or links are left out. The
// log is read once per test binary; callers must not modify the result.
func MarkdownChanges(tb testing.TB) []Change {
	tb.Helper()
	dir := Shared(tb)
	history.once.Do(func() { history.changes, history.err = markdownChanges(dir) })
	if history.err != nil {
		tb.Fatal(history.err)
	}
	return history.changes
}

func markdownChanges(dir string) ([]Change, error) {
	out, err := exec.Command("git", "-C", dir, "log", "--format=", "--raw", "--no-abbrev", "--no-renames", "--", "docs/*.md").Output()
	if err != nil {
		return nil, fmt.Errorf("git log in %q: %w", dir, err)
	}
	var cs []Change
	for line := range strings.Lines(string(out)) {
		if c, ok := parseRaw(strings.TrimSuffix(line, "\n")); ok {
			cs = append(cs, c)
		}
	}
	return cs, nil
}

// parseRaw reads one line of git log --raw, such as
// ":100644 100644 <old id> <new id> M\tdocs/en/a.md", and reports whether
// it is a change MarkdownChanges returns.
func parseRaw(line string) (Change, bool) {
	meta, path, ok := strings.Cut(line, "\t")
	f := strings.Fields(meta)
	if !ok || len(f) != 5 || f[1] != "100644" {
		return Change{}, false
	}
	c := Change{Path: path, New: f[3]}
	if f[0] == ":100644" && f[4] == "M" {
		c.Old = f[2]
	}
	return c, true
}

// ReadBlobs returns the contents of the blobs ids of the shared clone, in
// the order of ids, read with one git cat-file --batch.
func ReadBlobs(tb testing.TB, ids []string) [][]byte {
	tb.Helper()
	srcs, err := readBlobs(Shared(tb), ids)
	if err != nil {
		tb.Fatal(err)
	}
	return srcs
}

func readBlobs(dir string, ids []string) ([][]byte, error) {
	cmd := exec.Command("git", "-C", dir, "cat-file", "--batch")
	cmd.Stdin = strings.NewReader(strings.Join(ids, "\n") + "\n")
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("git cat-file in %q: %w", dir, err)
	}
	r := bufio.NewReader(&out)
	srcs := make([][]byte, len(ids))
	for i, want := range ids {
		src, err := readBlob(r, want)
		if err != nil {
			return nil, fmt.Errorf("git cat-file %s: %w", want, err)
		}
		srcs[i] = src
	}
	return srcs, nil
}

// readBlob reads one object of git cat-file --batch's output: a header
// "<id> blob <size>", the contents and a newline.
func readBlob(r *bufio.Reader, want string) ([]byte, error) {
	var id, typ string
	var size int
	if _, err := fmt.Fscanf(r, "%s %s %d\n", &id, &typ, &size); err != nil {
		return nil, err
	}
	if id != want || typ != "blob" {
		return nil, fmt.Errorf("got %s %s", typ, id)
	}
	src := make([]byte, size+1)
	if _, err := io.ReadFull(r, src); err != nil {
		return nil, err
	}
	return src[:size], nil
}

// SplitFrontMatter returns the body of a page after a --- front matter
// block, and the file line of its first byte: a simpler cut than
// sync/frontmatter's, which the golden digests of translate/ were made
// with.
func SplitFrontMatter(src []byte) ([]byte, int) {
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
