package main

import (
	"testing"

	"github.com/langref/langref/locales"
	"github.com/langref/langref/sync/graph"
)

// TestReasonsHaveMessages: every reason a cell can be broken for has the
// words status shows beside "broken" on a terminal, in every language
// (locales checks that the languages hold the same ids).
func TestReasonsHaveMessages(t *testing.T) {
	p := locales.New("en")
	for _, r := range graph.Reasons {
		if id := "reason." + string(r); !p.Has(id) {
			t.Errorf("no message %s", id)
		}
	}
}
