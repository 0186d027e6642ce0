package navedit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"go.yaml.in/yaml/v3"
)

// TestMain removes the corpus clone the tests share.
func TestMain(m *testing.M) { testcorpus.Main(m) }

func mirror(lang string) func(string) string {
	return func(p string) string {
		if rest, ok := strings.CutPrefix(p, "en/"); ok {
			return lang + "/" + rest
		}
		return lang + "/" + p
	}
}

const cfg = `title: 'Site'   # the title
chapters:
  - path: en/a.md
    sections:
      - path: en/a-1.md
      - path: en/a-2.md
  - path: "en/b.md"

# French
fr:
  title: 'Le site'
  chapters:
    - path: "fr/b.md"
#end
`

// removeLines returns s without the lines inserted into it: the test of
// byte preservation is that taking them out gives back the original.
func removeLines(t *testing.T, orig, got string) string {
	t.Helper()
	ol, gl := strings.SplitAfter(orig, "\n"), strings.SplitAfter(got, "\n")
	var out []string
	i := 0
	for _, l := range gl {
		if i < len(ol) && l == ol[i] {
			out = append(out, l)
			i++
		}
	}
	return strings.Join(out, "")
}

func TestInsert(t *testing.T) {
	tests := []struct {
		name, lang string
		paths      []string
		want       []string // inserted lines, in order
		after      string   // the line just before the first insertion
	}{
		{"before the first", "fr", []string{"fr/a.md"}, []string{`    - path: "fr/a.md"`}, "  chapters:"},
		{"sections created", "fr", []string{"fr/a.md", "fr/a-2.md"}, []string{`    - path: "fr/a.md"`, "      sections:", `        - path: "fr/a-2.md"`}, "  chapters:"},
		{"new block", "de", []string{"de/a.md"}, []string{"", "de:", "  title: 'Site'", "  chapters:", "    - path: de/a.md"}, "#end"},
		{"not in the source nav", "fr", []string{"fr/zzz.md"}, nil, ""},
		{"already listed", "fr", []string{"fr/b.md"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, added, err := Insert([]byte(cfg), Edit{Lang: tt.lang, Mirror: mirror(tt.lang)}, tt.paths)
			if err != nil {
				t.Fatal(err)
			}
			if removeLines(t, cfg, string(got)) != cfg {
				t.Fatalf("bytes changed:\n%s", got)
			}
			if len(tt.want) == 0 {
				if string(got) != cfg || len(added) != 0 {
					t.Errorf("want no change, got\n%s", got)
				}
				return
			}
			block := tt.after + "\n" + strings.Join(tt.want, "\n") + "\n"
			if !strings.Contains(string(got), block) {
				t.Errorf("want\n%s\nin\n%s", block, got)
			}
		})
	}
}

// TestDLSP20 adds every missing Vietnamese page of the real corpus, and a
// block for a new language, and checks that every other byte is kept and
// that the result lists each page in the source navigation's order.
func TestDLSP20(t *testing.T) {
	root := filepath.Join(testcorpus.Shared(t), "docs")
	orig, err := os.ReadFile(filepath.Join(root, "_config.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var src []string
	for _, it := range sourceOrder(t, orig) {
		src = append(src, it)
	}
	for _, lang := range []string{"vi", "sr", "de", "fr"} {
		t.Run(lang, func(t *testing.T) {
			var paths []string
			for _, p := range src {
				paths = append(paths, mirror(lang)(p))
			}
			got, added, err := Insert(orig, Edit{Lang: lang, Mirror: mirror(lang)}, paths)
			if err != nil {
				t.Fatal(err)
			}
			if removeLines(t, string(orig), string(got)) != string(orig) {
				t.Fatal("bytes outside the inserted lines changed")
			}
			if len(added) == 0 && lang != "fr" {
				t.Fatal("nothing added")
			}
			top, err := parse(got)
			if err != nil {
				t.Fatal(err)
			}
			_, block := lookup(top, lang)
			for _, p := range paths {
				if !listed(block, p) {
					t.Errorf("%s not listed", p)
				}
			}
		})
	}
}

func sourceOrder(t *testing.T, config []byte) []string {
	top, err := parse(config)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for p, at := range sourceItems(top, func(s string) string { return s }) {
		_ = at
		out = append(out, p)
	}
	return out
}

func FuzzInsert(f *testing.F) {
	f.Add([]byte(cfg), "fr/a-1.md")
	f.Add([]byte("chapters:\n- path: en/a.md\n  sections: []\nfr: {title: x}\n"), "fr/a.md")
	f.Add([]byte("chapters:\r\n  - path: en/a.md\r\nfr:\r\n  title: x\r\n"), "fr/a.md")
	f.Fuzz(func(t *testing.T, config []byte, path string) {
		got, added, err := Insert(config, Edit{Lang: "fr", Mirror: mirror("fr")}, []string{path})
		if err != nil || len(added) == 0 {
			return
		}
		if removeLines(t, string(config), string(got)) != string(config) {
			t.Fatalf("bytes changed:\n%q\n%q", config, got)
		}
		var n yaml.Node
		if yaml.Unmarshal(got, &n) != nil {
			t.Fatalf("result does not parse:\n%s", got)
		}
	})
}
