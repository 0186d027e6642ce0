package refresh

import (
	"fmt"
	"testing"
)

func TestPlan(t *testing.T) {
	tests := []struct {
		name         string
		old, new, tr string
		want         string
		kinds        []Kind
	}{
		{
			name:  "formula fixed in a comment page",
			old:   "# Title\n\nThe loss is $x^2$ here.\n",
			new:   "# Title\n\nThe loss is $x^3$ here.\n",
			tr:    "# Titre\n\n<!-- The loss is $x^2$ here. -->\n\nLa perte est $x^2$ ici.\n",
			want:  "# Titre\n\n<!-- The loss is $x^3$ here. -->\n\nLa perte est $x^3$ ici.\n",
			kinds: []Kind{Fixed, Comment},
		},
		{
			name:  "link target fixed in a plain page",
			old:   "# Title\n\nSee [the docs](https://a.org/v1) for more.\n\nNext.\n",
			new:   "# Title\n\nSee [the docs](https://a.org/v2) for more.\n\nNext.\n",
			tr:    "# Titre\n\nVoir [la doc](https://a.org/v1) pour plus.\n\nSuite.\n",
			want:  "# Titre\n\nVoir [la doc](https://a.org/v2) pour plus.\n\nSuite.\n",
			kinds: []Kind{Fixed},
		},
		{
			name:  "code block replaced whole",
			old:   "# T\n\nText.\n\n```python\nprint(1)\n```\n",
			new:   "# T\n\nText.\n\n```python\nprint(2)\n```\n",
			tr:    "# T\n\nTexte.\n\n```python\nprint(1)\n```\n",
			want:  "# T\n\nTexte.\n\n```python\nprint(2)\n```\n",
			kinds: []Kind{Replaced},
		},
		{
			name:  "prose change: comment updated and marked",
			old:   "# T\n\nThe cat sat on the mat in the sun.\n",
			new:   "# T\n\nThe dog sat on the red mat in the rain.\n",
			tr:    "# T\n\n<!--\nThe cat sat on the mat in the sun.\n-->\n\nLe chat.\n",
			want:  "# T\n\n<!-- langref: outdated: The [-cat-] {+dog+} sat on the {+red+} mat in the [-sun-] {+rain+}. -->\n\n<!--\nThe dog sat on the red mat in the rain.\n-->\n\nLe chat.\n",
			kinds: []Kind{Comment, Marked},
		},
		{
			name:  "prose change in a plain page: marked where sure",
			old:   "# T\n\nThe cat sat on the mat in the sun.\n\n## B\n\nMore.\n",
			new:   "# T\n\nThe dog lay on the mat in the rain.\n\n## B\n\nMore.\n",
			tr:    "# T\n\nLe chat.\n\n## B\n\nPlus.\n",
			want:  "# T\n\n<!-- langref: outdated: The [-cat sat-] {+dog lay+} on the mat in the [-sun-] {+rain+}. -->\n\nLe chat.\n\n## B\n\nPlus.\n",
			kinds: []Kind{Marked},
		},
		{
			name:  "new paragraph in a comment page",
			old:   "# T\n\nFirst one here.\n\nThird one here.\n",
			new:   "# T\n\nFirst one here.\n\nA brand new second paragraph.\n\nThird one here.\n",
			tr:    "# T\n\n<!-- First one here. -->\n\nPremier.\n\n<!-- Third one here. -->\n\nTroisième.\n",
			want:  "# T\n\n<!-- First one here. -->\n\nPremier.\n\n<!-- langref: new: translate the English below -->\n\n<!--\nA brand new second paragraph.\n-->\n\n<!-- Third one here. -->\n\nTroisième.\n",
			kinds: []Kind{Inserted},
		},
		{
			name:  "removed paragraph in a comment page",
			old:   "# T\n\nFirst one here.\n\nSecond goes away.\n\nThird one here.\n",
			new:   "# T\n\nFirst one here.\n\nThird one here.\n",
			tr:    "# T\n\n<!-- First one here. -->\n\nPremier.\n\n<!-- Second goes away. -->\n\nDeuxième.\n\n<!-- Third one here. -->\n\nTroisième.\n",
			want:  "# T\n\n<!-- First one here. -->\n\nPremier.\n\n<!-- langref: removed: the English no longer has “Second goes away.” -->\n\n<!-- Second goes away. -->\n\nDeuxième.\n\n<!-- Third one here. -->\n\nTroisième.\n",
			kinds: []Kind{Removed},
		},
		{
			name:  "CRLF translation keeps CRLF",
			old:   "# T\n\nSome text.\n\n$$\na = 1\n$$\n",
			new:   "# T\n\nSome text.\n\n$$\na = 2\n$$\n",
			tr:    "# T\r\n\r\nDu texte.\r\n\r\n$$\r\na = 1\r\n$$\r\n",
			want:  "# T\r\n\r\nDu texte.\r\n\r\n$$\r\na = 2\r\n$$\r\n",
			kinds: []Kind{Replaced},
		},
		{
			name: "reflow changes nothing",
			old:  "# T\n\nA long line of text\nwrapped here.\n",
			new:  "# T\n\nA long line of text wrapped here.\n",
			tr:   "# T\n\nUne longue ligne.\n",
			want: "# T\n\nUne longue ligne.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Old: []byte(tt.old), New: []byte(tt.new), Translation: []byte(tt.tr)}
			r := Plan(in)
			if string(r.Body) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", r.Body, tt.want)
			}
			var kinds []Kind
			for _, a := range r.Actions {
				kinds = append(kinds, a.Kind)
			}
			if !sameKinds(kinds, tt.kinds) {
				t.Errorf("actions %v, want %v", kinds, tt.kinds)
			}
			in.Translation = r.Body
			if again := Plan(in); string(again.Body) != string(r.Body) || len(again.Actions) != 0 {
				t.Errorf("a second run changes the page: %v\n%s", again.Actions, again.Body)
			}
		})
	}
}

func sameKinds(a, b []Kind) bool {
	count := map[Kind]int{}
	for _, k := range a {
		count[k]++
	}
	for _, k := range b {
		count[k]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

// TestPlanOnly checks that a plan limited by Only acts on the selected
// source changes and leaves the others alone.
func TestPlanOnly(t *testing.T) {
	old := "# T\n\nSee $x^2$ here.\n\nThe cat sat on the mat.\n\nGone now.\n"
	cur := "# T\n\nSee $x^3$ here.\n\nThe dog sat on the mat.\n"
	tr := "# T\n\nVoir $x^2$ ici.\n\nLe chat.\n\nParti.\n"
	tests := []struct {
		name  string
		only  *Only
		kinds []Kind
	}{
		{name: "nil: every change", only: nil, kinds: []Kind{Fixed, Marked, Removed}},
		{name: "nothing selected", only: &Only{}, kinds: nil},
		{name: "the formula only", only: &Only{Lines: map[int]bool{3: true}}, kinds: []Kind{Fixed}},
		{name: "the removed block only", only: &Only{OldLines: map[int]bool{7: true}}, kinds: []Kind{Removed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Old: []byte(old), New: []byte(cur), Translation: []byte(tr), Only: tt.only}
			r := Plan(in)
			var got []Kind
			for _, a := range r.Actions {
				got = append(got, a.Kind)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.kinds) {
				t.Errorf("actions %v, want %v\n%s", got, tt.kinds, r.Body)
			}
			if tt.kinds == nil && r.Changed(in) {
				t.Errorf("the page changed:\n%s", r.Body)
			}
		})
	}
}
