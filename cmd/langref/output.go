package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/langref/langref/internal/jsonstream"
	"golang.org/x/text/width"
)

// output knows whether stdout is a terminal and whether colour is allowed.
type output struct {
	w        io.Writer
	terminal bool
	color    bool
}

func newOutput(w io.Writer, getenv func(string) string) *output {
	o := &output{w: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			o.terminal = true
		}
	}
	if getenv("LANGREF_FORCE_TTY") != "" {
		o.terminal = true
	}
	// NO_COLOR (no-color.org) wins; CLICOLOR_FORCE colours piped output
	// too, for CI logs that show colour.
	force := getenv("CLICOLOR_FORCE") != "" && getenv("CLICOLOR_FORCE") != "0"
	o.color = (o.terminal && getenv("TERM") != "dumb" || force) && getenv("NO_COLOR") == ""
	return o
}

// defaultFormat is "text" on a terminal and "tsv" when piped.
func (o *output) defaultFormat(f string) string {
	if f != "" {
		return f
	}
	if o.terminal {
		return "text"
	}
	return "tsv"
}

const (
	red    = "31"
	green  = "32"
	yellow = "33"
	blue   = "34"
	dim    = "2"
	bold   = "1"
)

// paint wraps s in an ANSI colour when colour is on.
func (o *output) paint(code, s string) string {
	if !o.color || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// table prints rows with columns aligned by display width (CJK characters
// count double).
func (o *output) table(rows [][]string, colors [][]string) {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for ri, r := range rows {
		var b strings.Builder
		for i, c := range r {
			cell := c
			if colors != nil && colors[ri] != nil && colors[ri][i] != "" {
				cell = o.paint(colors[ri][i], c)
			}
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		fmt.Fprintln(o.w, strings.TrimRight(b.String(), " "))
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// bar draws a coverage bar of n cells.
func bar(frac float64, n int) string {
	full := int(frac*float64(n) + 0.5)
	return strings.Repeat("█", full) + strings.Repeat("░", n-full)
}

// tsv prints tab-separated rows; tabs and newlines inside cells become
// spaces.
func (o *output) tsv(rows [][]string) {
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = clean.Replace(c)
		}
		fmt.Fprintln(o.w, strings.Join(cells, "\t"))
	}
}

// json prints v for --format json: indented by two spaces, with <, > and &
// left as they are.
func (e *env) json(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// jsonStream prints v, a struct, as e.json does, writing its slice field
// named field one element at a time: documents of any size take the
// memory of one element (77 MB of status on a 20,000-page site).
func (e *env) jsonStream(v any, field string) error {
	return jsonstream.Encode(e.stdout, v, field)
}
