package change

import "testing"

func FuzzClassify(f *testing.F) {
	f.Add("We take teh gradient.", "We take the gradient.")
	f.Add("$$x^2$$", "$$x^3$$")
	f.Add("- a\n  - b", "* a\n\n  $$\n  c\n  $$")
	f.Add("## 教師あり学習", "### 教師なし学習")
	f.Fuzz(func(t *testing.T, old, new string) {
		c := Classify(old, new)
		if c < Cosmetic || c > Content {
			t.Fatalf("Classify gave class %d", int(c))
		}
		if old == new && c != Cosmetic {
			t.Fatalf("Classify of equal texts = %s", c)
		}
	})
}
