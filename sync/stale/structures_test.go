package stale

import (
	"reflect"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/translate/blocks"
)

// TestStructures: on a lean site, Structures reads the pages again and
// finds what it finds on the site loaded whole, page by page in the
// graph's order; a page changed since the load is an error, not a result
// about other contents.
func TestStructures(t *testing.T) {
	root := testfs.Dir(t, map[string]string{
		"_config.yml": "title: Docs\n",
		"en/a.md":     "---\nlang-ref: a\n---\n# A\n\nText.\n\n## More\n\n```\ncode\n```\n",
		"en/b.md":     "---\nlang-ref: b\n---\n# B\n\n![fig](/img/b.png)\n",
		"fr/a.md":     "---\nlang: fr\nlang-ref: a\n---\n# A\n\nTexte.\n\n```\ncode\n```\n",
		"de/a.md":     "---\nlang: de\nlang-ref: a\n---\n# A\n\nText.\n\n## Mehr\n\n```\nanders\n```\n",
		"fr/b.md":     "---\nlang: fr\nlang-ref: b\n---\n# B\n\n![fig](/img/b.png)\n",
	})
	structures := func(load func(string) (*site.Site, error)) (*site.Site, *graph.Graph, []PageStructure) {
		s, err := load(root)
		if err != nil {
			t.Fatal(err)
		}
		g := graph.Build(s)
		ps, err := Structures(g)
		if err != nil {
			t.Fatal(err)
		}
		return s, g, ps
	}
	_, _, whole := structures(site.Load)
	var got []string
	for _, ps := range whole {
		got = append(got, ps.Path+": "+strings.Join(aspectNames(ps.Mismatches), ","))
	}
	if want := []string{"de/a.md: code", "fr/a.md: headings"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Structures = %q, want %q", got, want)
	}
	_, g, lean := structures(site.LoadLean)
	if !reflect.DeepEqual(lean, whole) {
		t.Errorf("on the lean site: %+v\nloaded whole: %+v", lean, whole)
	}
	testfs.Write(t, root, map[string]string{"fr/b.md": "---\nlang: fr\nlang-ref: b\n---\n# B\n"})
	if _, err := Structures(g); err == nil || !strings.Contains(err.Error(), `"fr/b.md" changed`) {
		t.Errorf("err = %v, want fr/b.md changed since the load", err)
	}
}

func aspectNames(ms []Mismatch) []string {
	var out []string
	for _, a := range Aspects(ms) {
		out = append(out, string(a))
	}
	return out
}

// FuzzStructureFilters: the quick tests that spare linkTargets and
// newCodeSig their regular expressions change nothing.
func FuzzStructureFilters(f *testing.F) {
	f.Add(`see [a](b.md) and <https://x.org> <img src="c.png"> href='d'`)
	f.Add("x = 1 # comment\ny = \"s\" // c\n-- sql\n% tex")
	f.Fuzz(func(t *testing.T, s string) {
		var want []string
		for _, m := range linkRe.FindAllStringSubmatch(s, -1) {
			want = append(want, blocks.NormalizeLiquid(m[1]+m[2]+m[3]))
		}
		if got := linkTargets(blocks.Block{Raw: s}); !reflect.DeepEqual(got, want) {
			t.Errorf("linkTargets(%q) = %q, want %q", s, got, want)
		}
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if hasNonASCIILetter(l) {
				continue
			}
			l = codeString.ReplaceAllString(codeComment.ReplaceAllString(l, ""), `""`)
			if l := normSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if got := newCodeSig(blocks.Block{Verbatim: []string{s}}); !reflect.DeepEqual(got.lines, lines) {
			t.Errorf("newCodeSig(%q).lines = %q, want %q", s, got.lines, lines)
		}
	})
}

// TestCodeComments: comments are blanked in code signatures, flags that
// start with -- are code.
func TestCodeComments(t *testing.T) {
	tests := []struct {
		name, code string
		want       []string
	}{
		{"shell comment", "kubectl get pods # all of them", []string{"kubectl get pods"}},
		{"C++ comment", "x = 1; // one", []string{"x = 1;"}},
		{"SQL comment", "SELECT 1 -- one", []string{"SELECT 1"}},
		{"SQL comment at the line's end", "SELECT 1 --", []string{"SELECT 1"}},
		{"a line that is a comment", "-- all rows", nil},
		{"long flag", "kubectl get pods --namespace=default", []string{"kubectl get pods --namespace=default"}},
		{"long flag, then a comment", "ls --all # every file", []string{"ls --all"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newCodeSig(blocks.Block{Verbatim: []string{tt.code}}).lines; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("code lines of %q = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
	// A changed flag is a changed code block.
	a := newCodeSig(blocks.Block{Verbatim: []string{"kubectl get pods --namespace=default"}})
	b := newCodeSig(blocks.Block{Verbatim: []string{"kubectl get pods --namespace=prod"}})
	if a.keptBy(b) {
		t.Error("a changed --namespace flag keeps the code block")
	}
}

// FuzzNormSpace: normSpace is strings.Fields joined by single spaces.
func FuzzNormSpace(f *testing.F) {
	for _, s := range []string{"", " a  b\t\nc ", "\u00a0x\u2003y\u3000", "é à", "\xff a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("normSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
