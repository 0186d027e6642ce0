package stub

import "time"

// dateLayouts are the ways sites write a translation date, in order of
// preference when the evidence ties.
var dateLayouts = []string{
	"2006-01-02", "2 Jan 2006", "02 Jan 2006", "2 January 2006", "02 January 2006",
	"Jan 2, 2006", "January 2, 2006", "2006/01/02", "02/01/2006", "2.1.2006", "02.01.2006",
}

// DateLayout returns the time layout that writes most of values (dates
// found in existing translations) exactly as they are written, or
// "2006-01-02" when none does.
func DateLayout(values []string) string {
	votes := map[string]int{}
	for _, v := range values {
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, v); err == nil && t.Format(l) == v {
				votes[l]++
			}
		}
	}
	best := dateLayouts[0]
	for _, l := range dateLayouts {
		if votes[l] > votes[best] {
			best = l
		}
	}
	return best
}
