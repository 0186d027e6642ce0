package printers

import (
	"fmt"
	"io"
	"strings"
)

// GitHub prints GitHub Actions workflow commands, which show as
// annotations on the lines of a pull request. GitHub shows at most 10
// errors and 10 warnings of a step: beyond Options.PerSeverity of a
// severity, findings are counted in one notice instead.
type GitHub struct{ o Options }

// Print writes one ::error, ::warning or ::notice command per finding, up
// to the cap, then the count of the others.
func (g *GitHub) Print(w io.Writer, fs []Finding) error {
	shown := map[string]int{}
	more := map[string]int{}
	for _, f := range fs {
		cmd := map[string]string{"error": "error", "warning": "warning"}[f.Severity]
		if cmd == "" {
			cmd = "notice"
		}
		if g.o.PerSeverity > 0 && shown[cmd] >= g.o.PerSeverity {
			more[cmd]++
			continue
		}
		shown[cmd]++
		_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", cmd, prop(f.Path), atLeast1(f.Line), atLeast1(f.Column),
			prop("langref "+f.Rule), data(withHint(f, g.o.HintLabel)))
		if err != nil {
			return err
		}
	}
	if len(more) > 0 && g.o.More != nil {
		_, err := fmt.Fprintf(w, "::notice title=langref::%s\n", data(g.o.More(more["error"], more["warning"], more["notice"])))
		return err
	}
	return nil
}

// data escapes a workflow command's message.
func data(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// prop escapes a workflow command's property value.
func prop(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
