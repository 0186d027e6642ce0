package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/langref/langref/sync/discover"
	"github.com/langref/langref/sync/site"
	"github.com/urfave/cli/v2"
)

// rootFound is the outcome of site discovery, made once per run.
type rootFound struct {
	res  *discover.Result
	err  error
	said bool // --verbose said where the site is
}

const rootKey = "langref.root"

// findRoot discovers the site root once per run: the one --root names,
// else the one found from the working directory (see sync/discover).
func findRoot(c *cli.Context) *rootFound {
	if f, ok := c.App.Metadata[rootKey].(*rootFound); ok {
		return f
	}
	f := &rootFound{}
	if root := c.String("root"); root != "" {
		f.res, f.err = discover.Given(root)
	} else {
		f.res, f.err = discover.Find(".")
	}
	if c.App.Metadata == nil {
		c.App.Metadata = map[string]any{}
	}
	c.App.Metadata[rootKey] = f
	return f
}

// siteRoot is the site root that --root names, or the one discovery finds
// from the working directory; "" when there is none (rootError says why).
func siteRoot(c *cli.Context) string {
	f := findRoot(c)
	if f.err != nil {
		return ""
	}
	return f.res.Root
}

// rootError is why there is no site root, rendered for the user, or nil.
func (e *env) rootError(c *cli.Context) error {
	f := findRoot(c)
	var nf *discover.NotFoundError
	switch {
	case errors.As(f.err, &nf):
		msg := e.p.T("error.no-site", map[string]any{"Start": e.here(nf.Start), "Markers": strings.Join(nf.Markers, ", "),
			"Folders": strings.Join(discover.Folders, ", ")})
		return usageErr(e.withHint(msg, e.p.T("hint.no-site")))
	case f.err != nil:
		return usageErr(f.err)
	}
	if f.said {
		return nil
	}
	f.said = true
	e.verbose("verbose.root", map[string]any{"Root": e.here(f.res.Root), "How": e.p.T("verbose.root." + string(f.res.How)), "Marker": f.res.Marker})
	return nil
}

// emptySite refuses a --root that names a folder with neither a site
// configuration nor a single page: a wrong folder, not a site to report
// nothing about.
func (e *env) emptySite(c *cli.Context, s *site.Site) error {
	if f := findRoot(c); f.res == nil || f.res.How != discover.Plain || len(s.Files) > 0 {
		return nil
	}
	msg := e.p.T("error.empty-site", map[string]any{"Root": e.here(s.Root), "Markers": strings.Join(discover.Markers, ", ")})
	return usageErr(e.withHint(msg, e.p.T("hint.no-site")))
}

// here returns the absolute path p relative to the working directory when
// that is shorter to read, as git prints paths.
func (e *env) here(p string) string {
	if e.cwd == "" {
		return p
	}
	if r, err := filepath.Rel(e.cwd, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}

// workDir is the working directory with symbolic links resolved, as
// discovery resolves the site root; "" when unknown.
func workDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	if r, err := filepath.EvalSymlinks(wd); err == nil {
		return r
	}
	return wd
}

// show returns p, relative to the repository root of the site, relative to the
// working directory when that is inside the repository, as git prints
// paths; p itself otherwise. For the outputs people read (text, tsv).
func (e *env) show(p string) string {
	var repo string
	switch {
	case e.site != nil:
		repo = e.site.RepoRoot()
	case e.cfg != nil:
		repo = e.cfg.RepoRoot()
	}
	if p == "" || e.cwd == "" || repo == "" {
		return p
	}
	if r, err := filepath.Rel(repo, e.cwd); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return p
	}
	r, err := filepath.Rel(e.cwd, filepath.Join(repo, filepath.FromSlash(p)))
	if err != nil {
		return p
	}
	return filepath.ToSlash(r)
}

// verbose prints message id on stderr with --verbose.
func (e *env) verbose(id string, data map[string]any) {
	if e.loud {
		fmt.Fprintf(e.stderr, "langref: %s\n", e.p.T(id, data))
	}
}
