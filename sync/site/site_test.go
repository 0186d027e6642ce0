package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/langref/langref/internal/testfs"
)

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		glob, path string
		want       bool
	}{
		{"**/*.sbv", "en/video/a.sbv", true},
		{"**/*.sbv", "a.sbv", true},
		{"**/*.sbv", "en/video/a.srt", false},
		{"*.sbv", "en/a.sbv", false},
		{"*.sbv", "a.sbv", true},
		{"en/*.sbv", "en/a.sbv", true},
	}
	for _, tt := range tests {
		t.Run(tt.glob+" "+tt.path, func(t *testing.T) {
			if got := globMatch(tt.glob, tt.path); got != tt.want {
				t.Errorf("globMatch(%q, %q) = %v, want %v", tt.glob, tt.path, got, tt.want)
			}
		})
	}
}

func TestFindRoot(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"config here", map[string]string{"_config.yml": "", "docs/_config.yml": ""}, "."},
		{"config in docs", map[string]string{"docs/_config.yml": ""}, "docs"},
		{"no config", map[string]string{"en/a.md": ""}, "."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Dir(t, tt.files)
			if got, want := FindRoot(dir), filepath.Join(dir, tt.want); got != want {
				t.Errorf("FindRoot = %q, want %q", got, want)
			}
		})
	}
}

func load(t *testing.T, files map[string]string) *Site {
	t.Helper()
	s, err := Load(testfs.Dir(t, files))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestMirror(t *testing.T) {
	s := load(t, map[string]string{
		"en/a.md": "---\nlang-ref: a\n---\n",
		"fr/a.md": "---\nlang: fr\nlang-ref: a\n---\n",
	})
	tests := []struct{ rel, lang, mirror, unmirror string }{
		{"en/a/b.md", "fr", "fr/a/b.md", "a/b.md"},
		{"en/a.md", "fr", "fr/a.md", "a.md"},
		{"index.md", "fr", "fr/index.md", "index.md"},
		{"fr/a.md", "de", "de/fr/a.md", "a.md"},
		{"img/x.png", "fr", "fr/img/x.png", "img/x.png"},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			if got := s.Mirror(tt.rel, tt.lang); got != tt.mirror {
				t.Errorf("Mirror(%q, %q) = %q, want %q", tt.rel, tt.lang, got, tt.mirror)
			}
			if got := s.Unmirror(tt.rel); got != tt.unmirror {
				t.Errorf("Unmirror(%q) = %q, want %q", tt.rel, got, tt.unmirror)
			}
		})
	}
}

func TestMirrorByPath(t *testing.T) {
	s := load(t, map[string]string{
		".langref.yml":        "pairing: path\npath_pattern: \"content/{lang}/{path}\"\n",
		"content/en/a/b.md":   "---\ntitle: B\n---\n",
		"content/fr/a/b.md":   "---\ntitle: B\n---\n",
		"content/de/index.md": "---\ntitle: I\n---\n",
	})
	if got, want := s.Languages, []string{"de", "en", "fr"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Languages = %q, want %q", got, want)
	}
	if got := s.Mirror("content/en/a/b.md", "fr"); got != "content/fr/a/b.md" {
		t.Errorf("Mirror = %q, want content/fr/a/b.md", got)
	}
	if got := s.Unmirror("content/fr/a/b.md"); got != "a/b.md" {
		t.Errorf("Unmirror = %q, want a/b.md", got)
	}
	if got := s.FolderLang("content/de/index.md"); got != "de" {
		t.Errorf("FolderLang = %q, want de", got)
	}
	if got := s.FolderLang("README.md"); got != "en" {
		t.Errorf("FolderLang(README.md) = %q, want the source language", got)
	}
}

func TestDetectLanguages(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name: "folders whose pages name them",
			files: map[string]string{
				"en/a.md": "---\nlang-ref: a\n---\n",
				"fr/a.md": "---\nlang: fr\nlang-ref: a\n---\n",
				"de/a.md": "---\nlang: de\nlang-ref: a\n---\n",
			},
			want: []string{"de", "en", "fr"},
		},
		{
			name: "a folder of images is not a language",
			files: map[string]string{
				"en/a.md":     "---\nlang-ref: a\n---\n",
				"img/x.png":   "png",
				"img/y.md":    "# not a page\n",
				"css/site.md": "---\ntitle: CSS\n---\n",
			},
			want: []string{"en"},
		},
		{
			name: "a folder whose pages have another lang",
			files: map[string]string{
				"en/a.md":    "---\nlang-ref: a\n---\n",
				"blog/a.md":  "---\nlang: en\n---\n",
				"notes/a.md": "---\nlang: fr\n---\n",
			},
			want: []string{"en"},
		},
		{
			name: "a navigation block makes a language",
			files: map[string]string{
				"_config.yml": "title: Docs\nes:\n  title: Documentos\n",
				"en/a.md":     "---\nlang-ref: a\n---\n",
			},
			want: []string{"en", "es"},
		},
		{
			name: "a mapping without title or navigation is not a language",
			files: map[string]string{
				"_config.yml": "title: Docs\nsass:\n  style: compressed\nkramdown:\n  input: GFM\n",
				"en/a.md":     "---\nlang-ref: a\n---\n",
			},
			want: []string{"en"},
		},
		{
			name: "default_lang is the source language",
			files: map[string]string{
				"_config.yml": "default_lang: fr\n",
				"fr/a.md":     "---\nlang-ref: a\n---\n",
				"en/a.md":     "---\nlang: en\nlang-ref: a\n---\n",
			},
			want: []string{"en", "fr"},
		},
		{
			name: "a folder whose only page is unreadable, at a source page's path",
			files: map[string]string{
				"en/a.md": "---\nlang-ref: a\n---\n",
				"en/b.md": "---\nlang-ref: b\n---\n",
				"fr/a.md": "\xff\xfe-\x00-\x00-\x00",
				"de/b.md": "",
				"ja/a.md": "---\nlang-ref: a\x00\n",
				"ko/a.md": "caf\xe9\n",
				"ru/b.md": "---\rlang-ref: b\r---\r",
			},
			want: []string{"de", "en", "fr", "ja", "ko", "ru"},
		},
		{
			name: "an unreadable file that mirrors no source page makes no language",
			files: map[string]string{
				"en/a.md":  "---\nlang-ref: a\n---\n",
				"fr/zz.md": "",
				"img/b.md": "\x00\x01",
				"de/a.md":  "# readable, no front matter\n",
			},
			want: []string{"en"},
		},
		{
			name: ".langref.yml languages win",
			files: map[string]string{
				".langref.yml": "languages: [en, ja]\n",
				"en/a.md":      "---\nlang-ref: a\n---\n",
				"fr/a.md":      "---\nlang: fr\nlang-ref: a\n---\n",
			},
			want: []string{"en", "ja"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := load(t, tt.files)
			if !reflect.DeepEqual(s.Languages, tt.want) {
				t.Errorf("Languages = %q, want %q", s.Languages, tt.want)
			}
		})
	}
}

func TestReadKeepsPagesAndMeantPages(t *testing.T) {
	s := load(t, map[string]string{
		"_config.yml":     "exclude: [vendor]\n",
		"en/a.md":         "---\nlang-ref: a\n---\n",
		"en/static.md":    "# no front matter\n",
		"fr/bom.md":       "\xef\xbb\xbf---\nlang: fr\n---\n",
		"fr/a.html":       "---\nlang: fr\n---\n",
		"fr/a.txt":        "plain text\n",
		"_drafts/en/d.md": "---\nlang-ref: d\n---\n",
		"vendor-old/x.md": "---\nlang-ref: x\n---\n",
		"fr/a.md~":        "---\nlang: fr\n---\n",
	})
	var got []string
	for _, f := range s.Files {
		got = append(got, f.Path)
	}
	want := []string{"en/a.md", "fr/a.html", "fr/bom.md"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Files = %q, want %q", got, want)
	}
	if f := s.Lookup("fr/bom.md"); f == nil || f.Folder != "fr" || f.Doc == nil || f.Doc.Page {
		t.Errorf("Lookup(fr/bom.md) = %+v, want a non-page in the fr folder", f)
	}
	if s.Lookup("en/static.md") != nil {
		t.Error("a markdown file without front matter takes part in pairing")
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct {
		name, file, content string
		wantFile            string
		wantLine            int
		bug                 string
	}{
		{"scanner error", "_config.yml", "title: Docs\nurl: a: b\n", "_config.yml", 2, ""},
		{"list instead of mapping", "_config.yml", "- a\n- b\n", "_config.yml", 1, ""},
		{"bad severity", ".langref.yml", "rules:\n  orphan-ref: loud\n", ".langref.yml", 2, ""},
		{"bad pairing", ".langref.yml", "key: ref\npairing: magic\n", ".langref.yml", 2, ""},
		{"path pattern without {path}", ".langref.yml", "pairing: path\npath_pattern: \"content/{lang}\"\n", ".langref.yml", 2, ""},
		{"unclosed flow sequence", "_config.yml", "title: Docs\nexclude:\n  - [vendor\n", "_config.yml", 3,
			"yaml.v3 gives parser errors on the 0-based line of the enclosing collection; langref prints line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
			}
			_, err := LoadConfig(testfs.Dir(t, map[string]string{tt.file: tt.content}))
			ce, ok := err.(*ConfigError)
			if !ok {
				t.Fatalf("LoadConfig error = %v, want a *ConfigError", err)
			}
			if ce.File != tt.wantFile || ce.Line != tt.wantLine {
				t.Errorf("error at %s:%d (%v), want %s:%d", ce.File, ce.Line, ce, tt.wantFile, tt.wantLine)
			}
		})
	}
}

func TestNav(t *testing.T) {
	s := load(t, map[string]string{
		"_config.yml": "title: Docs\nprologues:\n  - path: en/p.md\nchapters:\n  - path: en/a.md\n    sections:\n      - path: en/a/1.md\nepilogues:\n  - path: en/e.md\nfr:\n  title: Docs\n  chapters:\n    - path: fr/a.md\n",
	})
	en := s.Nav["en"]
	var got []string
	for _, it := range en.Items {
		got = append(got, it.Path+"<"+it.Parent)
	}
	want := []string{"en/p.md<", "en/a.md<", "en/a/1.md<en/a.md", "en/e.md<"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("en nav = %q, want %q", got, want)
	}
	if fr := s.Nav["fr"]; fr == nil || fr.Line != 10 || fr.Index("fr/a.md") != 0 || fr.Items[0].Line != 13 || fr.Items[0].Col != 13 {
		t.Errorf("fr nav = %+v, want the block at line 10 with fr/a.md at 13:13", fr)
	}
	var nilNav *Nav
	if nilNav.Index("x") != -1 {
		t.Error("Index on a nil Nav is not -1")
	}
}

// TestLoadLeanKeepsWhatLoadKeeps loads a site whole and lean: a lean site
// has the same files and front matter, sums of the pages instead of their
// contents, and reads the same contents again. Pages of many sizes, read
// into the same buffers one after the other, must not leak into another.
func TestLoadLeanKeepsWhatLoadKeeps(t *testing.T) {
	files := map[string]string{
		"_config.yml":  "title: t\n",
		"en/big.md":    "---\nlang-ref: big\ntitle: 'Big'\n---\n" + strings.Repeat("a long line of text\n", 60000),
		"fr/big.md":    "---\nlang: fr\nlang-ref: big\ntranslator: \"FR 1\"\n---\n",
		"en/empty.md":  "---\n---\n",
		"en/bad.md":    "---\nlang-ref: [\n---\n",
		"en/static.md": "# no front matter\n",
	}
	for i := range 40 {
		files[fmt.Sprintf("en/p%02d.md", i)] = fmt.Sprintf("---\nlang-ref: p%d\ntitle: \"Page %d\"\n---\n%s", i, i, strings.Repeat("body ", 50*(40-i)))
	}
	root := testfs.Dir(t, files)
	whole, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	lean, err := LoadLean(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(lean.Files) != len(whole.Files) {
		t.Fatalf("LoadLean has %d files, Load %d", len(lean.Files), len(whole.Files))
	}
	for i, w := range whole.Files {
		l := lean.Files[i]
		if l.Path != w.Path || l.Src != nil || l.Doc.Body != nil {
			t.Errorf("lean file %q (Src %d bytes, Body %d), want %q without contents", l.Path, len(l.Src), len(l.Doc.Body), w.Path)
		}
		body := w.Doc.Body
		w.Doc.Body = nil
		if !reflect.DeepEqual(l.Doc, w.Doc) {
			t.Errorf("%s: lean front matter %+v, want %+v", w.Path, l.Doc, w.Doc)
		}
		w.Doc.Body = body
		if want := sha256.Sum256(w.Src); l.Sum == nil || *l.Sum != want {
			t.Errorf("%s: Sum is not the contents' SHA-256", w.Path)
		}
		got, err := lean.Contents(l)
		if err != nil || !bytes.Equal(got, w.Src) || got == nil {
			t.Errorf("%s: Contents = %d bytes, %v; want %d", w.Path, len(got), err, len(w.Src))
		}
	}
}

// TestContentsChangedSinceLoad: a lean site's page read again must be
// the page that was loaded; one that changed in between is an error.
func TestContentsChangedSinceLoad(t *testing.T) {
	root := testfs.Dir(t, map[string]string{"_config.yml": "title: t\n", "en/a.md": "---\nlang-ref: a\n---\nOne.\n"})
	s, err := LoadLean(root)
	if err != nil {
		t.Fatal(err)
	}
	f := s.Lookup("en/a.md")
	if b, err := s.Contents(f); err != nil || string(b) != "---\nlang-ref: a\n---\nOne.\n" {
		t.Fatalf("Contents = %q, %v", b, err)
	}
	testfs.Write(t, root, map[string]string{"en/a.md": "---\nlang-ref: a\n---\nTwo.\n"})
	if _, err := s.Contents(f); err == nil || !strings.Contains(err.Error(), `"en/a.md" changed`) {
		t.Errorf("err = %v, want en/a.md changed", err)
	}
}

// TestLoadLeanVisit: the visitor sees every page's body once, those
// outside translation folders first, and the site is LoadLean's.
func TestLoadLeanVisit(t *testing.T) {
	files := map[string]string{
		"_config.yml":   "title: t\n",
		"index.md":      "---\nlang-ref: home\n---\nHome.\n",
		"en/a.md":       "---\nlang-ref: a\n---\nA.\n",
		"assets/x.md":   "---\n---\nAsset page.\n",
		"fr/a.md":       "---\nlang: fr\nlang-ref: a\n---\nUn A.\n",
		"fr/index.md":   "---\nlang: fr\nlang-ref: home\n---\nAccueil.\n",
		"zh-Hans/a.md":  "---\nlang: zh-Hans\nlang-ref: a\n---\n甲。\n",
		"fr/static.txt": "not read: no front matter\n",
	}
	root := testfs.Dir(t, files)
	var mu sync.Mutex
	seen := map[string]string{}
	var order []string
	record := func(round string) func(*File, []byte) {
		return func(f *File, body []byte) {
			mu.Lock()
			defer mu.Unlock()
			seen[f.Path] = string(body)
			order = append(order, round)
		}
	}
	s, err := LoadLeanVisit(root, Visitor{Source: record("source"), Translation: record("translation")})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.md": "Home.\n", "en/a.md": "A.\n", "assets/x.md": "Asset page.\n",
		"fr/a.md": "Un A.\n", "fr/index.md": "Accueil.\n", "zh-Hans/a.md": "甲。\n"}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("visited %v, want %v", seen, want)
	}
	if got := strings.Join(order, " "); got != "source source source translation translation translation" {
		t.Errorf("rounds in order %q, want the sources' first", got)
	}
	lean, err := LoadLean(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Files) != len(lean.Files) {
		t.Fatalf("LoadLeanVisit has %d files, LoadLean %d", len(s.Files), len(lean.Files))
	}
	for i, f := range s.Files {
		if l := lean.Files[i]; f.Path != l.Path || *f.Sum != *l.Sum || f.Folder != l.Folder || f.Doc.Body != nil {
			t.Errorf("file %d: %q (folder %q), LoadLean has %q (folder %q)", i, f.Path, f.Folder, l.Path, l.Folder)
		}
	}
}

func TestLangrefFile(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		wantErr  string
		wantLine int
	}{
		{"an unknown key names the nearest one", map[string]string{".langref.yml": "source_lang: en\npairng: path\n"}, `"pairng" is not a key of .langref.yml: did you mean "pairing"?`, 2},
		{"an unknown key far from every key", map[string]string{".langref.yml": "colour: blue\n"}, `"colour" is not a key of .langref.yml`, 1},
		{"an unknown generator", map[string]string{".langref.yml": "generator: gatsby\n"}, `generator "gatsby" is not one of "jekyll", "hugo", "starlight", "docusaurus", "mkdocs"`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadConfig(testfs.Dir(t, tt.files))
			ce, ok := err.(*ConfigError)
			if !ok || ce.File != ".langref.yml" || ce.Line != tt.wantLine || ce.Err.Error() != tt.wantErr {
				t.Fatalf("error = %v, want .langref.yml:%d: %s", err, tt.wantLine, tt.wantErr)
			}
		})
	}
}

func paths(s *Site) []string {
	var out []string
	for _, f := range s.Files {
		out = append(out, f.Path)
	}
	return out
}

func TestGeneratorDetectedAndOverridden(t *testing.T) {
	hugoSite := map[string]string{
		"hugo.toml":          "[languages.en]\n[languages.fr]\n",
		"content/_index.md":  "---\ntitle: Home\n---\n",
		"content/a.fr.md":    "+++\ntitle = 'A'\n+++\n",
		"archetypes/post.md": "---\ntitle: x\n---\n",
	}
	s := load(t, hugoSite)
	if s.Generator != "hugo" || !reflect.DeepEqual(paths(s), []string{"content/_index.md", "content/a.fr.md"}) {
		t.Errorf("detected: generator %q, files %q", s.Generator, paths(s))
	}
	if f := s.Lookup("content/a.fr.md"); f == nil || f.Folder != "fr" {
		t.Errorf("content/a.fr.md = %+v, want a page of fr", f)
	}
	hugoSite[".langref.yml"] = "generator: jekyll\n"
	s = load(t, hugoSite)
	// Jekyll skips _index.md and takes TOML front matter for text.
	if s.Generator != "jekyll" || !reflect.DeepEqual(paths(s), []string{"archetypes/post.md"}) {
		t.Errorf("overridden: generator %q, files %q", s.Generator, paths(s))
	}
}

func TestExcludeInclude(t *testing.T) {
	s := load(t, map[string]string{
		".langref.yml":     "exclude: [en/drafts/, \"**/*.tmp.md\"]\ninclude: [_shared/]\n",
		"en/a.md":          "---\nlang-ref: a\n---\n",
		"en/drafts/b.md":   "---\nlang-ref: b\n---\n",
		"en/c.tmp.md":      "---\nlang-ref: c\n---\n",
		"_shared/en/d.md":  "---\nlang-ref: d\n---\n",
		"_private/en/e.md": "---\nlang-ref: e\n---\n",
	})
	if got, want := paths(s), []string{"_shared/en/d.md", "en/a.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Files = %q, want %q", got, want)
	}
	var left []string
	for _, l := range s.Left {
		left = append(left, l.Path+":"+string(l.Reason))
	}
	if want := []string{"_private:underscore", "en/c.tmp.md:excluded", "en/drafts:excluded"}; !reflect.DeepEqual(left, want) {
		t.Errorf("Left = %q, want %q", left, want)
	}
}
