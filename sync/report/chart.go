package report

import (
	"fmt"
	"strings"
)

// chart is one language's progress as SVG paths in a 240×64 box.
type chart struct {
	Lang                string
	Line, Area          string
	Translated, Current int
	Top                 int
}

const chartW, chartH = 240.0, 64.0

func charts(r *Report) []chart {
	p := r.Progress
	if p == nil || len(p.Months) == 0 {
		return nil
	}
	var out []chart
	for _, l := range r.Langs {
		s, ok := p.Langs[l.Lang]
		if !ok {
			s = Series{Translated: make([]int, len(p.Months)), Current: make([]int, len(p.Months))}
		}
		top := max(l.SourcePages, 1)
		for _, n := range s.Translated {
			top = max(top, n)
		}
		last := len(p.Months) - 1
		out = append(out, chart{Lang: l.Lang, Top: top, Translated: s.Translated[last], Current: s.Current[last],
			Line: points(s.Translated, top), Area: area(s.Current, top)})
	}
	return out
}

func xy(i, n, v, top int) (float64, float64) {
	x := 0.0
	if n > 1 {
		x = chartW * float64(i) / float64(n-1)
	}
	return x, chartH - chartH*float64(v)/float64(top)
}

// points draws a series as a step line.
func points(vs []int, top int) string {
	var b strings.Builder
	for i, v := range vs {
		x, y := xy(i, len(vs), v, top)
		if i == 0 {
			fmt.Fprintf(&b, "M%.1f %.1f", x, y)
			continue
		}
		fmt.Fprintf(&b, "L%.1f %.1f", x, y)
	}
	return b.String()
}

// area draws a series as a filled shape down to the axis.
func area(vs []int, top int) string {
	return points(vs, top) + fmt.Sprintf("L%.1f %.1fL0 %.1fZ", chartW, chartH, chartH)
}
