package report

import (
	"fmt"
	"strings"

	"github.com/langref/langref/sync/status"
)

// Labels renders the report's words: the message id and its data, in the
// reader's language. The caller owns the messages (locales/report.*.yaml).
type Labels func(id string, data map[string]any) string

// state names a state, or the display class "minor".
func (l Labels) state(s string) string {
	id := "report.state." + s
	if t := l(id, nil); t != id {
		return t
	}
	return s
}

func (l Labels) n(id string, n int) string { return l(id, map[string]any{"Count": n}) }

// visual is how a display class looks in the heat map and bars.
type visual struct{ symbol, color, ink string }

var visuals = map[string]visual{
	"translated": {"✓", "#2da44e", "#fff"},
	"minor":      {"≈", "#7fcf8a", "#0b3d14"},
	"stale":      {"!", "#d4a72c", "#3b2300"},
	"stub":       {"◔", "#6cb6ff", "#062544"},
	"missing":    {"○", "var(--missing)", "var(--fg)"},
	"broken":     {"✗", "#cf222e", "#fff"},
	"orphan":     {"?", "#8250df", "#fff"},
}

func look(class string) visual {
	if v, ok := visuals[class]; ok {
		return v
	}
	sym := "•"
	if class != "" {
		sym = strings.ToUpper(class[:1])
	}
	return visual{sym, "#8c959f", "#fff"}
}

// Percent is the report's percentages, in every format and badge, rounded
// as status rounds them (status.Percent).
func Percent(f float64) string {
	return fmt.Sprintf("%.1f%%", status.Percent(f))
}

func pct(f float64) string { return Percent(f) }
