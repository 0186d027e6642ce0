package report

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"strings"
)

// Badges returns, for each language, an SVG badge ("fr 98%") and a
// shields.io endpoint JSON, by file name: LANG.svg and LANG.json.
func Badges(r *Report) (map[string][]byte, error) {
	out := map[string][]byte{}
	add := func(name, label string, cov float64) error {
		msg := Percent(cov)
		p := int(math.Floor(100*cov + 1e-9))
		out[name+".svg"] = []byte(badge(label, msg, badgeColor(p)))
		js, err := json.MarshalIndent(endpoint{SchemaVersion: 1, Label: label, Message: msg, Color: badgeName(p)}, "", "  ")
		out[name+".json"] = append(js, '\n')
		return err
	}
	for _, l := range r.Langs {
		if err := add(l.Lang, l.Lang, l.Coverage); err != nil {
			return nil, err
		}
	}
	// The overall badge: all languages together, as the overview says.
	if err := add(OverallBadge, "translated", r.Totals().Coverage()); err != nil {
		return nil, err
	}
	return out, nil
}

// OverallBadge names the badge of all languages together (all.svg,
// all.json); no language code is "all".
const OverallBadge = "all"

// endpoint is shields.io's endpoint badge schema.
type endpoint struct {
	SchemaVersion int    `json:"schemaVersion"`
	Label         string `json:"label"`
	Message       string `json:"message"`
	Color         string `json:"color"`
}

var badgeSteps = []struct {
	min        int
	name, code string
}{{90, "brightgreen", "#4c1"}, {75, "green", "#97ca00"}, {50, "yellow", "#dfb317"}, {25, "orange", "#fe7d37"}, {0, "red", "#e05d44"}}

func badgeName(p int) string {
	for _, s := range badgeSteps {
		if p >= s.min {
			return s.name
		}
	}
	return "red"
}

func badgeColor(p int) string {
	for _, s := range badgeSteps {
		if p >= s.min {
			return s.code
		}
	}
	return "#e05d44"
}

// textWidth estimates the width of s in 11px Verdana, as shields.io's
// flat badges are set.
func textWidth(s string) int {
	w := 0.0
	for _, r := range s {
		switch {
		case r == '%':
			w += 12
		case r >= '0' && r <= '9':
			w += 7
		case r == 'i' || r == 'l' || r == 'j' || r == '-' || r == '.':
			w += 3.5
		case r == 'm' || r == 'w':
			w += 10
		case r >= 'A' && r <= 'Z':
			w += 7.5
		case r < 128:
			w += 6.5
		default:
			w += 11
		}
	}
	return int(w + 0.5)
}

func badge(label, msg, color string) string {
	lw, mw := textWidth(label)+10, textWidth(msg)+10
	w := lw + mw
	label, msg = html.EscapeString(label), html.EscapeString(msg)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s: %s">`, w, label, msg)
	fmt.Fprintf(&b, `<title>%s: %s</title>`, label, msg)
	b.WriteString(`<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`)
	fmt.Fprintf(&b, `<clipPath id="r"><rect width="%d" height="20" rx="3" fill="#fff"/></clipPath>`, w)
	fmt.Fprintf(&b, `<g clip-path="url(#r)"><rect width="%d" height="20" fill="#555"/><rect x="%d" width="%d" height="20" fill="%s"/><rect width="%d" height="20" fill="url(#s)"/></g>`, lw, lw, mw, color, w)
	b.WriteString(`<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`)
	fmt.Fprintf(&b, `<text x="%.1f" y="15" fill="#010101" fill-opacity=".3">%s</text><text x="%.1f" y="14">%s</text>`, float64(lw)/2, label, float64(lw)/2, label)
	fmt.Fprintf(&b, `<text x="%.1f" y="15" fill="#010101" fill-opacity=".3">%s</text><text x="%.1f" y="14">%s</text>`, float64(lw)+float64(mw)/2, msg, float64(lw)+float64(mw)/2, msg)
	b.WriteString("</g></svg>\n")
	return b.String()
}
