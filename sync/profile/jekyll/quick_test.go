package jekyll

import (
	"bytes"
	"fmt"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/profile"
)

// quickCases are configurations in the subset quickConfig reads (quick
// true) and outside it, for which go-yaml reads them.
var quickCases = []struct {
	name, yaml string
	quick      bool
}{
	{"empty", "", true},
	{"only comments", "# a site\n\n   # more\n", true},
	{"a site", `# A site.
title: 'A site'
baseurl: "/site"
default_lang: 'en'
exclude:
  - vendor
  - drafts/
include: [_keep]
`, false},
	{"a navigation", `title: Site
default_lang: en
exclude:
  - vendor
prologues:
  - path: en/index.md
chapters:
  - path: en/week01/01.md
    sections:
      - path: en/week01/01-1.md
        sections:
          - path: en/week01/01-1-1.md
      - path: en/week01/01-2.md
  - path: en/week02/02.md
epilogues:
  - path: en/end.md

################ French ##################
fr:
  title: 'Site'
  chapters:
    - path: fr/week01/01.md
      sections:
        - path: fr/week01/01-1.md
de:
  title: Seite
es:
  nothing: here
zh-Hans:
  chapters:
    - path: zh-Hans/a.md
`, true},
	{"sequences at their key's indent", `chapters:
- path: en/a.md
  sections:
  - path: en/a1.md
  - path: en/a2.md
- path: en/b.md
fr:
  chapters:
  - path: fr/a.md
exclude:
- x
- y
`, true},
	{"comments and blank lines everywhere", `title: Site # the title
# a comment

chapters:   # the chapters
  # first
  - path: en/a.md # a page

    sections:
    # inside
      - path: en/a1.md
      #
  -   path: en/b.md
      title: B
      # deeper comment
  - # an entry below its dash
    path: en/c.md
`, true},
	{"quoted values", `title: 'it''s a ''site'''
baseurl: "/a b"
chapters:
  - path: 'en/it''s.md'
  - path: "en/q.md"
  - path: 'en/#hash.md'   # a comment
  - path: "en/x: y.md"
`, true},
	{"plain values with colons and hashes", `url: http://example.com:4000/a
title: a#b c
k:v: 1
chapters:
  - path: en/a#1.md
  - path: en/a:b.md
`, true},
	{"nulls", `title:
default_lang: ~
exclude:
include: null
fr:
  title:
chapters:
  -
  - path: ~
  - path: en/a.md
`, true},
	{"default_lang", "default_lang: fr\nchapters:\n  - path: en/a.md\nfr:\n  chapters:\n    - path: fr/a.md\nen:\n  title: English\n", true},
	{"default_lang empty string", "default_lang: ''\n", true},
	{"duplicate keys", `title: A
title: B
fr:
  title: Un
  title: Deux
  sub:
    x: 1
    x: 2
  sub: {}
chapters:
  - path: a
    path: b
chapters:
  - path: c
`, false},
	{"duplicate keys, block", `title: A
title: B
fr:
  title: Un
  title: Deux
  sub:
    x: 1
    x: 2
  sub:
    y: 3
chapters:
  - path: a
    path: b
  - path: d
chapters:
  - path: c
`, true},
	{"characters of several bytes", `titré: Été
ключ: значение
chapters:
  - path: en/résumé.md
    sections:
      - path: en/日本語.md
ja:
  chapters:
    - path: ja/résumé.md
`, true},
	{"entries without a path", `chapters:
  - title: no path
  - en/plain.md
  - path:
      nested: map
  - path: [a, b]
  - path: en/a.md
`, false},
	{"entries without a path, block", `chapters:
  - title: no path
  - en/plain.md
  - path:
      nested: map
  - path:
      - a
  - path: en/a.md
    sections: none
`, true},
	{"scalar exclude", "exclude: vendor\ninclude: .htaccess\n", true},
	{"trailing spaces", "title: a   \nchapters:   \n  - path: en/a.md   \n", true},
	{"no final newline", "chapters:\n  - path: en/a.md", true},

	{"an anchor and an alias", "fr:\n  chapters: &c\n    - path: a\nes:\n  chapters: *c\n", false},
	{"a merge key", "base: {title: x}\nfr:\n  <<: {title: y}\n", false},
	{"a merge key, block", "fr:\n  <<:\n    title: y\n", false},
	{"flow collections", "exclude: [a, b]\n", false},
	{"a block scalar", "description: |\n  a\n  b\n", false},
	{"a plain scalar on two lines", "title: a\n  b\nchapters:\n  - path: x\n", false},
	{"a path on two lines", "chapters:\n  - path: a\n      b\n", false},
	{"a single-quoted scalar on two lines", "title: 'a\n  b'\n", false},
	{"escapes", `title: "a\tb"` + "\n", false},
	{"a tab", "title:\ta\n", false},
	{"carriage returns", "title: a\r\nb: c\r\n", false},
	{"a byte order mark", "\ufefftitle: a\n", false},
	{"a quoted key", "'title': a\n", false},
	{"a tag", "title: !!str a\n", false},
	{"a document marker", "---\ntitle: a\n", false},
	{"a document end", "title: a\n...\n", false},
	{"a document end before a colon", "... :\n", false},
	{"a mapping indented less than its first key", "chapters:\n  -   path: en/b.md\n    title: B\n", false},
	{"not a mapping", "- a\n- b\n", false},
	{"a scalar", "just text\n", false},
	{"an indented root", "  title: a\n", false},
	{"a bad indent", "a:\n    b: 1\n  c: 2\n", false},
	{"a key after a sequence entry", "a:\n  - x\n  b: 1\n", false},
	{"a mapping value in a value", "a: b: c\n", false},
	{"default_lang a list", "default_lang:\n  - en\n", false},
	{"default_lang not a code", "default_lang: English\n", false},
	{"a null path", "chapters:\n  - path:\n", false},
	{"a sequence in a sequence", "chapters:\n  - - path: a\n", false},
	{"a value starting with a dash", "title: -a\n", false},
	{"an invalid character", "title: a\x01b\n", false},
	{"a comment without a space", "title: 'a'#c\n", false},
	{"a long key", strings.Repeat("k", 1100) + ": v\n", false},
	{"deep", deepConfig(maxDepth / 2), true},
	{"too deep", deepConfig(maxDepth + 1), false},
	{"spaces around", "a  : b  c  \nchapters :\n  -  path:   en/a.md   # x\n", true},
}

// TestQuickConfigReadsAsYAML: what quickConfig reads of a configuration
// is what go-yaml reads, and it reads the subset it is for.
func TestQuickConfigReadsAsYAML(t *testing.T) {
	for _, tt := range quickCases {
		t.Run(tt.name, func(t *testing.T) {
			quick := sameAsYAML(t, []byte(tt.yaml))
			if quick != tt.quick {
				t.Errorf("quickConfig read it: %t, want %t", quick, tt.quick)
			}
		})
	}
	t.Run("a large navigation", func(t *testing.T) {
		if !sameAsYAML(t, largeConfig(10, 40, 12)) {
			t.Error("quickConfig did not read it")
		}
	})
}

// FuzzQuickConfig: whatever quickConfig reads, go-yaml reads the same.
func FuzzQuickConfig(f *testing.F) {
	for _, tt := range quickCases {
		f.Add([]byte(tt.yaml))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		sameAsYAML(t, b)
	})
}

// sameAsYAML fails t unless what quickConfig reads of b, when it reads
// it, is what go-yaml reads; it returns whether quickConfig read it.
func sameAsYAML(t *testing.T, b []byte) bool {
	t.Helper()
	got := newRules()
	if !quickConfig(got, b) {
		if got.ConfigFile != "" || got.SourceLang != "en" || got.Exclude != nil || got.Include != nil || got.ConfigDups != nil || len(got.Nav) != 0 {
			t.Errorf("quickConfig refused the configuration but set %+v", got)
		}
		return false
	}
	want := newRules()
	if err := yamlConfig(want, b); err != nil {
		t.Fatalf("quickConfig read a configuration go-yaml refuses (%v):\n%s", err, b)
	}
	if got.ConfigFile != want.ConfigFile || got.SourceLang != want.SourceLang {
		t.Errorf("got file %q, source %q; want %q, %q", got.ConfigFile, got.SourceLang, want.ConfigFile, want.SourceLang)
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{{"exclude", got.Exclude, want.Exclude}, {"include", got.Include, want.Include}, {"dups", got.ConfigDups, want.ConfigDups}} {
		if !reflect.DeepEqual(f.got, f.want) {
			t.Errorf("%s: got %#v, want %#v", f.name, f.got, f.want)
		}
	}
	if len(got.Nav) != len(want.Nav) {
		t.Errorf("got navigations of %d languages, want %d", len(got.Nav), len(want.Nav))
	}
	for lang, w := range want.Nav {
		g := got.Nav[lang]
		if g == nil || g.Lang != w.Lang || g.Line != w.Line || g.File != w.File || !reflect.DeepEqual(g.Items, w.Items) {
			t.Errorf("navigation of %s:\n got %+v\nwant %+v", lang, g, w)
		}
	}
	return true
}

// deepConfig is a configuration of mappings n deep.
func deepConfig(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sk:\n", strings.Repeat(" ", i))
	}
	return b.String()
}

// largeConfig is a configuration like bench/gensite's: the navigation of
// langs languages of chapters chapters of sections sections each.
func largeConfig(langs, chapters, sections int) []byte {
	codes := []string{"en", "fr", "zh", "es", "ja", "ko", "it", "tr", "ar", "pt", "ru", "de"}
	var b strings.Builder
	b.WriteString("# A synthetic site.\ntitle: 'Synthetic'\nbaseurl: '/synthetic'\ndefault_lang: 'en'\nmarkdown: kramdown\nexclude:\n  - vendor\n")
	for l, lang := range codes[:langs] {
		indent := ""
		if l > 0 {
			fmt.Fprintf(&b, "\n%s:\n  title: 'Synthetic (%s)'\n", lang, lang)
			indent = "  "
		}
		fmt.Fprintf(&b, "%schapters:\n", indent)
		for c := 1; c <= chapters; c++ {
			fmt.Fprintf(&b, "%s  - path: %s/part%02d/ch%04d/index.md\n%s    sections:\n", indent, lang, c/10, c, indent)
			for s := 1; s <= sections; s++ {
				name := fmt.Sprintf("s%02d", s)
				if s == 3 {
					name += "-résumé"
				}
				fmt.Fprintf(&b, "%s      - path: %s/part%02d/ch%04d/%s.md\n", indent, lang, c/10, c, name)
			}
		}
	}
	return []byte(b.String())
}

// BenchmarkFromConfig reads a configuration like the 20,000-page
// site's: 10 languages of 1,000 chapters of 19 sections.
func BenchmarkFromConfig(b *testing.B) {
	cfg := largeConfig(10, 1000, 19)
	b.SetBytes(int64(len(cfg)))
	for _, bb := range []struct {
		name string
		read func(*profile.Rules, []byte) error
	}{{"fromConfig", fromConfig}, {"yamlConfig", yamlConfig}} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := bb.read(newRules(), cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestQuickConfigReadsDLSP20: every version of the DLSP20 site's
// _config.yml in its history (a navigation of 9 languages at its
// largest) that quickConfig reads, it reads as go-yaml does.
func TestQuickConfigReadsDLSP20(t *testing.T) {
	dir := testcorpus.Clone(t)
	out, err := exec.Command("git", "-C", dir, "log", "--all", "--raw", "--no-abbrev", "--format=", "--", "docs/_config.yml").Output()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var ids []string
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) >= 5 && strings.Trim(f[3], "0") != "" && !seen[f[3]] {
			seen[f[3]] = true
			ids = append(ids, f[3])
		}
	}
	if len(ids) < 100 {
		t.Fatalf("%d versions of docs/_config.yml in the corpus's history; want over 100", len(ids))
	}
	quick := 0
	for i, b := range readBlobs(t, dir, ids) {
		t.Run(ids[i][:12], func(t *testing.T) {
			if sameAsYAML(t, b) {
				quick++
			}
		})
	}
	if quick < len(ids)/2 {
		t.Errorf("quickConfig read %d of %d versions; want most", quick, len(ids))
	}
}

// readBlobs returns the contents of the blobs ids of the repository dir,
// read with one git cat-file --batch.
func readBlobs(t *testing.T, dir string, ids []string) [][]byte {
	t.Helper()
	cmd := exec.Command("git", "-C", dir, "cat-file", "--batch")
	cmd.Stdin = strings.NewReader(strings.Join(ids, "\n") + "\n")
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("git cat-file: %v", err)
	}
	out := make([][]byte, len(ids))
	for i, id := range ids {
		var got, typ string
		var size int
		head, rest, _ := bytes.Cut(raw, []byte("\n"))
		if _, err := fmt.Sscanf(string(head), "%s %s %d", &got, &typ, &size); err != nil || got != id || typ != "blob" || len(rest) < size+1 {
			t.Fatalf("git cat-file: %q for %s", head, id)
		}
		out[i], raw = rest[:size], rest[size+1:]
	}
	return out
}
