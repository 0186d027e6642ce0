package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cpuguy83/go-md2man/v2/md2man"
	"github.com/langref/langref/locales"
	"github.com/urfave/cli/v2"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite the CLI reference (docs/*/cli.md, docs/man/langref.1): make docs")

// cliDocs are the generated files of the manual, from the repository root,
// with the UI language each is written in.
var cliDocs = []struct{ path, ui, lang string }{
	{"docs/en/cli.md", "en", ""},
	{"docs/zh/cli.md", "zh-Hans", "zh"},
}

const manPage = "docs/man/langref.1"

// TestCLIDocs: the CLI reference in the manual (English and Chinese) and
// the man page are what the command definitions give today; `make docs`
// rewrites them.
func TestCLIDocs(t *testing.T) {
	files := map[string][]byte{}
	for _, d := range cliDocs {
		files[d.path] = cliMarkdown(d.ui, d.lang)
	}
	files[manPage] = cliMan()
	for path, want := range files {
		file := filepath.Join("..", "..", filepath.FromSlash(path))
		if *updateDocs {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not what the command definitions give: run make docs (%v)", path, err)
		}
	}
}

// TestManualListsCommands: the manual's home, in each language, names
// every command and links to the CLI reference.
func TestManualListsCommands(t *testing.T) {
	for _, home := range []string{"docs/index.md", "docs/zh/index.md"} {
		b, err := os.ReadFile(filepath.Join("..", "..", home))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range appIn("en").VisibleCommands() {
			if !strings.Contains(string(b), "`langref "+c.Name) {
				t.Errorf("%s does not list langref %s", home, c.Name)
			}
		}
		if !strings.Contains(string(b), "cli.md") {
			t.Errorf("%s does not link to the CLI reference", home)
		}
	}
}

// cliMarkdown is the CLI reference in ui, a page of the manual's lang
// tree ("" for the source language).
func cliMarkdown(ui, lang string) []byte {
	p := locales.New(ui, "en")
	var b bytes.Buffer
	b.WriteString("---\n")
	if lang != "" {
		fmt.Fprintf(&b, "lang: %s\n", lang)
	}
	fmt.Fprintf(&b, "lang-ref: cli\ntitle: %q\n---\n\n", "langref: "+p.T("cliref.title"))
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", p.T("cliref.title"), p.T("cliref.intro"))
	b.Write(cliBody(ui, true))
	fmt.Fprintf(&b, "\n%s\n", p.T("cliref.see"))
	return b.Bytes()
}

// cliBody is the reference proper: synopsis, global options, then each
// command with its usage, examples and options, as --help shows them; the
// list of commands links to their sections when links is set.
func cliBody(ui string, links bool) []byte {
	p := locales.New(ui, "en")
	app := appIn(ui)
	var b bytes.Buffer
	fmt.Fprintf(&b, "```sh\nlangref [%s] %s [%s] [...]\n```\n\n", p.T("help.global-options-arg"), p.T("help.command-arg"), p.T("help.command-options-arg"))
	fmt.Fprintf(&b, "%s\n\n", p.T("cliref.exit-codes"))
	fmt.Fprintf(&b, "## %s\n\n", p.T("cliref.global-options"))
	flagTable(&b, p, append(app.Flags, cli.VersionFlag))
	fmt.Fprintf(&b, "\n## %s\n\n", p.T("cliref.commands"))
	for _, c := range app.VisibleCommands() {
		name := "`" + c.Name + "`"
		if links {
			name = "[" + name + "](#" + c.Name + ")"
		}
		fmt.Fprintf(&b, "- %s: %s\n", name, c.Usage)
	}
	for _, c := range app.VisibleCommands() {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", c.Name, c.Usage)
		fmt.Fprintf(&b, "```sh\nlangref [%s] %s", p.T("help.global-options-arg"), c.Name)
		if len(c.Flags) > 0 {
			fmt.Fprintf(&b, " [%s]", p.T("help.command-options-arg"))
		}
		if c.ArgsUsage != "" {
			b.WriteString(" " + c.ArgsUsage)
		}
		b.WriteString("\n```\n\n")
		if c.Description != "" {
			fmt.Fprintf(&b, "%s:\n\n```sh\n%s\n```\n\n", p.T("cliref.examples"), c.Description)
		}
		if len(c.Flags) > 0 {
			flagTable(&b, p, c.Flags)
		}
	}
	return b.Bytes()
}

// flagTable writes fs as a table of options and meanings, in the words
// --help uses.
func flagTable(b *bytes.Buffer, p *locales.Printer, fs []cli.Flag) {
	fmt.Fprintf(b, "| %s | %s |\n|---|---|\n", p.T("cliref.option"), p.T("cliref.meaning"))
	defaults := strings.NewReplacer(" (default: false)", "", " (default: ", " ("+p.T("help.default")+": ")
	for _, f := range fs {
		name, usage, _ := strings.Cut(cli.FlagStringer(f), "\t")
		name = repeatable.ReplaceAllString(name, "")
		fmt.Fprintf(b, "| `%s` | %s |\n", name, cell(defaults.Replace(usage)))
	}
}

// repeatable is how urfave/cli marks a flag given more than once in help:
// the reference says so in the flag's usage instead.
var repeatable = regexp.MustCompile(` \[ .* \]$`)

// cell escapes what would end a Markdown table cell or start markup.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "\n", " ").Replace(s)
}

// cliMan is the man page langref(1): the English reference through
// go-md2man, the converter urfave/cli's own ToMan uses.
func cliMan() []byte {
	p := locales.New("en", "en")
	var md bytes.Buffer
	fmt.Fprintf(&md, "%% langref 1\n\n# NAME\n\nlangref - %s\n\n# SYNOPSIS\n\n", appIn("en").Usage)
	md.Write(cliBody("en", false))
	fmt.Fprintf(&md, "\n# SEE ALSO\n\n%s\n", strings.ReplaceAll(p.T("cliref.see"), "(../index.md)", "(docs/index.md)"))
	return md2man.Render(md.Bytes())
}
