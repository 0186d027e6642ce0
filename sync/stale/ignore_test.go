package stale

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/gittest"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// A Starlight site with Lunaria's configuration, whose commits marked
// [i18nIgnore] (or @lunaria-ignore) need no translation.
const (
	slAstro   = "starlight({ locales: { root: { lang: 'en' }, fr: {} } })\n"
	slLunaria = `{"repository": {"name": "a/b", "rootDir": "docs"}, "ignoreKeywords": ["i18nIgnore", "typo"]}` + "\n"
	slEn      = "---\ntitle: Sidebar\n---\n\nThe sidebar lists every page of the site in the order of the configuration.\n\nGroups collapse when the reader clicks their label, and stay collapsed on the next page.\n\nBadges mark pages that are new or changed since the last release of the theme.\n"
	slFr      = "---\ntitle: Barre latérale\n---\n\nLa barre latérale liste toutes les pages du site dans l'ordre de la configuration.\n\nLes groupes se replient quand le lecteur clique sur leur libellé, et restent repliés à la page suivante.\n\nDes badges signalent les pages nouvelles ou modifiées depuis la dernière version du thème.\n"
	slCode    = "```js\n// Open the sidebar on load\nsidebar.open();\n```\n"
	slEnPage  = "docs/src/content/docs/sidebar.mdx"
	slFrPage  = "docs/src/content/docs/fr/sidebar.mdx"
)

// slRewrite rewrites the English paragraph that starts with first.
func slRewrite(src, first, to string) string {
	i := strings.Index(src, first)
	j := i + strings.Index(src[i:], "\n")
	return src[:i] + to + src[j:]
}

var (
	slGroups = func(s string) string {
		return slRewrite(s, "Groups", "Groups open on the page the reader is on; the others stay closed until clicked.")
	}
	slBadges = func(s string) string {
		return slRewrite(s, "Badges", "Badges mark pages that are new, changed or deprecated since the last release of the theme, in the colour of their variant.")
	}
	slFrGroups = func(s string) string {
		return slRewrite(s, "Les groupes", "Les groupes s'ouvrent sur la page du lecteur ; les autres restent fermés jusqu'au clic.")
	}
)

func newStarlightRepo(t *testing.T, lunaria string) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	r.Write("docs/astro.config.mjs", slAstro)
	if lunaria != "" {
		r.Write("docs/lunaria.config.json", lunaria)
	}
	r.Write(slEnPage, slEn, slFrPage, slFr)
	r.Commit("add the sidebar page")
	return r
}

// ignoreStates renders a page's changes as "state:first words[@subject]" lines.
func ignoreStates(r *gittest.Repo, p *Page) string {
	subject := map[string]string{}
	for s, h := range r.Hash {
		subject[h] = strings.SplitN(s, "\n", 2)[0]
	}
	var out []string
	for _, c := range p.Changes {
		s := fmt.Sprintf("%s:%s", c.State, strings.Fields(c.Text)[0])
		if c.State == Ignored {
			s += "@" + subject[c.Commit]
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func analyzeStarlight(t *testing.T, dir string, noCache bool) *Page {
	t.Helper()
	s, err := site.Load(filepath.Join(dir, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Build(s)
	o := DefaultOptions(g)
	o.NoCache = noCache
	res, err := Analyze(g, o)
	if err != nil {
		t.Fatal(err)
	}
	return page(t, res, "src/content/docs/fr/sidebar.mdx")
}

// TestIgnoredCommits: English changes made only by commits that need no
// translation leave the translation up to date; the other commits' changes
// are judged as ever, and a translation's own ignored commit is no
// evidence that it was brought up to date.
func TestIgnoredCommits(t *testing.T) {
	tests := []struct {
		name    string
		lunaria string
		steps   func(r *gittest.Repo)
		stale   bool
		states  string
	}{
		{"an ignored commit alone: current", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("[i18nIgnore] docs: groups")
		}, false, "ignored:Groups@[i18nIgnore] docs: groups"},
		{"the same commit without Lunaria: stale", "", func(r *gittest.Repo) {
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("[i18nIgnore] docs: groups")
		}, true, "outdated:Groups"},
		{"the same commit, not ignored: stale", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("docs: groups")
		}, true, "outdated:Groups"},
		{"ignored, then a real change: stale by the real change only", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("[i18nIgnore] docs: groups")
			r.Write(slEnPage, slBadges(slGroups(slEn)))
			r.Commit("docs: badges")
		}, true, "ignored:Groups@[i18nIgnore] docs: groups outdated:Badges"},
		{"a real change, then an ignored one", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slBadges(slEn))
			r.Commit("docs: badges")
			r.Write(slEnPage, slBadges(slGroups(slEn)))
			r.Commit("fix typo in groups")
		}, true, "ignored:Groups@fix typo in groups outdated:Badges"},
		{"one block changed by both: judged", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("[i18nIgnore] docs: groups")
			r.Write(slEnPage, strings.Replace(slGroups(slEn), "the others stay closed until clicked", "a click opens the others", 1))
			r.Commit("docs: groups again")
		}, true, "outdated:Groups"},
		{"one block: ignored rewrite, then a real typo fix: nothing to translate", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, strings.Replace(slGroups(slEn), "reader", "raeder", 1))
			r.Commit("[i18nIgnore] docs: groups")
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("docs: spelling")
		}, false, "cosmetic:Groups"},
		{"a translation rewritten by a real commit: applied", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("docs: groups")
			r.Write(slFrPage, slFrGroups(slFr))
			r.Commit("i18n(fr): groups")
		}, false, "applied:Groups"},
		{"a translation rewritten by an ignored commit: still stale", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("docs: groups")
			r.Write(slFrPage, slFrGroups(slFr))
			r.Commit("[i18nIgnore] i18n(fr): groups")
		}, true, "outdated:Groups"},
		{"an example the translator localised, changed since by an ignored commit only", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slEn+"\n"+slCode)
			r.Commit("docs: example")
			r.Write(slFrPage, slFr+"\n"+strings.Replace(slCode, "Open the sidebar", "Ouvre la barre", 1))
			translator(r, "i18n(fr): example")
			r.Write(slEnPage, slEn+"\n"+strings.Replace(slCode, "open()", "show()", 1))
			r.Commit("[i18nIgnore] docs: show")
		}, false, "applied:```js"},
		{"the same change, not ignored: a copy to make", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slEn+"\n"+slCode)
			r.Commit("docs: example")
			r.Write(slFrPage, slFr+"\n"+strings.Replace(slCode, "Open the sidebar", "Ouvre la barre", 1))
			translator(r, "i18n(fr): example")
			r.Write(slEnPage, slEn+"\n"+strings.Replace(slCode, "open()", "show()", 1))
			r.Commit("docs: show")
		}, true, "copy:```js"},
		{"@lunaria-ignore naming the page", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("docs: groups\n\nOnly English.\n\n@lunaria-ignore:src/content/docs/sidebar.mdx")
		}, false, "ignored:Groups@docs: groups"},
		{"@lunaria-ignore naming other pages", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("docs: groups\n\n@lunaria-ignore:src/content/docs/guides/**")
		}, true, "outdated:Groups"},
		{"@lunaria-track naming other pages ignores this one", slLunaria, func(r *gittest.Repo) {
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("docs: groups\n\n@lunaria-track:docs/src/content/docs/guides/*.mdx")
		}, false, "ignored:Groups@docs: groups"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newStarlightRepo(t, tt.lunaria)
			tt.steps(r)
			p := analyzeStarlight(t, r.Dir, true)
			if got := ignoreStates(r, p); p.Stale != tt.stale || got != tt.states {
				t.Errorf("stale %v, changes %q; want stale %v, changes %q", p.Stale, got, tt.stale, tt.states)
			}
		})
	}
}

// TestIgnoreKeysCache: the results cache is keyed on lunaria.config.json,
// so that an edit to it is not answered with the results of the old one.
func TestIgnoreKeysCache(t *testing.T) {
	r := newStarlightRepo(t, `{"ignoreKeywords": ["typo"]}`)
	r.Write(slEnPage, slGroups(slEn))
	r.Commit("[i18nIgnore] docs: groups")
	if p := analyzeStarlight(t, r.Dir, false); !p.Stale {
		t.Fatalf("stale before [i18nIgnore] is a keyword: %v; want true", p.Stale)
	}
	r.Write("docs/lunaria.config.json", slLunaria)
	if p := analyzeStarlight(t, r.Dir, false); p.Stale || ignoreStates(r, p) != "ignored:Groups@[i18nIgnore] docs: groups" {
		t.Errorf("after the keyword was added: stale %v, changes %q; want the change ignored", p.Stale, ignoreStates(r, p))
	}
}

// TestIgnoreGitProcesses: Lunaria's directives cost one git process, which
// reads only the messages that hold one; a site without
// lunaria.config.json runs none.
func TestIgnoreGitProcesses(t *testing.T) {
	for _, tt := range []struct {
		name    string
		lunaria string
		greps   int
	}{{"with Lunaria", slLunaria, 1}, {"without", "", 0}} {
		t.Run(tt.name, func(t *testing.T) {
			r := newStarlightRepo(t, tt.lunaria)
			r.Write(slEnPage, slGroups(slEn))
			r.Commit("docs: groups\n\n@lunaria-ignore:src/content/docs/sidebar.mdx")
			log := countGit(t)
			analyzeStarlight(t, r.Dir, true)
			b, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(b), "--grep="); n != tt.greps {
				t.Errorf("%d git log --grep, want %d:\n%s", n, tt.greps, b)
			}
		})
	}
}
