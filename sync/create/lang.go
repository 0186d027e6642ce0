package create

import (
	"errors"
	"fmt"
	"strings"

	"github.com/langref/langref/sync/graph"
	"github.com/langref/langref/sync/site"
	"golang.org/x/text/language"
)

// UnknownLangError says the language is not one of the site's yet, and
// Options.NewLanguage was not given: a typo (fre for fr) must not start a
// tree and a navigation block of its own.
type UnknownLangError struct {
	Lang string
	// Known are the site's translation languages.
	Known []string
}

func (e *UnknownLangError) Error() string {
	return fmt.Sprintf("%q is not a language of the site (%s)", e.Lang, strings.Join(e.Known, ", "))
}

// ListedLangError says the language is new while a configuration file
// lists the site's languages: the generator (or langref) would not read
// its pages until the file lists it too.
type ListedLangError struct {
	Lang string
	// File lists the languages, relative to the site root; Generator is
	// the generator's name when it is the generator's configuration, ""
	// for .langref.yml.
	File, Generator string
}

func (e *ListedLangError) Error() string {
	return fmt.Sprintf("%q is not one of the languages %s lists", e.Lang, e.File)
}

// TagError says a new language's code is no BCP 47 language tag, or one
// BCP 47 writes otherwise (Want).
type TagError struct {
	Lang string
	// Reason is "unknown" (a well-formed tag of no known language),
	// "malformed" or "noncanonical" (Want is how BCP 47 writes it).
	Reason, Want string
}

func (e *TagError) Error() string {
	if e.Want != "" {
		return fmt.Sprintf("%q is written %q in BCP 47", e.Lang, e.Want)
	}
	return fmt.Sprintf("%q is not a BCP 47 language tag (%s)", e.Lang, e.Reason)
}

// checkNew accepts lang when the site has it, or when o.NewLanguage asks
// for a language the site can take in: none of its configuration files
// lists its languages, and lang is a BCP 47 tag written as BCP 47 writes
// it, in any case and with - or _ (pt-br, as Hugo writes it, or pt_BR).
func checkNew(s *site.Site, o Options) error {
	if s.HasLang(o.Lang) {
		return nil
	}
	if !o.NewLanguage {
		return &UnknownLangError{Lang: o.Lang, Known: graph.TranslationLangs(s)}
	}
	if file, gen := s.LanguagesFile(); file != "" {
		return &ListedLangError{Lang: o.Lang, File: file, Generator: gen}
	}
	return CheckTag(o.Lang)
}

// bibliographic are the ISO 639-2/B codes, which BCP 47 does not use, and
// the codes BCP 47 uses for their languages.
var bibliographic = map[string]string{
	"alb": "sq", "arm": "hy", "baq": "eu", "bur": "my", "chi": "zh", "cze": "cs", "dut": "nl",
	"fre": "fr", "geo": "ka", "ger": "de", "gre": "el", "ice": "is", "mac": "mk", "mao": "mi",
	"may": "ms", "per": "fa", "rum": "ro", "slo": "sk", "tib": "bo", "wel": "cy",
}

// CheckTag returns nil when code is a BCP 47 language tag as BCP 47 writes
// it, ignoring case and taking _ for -: fr, pt-BR, pt-br, zh-Hans, es_419.
// fre (ISO 639-2/B), fra (three letters where BCP 47 has two) and iw (a
// deprecated code) are refused with the tag to write instead.
func CheckTag(code string) error {
	norm := strings.ReplaceAll(code, "_", "-")
	base, _, _ := strings.Cut(strings.ToLower(norm), "-")
	if want, ok := bibliographic[base]; ok {
		return &TagError{Lang: code, Reason: "noncanonical", Want: want + norm[len(base):]}
	}
	tag, err := language.BCP47.Parse(norm)
	var unknown language.ValueError
	switch {
	case errors.As(err, &unknown):
		return &TagError{Lang: code, Reason: "unknown"}
	case err != nil, tag == language.Und:
		return &TagError{Lang: code, Reason: "malformed"}
	}
	if !strings.EqualFold(tag.String(), norm) {
		return &TagError{Lang: code, Reason: "noncanonical", Want: tag.String()}
	}
	return nil
}
