package stub

import (
	"testing"

	"github.com/langref/langref/sync/frontmatter"
)

// TestFormats: a stub keeps the source's front matter format, with the
// keys the site's generator uses set among the top-level keys.
func TestFormats(t *testing.T) {
	hugo := frontmatter.Rules{Formats: []frontmatter.Format{frontmatter.YAML, frontmatter.TOML, frontmatter.JSON}, Optional: true}
	hugoKeys := Options{Lang: "fr", FrontMatter: hugo, BaselineKey: "default_lang_commit", Baseline: "abc", Style: Plain}
	tests := []struct {
		name, src string
		o         Options
		want      string
	}{
		{"yaml without a language key", "---\ntitle: About\n---\nAbout us.\n", hugoKeys,
			"---\ntitle: About\ndefault_lang_commit: abc\n---\nAbout us.\n"},
		{"toml", "+++\ntitle = \"Guide\"\nweight = 3\n+++\nThe guide.\n", hugoKeys,
			"+++\ntitle = \"Guide\"\nweight = 3\ndefault_lang_commit = \"abc\"\n+++\nThe guide.\n"},
		{"toml key set in place", "+++\ndefault_lang_commit = \"old\"\ntitle = \"Guide\"\n+++\nx\n", hugoKeys,
			"+++\ndefault_lang_commit = \"abc\"\ntitle = \"Guide\"\n+++\nx\n"},
		{"toml keys before the first table", "+++\n# top\ntitle = \"Guide\"\n[params]\n  toc = true\n[[menu.main]]\n  name = \"x\"\n+++\nx\n", hugoKeys,
			"+++\n# top\ntitle = \"Guide\"\ndefault_lang_commit = \"abc\"\n[params]\n  toc = true\n[[menu.main]]\n  name = \"x\"\n+++\nx\n"},
		{"toml credit and quoting", "+++\ntitle = 'A \"b\"'\n+++\nx\n",
			Options{Lang: "fr", FrontMatter: hugo, LangKey: "lang", Credit: true, Date: "2024-05-01", BaselineKey: "k", Baseline: `a"b\c`, Style: Plain},
			"+++\ntitle = 'A \"b\"'\nlang = \"fr\"\ntranslator = \"\"\ntranslation-date = \"2024-05-01\"\nk = \"a\\\"b\\\\c\"\n+++\nx\n"},
		{"json", "{\n    \"title\": \"Install\",\n    \"tags\": [\"a\", \"b\"]\n}\nInstall it.\n", hugoKeys,
			"{\n    \"title\": \"Install\",\n    \"tags\": [\"a\", \"b\"],\n    \"default_lang_commit\": \"abc\"\n}\nInstall it.\n"},
		{"json on one line", "{\"title\": \"<b>\"}\nx\n", hugoKeys,
			"{\n  \"title\": \"<b>\",\n  \"default_lang_commit\": \"abc\"\n}\nx\n"},
		{"no front matter: the generator's first format", "# Setup\n\nSet it up.\n", hugoKeys,
			"---\ndefault_lang_commit: abc\n---\n# Setup\n\nSet it up.\n"},
		{"no front matter, toml first", "Text.\n",
			Options{FrontMatter: frontmatter.Rules{Formats: []frontmatter.Format{frontmatter.TOML}, Optional: true}, BaselineKey: "k", Baseline: "v", Style: Plain},
			"+++\nk = \"v\"\n+++\nText.\n"},
		{"no front matter and no key", "Text.\n", Options{FrontMatter: hugo, Style: Plain}, "Text.\n"},
		{"blank lines and a byte-order mark before the block", "\xef\xbb\xbf\n\n+++\ntitle = \"x\"\n+++\nx\n", hugoKeys,
			"+++\ntitle = \"x\"\ndefault_lang_commit = \"abc\"\n+++\nx\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustMake(t, tt.src, tt.o)
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if doc := frontmatter.ParseWith([]byte(got), tt.o.FrontMatter); tt.o.FrontMatter.Optional && !doc.Usable() {
				t.Errorf("the stub's front matter does not parse: %+v", doc.Problem)
			}
		})
	}
}

// TestFormatsBadSource: front matter the generator cannot read makes no
// stub.
func TestFormatsBadSource(t *testing.T) {
	rules := frontmatter.Rules{Formats: []frontmatter.Format{frontmatter.YAML, frontmatter.TOML, frontmatter.JSON}, Optional: true}
	for _, src := range []string{"+++\ntitle = \n+++\nx\n", "{\"title\": \n", "+++\ntitle = \"x\"\n"} {
		if _, err := Make([]byte(src), Options{FrontMatter: rules}); err != ErrNotAPage {
			t.Errorf("%q: err %v, want ErrNotAPage", src, err)
		}
	}
}
