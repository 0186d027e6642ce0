package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	gosync "sync"

	"github.com/langref/langref/cmd/langref/progress"
	"github.com/langref/langref/locales"
	"github.com/langref/langref/sync/history"
	"github.com/langref/langref/sync/site"
	"github.com/urfave/cli/v2"
)

// Exit codes. They are documented in docs/en/check.md; never renumber them.
const (
	exitOK       = 0
	exitFindings = 1 // check found errors; a command could not do its job
	exitUsage    = 2 // bad flags, arguments or configuration
)

// env is what a command needs from the process: streams, environment and
// the printer of the user's language.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	p              *locales.Printer
	out            *output
	badCommand     bool
	// issue 14: where the command runs and how much it says.
	cwd                         string                // the working directory, symbolic links resolved
	quiet, loud, requireHistory bool                  // -q, --verbose, --require-history
	site                        *site.Site            // the site loaded, for paths in output
	hist                        *history.Completeness // what the history lacks, once inspected
	// issue 15: the site listed (its repository's root), for paths in
	// output when a report comes from the cache with no site loaded.
	cfg *site.Scan
	// issue 14/15: the progress line on a terminal (progressline.go).
	prog     *progress.Line
	progOnce gosync.Once
}

// exitError carries an exit code through urfave/cli without letting it
// call os.Exit.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(err error) error { return &exitError{code: exitUsage, err: err} }

// run is langref's whole command line; main only exits with its result.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, cwd: workDir()}
	e.p = locales.New(uiLang(args, getenv), "en")
	e.out = newOutput(stdout, getenv)
	app := e.app()
	err := app.Run(append([]string{"langref"}, interspersed(app, args)...))
	e.site.WaitSaved() // the page cache a lean load writes meanwhile
	e.prog.Stop()
	return e.exitCode(err)
}

// uiLang finds --ui-lang before the flags are parsed, since the help text
// itself is localized.
func uiLang(args []string, getenv func(string) string) string {
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, "--ui-lang="); ok {
			return v
		}
		if a == "--ui-lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	if v := getenv("LANGREF_UI_LANG"); v != "" {
		return v
	}
	return locales.FromEnv(getenv)
}

func (e *env) exitCode(err error) int {
	if e.badCommand {
		return exitUsage
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	code := exitUsage
	if errors.As(err, &ee) {
		code = ee.code
		if ee.err == nil {
			return code
		}
	}
	var ce *site.ConfigError
	if errors.As(err, &ce) {
		code = exitUsage
	}
	fmt.Fprintf(e.stderr, "langref: %s: %v\n", e.p.T("error"), err)
	if ce != nil {
		fmt.Fprintf(e.stderr, "langref: %s: %s\n", e.p.T("hint"), e.p.T("hint.config", map[string]any{"File": ce.File}))
	}
	if e.refusedHint(err) && ee == nil { // w-pins: git refused the repository
		code = exitFindings
	}
	return code
}

func (e *env) app() *cli.App {
	e.localizeTemplates()
	return &cli.App{
		Name:      "langref",
		Usage:     e.p.T("app.usage"),
		Writer:    e.stdout,
		ErrWriter: e.stderr,
		Version:   buildVersion(),
		Flags:     e.globalFlags(),
		Before:    e.before,
		Commands: e.decorate([]*cli.Command{e.statusCommand(), e.checkCommand(), e.reportCommand(), e.diffCommand(), e.newCommand(),
			e.syncCommand(), e.markCommand(), e.initCommand(), e.exportCommand(), e.completionCommand(), e.helpCommand(),
			e.completeCommand()}), // issue 14: the words completion offers
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError:    e.usageError,
		CommandNotFound: e.commandNotFound,
	}
}

// loadSite reads the site the global flags point at.
func (e *env) loadSite(c *cli.Context) (*site.Site, error) {
	if err := e.rootError(c); err != nil {
		return nil, err
	}
	s, err := site.Load(siteRoot(c))
	if err != nil {
		return nil, usageErr(err)
	}
	if err := e.emptySite(c, s); err != nil {
		return nil, err
	}
	e.site = s
	return s, nil
}

// urfave/cli's English help templates, kept to localize them afresh on
// every run.
var appHelp, commandHelp, subcommandHelp = cli.AppHelpTemplate, cli.CommandHelpTemplate, cli.SubcommandHelpTemplate

func (e *env) localizeTemplates() {
	r := strings.NewReplacer(
		"NAME:", e.p.T("help.name")+":",
		"USAGE:", e.p.T("help.usage")+":",
		"COMMANDS:", e.p.T("help.commands")+":",
		"GLOBAL OPTIONS:", e.p.T("help.global-options")+":",
		"OPTIONS:", e.p.T("help.options")+":",
		"DESCRIPTION:", e.p.T("help.description")+":",
		"VERSION:", e.p.T("help.version")+":",
		"[global options]", "["+e.p.T("help.global-options-arg")+"]",
		"[command options]", "["+e.p.T("help.command-options-arg")+"]",
		"command [command options]", e.p.T("help.command-arg")+" ["+e.p.T("help.command-options-arg")+"]",
	)
	cli.AppHelpTemplate = r.Replace(appHelp)
	cli.CommandHelpTemplate = strings.Replace(r.Replace(commandHelp), e.p.T("help.description")+":", e.p.T("help.examples")+":", 1)
	cli.SubcommandHelpTemplate = r.Replace(subcommandHelp)
	cli.HelpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: e.p.T("flag.help")}
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Usage: e.p.T("flag.version")}
	// What urfave/cli writes outside the templates: the usage line of a
	// command (a template of its own) and each flag's default. A switch's
	// default, false, says nothing.
	out := strings.NewReplacer(
		"[command options]", "["+e.p.T("help.command-options-arg")+"]",
		" (default: false)", "",
		" (default: ", " ("+e.p.T("help.default")+": ",
	)
	cli.HelpPrinter = func(w io.Writer, templ string, data any) {
		var b strings.Builder
		cli.HelpPrinterCustom(&b, templ, data, nil)
		io.WriteString(w, out.Replace(b.String()))
	}
}
