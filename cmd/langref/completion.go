package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"
)

// helpCommand is `langref help [COMMAND]`, the same text as --help.
func (e *env) helpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Usage:     e.p.T("help.cmd.usage"),
		ArgsUsage: e.p.T("help.cmd.args"),
		Action: func(c *cli.Context) error {
			name := c.Args().First()
			if name == "" {
				return cli.ShowAppHelp(c)
			}
			if c.App.Command(name) == nil {
				e.commandNotFound(c, name)
				return nil
			}
			return cli.ShowCommandHelp(c, name)
		},
	}
}

const shells = "bash, zsh, fish"

// completionCommand is `langref completion bash|zsh|fish`: a script that
// completes commands, flags and flag values, written from the commands'
// definitions.
func (e *env) completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     e.p.T("completion.usage"),
		ArgsUsage: "bash|zsh|fish",
		Action: func(c *cli.Context) error {
			words := completionWords(c.App)
			switch sh := c.Args().First(); sh {
			case "bash":
				fmt.Fprint(e.stdout, bashCompletion(words))
			case "zsh":
				fmt.Fprint(e.stdout, "#compdef langref\nautoload -U +X bashcompinit && bashcompinit\n"+bashCompletion(words))
			case "fish":
				fmt.Fprint(e.stdout, fishCompletion(words))
			default:
				return usageErr(errors.New(e.p.T("error.shell", map[string]any{"Shell": sh, "Shells": shells})))
			}
			return nil
		},
	}
}

// words are what completion offers: commands, and for each command (""
// for none yet) its flags.
type words struct {
	commands []string
	flags    map[string][]string
	values   map[string][]string // flag → the values it takes
}

func completionWords(app *cli.App) words {
	w := words{flags: map[string][]string{}, values: map[string][]string{
		"--format": {"text", "tsv", "json", "github", "sarif", "junit", "gitlab", "html", "markdown", "csv", "unified"},
	}}
	global := flagWords(app.Flags)
	w.flags[""] = append(global, "--help", "--version")
	for _, c := range app.Commands {
		if c.Hidden {
			continue
		}
		w.commands = append(w.commands, c.Name)
		w.flags[c.Name] = append(append(flagWords(c.Flags), global...), "--help")
	}
	return w
}

func flagWords(fs []cli.Flag) []string {
	var out []string
	for _, f := range fs {
		for _, n := range f.Names() {
			out = append(out, dashes(n))
		}
	}
	sort.Strings(out)
	return out
}

// bashWords is the bash function that asks langref for the words of the
// site the command line names (its --root, else the working directory):
// `langref __complete lang|page`.
const bashWords = `_langref_words() {
  local i root=()
  for ((i=1; i<${#COMP_WORDS[@]}; i++)); do
    case ${COMP_WORDS[i]} in
      --root) root=(--root "${COMP_WORDS[i+1]}");;
      --root=*) root=("${COMP_WORDS[i]}");;
    esac
  done
  "${COMP_WORDS[0]}" "${root[@]}" __complete "$1" 2>/dev/null
}
`

func bashCompletion(w words) string {
	var b strings.Builder
	b.WriteString("# langref completion for bash: source <(langref completion bash)\n" + bashWords + "_langref() {\n")
	b.WriteString("  local cur prev cmd i\n  cur=${COMP_WORDS[COMP_CWORD]}\n  prev=${COMP_WORDS[COMP_CWORD-1]}\n  cmd=\n")
	fmt.Fprintf(&b, "  for ((i=1; i<COMP_CWORD; i++)); do\n    case ${COMP_WORDS[i]} in %s) cmd=${COMP_WORDS[i]}; break;; esac\n  done\n", strings.Join(w.commands, "|"))
	b.WriteString("  case $prev in\n")
	fmt.Fprintf(&b, "    --format|-f) COMPREPLY=($(compgen -W %q -- \"$cur\")); return;;\n", strings.Join(w.values["--format"], " "))
	b.WriteString("    --lang|-l) COMPREPLY=($(compgen -W \"$(_langref_words lang)\" -- \"$cur\")); return;;\n")
	b.WriteString("    --root|-o|--output|--badges|--baseline|--write-baseline) COMPREPLY=($(compgen -f -- \"$cur\")); return;;\n")
	b.WriteString("    completion) COMPREPLY=($(compgen -W \"bash zsh fish\" -- \"$cur\")); return;;\n  esac\n")
	b.WriteString("  case $cmd in\n")
	for _, c := range w.commands {
		fmt.Fprintf(&b, "    %s) opts=%q;;\n", c, strings.Join(w.flags[c], " "))
	}
	fmt.Fprintf(&b, "    *) opts=%q;;\n  esac\n", strings.Join(append(append([]string{}, w.commands...), w.flags[""]...), " "))
	b.WriteString("  if [[ $cur == -* || -z $cmd ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); return; fi\n")
	fmt.Fprintf(&b, "  case $cmd in\n    %s) COMPREPLY=($(compgen -W \"$(_langref_words page)\" -- \"$cur\") $(compgen -f -- \"$cur\"));;\n", strings.Join(pageCommands, "|"))
	b.WriteString("    *) COMPREPLY=($(compgen -f -- \"$cur\"));;\n  esac\n}\ncomplete -o filenames -F _langref langref\n")
	return b.String()
}

// fishWords is bashWords for fish.
const fishWords = `function __langref_words
    set -l args (commandline -opc)
    set -l root
    for i in (seq (count $args))
        if test "$args[$i]" = --root; and test $i -lt (count $args)
            set root --root $args[(math $i + 1)]
        else if string match -q -- '--root=*' $args[$i]
            set root $args[$i]
        end
    end
    $args[1] $root __complete $argv 2>/dev/null
end
`

func fishCompletion(w words) string {
	var b strings.Builder
	b.WriteString("# langref completion for fish: langref completion fish | source\ncomplete -c langref -f\n" + fishWords)
	fmt.Fprintf(&b, "complete -c langref -n '__fish_use_subcommand' -a %q\n", strings.Join(w.commands, " "))
	for _, c := range w.commands {
		for _, f := range w.flags[c] {
			opt := "-l " + strings.TrimPrefix(f, "--")
			if !strings.HasPrefix(f, "--") {
				opt = "-s " + strings.TrimPrefix(f, "-")
			}
			fmt.Fprintf(&b, "complete -c langref -n '__fish_seen_subcommand_from %s' %s\n", c, opt)
		}
	}
	fmt.Fprintf(&b, "complete -c langref -l format -s f -x -a %q\n", strings.Join(w.values["--format"], " "))
	b.WriteString("complete -c langref -l lang -s l -x -a '(__langref_words lang)'\n")
	fmt.Fprintf(&b, "complete -c langref -n '__fish_seen_subcommand_from %s' -F -a '(__langref_words page)'\n", strings.Join(pageCommands, " "))
	b.WriteString("complete -c langref -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n")
	return b.String()
}
