package blocks

import (
	"sort"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
)

func TestMain(m *testing.M) { testcorpus.Main(m) }

// blob is one version of a markdown file in the corpus history.
type blob struct {
	id, path string
	src      []byte
}

// historyBlobs returns every version of every markdown page the corpus's
// history holds, once per distinct content, sorted by blob id. Each has the
// newest path it had.
func historyBlobs(tb testing.TB) []blob {
	tb.Helper()
	paths := map[string]string{}
	for _, c := range testcorpus.MarkdownChanges(tb) {
		if _, seen := paths[c.New]; !seen {
			paths[c.New] = c.Path
		}
	}
	ids := make([]string, 0, len(paths))
	for id := range paths {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	srcs := testcorpus.ReadBlobs(tb, ids)
	bs := make([]blob, len(ids))
	for i, id := range ids {
		bs[i] = blob{id, paths[id], srcs[i]}
	}
	return bs
}
