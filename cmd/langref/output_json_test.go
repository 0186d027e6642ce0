package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/jsonstream"
	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/status"
	"github.com/rogpeppe/go-internal/txtar"
)

// streamed are the commands whose JSON is streamed, the value each prints
// and the field streamed.
var streamed = []struct {
	args  []string
	value func() any
	field string
}{
	{[]string{"status", "--format", "json"}, func() any { return &status.Report{} }, "Pages"},
	{[]string{"check", "--format", "json"}, func() any { return &checkReport{} }, "Findings"},
}

// TestStreamedJSONCorpus: on DLSP20, status and check print what
// json.Encoder prints for their reports.
func TestStreamedJSONCorpus(t *testing.T) {
	slow(t)
	root := filepath.Join(testcorpus.Clone(t), "docs")
	for _, c := range streamed {
		t.Run(c.args[0], func(t *testing.T) {
			out, ok := runJSON(t, root, c.args)
			if !ok {
				t.Fatal("the corpus is not a site")
			}
			sameAsEncoder(t, out, c.value(), c.field)
		})
	}
}

// TestStreamedJSONScripts: on every site of the testscript fixtures,
// status and check print what json.Encoder prints for their reports.
func TestStreamedJSONScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/script/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	sites := 0
	for _, f := range files {
		for _, root := range fixtureSites(t, f) {
			for _, c := range streamed {
				out, ok := runJSON(t, root, c.args)
				if !ok {
					continue
				}
				sites++
				t.Run(filepath.Base(f)+"/"+filepath.Base(root)+"/"+c.args[0], func(t *testing.T) {
					sameAsEncoder(t, out, c.value(), c.field)
				})
			}
		}
	}
	if sites < 20 {
		t.Errorf("%d reports compared, want at least 20", sites)
	}
}

// fixtureSites writes the files of a testscript archive to a folder and
// returns its folders that hold a _config.yml.
func fixtureSites(t *testing.T, archive string) []string {
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var roots []string
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		if filepath.Base(p) == "_config.yml" {
			roots = append(roots, filepath.Dir(p))
		}
	}
	return roots
}

// runJSON runs langref on the site at root; ok is false when langref
// refuses the site (exit code 2).
func runJSON(t *testing.T, root string, args []string) (out []byte, ok bool) {
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"--root", root}, args...), strings.NewReader(""), &stdout, &stderr, fakeEnv("LANG", "C"))
	switch code {
	case 0, 1:
		return stdout.Bytes(), true
	case 2:
		return nil, false
	}
	t.Fatalf("langref %q: exit %d: %s", args, code, &stderr)
	return nil, false
}

// sameAsEncoder decodes out into v and checks that json.Encoder and
// jsonstream encode v as out.
func sameAsEncoder(t *testing.T, out []byte, v any, field string) {
	t.Helper()
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatal(err)
	}
	var want, got bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	if err := jsonstream.Encode(&got, v, field); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, want.Bytes()) {
		t.Errorf("langref printed:\n%s\njson.Encoder prints:\n%s", clip(out), clip(want.Bytes()))
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("jsonstream.Encode differs from json.Encoder:\n%s", clip(got.Bytes()))
	}
}

func clip(b []byte) []byte {
	if len(b) > 4000 {
		return append(b[:4000:4000], "..."...)
	}
	return b
}
