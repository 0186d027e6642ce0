package refresh

import "testing"

func TestPending(t *testing.T) {
	const (
		old   = "---\nt: a\n---\n# T\n\nThe cat sat on the mat in the sun.\n\nSee $x^2$ here.\n"
		now   = "---\nt: a\n---\n# T\n\nThe dog lay on the mat in the rain.\n\nSee $x^3$ here.\n"
		plain = "---\nt: a\n---\n# T\n\nLe chat.\n\nVoir $x^2$ ici.\n"
	)
	tests := []struct {
		name, tr, before string
		want             []Kind
	}{
		{"nothing done", plain, plain, []Kind{Marked, Fixed}},
		{"formula copied, prose untouched", "---\nt: a\n---\n# T\n\nLe chat.\n\nVoir $x^3$ ici.\n", plain, []Kind{Marked}},
		{"all done", "---\nt: a\n---\n# T\n\nLe chien.\n\nVoir $x^3$ ici.\n", plain, nil},
		{"all done, no history to tell", "---\nt: a\n---\n# T\n\nLe chien.\n\nVoir $x^3$ ici.\n", "", []Kind{Marked}},
		{"a marker left", "---\nt: a\n---\n# T\n\n<!-- langref: outdated: x -->\n\nLe chien.\n\nVoir $x^3$ ici.\n", plain, []Kind{Marked}},
		{"a stub left", "---\nt: a\n---\n# T\n\n<!-- langref: new: the English added:\nx\n-->\n\nLe chien.\n\nVoir $x^3$ ici.\n", plain, []Kind{Inserted}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before []byte
			if tt.before != "" {
				before = []byte(tt.before)
			}
			var got []Kind
			for _, a := range Pending([]byte(old), []byte(now), []byte(tt.tr), before) {
				got = append(got, a.Kind)
			}
			if !sameKinds(got, tt.want) {
				t.Errorf("pending %v, want %v", got, tt.want)
			}
		})
	}
}
