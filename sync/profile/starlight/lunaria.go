package starlight

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/langref/langref/sync/profile"
)

// LunariaConfig is the file of Lunaria, the translation tracker many
// Starlight sites use, at the site root.
const LunariaConfig = "lunaria.config.json"

// DefaultIgnoreKeywords are Lunaria's ignoreKeywords when its
// configuration names none (@lunariajs/core 0.1.1, config/index.mjs).
var DefaultIgnoreKeywords = []string{"lunaria-ignore", "fix typo"}

// lunariaFile is the part of lunaria.config.json langref reads.
type lunariaFile struct {
	Repository struct {
		RootDir string `json:"rootDir"`
	} `json:"repository"`
	IgnoreKeywords *[]string `json:"ignoreKeywords"`
}

// directive is Lunaria's commit-body directive: @lunaria-ignore:GLOBS says
// the commit needs no translation of the files GLOBS match;
// @lunaria-track:GLOBS that it needs one of those files only. The
// @tracker-minor and @tracker-major spellings are the older names.
var directive = regexp.MustCompile(`(@lunaria-track|@lunaria-ignore|@tracker-major|@tracker-minor):([^\n]+)?`)

// directiveGrep finds, as git log --grep -E reads it, the commit messages
// that may hold a directive: the only ones whose bodies the rule reads.
const directiveGrep = `@(lunaria-track|lunaria-ignore|tracker-major|tracker-minor):`

// readLunaria returns the IgnoreCommit rule of the Lunaria configuration at
// root and a hash of the file it was read from; nil when there is none.
func readLunaria(root string) (func(subject, body, rel string) bool, string, error) {
	b, err := os.ReadFile(filepath.Join(root, LunariaConfig))
	if errors.Is(err, os.ErrNotExist) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", &profile.ConfigError{File: LunariaConfig, Err: err}
	}
	var f lunariaFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, "", &profile.ConfigError{File: LunariaConfig, Line: jsonLine(b, err), Err: err}
	}
	keywords := DefaultIgnoreKeywords
	if f.IgnoreKeywords != nil {
		keywords = *f.IgnoreKeywords
	}
	rule, err := IgnoreRule(keywords, f.Repository.RootDir)
	sum := sha256.Sum256(b)
	return rule, LunariaConfig + ":" + hex.EncodeToString(sum[:]), err
}

// IgnoreRule returns Lunaria's rule for commits that need no translation:
// the subject matches one of keywords, compared as Lunaria does (the
// keywords joined into one regular expression, without regard to case),
// or the body holds a directive that leaves the file out. Directive globs
// are matched against the file's path relative to the site root and, when
// rootDir (the site's folder in its repository) is set, relative to the
// repository.
func IgnoreRule(keywords []string, rootDir string) (func(subject, body, rel string) bool, error) {
	var kw *regexp.Regexp
	if len(keywords) > 0 {
		re, err := regexp.Compile("(?i)(" + strings.Join(keywords, "|") + ")")
		if err != nil {
			return nil, &profile.ConfigError{File: LunariaConfig, Err: fmt.Errorf("ignoreKeywords: %w", err)}
		}
		kw = re
	}
	rootDir = strings.Trim(path.Clean("/"+filepath.ToSlash(rootDir)), "/")
	return func(subject, body, rel string) bool {
		if kw != nil && kw.MatchString(subject) {
			return true
		}
		m := directive.FindStringSubmatch(body)
		if m == nil {
			return false
		}
		names := []string{rel}
		if rootDir != "" {
			names = append(names, rootDir+"/"+rel)
		}
		matched := false
		for _, g := range strings.Split(m[2], ";") {
			for _, n := range names {
				if globMatch(strings.TrimSpace(g), n) {
					matched = true
				}
			}
		}
		track := m[1] == "@lunaria-track" || m[1] == "@tracker-major"
		return matched != track
	}, nil
}

// globMatch reports whether name matches glob as micromatch reads the
// globs Lunaria's directives use: ** crosses folders, * and ? do not,
// (a|b) is a choice, a leading ./ is dropped.
func globMatch(glob, name string) bool {
	glob = strings.TrimPrefix(glob, "./")
	if glob == "" {
		return false
	}
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; c {
		case '*':
			if i+1 < len(glob) && glob[i+1] == '*' {
				i++
				if i+1 < len(glob) && glob[i+1] == '/' {
					i++
					b.WriteString("(?:.*/)?")
				} else {
					b.WriteString(".*")
				}
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		case '(', ')', '|':
			b.WriteByte(c)
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	return err == nil && re.MatchString(name)
}

// jsonLine returns the line of a JSON syntax error in b, 0 when err has no
// offset.
func jsonLine(b []byte, err error) int {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return 0
	}
	return strings.Count(string(b[:min(int(se.Offset), len(b))]), "\n") + 1
}
