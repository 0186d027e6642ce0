package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/langref/langref/internal/fsread"
	"github.com/langref/langref/sync/export"
	"github.com/langref/langref/sync/plan"
	"github.com/langref/langref/sync/stale"
	"github.com/urfave/cli/v2"
)

func (e *env) exportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: e.p.T("export.usage"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: e.p.T("export.flag.output")},
			&cli.StringFlag{Name: "generator", Usage: e.p.T("export.flag.generator", map[string]any{"Generators": strings.Join(export.Generators, ", ")})},
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: e.p.T("export.flag.dry-run")},
			&cli.StringFlag{Name: "stale-on", Value: stale.DefaultStaleOn.String(), Usage: e.p.T("flag.stale-on")},
		},
		Action: e.export,
	}
}

func (e *env) export(c *cli.Context) error {
	root := siteRoot(c)
	gen := c.String("generator")
	if gen == "" {
		gen, _ = export.Detect(root)
	}
	if !slices.Contains(export.Generators, gen) {
		return usageErr(fmt.Errorf("%s", e.p.T("export.error.generator", map[string]any{"Generator": gen, "Generators": strings.Join(export.Generators, ", ")})))
	}
	out, err := export.Output(root, gen, c.String("output"))
	if err != nil {
		return usageErr(fmt.Errorf("%s", e.p.T("export.error.no-output")))
	}
	a, err := e.analyzeSite(c, c.String("stale-on"), true)
	if err != nil {
		return err
	}
	defer a.stale.Wait()
	read := func(rel string) []byte {
		b, err := fsread.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return nil
		}
		return b
	}
	o := export.Options{Generator: gen, KramdownInput: export.KramdownInput(root), Source: a.status.Source}
	if a.history != nil && len(a.history.Commits) > 0 {
		o.Commit, o.Date = a.head, a.history.Commits[0].Time.UTC().Format("2006-01-02")
	}
	var repo export.BlobReader
	if a.history != nil {
		if r, err := a.load.pre.Repo(); err == nil {
			repo = r
		}
	}
	var key func(string) string
	if cfg := a.load.site.Config; gen == "hugo" && cfg != nil && cfg.Generator == "hugo" && cfg.Layout != nil {
		key = func(rel string) string { return export.HugoKey(cfg.Layout, rel) }
	}
	d := export.Build(export.FromStatus(a.status, a.history, repo, read, key), o)
	data, err := d.Encode()
	if err != nil {
		return err
	}
	return e.writeExport(out, data, d, c.Bool("dry-run"))
}

// writeExport writes the data file through a plan, refusing to replace a
// file langref did not write.
func (e *env) writeExport(out string, data []byte, d *export.Data, dry bool) error {
	old, err := os.ReadFile(out)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return &exitError{code: exitFindings, err: err}
	}
	if err := export.Owned(old); err != nil {
		return &exitError{code: exitFindings, err: fmt.Errorf("%s", e.p.T("export.error.not-ours", map[string]any{"Path": filepath.ToSlash(e.here(out))}))}
	}
	dir, name := filepath.Dir(out), filepath.Base(out)
	p := &plan.Plan{Root: dir}
	if err := p.Add(name, old, data); err != nil {
		return usageErr(err)
	}
	if dry {
		return p.Diff(e.stdout, filepath.ToSlash(e.here(dir))+"/")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &exitError{code: exitFindings, err: err}
	}
	if _, err := p.Apply(plan.Options{}); err != nil {
		return &exitError{code: exitFindings, err: err}
	}
	fmt.Fprintln(e.stdout, e.p.T("export.wrote", map[string]any{"Path": filepath.ToSlash(e.here(out)), "Pages": len(d.Pages), "Stale": d.Stale()}))
	return nil
}
