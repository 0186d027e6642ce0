package diff

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"
)

// JSON writes r as indented JSON; the schema is documented in
// docs/en/diff.md.
func JSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// Markdown writes r for pasting into an issue or a pull request: a heading
// per page, one per change, the word diff in a diff code block.
func Markdown(w io.Writer, r *Report, p Printer) error {
	var b strings.Builder
	if r.Note != "" {
		b.WriteString(r.Note + "\n\n")
	}
	for _, pg := range r.Pages {
		fmt.Fprintf(&b, "### `%s` ← `%s`\n\n", pg.Translation, pg.Source)
		fmt.Fprintf(&b, "%s\n\n", baselineLine(p, pg))
		for _, c := range pg.Commits {
			fmt.Fprintf(&b, "- `%s` %s\n", short(c.Rev), c.Title)
		}
		if len(pg.Commits) > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s\n\n", summaryLine(p, pg))
		for _, c := range pg.Changes {
			markdownChange(&b, p, c)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func markdownChange(b *strings.Builder, p Printer, c Change) {
	fmt.Fprintf(b, "#### %s\n\n", sectionText(p, c.Section))
	fmt.Fprintf(b, "**%s** · %s\n\n", changeHead(p, c), placeText(p, c.Translation))
	if q := quote(c.Translation, 4); len(q) > 0 {
		for _, l := range q {
			fmt.Fprintf(b, "> %s\n", l)
		}
		b.WriteString("\n")
	}
	b.WriteString(fence(c) + "diff\n")
	for _, l := range diffLines(c) {
		b.WriteString(l + "\n")
	}
	b.WriteString(fence(c) + "\n\n")
	if st := stateText(p, c); st != "" {
		fmt.Fprintf(b, "- %s\n", st)
	}
	for _, s := range c.Sentences {
		fmt.Fprintf(b, "- %s\n", p.T("diff.new-sentence", map[string]any{"Sentence": s}))
	}
	if len(c.Commits) > 0 {
		fmt.Fprintf(b, "- %s\n", p.T("diff.caused-by", map[string]any{"Commits": commitList(c.Commits)}))
	}
	b.WriteString("\n")
}

// diffLines renders a change as the old block's lines with "-" and the new
// block's with "+", which GitHub colours in a diff code block.
func diffLines(c Change) []string {
	var old, new strings.Builder
	for _, op := range c.Words {
		if op.Op != "+" {
			old.WriteString(op.Text)
		}
		if op.Op != "-" {
			new.WriteString(op.Text)
		}
	}
	var out []string
	if c.Old != nil {
		for _, l := range strings.Split(old.String(), "\n") {
			out = append(out, "- "+l)
		}
	}
	if c.New != nil {
		for _, l := range strings.Split(new.String(), "\n") {
			out = append(out, "+ "+l)
		}
	}
	return out
}

// fence returns a code fence longer than any run of backticks in c.
func fence(c Change) string {
	n := 3
	for _, op := range c.Words {
		run := 0
		for _, r := range op.Text {
			if r == '`' {
				run++
				n = max(n, run+1)
			} else {
				run = 0
			}
		}
	}
	return strings.Repeat("`", n)
}

// HTML writes r as an HTML fragment (no <html> or <body>) that a report
// can embed. Class names start with "langref-diff" and are stable; words
// are in <del> and <ins>.
func HTML(w io.Writer, r *Report, p Printer) error {
	var b strings.Builder
	b.WriteString(`<div class="langref-diff">` + "\n")
	if r.Note != "" {
		fmt.Fprintf(&b, "<p class=\"langref-diff-note\">%s</p>\n", esc(r.Note))
	}
	for _, pg := range r.Pages {
		htmlPage(&b, p, pg)
	}
	b.WriteString("</div>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func htmlPage(b *strings.Builder, p Printer, pg *Page) {
	fmt.Fprintf(b, "<section class=\"langref-diff-page\" data-lang=\"%s\" data-key=\"%s\">\n", esc(pg.Lang), esc(pg.Key))
	fmt.Fprintf(b, "<h3><code>%s</code> ← <code>%s</code></h3>\n", esc(pg.Translation), esc(pg.Source))
	fmt.Fprintf(b, "<p class=\"langref-diff-baseline\">%s</p>\n", esc(baselineLine(p, pg)))
	if len(pg.Commits) > 0 {
		b.WriteString("<ul class=\"langref-diff-commits\">\n")
		for _, c := range pg.Commits {
			fmt.Fprintf(b, "<li><code>%s</code> %s</li>\n", esc(short(c.Rev)), esc(c.Title))
		}
		b.WriteString("</ul>\n")
	}
	fmt.Fprintf(b, "<p class=\"langref-diff-summary\">%s</p>\n", esc(summaryLine(p, pg)))
	for _, c := range pg.Changes {
		htmlChange(b, p, c)
	}
	b.WriteString("</section>\n")
}

func htmlChange(b *strings.Builder, p Printer, c Change) {
	sure := "sure"
	if !c.Translation.Sure {
		sure = "unsure"
	}
	fmt.Fprintf(b, "<article class=\"langref-diff-change langref-diff-%s langref-diff-%s\">\n", c.Class, sure)
	fmt.Fprintf(b, "<h4>%s</h4>\n", esc(sectionText(p, c.Section)))
	fmt.Fprintf(b, "<p class=\"langref-diff-head\">%s</p>\n", esc(changeHead(p, c)))
	if st := stateText(p, c); st != "" {
		fmt.Fprintf(b, "<p class=\"langref-diff-state langref-diff-state-%s\">%s</p>\n", c.State, esc(st))
	}
	fmt.Fprintf(b, "<p class=\"langref-diff-place\">%s</p>\n", esc(placeText(p, c.Translation)))
	if c.Translation.Text != "" {
		fmt.Fprintf(b, "<pre class=\"langref-diff-translation\">%s</pre>\n", esc(c.Translation.Text))
	}
	b.WriteString("<pre class=\"langref-diff-words\">")
	for _, op := range c.Words {
		switch op.Op {
		case "-":
			fmt.Fprintf(b, "<del>%s</del>", esc(op.Text))
		case "+":
			fmt.Fprintf(b, "<ins>%s</ins>", esc(op.Text))
		default:
			b.WriteString(esc(op.Text))
		}
	}
	b.WriteString("</pre>\n")
	for _, s := range c.Sentences {
		fmt.Fprintf(b, "<p class=\"langref-diff-sentence\">%s</p>\n", esc(p.T("diff.new-sentence", map[string]any{"Sentence": s})))
	}
	if len(c.Commits) > 0 {
		fmt.Fprintf(b, "<p class=\"langref-diff-caused\">%s</p>\n", esc(p.T("diff.caused-by", map[string]any{"Commits": commitList(c.Commits)})))
	}
	b.WriteString("</article>\n")
}

func esc(s string) string { return html.EscapeString(s) }
