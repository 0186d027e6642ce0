package fsread

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadFileReadsWhatOsReadFileReads(t *testing.T) {
	tests := []struct {
		name    string
		content string
	}{
		{"empty", ""},
		{"one byte", "x"},
		{"small", "---\nlang: fr\n---\nbody\n"},
		{"one byte short of the unknown-size buffer", strings.Repeat("a", 511)},
		{"as long as the unknown-size buffer", strings.Repeat("a", 512)},
		{"one byte over the unknown-size buffer", strings.Repeat("a", 513)},
		{"large", strings.Repeat("0123456789abcdef", 1<<14)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, tt.content)
			want, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadFile(p)
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			if got == nil || !bytes.Equal(got, want) {
				t.Errorf("ReadFile = %q (nil: %v), want %q", got, got == nil, want)
			}
		})
	}
}

func TestErrorsAreOsReadFilesErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path string
		op         string
		is         error
	}{
		{"missing file", filepath.Join(dir, "missing.md"), "open", fs.ErrNotExist},
		{"missing folder", filepath.Join(dir, "no", "a.md"), "open", fs.ErrNotExist},
		{"folder", dir, "read", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, want := os.ReadFile(tt.path)
			got, err := ReadFile(tt.path)
			if err == nil || want == nil {
				t.Fatalf("ReadFile(%q) = %q, %v; os.ReadFile fails with %v", tt.path, got, err, want)
			}
			if err.Error() != want.Error() {
				t.Errorf("error %q, os.ReadFile says %q", err, want)
			}
			pe, ok := errors.AsType[*fs.PathError](err)
			if !ok || pe.Op != tt.op || pe.Path != tt.path {
				t.Errorf("error %#v, want a *fs.PathError for %s of %q", err, tt.op, tt.path)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
		})
	}
}

func TestAppendKeepsWhatBufHolds(t *testing.T) {
	p := write(t, "contents")
	got, err := Append([]byte("prefix:"), p)
	if err != nil || string(got) != "prefix:contents" {
		t.Errorf("Append = %q, %v, want %q", got, err, "prefix:contents")
	}
}

func TestAppendReadsIntoTheRoomBufHas(t *testing.T) {
	p := write(t, strings.Repeat("x", 1000))
	buf := make([]byte, 0, 4096)
	got, err := Append(buf, p)
	if err != nil || len(got) != 1000 {
		t.Fatalf("Append = %d bytes, %v", len(got), err)
	}
	if &got[0] != &buf[:1][0] {
		t.Error("Append allocated although buf had room")
	}
}

func TestAppendIf(t *testing.T) {
	tests := []struct {
		name, content string
		n             int
		wantHead      string
		want          bool
	}{
		{"wanted: reads the rest", "---\nlang: fr\n---\nbody", 3, "---", true},
		{"not wanted: reads nothing", "plain text", 3, "pla", false},
		{"a file shorter than the head", "ab", 512, "ab", true},
		{"an empty file", "", 512, "", true},
		{"a head as long as the file", "abc", 3, "abc", true},
		{"a long file", strings.Repeat("z", 5000), 512, strings.Repeat("z", 512), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, tt.content)
			var head string
			got, ok, err := AppendIf([]byte("<"), p, tt.n, func(h []byte) bool {
				head = string(h)
				return tt.want
			})
			if err != nil {
				t.Fatal(err)
			}
			if head != tt.wantHead {
				t.Errorf("want saw %q, want %q", head, tt.wantHead)
			}
			wantBuf := "<"
			if tt.want {
				wantBuf += tt.content
			}
			if ok != tt.want || string(got) != wantBuf {
				t.Errorf("AppendIf = %q, %v; want %q, %v", got, ok, wantBuf, tt.want)
			}
		})
	}
}

// TestReadFileSizeReadsFilesOfAnotherSize reads files whose size is not
// the one given: they grew or shrank since they were last read.
func TestReadFileSizeReadsFilesOfAnotherSize(t *testing.T) {
	content := strings.Repeat("0123456789", 300)
	p := write(t, content)
	for _, size := range []int{0, 1, 10, 511, 2999, 3000, 3001, 5000} {
		got, err := ReadFileSize(p, size)
		if err != nil || string(got) != content {
			t.Errorf("ReadFileSize(%d) read %d bytes, %v; want %d", size, len(got), err, len(content))
		}
	}
	empty := write(t, "")
	if got, err := ReadFileSize(empty, 10); err != nil || got == nil || len(got) != 0 {
		t.Errorf("ReadFileSize(empty file, 10) = %q (nil: %v), %v; want an empty slice", got, got == nil, err)
	}
	if _, err := ReadFileSize(filepath.Join(t.TempDir(), "missing"), 10); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFileSize(missing file) fails with %v, want fs.ErrNotExist", err)
	}
}

// TestAppendIfSizeReadsFilesOfAnotherSize is
// TestReadFileSizeReadsFilesOfAnotherSize for the head a caller chooses
// by: the head and the whole file are the file's, whatever size was given.
func TestAppendIfSizeReadsFilesOfAnotherSize(t *testing.T) {
	content := "---\n" + strings.Repeat("0123456789", 300)
	p := write(t, content)
	for _, size := range []int{0, 1, 3, 4, 511, 512, 513, 3003, 3004, 3005, 5000} {
		for _, want := range []bool{true, false} {
			var head string
			got, ok, err := AppendIfSize([]byte("<"), p, size, 512, func(h []byte) bool {
				head = string(h)
				return want
			})
			wantBuf := "<"
			if want {
				wantBuf += content
			}
			if err != nil || ok != want || string(got) != wantBuf || head != content[:512] {
				t.Errorf("AppendIfSize(size %d, want %v) = %d bytes, %v, %v; saw a head of %d bytes; want %d bytes",
					size, want, len(got), ok, err, len(head), len(wantBuf))
			}
		}
		got, err := AppendSize([]byte("<"), p, size)
		if err != nil || string(got) != "<"+content {
			t.Errorf("AppendSize(%d) = %d bytes, %v; want %d", size, len(got), err, 1+len(content))
		}
	}
}
