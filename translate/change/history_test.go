package change

import (
	"strings"
	"sync"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"github.com/langref/langref/translate/blocks"
)

func TestMain(m *testing.M) { testcorpus.Main(m) }

// edit is one change of a markdown page in the corpus history, parsed.
type edit struct {
	path     string
	old, new string // blob ids
	a, b     []blocks.Block
}

var history struct {
	mu    sync.Mutex
	edits []edit // in git log order, newest first
}

// historyEdits returns every modification of a markdown page under docs/
// in the corpus history, its two versions parsed into blocks. They are
// read and parsed once per test binary.
func historyEdits(tb testing.TB) []edit {
	tb.Helper()
	history.mu.Lock()
	defer history.mu.Unlock()
	if history.edits == nil {
		history.edits = loadEdits(tb)
	}
	return history.edits
}

// englishEdits returns the edits of English pages (docs/en and the
// original docs/chapters), the pages whose changes langref classifies.
func englishEdits(tb testing.TB) []edit {
	var out []edit
	for _, e := range historyEdits(tb) {
		if strings.HasPrefix(e.path, "docs/en/") || strings.HasPrefix(e.path, "docs/chapters/") {
			out = append(out, e)
		}
	}
	return out
}

func loadEdits(tb testing.TB) []edit {
	var edits []edit
	var ids []string
	for _, c := range testcorpus.MarkdownChanges(tb) {
		if c.Old != "" {
			edits = append(edits, edit{path: c.Path, old: c.Old, new: c.New})
			ids = append(ids, c.Old, c.New)
		}
	}
	srcs := testcorpus.ReadBlobs(tb, ids)
	for i := range edits {
		edits[i].a = parsePage(srcs[2*i])
		edits[i].b = parsePage(srcs[2*i+1])
	}
	return edits
}

func parsePage(src []byte) []blocks.Block {
	body, first := testcorpus.SplitFrontMatter(src)
	return blocks.Parse(body, first)
}
