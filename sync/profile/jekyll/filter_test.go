package jekyll

import (
	"testing"

	"github.com/langref/langref/sync/profile"
)

// TestFnmatch follows Ruby's File.fnmatch? without flags, as Jekyll's
// EntryFilter calls it: "*" crosses "/", "?" is one character, classes and
// escapes work.
func TestFnmatch(t *testing.T) {
	tests := []struct {
		name, pattern, path string
		want                bool
	}{
		{"literal", "en/index.md", "en/index.md", true},
		{"literal is not a prefix match", "en/index.md", "en/index.md.bak", false},
		{"star within a name", "*.backup", "a.backup", true},
		{"star crosses slashes", "*.backup", "docs/en/a.backup", true},
		{"star in the middle crosses slashes", "en/*.md", "en/sub/a.md", true},
		{"star matches empty", "a*", "a", true},
		{"several stars", "**/*.md", "en/a.md", true},
		{"question mark", "?n/a.md", "en/a.md", true},
		{"question mark needs a character", "en?", "en", false},
		{"class", "[ef][nr]/a.md", "fr/a.md", true},
		{"class miss", "[ef][nr]/a.md", "de/a.md", false},
		{"class range", "week[0-9].md", "week7.md", true},
		{"negated class", "week[!0-9].md", "weekA.md", true},
		{"negated class miss", "week[!0-9].md", "week7.md", false},
		{"caret negation", "week[^0-9].md", "week7.md", false},
		{"escaped star", `a\*.md`, "a*.md", true},
		{"escaped star is literal", `a\*.md`, "ab.md", false},
		{"unclosed class is literal", "a[b", "a[b", true},
		{"empty pattern", "", "", true},
		{"empty pattern against a name", "", "a", false},
		{"no match", "vendor", "en/a.md", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fnmatch(tt.pattern, tt.path); got != tt.want {
				t.Errorf("fnmatch(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
			}
		})
	}
}

func TestGlobInclude(t *testing.T) {
	tests := []struct {
		name     string
		patterns []string
		path     string
		isDir    bool
		want     bool
	}{
		{"plain prefix skips a sibling folder too", []string{"vendor"}, "vendor-old", true, true},
		{"plain prefix skips the folder", []string{"vendor"}, "vendor", true, true},
		{"plain prefix skips files inside", []string{"vendor"}, "vendor/x.md", false, true},
		{"leading slash is ignored", []string{"/vendor"}, "vendor", true, true},
		{"trailing slash names a folder", []string{"node_modules/"}, "node_modules", true, true},
		{"trailing slash does not name a file", []string{"node_modules/"}, "node_modules", false, false},
		{"glob", []string{"*.backup"}, "en/a.backup", false, true},
		{"exact file", []string{"en/index.md"}, "en/index.md", false, true},
		{"exact file is no folder prefix", []string{"en/index.md"}, "en", true, false},
		{"unrelated", []string{"vendor", "*.bak"}, "en/a.md", false, false},
		{"no patterns", nil, "en/a.md", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := globInclude(tt.patterns, tt.path, tt.isDir); got != tt.want {
				t.Errorf("globInclude(%q, %q, dir=%v) = %v, want %v", tt.patterns, tt.path, tt.isDir, got, tt.want)
			}
		})
	}
}

func TestSkipped(t *testing.T) {
	tests := []struct {
		name             string
		exclude, include []string
		path             string
		isDir            bool
		want             bool
	}{
		{"ordinary page", nil, nil, "en/a.md", false, false},
		{"underscore folder", nil, nil, "_drafts", true, true},
		{"underscore file", nil, nil, "en/_partial.md", false, true},
		{"dot file", nil, nil, "en/.hidden.md", false, true},
		{"dot folder", nil, nil, ".github", true, true},
		{"hash file", nil, nil, "en/#a.md#", false, true},
		{"tilde prefix", nil, nil, "en/~a.md", false, true},
		{"tilde suffix", nil, nil, "en/a.md~", false, true},
		{"tilde inside the name is fine", nil, nil, "en/a~b.md", false, false},
		{"include brings an underscore file back", nil, []string{"_pages"}, "_pages", true, false},
		{"include by base name", nil, []string{".htaccess"}, "en/.htaccess", false, false},
		{"exclude prefix", []string{"vendor"}, nil, "vendor-old", true, true},
		{"exclude glob", []string{"*.backup.md"}, nil, "fr/a.backup.md", false, true},
		{"include overrides exclude", []string{"docs"}, []string{"docs"}, "docs", true, false},
		{"default excludes", defaultExcludes, nil, "node_modules", true, true},
		{"default excludes: Gemfile.lock", defaultExcludes, nil, "Gemfile.lock", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newEntryFilter(tt.exclude, tt.include)
			if got := f.skip(tt.path, tt.isDir) != profile.Kept; got != tt.want {
				t.Errorf("skipped(%q) with exclude %q include %q = %v, want %v", tt.path, tt.exclude, tt.include, got, tt.want)
			}
		})
	}
}
