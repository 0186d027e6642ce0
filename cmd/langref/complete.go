package main

import (
	"fmt"
	"sort"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
	"github.com/urfave/cli/v2"
)

// pageCommands are the commands whose arguments are pages: completion
// offers the site's pairing keys beside the files.
var pageCommands = []string{"diff", "new", "mark", "sync"}

// completeCommand is the hidden `langref __complete lang|page` that the
// completion scripts call: the site's translation languages, or the
// pairing keys of its source pages, one a line. It reads the pages' front
// matter and no git history, and says nothing when there is no site.
func (e *env) completeCommand() *cli.Command {
	return &cli.Command{
		Name:     "__complete",
		Hidden:   true,
		HideHelp: true,
		Action: func(c *cli.Context) error {
			for _, w := range completions(siteRoot(c), c.Args().First()) {
				fmt.Fprintln(e.stdout, w)
			}
			return nil
		},
	}
}

// completions are the words of kind what ("lang" or "page") of the site
// at root, sorted; none when root holds no site.
func completions(root, what string) []string {
	if root == "" || (what != "lang" && what != "page") {
		return nil
	}
	s, err := site.LoadLean(root)
	if err != nil {
		return nil
	}
	if what == "lang" {
		return graph.TranslationLangs(s)
	}
	var keys []string
	for _, en := range graph.Build(s).Entries {
		if en.Source != nil && !en.IsFile() {
			keys = append(keys, en.Key)
		}
	}
	sort.Strings(keys)
	return keys
}
