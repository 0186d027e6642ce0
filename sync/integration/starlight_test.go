package integration_test

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// TestStarlightCorpus reads Starlight's own documentation with no
// .langref.yml: the languages are astro.config.mjs's locales, the English
// pages are those at the top of src/content/docs (not guides/ or
// components/, which are folders of English pages), and pages pair by
// their path less the extension. The facts below were read from the files.
func TestStarlightCorpus(t *testing.T) {
	slow(t)
	root := filepath.Join(testcorpus.CloneBundle(t, testcorpus.Starlight), "docs")
	s, err := site.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	if s.Generator != "starlight" || s.ConfigFile != "astro.config.mjs" || s.SourceLang != "en" {
		t.Fatalf("generator %q, config %q, source %q; want starlight, astro.config.mjs, en", s.Generator, s.ConfigFile, s.SourceLang)
	}
	wantLangs := strings.Fields("da de en es fa fr hi id it ja ko pt-br pt-pt ru tr uk zh-cn")
	if !reflect.DeepEqual(s.Languages, wantLangs) {
		t.Errorf("Languages = %q, want the config's locales %q", s.Languages, wantLangs)
	}
	g := graph.Build(s)
	sources := 0
	for _, e := range g.Entries {
		if e.Source != nil {
			sources++
		}
	}
	if sources != 37 {
		t.Errorf("%d source pages, want the 37 .md and .mdx files outside the locale folders", sources)
	}
	cells := []struct{ source, lang, page string }{
		{"src/content/docs/guides/i18n.mdx", "fr", "src/content/docs/fr/guides/i18n.mdx"},
		{"src/content/docs/index.mdx", "da", "src/content/docs/da/index.mdx"},
		// .md translates .mdx: Astro pairs by slug.
		{"src/content/docs/environmental-impact.mdx", "ja", "src/content/docs/ja/environmental-impact.md"},
	}
	for _, c := range cells {
		e := entryOf(g, c.source)
		if e == nil {
			t.Errorf("%s is not a source page", c.source)
			continue
		}
		cell := g.Cell(e, c.lang)
		if cell == nil || cell.Page == nil || cell.Page.Path() != c.page || cell.State != graph.Translated {
			t.Errorf("%s in %s = %+v, want %s translated", c.source, c.lang, cell, c.page)
		}
	}
	if e := entryOf(g, "src/content/docs/getting-started.mdx"); e == nil || g.Cell(e, "da").State != graph.Missing {
		t.Error("getting-started.mdx is not missing in da, which has only index.mdx and 404.md")
	}
	for _, e := range g.Entries {
		for _, l := range g.Langs {
			if c := g.Cell(e, l); c != nil && c.State == graph.Orphan {
				t.Errorf("orphan %s in %s", c.Page.Path(), l)
			}
		}
	}
}

func entryOf(g *graph.Graph, source string) *graph.Entry {
	for _, e := range g.Entries {
		if e.Source != nil && e.Source.Path() == source {
			return e
		}
	}
	return nil
}
