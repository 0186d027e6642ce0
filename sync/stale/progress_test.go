package stale

import (
	"fmt"
	"path/filepath"
	"strings"
	gosync "sync"
	"testing"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
)

// TestProgress: Options.Progress hears of the commits read and of every
// translation settled, from the first run and from the cache alike.
func TestProgress(t *testing.T) {
	r := newRepo(t)
	for i := range 3 {
		k := fmt.Sprint(i)
		r.Write("docs/en/"+k+".md", strings.Replace(en, "lang-ref: a", "lang-ref: "+k, 1),
			"docs/fr/"+k+".md", strings.Replace(fr, "lang-ref: a", "lang-ref: "+k, 1))
		r.Commit("add " + k)
	}
	for _, run := range []string{"first run", "from the cache"} {
		t.Run(run, func(t *testing.T) {
			s, err := site.Load(filepath.Join(r.Dir, "docs"))
			if err != nil {
				t.Fatal(err)
			}
			g := graph.Build(s)
			var mu gosync.Mutex
			last := map[string][2]int{}
			o := DefaultOptions(g)
			o.Progress = func(step string, done, total int) {
				mu.Lock()
				defer mu.Unlock()
				if done < last[step][0] {
					t.Errorf("%s went down from %d to %d", step, last[step][0], done)
				}
				last[step] = [2]int{done, total}
			}
			if _, err := Analyze(g, o); err != nil {
				t.Fatal(err)
			}
			if got := last[StepJudge]; got != [2]int{3, 3} {
				t.Errorf("judged %d of %d, want 3 of 3", got[0], got[1])
			}
			if run == "first run" && last[StepHistory][0] != 3 {
				t.Errorf("history: %d commits, want 3", last[StepHistory][0])
			}
		})
	}
}
