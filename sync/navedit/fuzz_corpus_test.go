package navedit

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/internal/yamlref"
)

// FuzzInsertCorpus edits configurations grown from the DLSP20 corpus's
// _config.yml (when the corpus is here) and ones with aliases and merge
// keys. Properties: an edit only adds lines; the result parses; every
// path said to be added is in the language's navigation as Jekyll reads
// it (aliases resolved); a second Insert of the same paths adds nothing.
func FuzzInsertCorpus(f *testing.F) {
	if _, err := testcorpus.Find(); err == nil && !testcorpus.FuzzWorker() {
		b, err := os.ReadFile(filepath.Join(testcorpus.Shared(f), "docs", "_config.yml"))
		if err != nil {
			f.Fatal(err)
		}
		b = head(b, 3000) // small inputs fuzz faster
		for _, p := range []string{"fr/week01/01.md", "vi/week02/02-1.md", "de/index.md"} {
			f.Add(b, p)
		}
	}
	f.Add([]byte(cfg), "fr/a-1.md")
	f.Add([]byte("base: &b\n  - path: en/a.md\n  - path: en/b.md\nchapters: *b\nfr:\n  title: x\n  chapters:\n    - path: fr/a.md\n"), "fr/b.md")
	f.Add([]byte("c: &c {title: x, chapters: [{path: fr/a.md}]}\nchapters:\n  - path: en/a.md\n  - path: en/b.md\nfr:\n  <<: *c\n"), "fr/b.md")
	f.Fuzz(func(t *testing.T, config []byte, path string) {
		lang := "fr"
		if len(path) > 3 && path[2] == '/' {
			lang = path[:2]
		}
		e := Edit{Lang: lang, Mirror: mirror(lang)}
		paths := []string{path, lang + "/a.md", lang + "/b.md"}
		got, added, err := Insert(config, e, paths)
		if err != nil || len(added) == 0 {
			return
		}
		if !onlyAdds(t, string(config), string(got)) {
			t.Fatalf("bytes changed:\n%q\n%q", config, got)
		}
		top, err := parse(got)
		if err != nil {
			t.Fatalf("result does not parse: %v\n%s", err, got)
		}
		_, block := lookup(top, lang)
		listed := listedPaths(yamlref.Resolve(block))
		for _, p := range added {
			if !listed[p] {
				t.Fatalf("%s said added, not listed:\n%s", p, got)
			}
		}
		again, more, err := Insert(got, e, paths)
		if err != nil || len(more) > 0 || !slices.Equal(again, got) {
			t.Fatalf("a second Insert added %v (err %v)", more, err)
		}
	})
}

// onlyAdds reports whether got is orig with lines added, and the newline
// its last line lacked when a block is added after it (found by
// FuzzInsertCorpus: a _config.yml that does not end with a newline).
func onlyAdds(t *testing.T, orig, got string) bool {
	t.Helper()
	if removeLines(t, orig, got) == orig {
		return true
	}
	return !strings.HasSuffix(orig, "\n") && strings.HasPrefix(got, orig+"\n") && removeLines(t, orig+"\n", got) == orig+"\n"
}

// head returns the lines of config up to the first top-level key after
// n bytes.
func head(config []byte, n int) []byte {
	for i := n; i < len(config); i++ {
		if config[i-1] == '\n' && config[i] != ' ' && config[i] != '-' && config[i] != '\n' && config[i] != '#' {
			return config[:i]
		}
	}
	return config
}
