// Package generators holds the only list of the site generators langref
// knows, and the only choice between them: by name (.langref.yml's
// generator:) or by the files that define each one.
package generators

import (
	"os"
	"path/filepath"

	"github.com/langref/langref/sync/profile"
	"github.com/langref/langref/sync/profile/docusaurus"
	"github.com/langref/langref/sync/profile/hugo"
	"github.com/langref/langref/sync/profile/jekyll"
	"github.com/langref/langref/sync/profile/mkdocs"
	"github.com/langref/langref/sync/profile/starlight"
)

// All are the profiles, in the order detection tries them.
var All = []profile.Profile{jekyll.Profile{}, hugo.Profile{}, starlight.Profile{}, docusaurus.Profile{}, mkdocs.Profile{}}

// Default is the profile of a folder no generator's files mark: Jekyll's
// rules, which read a plain folder of pages with front matter.
func Default() profile.Profile { return jekyll.Profile{} }

// Names returns the profiles' names, in detection order.
func Names() []string {
	out := make([]string, len(All))
	for i, p := range All {
		out[i] = p.Name()
	}
	return out
}

// ByName returns the profile called name, or nil.
func ByName(name string) profile.Profile {
	for _, p := range All {
		if p.Name() == name {
			return p
		}
	}
	return nil
}

// Markers returns every file, relative to a site root, that marks a site
// of some generator, in detection order: what a search for a site root
// looks for.
func Markers() []string {
	var out []string
	for _, p := range All {
		out = append(out, p.Markers()...)
	}
	return out
}

// Detect returns the profile of the first generator one of whose markers
// is in dir, or nil.
func Detect(dir string) profile.Profile {
	for _, p := range All {
		for _, m := range p.Markers() {
			if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(m))); err == nil && !fi.IsDir() {
				return p
			}
		}
	}
	return nil
}
