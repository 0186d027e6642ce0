package jstext

import (
	"reflect"
	"regexp"
	"testing"
)

func TestStringList(t *testing.T) {
	key := regexp.MustCompile(`\blocales\s*:`)
	tests := []struct {
		name, src string
		want      []string
	}{
		{"quotes of every kind", "i18n: { locales: ['en', \"fr\", `pt-BR`] }", []string{"en", "fr", "pt-BR"}},
		{"the first array only", "locales: ['en'], other: ['x']", []string{"en"}},
		{"not an array", "locales: LOCALES", nil},
		{"absent", "title: 'x'", nil},
		{"unclosed", "locales: ['en', 'fr'", []string{"en", "fr"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := StringList(StripComments(tt.src), key); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("StringList = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStringValue(t *testing.T) {
	key := regexp.MustCompile(`\bdefaultLocale\s*:`)
	for src, want := range map[string]string{
		"defaultLocale: 'fr',":               "fr",
		"defaultLocale:\n  \"pt-BR\"":        "pt-BR",
		"defaultLocale: LOCALE":              "",
		"// defaultLocale: 'xx'\ntitle: 'y'": "",
	} {
		if got := StringValue(StripComments(src), key); got != want {
			t.Errorf("StringValue(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestStripComments(t *testing.T) {
	src := "a // c\nb /* x\ny */ c 'no // comment' \"/* kept */\" url: 'https://x'\n"
	want := "a \nb \n c 'no // comment' \"/* kept */\" url: 'https://x'\n"
	if got := StripComments(src); got != want {
		t.Errorf("StripComments = %q, want %q", got, want)
	}
}

func FuzzStringList(f *testing.F) {
	key := regexp.MustCompile(`\blocales\s*:`)
	for _, s := range []string{"locales: ['a', \"b\"]", "locales:[", "/* ", "'\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		StringList(StripComments(src), key)
		StringValue(src, key)
	})
}
