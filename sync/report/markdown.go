package report

import (
	"fmt"
	"io"
	"strings"
)

// Markdown writes a summary of r for a pull-request comment or
// $GITHUB_STEP_SUMMARY: one table of languages, the totals, the worst
// stale pages and the findings by rule.
func Markdown(w io.Writer, r *Report, l Labels) error {
	var b strings.Builder
	t := r.Totals()
	fmt.Fprintf(&b, "## %s\n\n", l("report.title", nil))
	fmt.Fprintf(&b, "`%s` · %s **%s**", r.Root, l("report.source-lang", nil), r.Source)
	if r.Commit != "" {
		fmt.Fprintf(&b, " · `%s` · %s", r.Commit, r.Date)
	}
	b.WriteString("\n\n")
	if r.Shallow {
		fmt.Fprintf(&b, "> **%s**\n\n", l("report.shallow", nil))
	}
	fmt.Fprintf(&b, "%s\n\n", l("report.md.totals", map[string]any{
		"Coverage": pct(t.Coverage()), "Pages": t.SourcePages, "Langs": t.Langs,
		"Errors": l.n("report.n-errors", t.Errors), "Warnings": l.n("report.n-warnings", t.Warnings)}))
	languageTable(&b, r, l)
	staleList(&b, r, l)
	findingTable(&b, r, l)
	_, err := io.WriteString(w, b.String())
	return err
}

func languageTable(b *strings.Builder, r *Report, l Labels) {
	head := []string{l("report.col.lang", nil), l("report.col.coverage", nil), ""}
	align := []string{"---", "---:", "---"}
	states := r.counted()
	for _, s := range states {
		head = append(head, look(s).symbol+" "+l.state(s))
		align = append(align, "---:")
	}
	head, align = append(head, l("report.col.words-left", nil)), append(align, "---:")
	row(b, head)
	row(b, align)
	for _, lang := range r.Langs {
		cells := []string{"**" + lang.Lang + "**", pct(lang.Coverage), "`" + textBar(lang.Coverage, 10) + "`"}
		for _, s := range states {
			cells = append(cells, fmt.Sprint(lang.Counts[s]))
		}
		row(b, append(cells, fmt.Sprint(lang.Words())))
	}
	b.WriteString("\n")
}

func row(b *strings.Builder, cells []string) {
	for i := range cells {
		cells[i] = strings.ReplaceAll(cells[i], "|", `\|`)
	}
	b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

func textBar(f float64, n int) string {
	full := int(f*float64(n) + 0.5)
	return strings.Repeat("█", full) + strings.Repeat("░", n-full)
}

// staleList lists every stale page, the first ten in view and the rest
// folded, in the report's order: commits behind, then changed words.
func staleList(b *strings.Builder, r *Report, l Labels) {
	if len(r.Stale) == 0 {
		return
	}
	fmt.Fprintf(b, "### %s\n\n%s\n\n", l("report.stale-ranking", nil), l("report.stale-hint", nil))
	for i, s := range r.Stale {
		if i == 10 {
			fmt.Fprintf(b, "\n<details><summary>%s</summary>\n\n", l.n("report.more", len(r.Stale)-10))
		}
		page := "`" + s.Path + "`"
		if s.URL != "" {
			page = "[" + page + "](" + s.URL + ")"
		}
		behind := ""
		if s.Behind >= 0 {
			behind = " · " + l.n("report.cell.behind", s.Behind)
		}
		fmt.Fprintf(b, "- %s %s%s · %s\n", s.Lang, page, behind, l.n("report.cell.words", s.Words))
	}
	if len(r.Stale) > 10 {
		b.WriteString("\n</details>\n")
	}
	b.WriteString("\n")
}

func findingTable(b *strings.Builder, r *Report, l Labels) {
	fmt.Fprintf(b, "### %s\n\n", l("report.findings", nil))
	if len(r.Findings) == 0 {
		fmt.Fprintf(b, "%s\n", l("report.findings-none", nil))
		return
	}
	row(b, []string{l("report.col.rule", nil), l("report.col.severity", nil), l("report.col.count", nil)})
	row(b, []string{"---", "---", "---:"})
	for _, f := range r.Findings {
		row(b, []string{"`" + f.Rule + "`", l("report.severity."+f.Severity, nil), fmt.Sprint(f.Count)})
	}
}

// counted returns the states that some language has pages in, and
// translated always.
func (r *Report) counted() []string {
	var out []string
	for _, s := range r.States {
		n := 0
		for _, l := range r.Langs {
			n += l.Counts[s]
		}
		if n > 0 || s == "translated" {
			out = append(out, s)
		}
	}
	return out
}
