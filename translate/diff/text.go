package diff

import (
	"fmt"
	"io"
	"strings"
)

// Printer renders langref's messages in the user's language
// (locales.Printer is one). Message ids are in locales/diff.*.yaml.
type Printer interface {
	T(id string, data ...map[string]any) string
	N(id string, count int, data map[string]any) string
}

// Text writes r for reading in a terminal. With color, deleted words are
// red and inserted ones green; without, they are marked [-so-]{+so+} and
// whole added and removed blocks are marked with "+" and "-".
func Text(w io.Writer, r *Report, p Printer, color bool) error {
	t := &textWriter{w: w, p: p, color: color}
	if r.Note != "" {
		t.line(r.Note)
	}
	for i, pg := range r.Pages {
		if i > 0 || r.Note != "" {
			t.line("")
		}
		t.page(pg)
	}
	return t.err
}

type textWriter struct {
	w     io.Writer
	p     Printer
	color bool
	err   error
}

func (t *textWriter) line(s string) {
	if t.err == nil {
		_, t.err = fmt.Fprintln(t.w, s)
	}
}

func (t *textWriter) paint(code, s string) string {
	if !t.color || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (t *textWriter) page(pg *Page) {
	t.line(t.paint("1", pg.Translation+" ← "+pg.Source))
	t.line(baselineLine(t.p, pg))
	for _, c := range pg.Commits {
		t.line("  " + t.paint("33", short(c.Rev)) + " " + c.Title)
	}
	t.line(summaryLine(t.p, pg))
	for _, c := range pg.Changes {
		t.line("")
		t.change(c)
	}
}

// baselineLine says which revision the page is compared from, and how
// many commits followed.
func baselineLine(p Printer, pg *Page) string {
	b := p.T("diff.baseline."+pg.Baseline.Source, map[string]any{"Rev": short(pg.Baseline.Rev)})
	return b + " · " + p.N("diff.commits", len(pg.Commits), nil)
}

func summaryLine(p Printer, pg *Page) string {
	s := p.N("diff.changes", len(pg.Changes), nil)
	if pg.Copy > 0 {
		s += " · " + p.N("diff.copy-count", pg.Copy, nil)
	}
	if pg.Applied > 0 {
		s += " · " + p.N("diff.applied", pg.Applied, nil)
	}
	if pg.Hidden > 0 {
		s += " · " + p.N("diff.hidden", pg.Hidden, nil)
	}
	if pg.Ignored > 0 {
		s += " · " + p.N("diff.ignored", pg.Ignored, nil)
	}
	if pg.Unsure > 0 {
		s += " · " + p.N("diff.unsure-count", pg.Unsure, nil)
	}
	if pg.LineMode {
		s += " · " + p.T("diff.line-mode", map[string]any{"Limit": LineModeBytes >> 20})
	}
	return s
}

func (t *textWriter) change(c Change) {
	t.line(t.paint("1", "§ "+sectionText(t.p, c.Section)))
	t.line("  " + t.paint(classColor(c.Class.String()), changeHead(t.p, c)))
	if s := stateText(t.p, c); s != "" {
		t.line("  " + s)
	}
	t.line("  " + placeText(t.p, c.Translation))
	for _, l := range quote(c.Translation, 4) {
		t.line("    " + t.paint("2", l))
	}
	for _, l := range strings.Split(t.words(c), "\n") {
		t.line("  " + l)
	}
	for _, s := range c.Sentences {
		t.line("  " + t.paint("32", t.p.T("diff.new-sentence", map[string]any{"Sentence": s})))
	}
	if len(c.Commits) > 0 {
		t.line("  " + t.p.T("diff.caused-by", map[string]any{"Commits": commitList(c.Commits)}))
	}
}

// words renders a change's word diff, long kept stretches shortened.
func (t *textWriter) words(c Change) string {
	var b strings.Builder
	for _, op := range excerpt(c.Words) {
		switch {
		case op.Op == "=":
			b.WriteString(op.Text)
		case t.color && op.Op == "-":
			b.WriteString(t.paint("31;9", op.Text))
		case t.color:
			b.WriteString(t.paint("32", op.Text))
		case c.Kind != "modified":
			b.WriteString(marked(op.Op, op.Text))
		case op.Op == "-":
			b.WriteString("[-" + op.Text + "-]")
		default:
			b.WriteString("{+" + op.Text + "+}")
		}
	}
	return b.String()
}

// marked prefixes every line of a whole added or removed block with its
// marker.
func marked(op, text string) string {
	ls := strings.Split(text, "\n")
	for i := range ls {
		ls[i] = op + " " + ls[i]
	}
	return strings.Join(ls, "\n")
}

func classColor(c string) string {
	switch c {
	case "content":
		return "31"
	case "verbatim":
		return "35"
	case "typo", "grammar":
		return "33"
	}
	return "2"
}

func sectionText(p Printer, s []string) string {
	if len(s) == 0 {
		return p.T("diff.section.top")
	}
	return strings.Join(s, " › ")
}

// changeHead says what changed: kind, block, class and source lines.
func changeHead(p Printer, c Change) string {
	data := map[string]any{"Block": p.T("diff.block." + c.Block), "Class": p.T("diff.class." + c.Class.String())}
	if c.New != nil {
		data["Lines"] = lineRange(*c.New)
	} else {
		data["Lines"] = lineRange(*c.Old)
	}
	return p.T("diff.kind."+c.Kind, data)
}

// stateText says where the translation stands on the change, when the
// staleness analysis judged it: what a sync can fix alone, and what
// --all-changes shows although the translation has it.
func stateText(p Printer, c Change) string {
	if c.State == "" {
		return ""
	}
	return p.T("diff.state."+c.State, map[string]any{"Evidence": c.Evidence, "Commit": short(c.EvidenceCommit)})
}

// placeText says where the change belongs in the translation.
func placeText(p Printer, pl Place) string {
	if pl.Where == "unplaced" {
		return p.T("diff.place.unplaced")
	}
	if pl.Lines == nil {
		return p.T("diff.place.none")
	}
	s := p.T("diff.place."+pl.Where, map[string]any{"Lines": lineRange(*pl.Lines)})
	return s + " " + p.T("diff.method."+pl.Method)
}

func lineRange(l Lines) string {
	if l.Start == l.End {
		return fmt.Sprint(l.Start)
	}
	return fmt.Sprintf("%d–%d", l.Start, l.End)
}

// quote returns the translation text at a place, numbered, at most n
// lines, each cut to 120 characters.
func quote(pl Place, n int) []string {
	if pl.Lines == nil || pl.Text == "" {
		return nil
	}
	var out []string
	for i, l := range strings.Split(pl.Text, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if len(out) == n {
			out = append(out, "…")
			break
		}
		out = append(out, fmt.Sprintf("%d│ %s", pl.Lines.Start+i, cut(l, 120)))
	}
	return out
}

func cut(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

func commitList(cs []Commit) string {
	var out []string
	for _, c := range cs {
		out = append(out, strings.TrimSpace(short(c.Rev)+" "+c.Title))
	}
	return strings.Join(out, "; ")
}

// short abbreviates a commit hash to 7 digits.
func short(rev string) string {
	if len(rev) > 7 {
		return rev[:7]
	}
	return rev
}

// excerpt shortens the kept runs of a word diff that are longer than 12
// words to their first and last 6 words around "…". The first and last
// runs keep only the side next to a change.
func excerpt(ops []Op) []Op {
	const keep = 6
	out := make([]Op, len(ops))
	for i, op := range ops {
		out[i] = op
		if op.Op != "=" {
			continue
		}
		ts := tokens(op.Text)
		words := 2 * keep * 2 // tokens count words and the spaces between
		if len(ts) <= words {
			continue
		}
		head, tail := strings.Join(ts[:keep*2], ""), strings.Join(ts[len(ts)-keep*2:], "")
		switch {
		case len(ops) == 1:
			out[i].Text = head + "…"
		case i == 0:
			out[i].Text = "…" + tail
		case i == len(ops)-1:
			out[i].Text = head + "…"
		default:
			out[i].Text = head + "…" + tail
		}
	}
	return out
}
