package navedit

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
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
			have := listedPaths(block)
			for _, p := range paths {
				if !have[p] {
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
		e := Edit{Lang: "fr", Mirror: mirror("fr")}
		paths := []string{path, "fr/a.md", "fr/b.md"}
		got, added, err := Insert(config, e, paths)
		want, wantAdded, wantErr := insert(config, e, paths, true)
		if (err == nil) != (wantErr == nil) || string(got) != string(want) || !slices.Equal(added, wantAdded) {
			t.Fatalf("Insert(%q, %q) = %q, %v, %v; parsing after each entry gives %q, %v, %v", config, paths, got, added, err, want, wantAdded, wantErr)
		}
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

// TestInsertMirrorsReparse: Insert, which adds most entries to the tree it
// parsed rather than parse the file again, gives what parsing the file
// again after every entry gives, on the real corpus's navigation, for
// languages with and without a block, pages in random subsets and orders.
func TestInsertMirrorsReparse(t *testing.T) {
	root := filepath.Join(testcorpus.Shared(t), "docs")
	orig, err := os.ReadFile(filepath.Join(root, "_config.yml"))
	if err != nil {
		t.Fatal(err)
	}
	src := sourceOrder(t, orig)
	slices.Sort(src) // sourceOrder comes from a map
	rng := rand.New(rand.NewPCG(5, 6))
	mirrored := 0
	for _, lang := range []string{"vi", "sr", "de", "fr", "zh"} {
		for trial := range 8 {
			var paths []string
			for _, p := range src {
				if trial == 0 || rng.IntN(3) == 0 {
					paths = append(paths, mirror(lang)(p))
				}
			}
			rng.Shuffle(len(paths), func(i, j int) { paths[i], paths[j] = paths[j], paths[i] })
			e := Edit{Lang: lang, Mirror: mirror(lang)}
			got, added, err := insert(orig, e, paths, false)
			want, wantAdded, wantErr := insert(orig, e, paths, true)
			if (err == nil) != (wantErr == nil) || string(got) != string(want) || !slices.Equal(added, wantAdded) {
				t.Fatalf("%s, trial %d: Insert added %d pages (err %v), parsing after each entry added %d (err %v); outputs equal: %v",
					lang, trial, len(added), err, len(wantAdded), wantErr, string(got) == string(want))
			}
			mirrored += len(added)
		}
	}
	if mirrored < 500 {
		t.Errorf("only %d pages added: the test checks little", mirrored)
	}
	ed, err := newEditor(orig, Edit{Lang: "zh", Mirror: mirror("zh")})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range src {
		if _, err := ed.insert(mirror("zh")(p)); err != nil {
			t.Fatal(err)
		}
	}
	if !ed.mirrored {
		t.Error("no zh entry was added to the tree: the test compares reparsing with itself")
	}
}

// TestInsertMirrorsReparseSmall is TestInsertMirrorsReparse on small
// navigations written every way Insert knows: every order of their pages.
func TestInsertMirrorsReparseSmall(t *testing.T) {
	configs := []string{
		cfg,
		"chapters:\n- path: en/a.md\n  sections:\n  - path: en/a-1.md\n  - path: en/a-2.md\n- path: en/b.md\nprologues:\n  - path: en/p.md\nfr:\n  chapters:\n  - path: fr/b.md\n",
		"chapters:\r\n  - path: 'en/a.md'\r\n  - path: en/b.md\r\n  - path: en/c.md\r\nfr:\r\n  title: x\r\n  chapters:\r\n    - path: 'fr/c.md'",
	}
	for i, c := range configs {
		top, err := parse([]byte(c))
		if err != nil {
			t.Fatal(err)
		}
		var paths []string
		for p := range sourceItems(top, mirror("fr")) {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		permute(paths, 0, func(ps []string) {
			e := Edit{Lang: "fr", Mirror: mirror("fr")}
			got, added, err := insert([]byte(c), e, ps, false)
			want, wantAdded, wantErr := insert([]byte(c), e, ps, true)
			if err != nil || wantErr != nil || string(got) != string(want) || !slices.Equal(added, wantAdded) {
				t.Errorf("config %d, pages %v: Insert gives\n%s(err %v)\nparsing after each entry gives\n%s(err %v)", i, ps, got, err, want, wantErr)
			}
		})
	}
}

// permute calls f with every order of ps[k:] after ps[:k].
func permute(ps []string, k int, f func([]string)) {
	if k == len(ps) {
		f(ps)
		return
	}
	for i := k; i < len(ps); i++ {
		ps[k], ps[i] = ps[i], ps[k]
		permute(ps, k+1, f)
		ps[k], ps[i] = ps[i], ps[k]
	}
}
