package change

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestClassNames(t *testing.T) {
	for _, c := range []Class{Cosmetic, Typo, Grammar, Verbatim, Content} {
		t.Run(c.String(), func(t *testing.T) {
			got, err := ParseClass(c.String())
			if err != nil || got != c {
				t.Errorf("ParseClass(%q) = %v, %v", c.String(), got, err)
			}
		})
	}
	t.Run("unknown", func(t *testing.T) {
		if _, err := ParseClass("major"); err == nil {
			t.Error("ParseClass(\"major\") gave no error")
		}
	})
	t.Run("severity order", func(t *testing.T) {
		if !slices.IsSorted([]Class{Cosmetic, Typo, Grammar, Verbatim, Content}) {
			t.Error("classes are not ordered by severity")
		}
	})
	t.Run("stored values", func(t *testing.T) {
		// Caches store classes as numbers: changing these needs a cache
		// format version bump (sync/stale).
		if got := []Class{Cosmetic, Typo, Grammar, Verbatim, Content}; !slices.Equal(got, []Class{0, 1, 2, 3, 4}) {
			t.Errorf("class values = %v", got)
		}
	})
	t.Run("json", func(t *testing.T) {
		b, _ := json.Marshal(map[string]Class{"class": Verbatim})
		if string(b) != `{"class":"verbatim"}` {
			t.Errorf("json = %s", b)
		}
		var c Class
		if err := json.Unmarshal([]byte(`"grammar"`), &c); err != nil || c != Grammar {
			t.Errorf("unmarshal = %v, %v", c, err)
		}
	})
}
