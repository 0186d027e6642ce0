package generators

import (
	"slices"
	"testing"

	"github.com/langref/langref/internal/testfs"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"jekyll", map[string]string{"_config.yml": ""}, "jekyll"},
		{"hugo.toml", map[string]string{"hugo.toml": ""}, "hugo"},
		{"hugo's config folder", map[string]string{"config/_default/hugo.yaml": ""}, "hugo"},
		{"starlight", map[string]string{"astro.config.mjs": ""}, "starlight"},
		{"docusaurus", map[string]string{"docusaurus.config.ts": ""}, "docusaurus"},
		{"mkdocs", map[string]string{"mkdocs.yml": ""}, "mkdocs"},
		{"Jekyll wins over a stray config.toml", map[string]string{"_config.yml": "", "config.toml": ""}, "jekyll"},
		{"a folder named like a marker is none", map[string]string{"hugo.toml/x": ""}, ""},
		{"nothing", map[string]string{"en/a.md": ""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Detect(testfs.Dir(t, tt.files))
			got := ""
			if p != nil {
				got = p.Name()
			}
			if got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestByNameAndMarkers(t *testing.T) {
	for _, n := range Names() {
		if p := ByName(n); p == nil || p.Name() != n {
			t.Errorf("ByName(%q) = %v", n, p)
		}
	}
	if ByName("gatsby") != nil {
		t.Error("ByName(gatsby) is not nil")
	}
	m := Markers()
	for _, want := range []string{"_config.yml", "hugo.toml", "config/_default/hugo.toml", "astro.config.mjs", "docusaurus.config.js"} {
		if !slices.Contains(m, want) {
			t.Errorf("Markers lacks %s", want)
		}
	}
}
