package pin

import (
	"strings"
	"testing"
)

// TestSetTOMLAndJSON: Hugo's TOML and JSON front matter keep their format;
// only the value, or the one line or member added, changes.
func TestSetTOMLAndJSON(t *testing.T) {
	const key = "default_lang_commit"
	tests := []struct {
		name, src, after, want string
	}{
		{"toml: replace basic string, comment kept", "+++\ntitle = \"A\"\ndefault_lang_commit = \"abc\" # old\n+++\nbody\n", "",
			"+++\ntitle = \"A\"\ndefault_lang_commit = \"" + hash + "\" # old\n+++\nbody\n"},
		{"toml: replace literal string", "+++\ndefault_lang_commit = 'abc'\n+++\n", "",
			"+++\ndefault_lang_commit = '" + hash + "'\n+++\n"},
		{"toml: absent, after the last top-level key, before tables", "+++\ntitle = \"A\"\n\n# Parameters\n[params]\n  toc = true\n+++\nbody\n", "",
			"+++\ntitle = \"A\"\ndefault_lang_commit = \"" + hash + "\"\n\n# Parameters\n[params]\n  toc = true\n+++\nbody\n"},
		{"toml: absent, after the key after", "+++\ntranslationKey = \"a\"\ntitle = \"A\"\n+++\n", "translationKey",
			"+++\ntranslationKey = \"a\"\ndefault_lang_commit = \"" + hash + "\"\ntitle = \"A\"\n+++\n"},
		{"toml: a multi-line last key: before the table's comment", "+++\ntags = [\n  \"a\",\n]\n# P\n[params]\nx = 1\n+++\n", "",
			"+++\ntags = [\n  \"a\",\n]\ndefault_lang_commit = \"" + hash + "\"\n# P\n[params]\nx = 1\n+++\n"},
		{"toml: only a table", "+++\n[params]\nx = 1\n+++\n", "",
			"+++\ndefault_lang_commit = \"" + hash + "\"\n[params]\nx = 1\n+++\n"},
		{"toml: empty, CRLF kept", "+++\r\n+++\r\nbody\r\n", "",
			"+++\r\ndefault_lang_commit = \"" + hash + "\"\r\n+++\r\nbody\r\n"},
		{"toml: a key inside a table is another key", "+++\ntitle = \"A\"\n[params]\ndefault_lang_commit = \"x\"\n+++\n", "",
			"+++\ntitle = \"A\"\ndefault_lang_commit = \"" + hash + "\"\n[params]\ndefault_lang_commit = \"x\"\n+++\n"},
		{"json: replace", "{\n  \"title\": \"A\",\n  \"default_lang_commit\": \"abc\"\n}\nbody\n", "",
			"{\n  \"title\": \"A\",\n  \"default_lang_commit\": \"" + hash + "\"\n}\nbody\n"},
		{"json: absent, after the last member, indented as the first", "{\n    \"title\": \"A\",\n    \"tags\": [\"x\"]\n}\nbody\n", "",
			"{\n    \"title\": \"A\",\n    \"tags\": [\"x\"],\n    \"default_lang_commit\": \"" + hash + "\"\n}\nbody\n"},
		{"json: one line", "{\"title\": \"A\"}\nbody\n", "",
			"{\"title\": \"A\", \"default_lang_commit\": \"" + hash + "\"}\nbody\n"},
		{"json: empty object", "{}\nbody\n", "",
			"{\n  \"default_lang_commit\": \"" + hash + "\"\n}\nbody\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Set([]byte(tt.src), key, hash, tt.after)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestSetTOMLAndJSONRefusals(t *testing.T) {
	tests := []struct {
		name, key, src, reason string
		line                   int
	}{
		{"toml: a table", "default_lang_commit", "+++\n[default_lang_commit]\nx = 1\n+++\n", "is a table", 2},
		{"toml: not a string", "default_lang_commit", "+++\ndefault_lang_commit = 12\n+++\n", "no string (int)", 2},
		{"toml: multi-line string", "default_lang_commit", "+++\ndefault_lang_commit = \"\"\"\nabc\"\"\"\n+++\n", "not written on the key's line", 2},
		{"toml: broken", "default_lang_commit", "+++\ntitle = \n+++\n", "cannot be read", 2},
		{"toml: nested key", "l10n.sourceCommit", "+++\ntitle = \"A\"\n+++\n", "by hand", 1},
		{"json: not a string", "default_lang_commit", "{\"default_lang_commit\": 1}\n", "no string", 1},
		{"json: broken", "default_lang_commit", "{\"title\": }\n", "cannot be read", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Set([]byte(tt.src), tt.key, hash, "")
			pe, ok := err.(*Error)
			if !ok || !strings.Contains(pe.Reason, tt.reason) || pe.Line != tt.line {
				t.Errorf("err = %v, want line %d: ...%s...", err, tt.line, tt.reason)
			}
		})
	}
}
