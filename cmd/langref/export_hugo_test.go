package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/gittest"
)

// hugoFiles is a small Hugo site in two languages, each in its own
// content folder, paired by lang-ref as langref reads them today (the
// glossary corpus needs the Hugo generator profile).
var hugoFiles = []string{
	"config.toml", `baseURL = "http://example.org/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[languages.en]
contentDir = "content/en"
weight = 1
[languages.fr]
contentDir = "content/fr"
weight = 2
[languages.ja]
contentDir = "content/ja"
weight = 3
`,
	"layouts/_default/single.html", `<html><body>
{{ partial "langref-banner.html" . }}
<main>{{ partial "langref-content.html" . }}</main>
</body></html>
`,
	"layouts/_default/list.html", `<html><body>{{ .Content }}</body></html>
`,
	"content/en/cloud.md", "---\nlang-ref: cloud\ntitle: Cloud\n---\n## What is it?\n\nA cloud is a computer.\n\n## Why it matters\n\nIt scales.\n",
	"content/en/edge.md", "---\nlang-ref: edge\ntitle: Edge\n---\n## What is it?\n\nThe edge of the network.\n",
	"content/fr/cloud.md", "---\nlang: fr\nlang-ref: cloud\ntitle: Nuage\n---\n## Qu'est-ce que c'est ?\n\nUn nuage est un ordinateur.\n\n## Pourquoi c'est important\n\nIl passe à l'échelle.\n",
	"content/fr/edge.md", "---\nlang: fr\nlang-ref: edge\ntitle: Bord\n---\n## Qu'est-ce que c'est ?\n\nLe bord du réseau.\n",
	"content/ja/cloud.md", "---\nlang: ja\nlang-ref: cloud\ntitle: クラウド\n---\n## それは何か\n\nクラウドはコンピューターです。\n\n## なぜ重要か\n\n拡張できます。\n",
}

// TestExportHugoBanner: Hugo builds a two-language site with the exported
// data and the shipped partials; the translation whose English changed
// shows the banner in its language, with its changed section marked, and
// the current one does not.
func TestExportHugoBanner(t *testing.T) {
	slow(t)
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo not found (apt-get install hugo; .ci/run installs it)")
	}
	r := gittest.New(t)
	r.Write(hugoFiles...)
	for _, name := range []string{"langref-banner.html", "langref-content.html"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "docs", "templates", "hugo", name))
		if err != nil {
			t.Fatal(err)
		}
		r.Write("layouts/partials/"+name, string(b))
	}
	r.Commit("site")
	r.Write("content/en/cloud.md", "---\nlang-ref: cloud\ntitle: Cloud\n---\n## What is it?\n\nA cloud is a computer.\n\n## Why it matters\n\nIt scales to millions of users, in every region.\n")
	r.Commit("say how far it scales")
	out := langrefOK(t, "--root", filepath.Join(r.Dir, "content"), "export")
	if !strings.Contains(string(out), "3 translated pages, 2 stale") {
		t.Fatalf("export: %s", out)
	}
	if b, err := exec.Command(hugo, "--quiet", "-s", r.Dir, "-d", filepath.Join(r.Dir, "public")).CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, b)
	}
	page := func(p string) string {
		b, err := os.ReadFile(filepath.Join(r.Dir, "public", p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	fr, ja := bannerOf(page("fr/cloud/index.html")), bannerOf(page("ja/cloud/index.html"))
	for _, want := range []string{`lang="fr"`, "Cette traduction a 1 modification de retard sur la page anglaise depuis le ",
		`Sections modifiées en anglais : <a href="#pourquoi-cest-important">Pourquoi c&#39;est important</a>`} {
		if !strings.Contains(fr, want) {
			t.Errorf("fr/cloud: the banner lacks %q:\n%s", want, fr)
		}
	}
	// Hugo percent-encodes the non-ASCII id in the link: #なぜ重要か.
	if !strings.Contains(ja, "この翻訳は") || !strings.Contains(ja, `href="#%e3%81%aa%e3%81%9c%e9%87%8d%e8%a6%81%e3%81%8b"`) {
		t.Errorf("ja/cloud: the banner is not Japanese or lacks its section:\n%s", ja)
	}
	if !strings.Contains(page("fr/cloud/index.html"), `id="pourquoi-cest-important" data-langref-changed="modifié en anglais"`) {
		t.Errorf("fr/cloud: the changed heading is not marked")
	}
	if !strings.Contains(page("ja/cloud/index.html"), `id="なぜ重要か" data-langref-changed="英語版で変更あり"`) {
		t.Errorf("ja/cloud: the changed heading is not marked")
	}
	if b := bannerOf(page("fr/edge/index.html")); b != "" {
		t.Errorf("fr/edge is current, but shows a banner:\n%s", b)
	}
}

// TestExportHugoGraceAndWords: a grace period longer than the change's
// age hides the banner; the site's own words replace langref's.
func TestExportHugoGraceAndWords(t *testing.T) {
	slow(t)
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo not found (apt-get install hugo; .ci/run installs it)")
	}
	r := gittest.New(t)
	r.Write(hugoFiles...)
	for _, name := range []string{"langref-banner.html", "langref-content.html"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "docs", "templates", "hugo", name))
		if err != nil {
			t.Fatal(err)
		}
		r.Write("layouts/partials/"+name, string(b))
	}
	r.Commit("site")
	r.Write("content/en/cloud.md", "---\nlang-ref: cloud\ntitle: Cloud\n---\n## What is it?\n\nA cloud is a computer.\n\n## Why it matters\n\nIt scales to millions of users.\n")
	r.Commit("say how far it scales")
	langrefOK(t, "--root", filepath.Join(r.Dir, "content"), "export")
	r.Write("data/langref_strings.json", `{"fr": {"behind_one": "En retard de {n} modification (depuis {date}).", "sections": "Voir :", "marker": "à revoir"}}`)
	build := func(extra string) string {
		cfg := filepath.Join(r.Dir, "config.toml")
		b, err := os.ReadFile(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cfg, append(b, extra...), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		if b, err := exec.Command(hugo, "--quiet", "-s", r.Dir, "-d", out).CombinedOutput(); err != nil {
			t.Fatalf("hugo: %v\n%s", err, b)
		}
		page, err := os.ReadFile(filepath.Join(out, "fr", "cloud", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(page)
	}
	if b := bannerOf(build("")); !strings.Contains(b, "En retard de 1 modification (depuis ") || !strings.Contains(b, "Voir :") {
		t.Errorf("the site's words are not used:\n%s", b)
	}
	// The change is from 2023 (gittest's clock): 100,000 days of grace hide it.
	if b := bannerOf(build("[params.langref]\ngrace_days = 100000\n")); b != "" {
		t.Errorf("a grace period of 100,000 days still shows the banner:\n%s", b)
	}
}
