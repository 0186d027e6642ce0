package report

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
)

//go:embed report.html.tmpl
var htmlTemplate string

//go:embed report.css
var css string

//go:embed report.js
var script string

// StaleRows is the number of stale pages the HTML lists at first; a
// button adds the others.
const StaleRows = 200

// FoldAbove is the number of heat map rows above which chapters start
// folded, so that a very large site opens quickly.
const FoldAbove = 1500

// HTML writes r as one self-contained page: inline CSS, SVG and script,
// nothing fetched from the network.
func HTML(w io.Writer, r *Report, l Labels) error {
	t, err := template.New("report").Funcs(template.FuncMap{
		"T":        func(id string) string { return l(id, nil) },
		"N":        l.n,
		"state":    l.state,
		"pct":      pct,
		"css":      func() template.CSS { return template.CSS(css) },
		"js":       func() template.JS { return template.JS(script) },
		"classCSS": classCSS,
		"diffOf": func(s StalePage) string {
			if _, ok := r.Diffs[DiffID(s.Lang, s.Key)]; ok {
				return DiffID(s.Lang, s.Key)
			}
			return ""
		},
	}).Parse(htmlTemplate)
	if err != nil {
		return err
	}
	v, err := newView(r, l)
	if err != nil {
		return err
	}
	return t.Execute(w, v)
}

// view is what the template shows.
type view struct {
	*Report
	Totals    Totals
	Classes   []classView
	Langs     []langView
	Groups    []groupView
	Charts    []chart
	Stale     []StalePage
	MoreStale int
	// StaleData holds the stale pages past StaleRows: language, path,
	// commits behind, changed words, URL.
	StaleData template.JS
	Folded    bool
	// FindingLangs and FindingRules are the filters' choices.
	FindingLangs, FindingRules []string
	Words                      int
	DiffList                   []diffView
	Data                       template.JS
	Months                     [2]string
}

type classView struct {
	Class, Name, Symbol string
	Index               int
}

type langView struct {
	Code        string
	SourcePages int
	Coverage    float64
	Segments    []segment
	// Counts are the status counts as data-STATE attributes.
	Counts   template.HTMLAttr
	Words    int
	Activity Activity
}

type segment struct {
	Name, Symbol string
	Index, Count int
	Width        string
}

type groupView struct {
	Title string
	Kind  string
	First int // index of its first row in the data
	Rows  []rowView
	// Shares are each language's translated share of the group.
	Shares []string
	Pages  int
}

type rowView struct {
	Title, Path string
	Index       int
	Cells       template.HTML
}

func newView(r *Report, l Labels) (*view, error) {
	v := &view{Report: r, Totals: r.Totals()}
	index := map[string]int{}
	for i, c := range r.Classes() {
		vis := look(c)
		index[c] = i
		v.Classes = append(v.Classes, classView{Class: c, Name: l.state(c), Symbol: vis.symbol, Index: i})
	}
	for _, lang := range r.Langs {
		v.Langs = append(v.Langs, langView{Code: lang.Lang, SourcePages: lang.SourcePages,
			Coverage: lang.Coverage, Segments: segments(lang, v.Classes), Counts: counts(r, lang)})
	}
	rows := 0
	for _, g := range r.Groups {
		rows += len(g.Rows)
	}
	v.Folded = rows > FoldAbove
	data := newData(r, l, v.Classes)
	for _, g := range r.Groups {
		v.Groups = append(v.Groups, groupRows(r, g, index, data, l))
	}
	b, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	v.Data = template.JS(b)
	v.Charts = charts(r)
	v.DiffList = diffList(r)
	if p := r.Progress; p != nil && len(p.Months) > 0 {
		v.Months = [2]string{p.Months[0], p.Months[len(p.Months)-1]}
	}
	// Every row is reachable: the first StaleRows in the page, the others
	// added by the script on request, from the page's data.
	v.Stale = r.Stale
	if len(v.Stale) > StaleRows {
		v.Stale, v.MoreStale = r.Stale[:StaleRows], len(r.Stale)-StaleRows
		var rest [][]any
		for _, s := range r.Stale[StaleRows:] {
			rest = append(rest, []any{s.Lang, s.Path, s.Behind, s.Words, s.URL})
		}
		sb, err := json.Marshal(rest)
		if err != nil {
			return nil, err
		}
		v.StaleData = template.JS(sb) // parsed on request, not when the page opens
	}
	v.FindingLangs, v.FindingRules = findingChoices(r.FindingList)
	for i, lang := range r.Langs {
		v.Words += lang.Words()
		v.Langs[i].Words = lang.Words()
		if i < len(r.Activity) {
			v.Langs[i].Activity = r.Activity[i]
		}
	}
	return v, nil
}

func segments(l Lang, classes []classView) []segment {
	var out []segment
	for _, c := range classes {
		n := l.Classes[c.Class]
		if n == 0 {
			continue
		}
		w := 0.0
		if l.Cells > 0 {
			w = 100 * float64(n) / float64(l.Cells)
		}
		out = append(out, segment{Name: c.Name, Symbol: c.Symbol, Index: c.Index, Count: n, Width: fmt.Sprintf("%.3f%%", w)})
	}
	return out
}

// data is the heat map's details, read by the inline script for tooltips
// and the cell panel: only what the cells do not show themselves.
type data struct {
	Root    string            `json:"root"`
	Source  string            `json:"source"`
	Langs   []string          `json:"langs"`
	Classes []string          `json:"classes"`
	Names   []string          `json:"names"`
	Rows    [][2]string       `json:"rows"`
	People  []string          `json:"people"`
	Extra   map[string][]any  `json:"extra"`
	Labels  map[string]string `json:"labels"`
	people  map[string]int
}

func newData(r *Report, l Labels, classes []classView) *data {
	d := &data{Extra: map[string][]any{}, people: map[string]int{}, People: []string{}, Rows: [][2]string{},
		Root: r.Root, Source: r.Source}
	for _, lang := range r.Langs {
		d.Langs = append(d.Langs, lang.Lang)
	}
	for _, c := range classes {
		d.Classes = append(d.Classes, c.Class)
		d.Names = append(d.Names, c.Name)
	}
	d.Labels = map[string]string{}
	for _, id := range []string{"path", "source", "translator", "baseline", "reason", "diff", "diff-soon", "diff-open", "close", "progress"} {
		d.Labels[id] = l("report.cell."+id, nil)
	}
	d.Labels["behind"] = l("report.cell.behind", map[string]any{"Count": "{n}"})
	d.Labels["words"] = l("report.cell.words", map[string]any{"Count": "{n}"})
	return d
}

// cell records what c's tooltip needs beyond its state, and returns the
// cell's markup.
func (d *data) cell(r *Report, row, col int, src string, c *Cell, index map[string]int) string {
	if c == nil {
		return "<td class=n>"
	}
	extra := []any{"", -1, c.Baseline, c.Behind, c.Reason, "", -1}
	if c.Words > 0 {
		extra[6] = c.Words
	}
	if c.Total > 0 {
		extra[5] = fmt.Sprintf("%d/%d", c.Done, c.Total)
	}
	if c.Path != "" && c.Path != mirror(r, src, d.Langs[col]) {
		extra[0] = c.Path
	}
	if c.Translator != "" {
		i, ok := d.people[c.Translator]
		if !ok {
			i = len(d.People)
			d.people[c.Translator] = i
			d.People = append(d.People, c.Translator)
		}
		extra[1] = i
	}
	if extra[0] != "" || extra[1] != -1 || c.Baseline != "" || c.Behind >= 0 || c.Reason != "" || c.Total > 0 || c.Words > 0 {
		d.Extra[fmt.Sprintf("%d.%d", row, col)] = trim(extra)
	}
	return fmt.Sprintf("<td class=k%d>%s", index[c.Class], look(c.Class).symbol)
}

// trim drops the trailing fields that hold nothing.
func trim(x []any) []any {
	for len(x) > 0 {
		switch v := x[len(x)-1].(type) {
		case string:
			if v != "" {
				return x
			}
		case int:
			if v != -1 {
				return x
			}
		}
		x = x[:len(x)-1]
	}
	return x
}

// mirror is where a translation of src in lang lives by default, so that
// only other paths need spelling out.
func mirror(r *Report, src, lang string) string {
	prefix := ""
	if r.Root != "." && r.Root != "" {
		prefix = r.Root + "/"
	}
	rel := strings.TrimPrefix(src, prefix)
	if rest, ok := strings.CutPrefix(rel, r.Source+"/"); ok {
		rel = rest
	}
	return prefix + lang + "/" + rel
}

func groupRows(r *Report, g Group, index map[string]int, d *data, l Labels) groupView {
	gv := groupView{Title: g.Title, Kind: g.Kind, First: len(d.Rows), Pages: len(g.Rows)}
	switch g.Kind {
	case "unlisted":
		gv.Title = l("report.group.unlisted", nil)
	case "orphans":
		gv.Title = l("report.group.orphans", nil)
	case "folder":
		gv.Title = g.Title + "/"
	}
	done := make([]int, len(r.Langs))
	for _, row := range g.Rows {
		i := len(d.Rows)
		d.Rows = append(d.Rows, [2]string{row.Key, row.SourcePath})
		var b strings.Builder
		for col, c := range row.Cells {
			b.WriteString(d.cell(r, i, col, row.SourcePath, c, index))
			if c != nil && c.State == "translated" {
				done[col]++
			}
		}
		gv.Rows = append(gv.Rows, rowView{Title: row.Title, Path: row.SourcePath, Index: i, Cells: template.HTML(b.String())})
	}
	for _, n := range done {
		gv.Shares = append(gv.Shares, fmt.Sprintf("%.2f", float64(n)/float64(max(1, len(g.Rows)))))
	}
	return gv
}

// classCSS gives each display class its colours.
func classCSS(cs []classView) template.CSS {
	var b strings.Builder
	for _, c := range cs {
		v := look(c.Class)
		fmt.Fprintf(&b, ".k%d{--c:%s;--i:%s}\n", c.Index, v.color, v.ink)
	}
	return template.CSS(b.String())
}

// counts gives a language's status counts as data attributes, so that
// scripts and tests read the exact numbers of status.
func counts(r *Report, l Lang) template.HTMLAttr {
	var b strings.Builder
	for _, s := range r.States {
		fmt.Fprintf(&b, ` data-%s="%d"`, template.HTMLEscapeString(s), l.Counts[s])
	}
	return template.HTMLAttr(strings.TrimPrefix(b.String(), " "))
}

// diffView is one embedded diff, in heat map order.
type diffView struct {
	ID, Lang, Path string
	HTML           template.HTML
}

// diffList orders the embedded diffs as the heat map's cells: rows, then
// languages. The fragments come from translate/diff, which escapes them.
func diffList(r *Report) []diffView {
	var out []diffView
	for _, g := range r.Groups {
		for _, row := range g.Rows {
			for i, c := range row.Cells {
				id := DiffID(r.Langs[i].Lang, row.Key)
				if frag, ok := r.Diffs[id]; ok && c != nil {
					out = append(out, diffView{ID: id, Lang: r.Langs[i].Lang, Path: c.Path, HTML: template.HTML(frag)})
				}
			}
		}
	}
	return out
}

// findingChoices lists the languages and rules of the findings, sorted,
// for the filters.
func findingChoices(fs []Finding) (langs, rules []string) {
	ls, rs := map[string]bool{}, map[string]bool{}
	for _, f := range fs {
		if f.Lang != "" && !ls[f.Lang] {
			ls[f.Lang] = true
			langs = append(langs, f.Lang)
		}
		if !rs[f.Rule] {
			rs[f.Rule] = true
			rules = append(rules, f.Rule)
		}
	}
	sort.Strings(langs)
	sort.Strings(rules)
	return langs, rules
}
