package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// interspersed moves a command's flags that follow its arguments in front
// of them, so that `langref status docs/en --lang fr` works as users expect
// (urfave/cli v2 stops reading flags at the first argument), and global
// flags written after the command in front of the command, so that
// `langref status --root docs` works too. Everything after "--" stays as
// it is.
func interspersed(app *cli.App, args []string) []string {
	i := commandIndex(app, args)
	if i < 0 {
		return args
	}
	cmd := app.Command(args[i])
	var globals, flags, rest []string
	tail := args[i+1:]
	for j := 0; j < len(tail); j++ {
		a := tail[j]
		switch {
		case a == "--":
			rest = append(rest, tail[j:]...)
			j = len(tail)
		case isGlobal(app, cmd, a):
			globals = append(globals, a)
			if takesValue(&cli.Command{Flags: app.Flags}, a) && j+1 < len(tail) {
				j++
				globals = append(globals, tail[j])
			}
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			if takesValue(cmd, a) && j+1 < len(tail) {
				j++
				flags = append(flags, tail[j])
			}
		default:
			rest = append(rest, a)
		}
	}
	out := append(append(append([]string{}, args[:i]...), globals...), args[i])
	out = append(out, flags...)
	return append(out, rest...)
}

// isGlobal reports whether a, written after command cmd, is one of the
// app's flags and not one of cmd's.
func isGlobal(app *cli.App, cmd *cli.Command, a string) bool {
	if !strings.HasPrefix(a, "-") || a == "-" {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	return hasFlag(app.Flags, name) && !hasFlag(cmd.Flags, name)
}

func hasFlag(fs []cli.Flag, name string) bool {
	for _, f := range fs {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}

// commandIndex finds the command name among args, skipping global flags
// and their values.
func commandIndex(app *cli.App, args []string) int {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			if app.Command(a) != nil {
				return i
			}
			return -1
		}
		if takesValue(&cli.Command{Flags: app.Flags}, a) {
			i++
		}
	}
	return -1
}

// takesValue reports whether flag a (as written: -f, --format, --format=x)
// is one of cmd's flags that takes its value from the next argument.
func takesValue(cmd *cli.Command, a string) bool {
	if strings.Contains(a, "=") {
		return false
	}
	name := strings.TrimLeft(a, "-")
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			_, isBool := f.(*cli.BoolFlag)
			return !isBool
		}
	}
	return false
}
