package graph

import (
	"testing"

	"github.com/langref/langref/internal/testfs"
	"github.com/langref/langref/sync/site"
)

func build(t *testing.T, files map[string]string) *Graph {
	t.Helper()
	s, err := site.Load(testfs.Dir(t, files))
	if err != nil {
		t.Fatal(err)
	}
	return Build(s)
}

func entry(g *Graph, key string) *Entry {
	for _, e := range g.Entries {
		if e.Key == key {
			return e
		}
	}
	return nil
}

const src = "---\nlang-ref: a\n---\n"

func TestStates(t *testing.T) {
	tests := []struct {
		name   string
		fr     map[string]string // files of the fr tree (and others), added to en/a.md
		key    string
		state  State
		reason Reason
		page   string
	}{
		{"translated", map[string]string{"fr/a.md": "---\nlang: fr\nlang-ref: a\n---\n"}, "a", Translated, "", "fr/a.md"},
		{"translated under another name", map[string]string{"fr/autre.md": "---\nlang: fr\nlang-ref: a\n---\n"}, "a", Translated, "", "fr/autre.md"},
		{"missing", map[string]string{"fr/b.md": "---\nlang: fr\nlang-ref: b\n---\n"}, "a", Missing, "", ""},
		{"orphan", map[string]string{"fr/b.md": "---\nlang: fr\nlang-ref: b\n---\n"}, "b", Orphan, "", "fr/b.md"},
		{"BOM: not a page", map[string]string{"fr/a.md": "\xef\xbb\xbf---\nlang: fr\nlang-ref: a\n---\n"}, "a", Broken, NotAPage, "fr/a.md"},
		{"leading blank: not a page", map[string]string{"fr/a.md": "\n---\nlang: fr\nlang-ref: a\n---\n"}, "a", Broken, NotAPage, "fr/a.md"},
		{"missing opening line: not a page", map[string]string{"fr/a.md": "lang: fr\nlang-ref: a\n---\n"}, "a", Broken, NotAPage, "fr/a.md"},
		{"syntax error", map[string]string{"fr/a.md": "---\nlang: fr\nlang-ref: a\ntitle: a: b\n---\n"}, "a", Broken, BadFrontMatter, "fr/a.md"},
		{"unterminated", map[string]string{"fr/a.md": "---\nlang: fr\nlang-ref: a\n"}, "a", Broken, BadFrontMatter, "fr/a.md"},
		{"not a mapping, at the mirrored path", map[string]string{"fr/a.md": "---\n- lang: fr\n---\n"}, "a", Broken, BadFrontMatter, "fr/a.md"},
		{"no key, at the mirrored path", map[string]string{"fr/a.md": "---\nlang: fr\n---\n"}, "a", Broken, NoKey, "fr/a.md"},
		{"null key, at the mirrored path", map[string]string{"fr/a.md": "---\nlang: fr\nlang-ref:\n---\n"}, "a", Broken, NoKey, "fr/a.md"},
		{"no lang", map[string]string{"fr/a.md": "---\nlang-ref: a\n---\n", "fr/x.md": "---\nlang: fr\nlang-ref: x\n---\n"}, "a", Broken, NoLang, "fr/a.md"},
		{"null lang", map[string]string{"fr/a.md": "---\nlang:\nlang-ref: a\n---\n", "fr/x.md": "---\nlang: fr\nlang-ref: x\n---\n"}, "a", Broken, NoLang, "fr/a.md"},
		{"wrong lang", map[string]string{"fr/a.md": "---\nlang: de\nlang-ref: a\n---\n", "de/x.md": "---\nlang: de\nlang-ref: x\n---\n", "fr/x.md": "---\nlang: fr\nlang-ref: x\n---\n"}, "a", Broken, WrongLang, "fr/a.md"},
		{"duplicate", map[string]string{"fr/a.md": "---\nlang: fr\nlang-ref: a\n---\n", "fr/a2.md": "---\nlang: fr\nlang-ref: a\n---\n"}, "a", Broken, DuplicateKey, "fr/a.md"},
		// Issue 15: unreadable files, unreadable front matter, keys of the wrong type.
		{"empty file at the mirrored path", map[string]string{"fr/a.md": "", "fr/x.md": "---\nlang: fr\nlang-ref: x\n---\n"}, "a", Broken, Unreadable, "fr/a.md"},
		{"binary file", map[string]string{"fr/a.md": "---\nlang-ref: a\x00\n---\n", "fr/x.md": "---\nlang: fr\nlang-ref: x\n---\n"}, "a", Broken, Unreadable, "fr/a.md"},
		{"UTF-16 file", map[string]string{"fr/a.md": "\xff\xfe-\x00", "fr/x.md": "---\nlang: fr\nlang-ref: x\n---\n"}, "a", Broken, Unreadable, "fr/a.md"},
		{"CR-only file placed by its lang-ref", map[string]string{"fr/autre.md": "---\rlang: fr\rlang-ref: a\r---\r", "fr/x.md": "---\nlang: fr\nlang-ref: x\n---\n"}, "a", Broken, Unreadable, "fr/autre.md"},
		{"not UTF-8 without front matter", map[string]string{"fr/a.md": "caf\xe9\n", "fr/x.md": "---\nlang: fr\nlang-ref: x\n---\n"}, "a", Broken, Unreadable, "fr/a.md"},
		{"unterminated, key no source has: broken, not orphan", map[string]string{"fr/b.md": "---\nlang: fr\nlang-ref: b\n"}, "b", Broken, BadFrontMatter, "fr/b.md"},
		{"unterminated: the mirrored path wins over the key", map[string]string{"fr/a.md": "---\nlang: fr\nlang-ref: b\n"}, "a", Broken, BadFrontMatter, "fr/a.md"},
		{"lang-ref list", map[string]string{"fr/a.md": "---\nlang: fr\nlang-ref: [a, b]\n---\n"}, "a", Broken, BadType, "fr/a.md"},
		{"lang mapping", map[string]string{"fr/a.md": "---\nlang: {c: fr}\nlang-ref: a\n---\n", "fr/x.md": "---\nlang: fr\nlang-ref: x\n---\n"}, "a", Broken, BadType, "fr/a.md"},
		{"a good page beats a broken one", map[string]string{"fr/a.md": "---\nlang: fr\nlang-ref: a\n---\n", "fr/old.md": "\xef\xbb\xbf---\nlang: fr\nlang-ref: a\n---\n"}, "a", Translated, "", "fr/a.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "null lang" {
			}
			files := map[string]string{"en/a.md": src, "_config.yml": "fr:\n  title: Docs\n"}
			for k, v := range tt.fr {
				files[k] = v
			}
			g := build(t, files)
			e := entry(g, tt.key)
			if e == nil {
				t.Fatalf("no entry %q in %+v", tt.key, g.Entries)
			}
			c := g.Cell(e, "fr")
			if c == nil {
				t.Fatalf("no fr cell for %q", tt.key)
			}
			path := ""
			if c.Page != nil {
				path = c.Page.Path()
			}
			if c.State != tt.state || c.Reason != tt.reason || path != tt.page {
				t.Errorf("cell = %s (%s) %q, want %s (%s) %q", c.State, c.Reason, path, tt.state, tt.reason, tt.page)
			}
		})
	}
}

func TestSourceEntries(t *testing.T) {
	g := build(t, map[string]string{
		"_config.yml":  "chapters:\n  - path: en/z.md\n    sections:\n      - path: en/z/1.md\n  - path: en/b.md\n",
		"en/a.md":      "---\nlang-ref: a\n---\n",
		"en/b.md":      "---\nlang-ref: b\n---\n",
		"en/z.md":      "---\nlang-ref: z\n---\n",
		"en/z/1.md":    "---\nlang-ref: z1\n---\n",
		"en/dup.md":    "---\nlang-ref: b\n---\n",
		"en/nokey.md":  "---\ntitle: no key\n---\n",
		"en/french.md": "---\nlang: fr\nlang-ref: french\n---\n",
		"en/broken.md": "\xef\xbb\xbf---\nlang-ref: broken\n---\n",
		"fr/orphan.md": "---\nlang: fr\nlang-ref: orphan\n---\n",
		"fr/a.md":      "---\nlang: fr\nlang-ref: a\n---\n",
		"root-page.md": "---\nlang-ref: root\n---\n",
	})
	var keys []string
	for _, e := range g.Entries {
		keys = append(keys, e.Key)
	}
	want := []string{"z", "z1", "b", "a", "root", "orphan"}
	if len(keys) != len(want) {
		t.Fatalf("entries = %q, want %q", keys, want)
	}
	for i := range want {
		if keys[i] != want[i] {
			t.Fatalf("entries = %q, want %q", keys, want)
		}
	}
	if e := entry(g, "b"); len(e.Dups) != 1 || e.Dups[0].Path() != "en/dup.md" || e.Source.Path() != "en/b.md" {
		t.Errorf("entry b = %+v, want en/b.md (listed in the navigation) with en/dup.md as a duplicate", e)
	}
	if e := entry(g, "z1"); e.Section != "en/z.md" {
		t.Errorf("z1 section = %q, want en/z.md", e.Section)
	}
	if e := entry(g, "orphan"); e.Source != nil || g.Cell(e, "fr").State != Orphan {
		t.Errorf("orphan entry = %+v", e)
	}
	if g.SourceAt("root-page.md") == nil || g.SourceAt("a.md") == nil || g.SourceAt("french.md") != nil {
		t.Error("SourceAt does not find the usable source pages by their path in the source tree")
	}
}

func TestPlainFiles(t *testing.T) {
	g := build(t, map[string]string{
		".langref.yml":     "files: [\"**/*.sbv\"]\n",
		"en/a.md":          src,
		"fr/a.md":          "---\nlang: fr\nlang-ref: a\n---\n",
		"en/video/a.sbv":   "x",
		"fr/video/a.sbv":   "x",
		"en/video/b.sbv":   "x",
		"fr/video/old.sbv": "x",
	})
	for key, want := range map[string]State{"file:video/a.sbv": Translated, "file:video/b.sbv": Missing, "file:video/old.sbv": Orphan} {
		e := entry(g, key)
		if e == nil || !e.IsFile() {
			t.Errorf("no file entry %q", key)
			continue
		}
		if c := g.Cell(e, "fr"); c.State != want {
			t.Errorf("%s in fr = %s, want %s", key, c.State, want)
		}
	}
}

// An unreadable file that mirrors no source page and holds no key is a
// static file: it takes no part in pairing.
func TestUnreadableElsewhere(t *testing.T) {
	g := build(t, map[string]string{"en/a.md": src, "fr/a.md": "---\nlang: fr\nlang-ref: a\n---\n", "fr/notes.md": "", "en/empty.md": ""})
	for _, p := range g.Pages {
		if p.Path() == "fr/notes.md" || p.Path() == "en/empty.md" {
			t.Errorf("%s is paired; want a static file", p.Path())
		}
	}
	if len(g.Entries) != 1 {
		t.Errorf("%d entries, want 1", len(g.Entries))
	}
}
