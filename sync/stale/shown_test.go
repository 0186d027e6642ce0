package stale

import (
	"strings"
	"testing"

	"github.com/langref/langref/translate/change"
)

// TestShownValues: a change since a recorded baseline to a front matter
// value readers see (the profile's ShownKeys: Jekyll's title and
// description) counts like a change of a block of prose; the translation
// has it when it writes the value as the source now does, has the key the
// source added, or holds a changed value's new verbatim material.
func TestShownValues(t *testing.T) {
	withTitle := func(s, title string) string {
		return strings.Replace(s, "lang-ref: a\n", "lang-ref: a\ntitle: "+title+"\n", 1)
	}
	tests := []struct {
		name              string
		enBefore, enAfter string
		fr                string
		state             State
		class             change.Class
		stale             bool
	}{
		{"title reworded: stale", withTitle(en, "Gradient descent"), withTitle(en, "Descent along the gradient"),
			withTitle(fr, "Descente de gradient"), Outdated, change.Content, true},
		{"title typo: cosmetic", withTitle(en, "Gradient descnet"), withTitle(en, "Gradient descent"),
			withTitle(fr, "Descente de gradient"), Cosmetic, change.Typo, false},
		{"title kept as the source writes it now", withTitle(en, "PyTorch"), withTitle(en, "PyTorch 2"),
			withTitle(fr, "PyTorch 2"), Applied, change.Verbatim, false},
		{"description added, the translation lacks it", en, strings.Replace(en, "lang-ref: a\n", "lang-ref: a\ndescription: How to descend.\n", 1),
			fr, New, change.Content, true},
		{"description added, the translation has one", en, strings.Replace(en, "lang-ref: a\n", "lang-ref: a\ndescription: How to descend.\n", 1),
			strings.Replace(fr, "lang-ref: a\n", "lang-ref: a\ndescription: Comment descendre.\n", 1), Applied, change.Content, false},
		{"a number in the title, the translation has the new", withTitle(en, "Week 1"), withTitle(en, "Week 2"),
			withTitle(fr, "Semaine 2"), Applied, change.Content, false},
		{"a number in the title, the translation has the old", withTitle(en, "Week 1"), withTitle(en, "Week 2"),
			withTitle(fr, "Semaine 1"), Outdated, change.Content, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			r.Write("docs/en/a.md", tt.enBefore, "docs/fr/a.md", tt.fr)
			c1 := r.Commit("add")
			r.Write("docs/en/a.md", tt.enAfter)
			r.Commit("front matter")
			r.Write("docs/fr/a.md", withKey(tt.fr, "source-commit", c1))
			p := page(t, analyze(t, r.Dir), "fr/a.md")
			if len(p.Changes) != 1 || p.Stale != tt.stale {
				t.Fatalf("stale %v, changes %+v", p.Stale, p.Changes)
			}
			c := p.Changes[0]
			if c.Evidence != ShownValue || c.State != tt.state || c.Class != tt.class || c.Line != 3 {
				t.Errorf("change %+v, want %s %s at line 3", c, tt.state, tt.class)
			}
		})
	}
	t.Run("history baselines compare bodies only", func(t *testing.T) {
		r := newRepo(t)
		r.Write("docs/en/a.md", withTitle(en, "Gradient descent"), "docs/fr/a.md", withTitle(fr, "Descente de gradient"))
		r.Commit("add")
		r.Write("docs/en/a.md", withTitle(en, "Descent along the gradient"))
		r.Commit("title")
		p := page(t, analyze(t, r.Dir), "fr/a.md")
		if p.BaselineSource != History || len(p.Changes) != 0 || p.Stale {
			t.Errorf("%s baseline, stale %v, changes %+v", p.BaselineSource, p.Stale, p.Changes)
		}
	})
}
