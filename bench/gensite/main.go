// Command gensite writes a synthetic multilingual Jekyll site with a git
// history, for langref's scale benchmarks (bench/stale.sh):
//
//	go run ./bench/gensite -pages 20000 -langs 10 -commits 20000 -out /tmp/site
//	go run ./bench/gensite -files 200000 -commits 50000 -out /tmp/huge # 200,000 files
//
// The site lives in DIR/docs, laid out like the DLSP20 corpus: English pages
// under en/ with lang-ref, translations under <lang>/ with lang, lang-ref,
// translator and translation-date, and a navigation block per language in
// _config.yml. The history adds the English pages, then mixes translation
// batches with English edits (typo fixes, rewrapped paragraphs, new
// paragraphs, changed formulas and code), translation updates, unrelated
// translation touch-ups and a few bulk commits across every language.
//
// The whole history is streamed to one `git fast-import`, then checked out.
// With -truth FILE, gensite also writes what it knows about each
// translation: whether an English content or verbatim change is pending.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// pagesFor returns the English pages of a site of about files pages and
// translations in langs languages: each page has its translations
// (coverage), and a chapter's index page is translated wherever one of
// its sections is.
func pagesFor(files, langs int) int {
	per := 1.0
	for l := range langs {
		c := coverage(l, langs)
		per += c + (1-c)/chapterSize
	}
	return max(1, int(float64(files)/per+0.5))
}

// options are gensite's flags.
type options struct {
	pages, langs, commits int
	files                 int // when set, the pages are chosen for this many files
	seed                  int64
	out, nav, truth       string
	force, repack         bool
}

func run(args []string, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "gensite: error: %v\n", err)
		return 2
	}
	start := time.Now()
	st, err := generate(o)
	if err != nil {
		fmt.Fprintf(stderr, "gensite: error: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "gensite: %s: %d pages, %d languages, %d translations, %d commits, %d file writes, %.1f MB of blobs in %.2f s (history %.2f s, checkout %.2f s, repack %.2f s)\n",
		o.out, o.pages, o.langs, st.translations, st.commits, st.files, float64(st.bytes)/1e6,
		time.Since(start).Seconds(), st.history.Seconds(), st.checkout.Seconds(), st.repack.Seconds())
	fmt.Fprintf(stderr, "gensite: events: %v\n", st.events)
	return 0
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("gensite", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.pages, "pages", 1000, "English (source) pages")
	fs.IntVar(&o.files, "files", 0, "pages and translations in all (about): sets -pages from -langs")
	fs.IntVar(&o.langs, "langs", 10, fmt.Sprintf("translation languages, at most %d", len(languages)))
	fs.IntVar(&o.commits, "commits", 1000, "commits of history")
	fs.Int64Var(&o.seed, "seed", 1, "random seed: the same flags and seed give the same site")
	fs.StringVar(&o.out, "out", "", "folder to create (the git repository; the site is in DIR/docs)")
	fs.StringVar(&o.nav, "nav", "full", "navigation in _config.yml: full (every page, as DLSP20), chapters or none")
	fs.StringVar(&o.truth, "truth", "", "write the expected state of each translation to this TSV file")
	fs.BoolVar(&o.force, "force", false, "write into -out even when it exists and is not empty")
	fs.BoolVar(&o.repack, "repack", true, "repack the history as a clone's would be (git repack -adf); fast-import's own pack is much slower to read")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.files > 0 && o.langs >= 1 && o.langs <= len(languages) {
		o.pages = pagesFor(o.files, o.langs)
	}
	return o, o.validate()
}

func (o options) validate() error {
	switch {
	case o.out == "":
		return errors.New("-out is required")
	case o.files < 0:
		return errors.New("-files must not be negative")
	case o.pages < 1:
		return errors.New("-pages must be at least 1")
	case o.langs < 1 || o.langs > len(languages):
		return fmt.Errorf("-langs must be between 1 and %d", len(languages))
	case o.commits < 1:
		return errors.New("-commits must be at least 1")
	case o.nav != "full" && o.nav != "chapters" && o.nav != "none":
		return fmt.Errorf("-nav %q: want full, chapters or none", o.nav)
	}
	if o.force {
		return nil
	}
	if ents, err := os.ReadDir(o.out); err == nil && len(ents) > 0 {
		return fmt.Errorf("%q exists and is not empty (use -force)", o.out)
	}
	return nil
}
