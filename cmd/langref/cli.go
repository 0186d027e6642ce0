package main

import (
	"errors"
	"fmt"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/langref/langref/locales"
	"github.com/langref/langref/sync/check"
	"github.com/urfave/cli/v2"
)

// globalFlags are the flags every command accepts, before or after its
// name (see interspersed).
func (e *env) globalFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "root", Usage: e.p.T("flag.root"), EnvVars: []string{"LANGREF_ROOT"}},
		&cli.StringFlag{Name: "ui-lang", Usage: e.p.T("flag.ui-lang")},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: e.p.T("flag.quiet")},
		&cli.BoolFlag{Name: "verbose", Usage: e.p.T("flag.verbose")},
		&cli.BoolFlag{Name: "require-history", Usage: e.p.T("flag.require-history")},
		cli.HelpFlag, // urfave/cli adds it only when there is no help command
	}
}

// before reads the global switches once the flags are parsed.
func (e *env) before(c *cli.Context) error {
	e.quiet, e.loud = c.Bool("quiet"), c.Bool("verbose") && !c.Bool("quiet")
	e.requireHistory = c.Bool("require-history")
	e.uiLangFallback(c.String("ui-lang"))
	return nil
}

// uiLangFallback warns when the language asked for with --ui-lang or
// LANGREF_UI_LANG is not one langref speaks; the environment's LANG is
// not worth a warning on every run.
func (e *env) uiLangFallback(flag string) {
	asked := flag
	if asked == "" {
		asked = e.getenv("LANGREF_UI_LANG")
	}
	if asked == "" || locales.Speaks(asked) {
		return
	}
	e.warn(e.p.T("warning.ui-lang", map[string]any{"Lang": asked, "Langs": strings.Join(locales.Languages(), ", ")}))
}

// warn prints a warning on stderr unless -q.
func (e *env) warn(msg string) {
	if !e.quiet {
		fmt.Fprintf(e.stderr, "langref: %s: %s\n", e.p.T("warning"), msg)
	}
}

// buildVersion is langref's version from the build information: the
// module version (go install …@v1.2.3) or "(devel)", the commit and the
// Go version.
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		v += " " + rev + dirty
		if at != "" {
			v += " " + at
		}
	}
	return v + " " + bi.GoVersion
}

// decorate gives every command what they all share: examples in their
// help, usage errors that suggest the flag meant, no help subcommand.
func (e *env) decorate(cmds []*cli.Command) []*cli.Command {
	for _, c := range cmds {
		c.HideHelpCommand = true
		c.OnUsageError = e.usageError
		if id := "examples." + c.Name; e.p.Has(id) {
			c.Description = e.p.T(id)
		}
	}
	return cmds
}

var undefinedFlag = regexp.MustCompile(`flag provided but not defined: -+(\S+)`)

// usageError turns a flag parsing error into a usage error that names
// the nearest flag the command has.
func (e *env) usageError(c *cli.Context, err error, _ bool) error {
	m := undefinedFlag.FindStringSubmatch(err.Error())
	if m == nil {
		return usageErr(err)
	}
	msg := e.p.T("error.unknown-flag", map[string]any{"Flag": dashes(m[1])})
	if s := check.Nearest(m[1], flagNames(c)); s != "" {
		return usageErr(e.withHint(msg, e.p.T("hint.did-you-mean", map[string]any{"Name": dashes(s)})))
	}
	return usageErr(e.withHint(msg, e.p.T("hint.help", map[string]any{"Command": strings.TrimSpace("langref " + commandName(c))})))
}

func dashes(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// commandName is the name of the command c runs, "" for the app.
func commandName(c *cli.Context) string {
	if c.Command != nil && c.Command.Name != c.App.Name {
		return c.Command.Name
	}
	return ""
}

// flagNames lists the flags of c's command and the global ones.
func flagNames(c *cli.Context) []string {
	var out []string
	var fs []cli.Flag
	if c.Command != nil {
		fs = append(fs, c.Command.Flags...)
	}
	fs = append(fs, c.App.Flags...)
	for _, f := range fs {
		out = append(out, f.Names()...)
	}
	return out
}

// commandNotFound says so, with the nearest command, or explains that a
// page came where a command was expected.
func (e *env) commandNotFound(c *cli.Context, name string) {
	e.badCommand = true
	var names []string
	for _, cmd := range c.App.Commands {
		names = append(names, cmd.Names()...)
	}
	msg := e.p.T("error.no-command", map[string]any{"Name": name})
	hint := e.p.T("hint.commands", map[string]any{"Commands": strings.Join(visibleCommands(c.App), ", ")})
	if s := check.Nearest(name, names); s != "" {
		hint = e.p.T("hint.did-you-mean", map[string]any{"Name": s})
	}
	fmt.Fprintf(e.stderr, "langref: %s: %s\nlangref: %s: %s\n", e.p.T("error"), msg, e.p.T("hint"), hint)
}

func visibleCommands(app *cli.App) []string {
	var out []string
	for _, c := range app.VisibleCommands() {
		out = append(out, c.Name)
	}
	sort.Strings(out)
	return out
}

// needLang is the one error every command gives when it needs --lang and
// has none: it lists the site's translation languages when it knows them.
func (e *env) needLang(langs []string) error {
	msg := e.p.T("error.need-lang")
	if len(langs) == 0 {
		return usageErr(errors.New(msg))
	}
	return usageErr(e.withHint(msg, e.p.T("hint.need-lang", map[string]any{"Langs": strings.Join(langs, ", ")})))
}

// unknownLang is the error for a language the site does not have, with
// the nearest one it has.
func (e *env) unknownLang(lang string, langs []string) error {
	msg := e.p.T("error.unknown-lang", map[string]any{"Lang": lang, "Langs": strings.Join(langs, ", ")})
	if s := check.Nearest(lang, langs); s != "" {
		return usageErr(e.withHint(msg, e.p.T("hint.did-you-mean", map[string]any{"Name": s})))
	}
	return usageErr(errors.New(msg))
}
