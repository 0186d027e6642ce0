package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testfs"
)

// TestNewSafeExitCodes pins the exit codes of new's safeguards: a slip in
// a language, a code BCP 47 writes otherwise, a language the configuration
// does not list, or a scope that matches nothing is a usage error (2);
// nothing is written.
func TestNewSafeExitCodes(t *testing.T) {
	site := map[string]string{
		"_config.yml": "title: Docs\nchapters:\n  - path: en/a.md\n  - path: en/b.md\nfr:\n  chapters:\n    - path: fr/a.md\n",
		"en/a.md":     "---\nlang-ref: a\n---\nA.\n",
		"en/b.md":     "---\nlang-ref: b\n---\nB.\n",
		"en/sub/c.md": "---\nlang-ref: c\n---\nC.\n",
		"fr/a.md":     "---\nlang: fr\nlang-ref: a\n---\nA.\n",
	}
	listed := with(site, ".langref.yml", "languages: [en, fr]\n")
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  int
		err   string // in stderr
	}{
		{"a slip of a language", site, []string{"new", "--lang", "fre", "b"}, 2, "did you mean fr?"},
		{"a language far from any", site, []string{"new", "--lang", "de", "b"}, 2, "add --new-language"},
		{"a new language", site, []string{"new", "--lang", "de", "--new-language", "--dry-run", "b"}, 0, ""},
		{"a bibliographic code", site, []string{"new", "--lang", "ger", "--new-language", "b"}, 2, "BCP 47 writes ger as de"},
		{"no known language", site, []string{"new", "--lang", "qq", "--new-language", "b"}, 2, "no known language"},
		{"not listed in .langref.yml", listed, []string{"new", "--lang", "de", "--new-language", "b"}, 2, "add de to languages: in .langref.yml first"},
		{"a scope with a typo", site, []string{"new", "--lang", "fr", "--missing", "en/sbu"}, 2, "did you mean en/sub?"},
		{"a scope that ends a folder", site, []string{"new", "--lang", "fr", "--missing", "sub"}, 2, "did you mean en/sub?"},
		{"a scope with nothing missing", site, []string{"new", "--lang", "fr", "--missing", "a"}, 0, ""},
		{"a folder without --missing", site, []string{"new", "--lang", "fr", "en/sub"}, 2, "use --missing en/sub"},
		{"a scope by key", site, []string{"new", "--lang", "fr", "--missing", "--dry-run", "c"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := testfs.Dir(t, tt.files)
			var stdout, stderr bytes.Buffer
			args := append([]string{"--root", root}, tt.args...)
			if got := run(args, strings.NewReader(""), &stdout, &stderr, fakeEnv("LANG", "C")); got != tt.want {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", got, tt.want, &stdout, &stderr)
			}
			if !strings.Contains(stderr.String(), tt.err) {
				t.Errorf("stderr lacks %q:\n%s", tt.err, &stderr)
			}
		})
	}
}
