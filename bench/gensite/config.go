package main

import (
	"fmt"
	"strings"
)

// config renders _config.yml: the Jekyll settings, the English navigation
// at the top level and one block per language, listing the pages that
// exist at the current commit (as DLSP20's does).
func (g *gen) config() []byte {
	var b strings.Builder
	b.WriteString("# A synthetic site written by langref's bench/gensite.\n")
	b.WriteString("title: 'Synthetic Deep Learning'\nbaseurl: '/synthetic'\ndefault_lang: 'en'\nmarkdown: kramdown\n")
	b.WriteString("exclude:\n  - vendor\n\n")
	b.WriteString("################################### English ####################################\n")
	g.writeNav(&b, "", "en", func(p *page) bool { return p.added })
	for l, lang := range g.langs {
		fmt.Fprintf(&b, "\n%s:\n  title: 'Synthetic Deep Learning (%s)'\n", lang, lang)
		g.writeNav(&b, "  ", lang, func(p *page) bool { return p.trans[l] != nil })
	}
	return []byte(b.String())
}

// writeNav lists the chapters, and their sections with -nav full, of the
// pages of lang that have.
func (g *gen) writeNav(b *strings.Builder, indent, lang string, have func(*page) bool) {
	if g.o.nav == "none" {
		return
	}
	started := false
	for _, ch := range g.chapters {
		if !have(ch[0]) {
			continue
		}
		if !started {
			fmt.Fprintf(b, "%schapters:\n", indent)
			started = true
		}
		fmt.Fprintf(b, "%s  - path: %s\n", indent, ch[0].navPath(lang))
		if g.o.nav != "full" {
			continue
		}
		sections := false
		for _, p := range ch[1:] {
			if !have(p) {
				continue
			}
			if !sections {
				fmt.Fprintf(b, "%s    sections:\n", indent)
				sections = true
			}
			fmt.Fprintf(b, "%s      - path: %s\n", indent, p.navPath(lang))
		}
	}
}
