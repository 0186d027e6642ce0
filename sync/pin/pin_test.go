package pin

import (
	"strings"
	"testing"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/sync/stale"
)

const hash = "0123456789abcdef0123456789abcdef01234567"

func TestSet(t *testing.T) {
	tests := []struct {
		name, key, src, want string
	}{
		{"replace plain", "source-commit",
			"---\nlang: fr\nsource-commit: abc\ntitle: X\n---\nbody\n",
			"---\nlang: fr\nsource-commit: " + hash + "\ntitle: X\n---\nbody\n"},
		{"replace double quoted, comment kept", "source-commit",
			"---\nsource-commit: \"abc\"  # from the English\n---\n",
			"---\nsource-commit: \"" + hash + "\"  # from the English\n---\n"},
		{"replace single quoted", "source-commit",
			"---\nsource-commit: 'abc'\n---\n",
			"---\nsource-commit: '" + hash + "'\n---\n"},
		{"replace plain with comment", "source-commit",
			"---\nsource-commit: abc # old\n---\n",
			"---\nsource-commit: " + hash + " # old\n---\n"},
		{"empty value", "source-commit",
			"---\nsource-commit:\nlang: fr\n---\n",
			"---\nsource-commit: " + hash + "\nlang: fr\n---\n"},
		{"null value", "source-commit",
			"---\nsource-commit: ~\n---\n",
			"---\nsource-commit: " + hash + "\n---\n"},
		{"last occurrence wins", "source-commit",
			"---\nsource-commit: a\nsource-commit: b\n---\n",
			"---\nsource-commit: a\nsource-commit: " + hash + "\n---\n"},
		{"absent: after lang-ref", "source-commit",
			"---\nlang: fr\nlang-ref: ch.01\ntitle: X\n---\n",
			"---\nlang: fr\nlang-ref: ch.01\nsource-commit: " + hash + "\ntitle: X\n---\n"},
		{"absent: after the last key", "default_lang_commit",
			"---\ntitle: X\nauthors:\n  - A\n  - B\n\n---\n",
			"---\ntitle: X\nauthors:\n  - A\n  - B\ndefault_lang_commit: " + hash + "\n\n---\n"},
		{"absent: empty front matter", "source-commit",
			"---\n---\nbody\n",
			"---\nsource-commit: " + hash + "\n---\nbody\n"},
		{"CRLF kept", "source-commit",
			"---\r\nlang: fr\r\nlang-ref: a\r\n---\r\nbody\r\n",
			"---\r\nlang: fr\r\nlang-ref: a\r\nsource-commit: " + hash + "\r\n---\r\nbody\r\n"},
		{"CRLF replace", "source-commit",
			"---\r\nsource-commit: abc\r\n---\r\n",
			"---\r\nsource-commit: " + hash + "\r\n---\r\n"},
		{"nested: replace", "l10n.sourceCommit",
			"---\nl10n:\n  sourceCommit: abc\n  other: 1\n---\n",
			"---\nl10n:\n  sourceCommit: " + hash + "\n  other: 1\n---\n"},
		{"nested: leaf absent", "l10n.sourceCommit",
			"---\nl10n:\n    other: 1\ntitle: X\n---\n",
			"---\nl10n:\n    other: 1\n    sourceCommit: " + hash + "\ntitle: X\n---\n"},
		{"nested: parent empty", "l10n.sourceCommit",
			"---\nl10n:\ntitle: X\n---\n",
			"---\nl10n:\n  sourceCommit: " + hash + "\ntitle: X\n---\n"},
		{"nested: all absent", "l10n.sourceCommit",
			"---\nlang-ref: a\ntitle: X\n---\n",
			"---\nlang-ref: a\nl10n:\n  sourceCommit: " + hash + "\ntitle: X\n---\n"},
		{"non-ASCII before the value", "source-commit",
			"---\ntitle: Été\nsource-commit: abc\n---\n",
			"---\ntitle: Été\nsource-commit: " + hash + "\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Set([]byte(tt.src), tt.key, hash, "lang-ref")
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			if v := stale.RecordedBaseline(frontmatter.Parse(got), tt.key); v != hash {
				t.Errorf("the key reads back as %q", v)
			}
		})
	}
}

func TestSetRefuses(t *testing.T) {
	tests := []struct {
		name, key, src string
		line           int
	}{
		{"no front matter", "source-commit", "# Title\n", 1},
		{"flow mapping", "l10n.sourceCommit", "---\nl10n: {a: 1}\n---\n", 2},
		{"scalar parent", "l10n.sourceCommit", "---\nl10n: 3\n---\n", 2},
		{"multi-line value", "source-commit", "---\nsource-commit: abc\n  def\n---\n", 2},
		{"block scalar", "source-commit", "---\nsource-commit: |\n  abc\n---\n", 2},
		{"list value", "source-commit", "---\nsource-commit:\n  - a\n---\n", 2},
		{"unterminated", "source-commit", "---\nlang: fr\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Set([]byte(tt.src), tt.key, hash, "lang-ref")
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if e.Line != tt.line {
				t.Errorf("line %d, want %d (%v)", e.Line, tt.line, e)
			}
		})
	}
}

// FuzzSet checks on any front matter that Set either refuses or changes
// only the lines of the key, and that the key then reads back.
func FuzzSet(f *testing.F) {
	for _, s := range []string{"---\nlang: fr\nlang-ref: a\n---\nx\n", "---\r\nsource-commit: 'a' # c\r\n---\r\n",
		"---\nl10n:\n  sourceCommit: \"x\"\n---\n", "---\na: [1, 2]\nb: {c: d}\n---\n", "---\nt: >\n  a\n  b\n---\n"} {
		f.Add(s, "source-commit")
		f.Add(s, "l10n.sourceCommit")
	}
	f.Fuzz(func(t *testing.T, src, key string) {
		if key == "" || strings.ContainsAny(key, " \t\r\n:#'\"{}[],&*!|>%@`-?") && key != "source-commit" {
			return
		}
		before := frontmatter.Parse([]byte(src))
		if !before.Usable() {
			return
		}
		got, err := Set([]byte(src), key, hash, "lang-ref")
		if err != nil {
			return
		}
		after := frontmatter.Parse(got)
		if !after.Usable() {
			t.Fatalf("the result does not parse: %q", got)
		}
		if v := stale.RecordedBaseline(after, key); v != hash {
			t.Fatalf("key reads back as %q in %q", v, got)
		}
		if string(after.Body) != string(before.Body) {
			t.Fatalf("body changed")
		}
		for _, l := range removedLines(src, string(got)) {
			if !strings.Contains(l, strings.Split(key, ".")[len(strings.Split(key, "."))-1]) {
				t.Fatalf("line %q lost in %q → %q", l, src, got)
			}
		}
	})
}

// removedLines returns the lines of a that b lacks, as a multiset.
func removedLines(a, b string) []string {
	have := map[string]int{}
	for _, l := range strings.SplitAfter(b, "\n") {
		have[l]++
	}
	var out []string
	for _, l := range strings.SplitAfter(a, "\n") {
		if have[l] > 0 {
			have[l]--
		} else {
			out = append(out, l)
		}
	}
	return out
}
