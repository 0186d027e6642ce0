package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/langref/langref/sync/check"
	"github.com/langref/langref/sync/create"
	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/plan"
	"github.com/langref/langref/sync/site"
	"github.com/langref/langref/translate/stub"
	"github.com/urfave/cli/v2"
)

func (e *env) newCommand() *cli.Command {
	return &cli.Command{
		Name:      "new",
		Usage:     e.p.T("new.usage"),
		ArgsUsage: e.p.T("new.args"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Usage: e.p.T("new.flag.lang")},
			&cli.BoolFlag{Name: "missing", Usage: e.p.T("new.flag.missing")},
			&cli.StringFlag{Name: "style", Value: string(stub.Comments), Usage: e.p.T("new.flag.style")},
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: e.p.T("new.flag.dry-run")},
			&cli.BoolFlag{Name: "force", Usage: e.p.T("new.flag.force")},
			&cli.StringFlag{Name: "date", Usage: e.p.T("new.flag.date")},
			&cli.BoolFlag{Name: "new-language", Usage: e.p.T("new.flag.new-language")},
			&cli.BoolFlag{Name: "no-nav", Usage: e.p.T("new.flag.no-nav")},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: e.p.T("flag.format", map[string]any{"Formats": "text, json"})},
		},
		Action: e.newPages,
	}
}

// newPages plans and writes new translations. A run that writes holds
// the site's lock (cachefile.LockFile) from before it reads the site until
// its plan is applied, so that concurrent runs take turns, and first
// removes what an interrupted run left behind.
func (e *env) newPages(c *cli.Context) error {
	if !c.Bool("dry-run") {
		release, err := e.lockWrites(c)
		if err != nil {
			return err
		}
		defer release()
	}
	s, err := e.loadSite(c)
	if err != nil {
		return err
	}
	o, err := e.newOptions(c, s)
	if err != nil {
		return err
	}
	r, err := create.Build(s, o)
	if err != nil {
		return e.newError(s, err)
	}
	if err := e.inLangTree(s, r, o.Lang); err != nil {
		return err
	}
	e.historyWarning(r.HistoryErr)
	if c.String("format") == "json" {
		return e.newJSON(s, r, o, c.Bool("dry-run"))
	}
	if len(r.Pages) == 0 && len(r.Nav) == 0 {
		fmt.Fprintln(e.stdout, e.p.T("new.nothing", map[string]any{"Lang": o.Lang}))
		return nil
	}
	if c.Bool("dry-run") {
		// The notes go to stderr: stdout stays a patch.
		e.newNotes(e.stderr, s, r, nil, o.Lang)
		return r.Plan.Diff(e.stdout, repoPrefix(s))
	}
	done, err := r.Plan.Apply(plan.Options{Force: o.Force})
	e.newReport(s, r, done, o.Lang)
	if err != nil {
		return e.newError(s, err)
	}
	return nil
}

// newOptions reads the flags and arguments of `langref new`.
func (e *env) newOptions(c *cli.Context, s *site.Site) (create.Options, error) {
	o := create.Options{Lang: c.String("lang"), Missing: c.Bool("missing"), Force: c.Bool("force"),
		Style: stub.Style(c.String("style")), Today: time.Now(), NewLanguage: c.Bool("new-language"), NoNav: c.Bool("no-nav")}
	if f := c.String("format"); f != "text" && f != "json" {
		return o, usageErr(errors.New(e.p.T("error.format", map[string]any{"Format": f, "Formats": "text, json"})))
	}
	if o.Style != stub.Comments && o.Style != stub.Plain {
		return o, usageErr(errors.New(e.p.T("new.error.style", map[string]any{"Style": o.Style})))
	}
	if d := c.String("date"); d != "" {
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			return o, usageErr(errors.New(e.p.T("new.error.date", map[string]any{"Date": d})))
		}
		o.Today = t
	}
	if o.Lang == "" {
		return o, e.needLang(graph.TranslationLangs(s))
	}
	if !o.Missing && c.NArg() == 0 {
		return o, usageErr(errors.New(e.p.T("new.error.no-pages")))
	}
	for _, a := range c.Args().Slice() {
		o.Pages = append(o.Pages, sitePath(s, a))
	}
	return o, nil
}

// newError turns the errors of planning and writing into messages and
// exit codes: a file in the way is 1, a bad argument 2.
func (e *env) newError(s *site.Site, err error) error {
	var exists *plan.ExistsError
	var changed *plan.ChangedError
	var notSource *create.NotSourceError
	var write *plan.WriteError
	switch {
	case errors.As(err, &exists) && s.Lookup(exists.Path) != nil && s.Lookup(exists.Path).BadLink():
		pr := s.Lookup(exists.Path).Doc.Problem
		msg := e.p.T("new.error.symlink", map[string]any{"Path": s.RepoPath(exists.Path), "Target": pr.Detail,
			"Problem": e.p.T("broken.problem." + string(pr.Kind))})
		return &exitError{code: exitFindings, err: e.withHint(msg, e.p.T("new.hint.symlink"))}
	case errors.As(err, &exists) && s.Lookup(exists.Path) != nil && s.Lookup(exists.Path).Unreadable():
		msg := e.p.T("new.error.unreadable", map[string]any{"Path": s.RepoPath(exists.Path),
			"Problem": e.p.T("broken.problem." + string(s.Lookup(exists.Path).Doc.Problem.Kind))})
		return &exitError{code: exitFindings, err: e.withHint(msg, e.p.T("new.hint.unreadable"))}
	case errors.As(err, &exists):
		msg := e.p.T("new.error.exists", map[string]any{"Path": s.RepoPath(exists.Path)})
		return &exitError{code: exitFindings, err: e.withHint(msg, e.p.T("new.hint.exists"))}
	case errors.As(err, &changed):
		return &exitError{code: exitFindings, err: errors.New(e.p.T("new.error.changed", map[string]any{"Path": s.RepoPath(changed.Path)}))}
	case errors.As(err, &notSource):
		msg := e.p.T("new.error.not-source", map[string]any{"Arg": notSource.Arg})
		if notSource.Scope {
			return usageErr(e.withHint(msg, e.p.T("new.hint.use-missing", map[string]any{"Arg": notSource.Arg})))
		}
		if k := check.Nearest(notSource.Arg, sourceKeys(s)); k != "" {
			return usageErr(e.withHint(msg, e.p.T("hint.did-you-mean", map[string]any{"Name": k})))
		}
		return usageErr(errors.New(msg))
	case errors.Is(err, create.ErrBadLang):
		return usageErr(errors.New(e.p.T("new.error.bad-lang", map[string]any{"Detail": err.Error()})))
	case errors.Is(err, plan.ErrEscape):
		return &exitError{code: exitFindings, err: errors.New(e.p.T("new.error.escape", map[string]any{"Detail": err.Error()}))}
	case errors.As(err, &write):
		msg := e.p.T("new.error.write", map[string]any{"Path": s.RepoPath(write.Path), "Detail": write.Err.Error()})
		return &exitError{code: exitFindings, err: e.withHint(msg, e.p.T("new.hint.write"))}
	case errors.Is(err, create.ErrSourceLang):
		return usageErr(errors.New(e.p.T("new.error.source-lang", map[string]any{"Lang": s.SourceLang})))
	}
	if err := e.newSafeError(err); err != nil {
		return err
	}
	return &exitError{code: exitFindings, err: err}
}

// inLangTree refuses a plan that would write a page outside lang's tree:
// a stub belongs with the translations it joins, never in the source.
func (e *env) inLangTree(s *site.Site, r *create.Result, lang string) error {
	for _, pg := range r.Pages {
		if !inTree(s, pg.Path, lang) || lang == s.SourceLang {
			return usageErr(errors.New(e.p.T("new.error.outside", map[string]any{"Path": e.show(s.RepoPath(pg.Path)), "Lang": lang})))
		}
	}
	return nil
}

// inTree reports whether path, relative to the site root, is in lang's
// tree: lang's folder, or lang's paths when pages pair by path.
func inTree(s *site.Site, path, lang string) bool {
	if s.Layout != nil {
		l, _, ok := s.Layout.Match(path)
		return ok && l == lang
	}
	return strings.HasPrefix(path, lang+"/")
}

// sourceKeys are the pairing keys of the site's source pages, for
// suggestions.
func sourceKeys(s *site.Site) []string {
	var out []string
	for _, e := range graph.Build(s).Entries {
		if e.Source != nil {
			out = append(out, e.Key)
		}
	}
	return out
}

// withHint makes an error whose message is followed by a hint line, as
// exitCode prints it.
func (e *env) withHint(msg, hint string) error {
	return fmt.Errorf("%s\nlangref: %s: %s", msg, e.p.T("hint"), hint)
}

// sitePath returns arg as a path relative to the site root when it names a
// file from the current folder or from the site root, else arg itself (a
// pairing key, or a folder or chapter that does not exist yet).
func sitePath(s *site.Site, arg string) string {
	for _, base := range []string{"", s.Root} {
		p := arg
		if base != "" {
			p = filepath.Join(base, filepath.FromSlash(arg))
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if _, err := os.Stat(abs); err != nil {
			continue
		}
		if rel, err := filepath.Rel(s.Root, abs); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
		if abs == s.Root {
			return "."
		}
	}
	return arg
}

func (e *env) newReport(s *site.Site, r *create.Result, done []plan.Done, lang string) {
	written := map[string]plan.Done{}
	for _, d := range done {
		written[d.Path] = d
	}
	for _, pg := range r.Pages {
		d, ok := written[pg.Path]
		if !ok {
			continue
		}
		fmt.Fprintln(e.stdout, e.p.N("new.created", pg.Blocks, map[string]any{
			"Path": e.show(s.RepoPath(pg.Path)), "Source": e.show(s.RepoPath(pg.Source)), "Remembered": pg.Remembered}))
		if d.Backup != "" {
			fmt.Fprintln(e.stdout, e.p.T("new.backup", map[string]any{"Path": s.RepoPath(pg.Path), "Backup": s.RepoPath(d.Backup)}))
		}
	}
	if _, ok := written[s.ConfigFile]; ok && len(r.Nav) > 0 {
		fmt.Fprintln(e.stdout, e.p.N("new.nav", len(r.Nav), map[string]any{"Lang": lang, "File": s.RepoPath(s.ConfigFile)}))
	}
	e.newNotes(e.stdout, s, r, written, lang)
}
