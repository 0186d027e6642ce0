package main

import (
	"errors"
	"fmt"

	"github.com/langref/langref/sync/plan"
	"github.com/langref/langref/sync/site"
	"github.com/urfave/cli/v2"
)

const langrefFile = ".langref.yml"

func (e *env) initCommand() *cli.Command {
	return &cli.Command{
		Name:  "init",
		Usage: e.p.T("init.usage"),
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: e.p.T("init.flag.dry-run")},
		},
		Action: e.initSite,
	}
}

// initSite writes .langref.yml for the detected site, never over one.
func (e *env) initSite(c *cli.Context) error {
	s, err := site.LoadLean(siteRoot(c))
	if err != nil {
		return usageErr(err)
	}
	if s.LangrefFile != "" {
		return e.initExists(s)
	}
	p := &plan.Plan{Root: s.Root}
	if err := p.Add(langrefFile, nil, site.InitFile(s)); err != nil {
		return err
	}
	if c.Bool("dry-run") {
		return p.Diff(e.stdout, repoPrefix(s))
	}
	if _, err := p.Apply(plan.Options{}); err != nil {
		var exists *plan.ExistsError
		if errors.As(err, &exists) {
			return e.initExists(s)
		}
		return &exitError{code: exitFindings, err: err}
	}
	fmt.Fprintln(e.stdout, e.p.T("init.wrote", map[string]any{
		"Path": s.RepoPath(langrefFile), "Generator": s.Display, "Source": s.SourceLang, "Count": len(s.Languages)}))
	return nil
}

func (e *env) initExists(s *site.Site) error {
	msg := e.p.T("init.error.exists", map[string]any{"Path": s.RepoPath(langrefFile)})
	return &exitError{code: exitFindings, err: e.withHint(msg, e.p.T("init.hint.exists"))}
}

// repoPrefix is the site root relative to the repository root, with a
// final slash, for diffs that name files as git does.
func repoPrefix(s *site.Site) string {
	r := s.RepoPath(".")
	if r == "." || r == "" {
		return ""
	}
	return r + "/"
}
