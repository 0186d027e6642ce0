package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// CSV writes one row per language: its code, source pages, a count per
// state (the states status reports, in report order) and coverage. The
// header is English and stable, for spreadsheets and scripts.
func CSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	head := append([]string{"lang", "source_pages"}, r.States...)
	cw.Write(append(head, "coverage"))
	for _, l := range r.Langs {
		rec := []string{l.Lang, fmt.Sprint(l.SourcePages)}
		for _, s := range r.States {
			rec = append(rec, fmt.Sprint(l.Counts[s]))
		}
		cw.Write(append(rec, strconv.FormatFloat(l.Coverage, 'f', -1, 64)))
	}
	cw.Flush()
	return cw.Error()
}
