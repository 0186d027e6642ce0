package jekyll

import (
	"path"
	"strings"

	"github.com/langref/langref/sync/profile"
)

// entryFilter is Jekyll 4.3's EntryFilter for a site's include and
// exclude lists.
type entryFilter struct {
	include []string
	exclude []string // less what include lists
}

func newEntryFilter(exclude, include []string) entryFilter {
	return entryFilter{include: include, exclude: minus(exclude, include)}
}

// skip says whether the filter leaves out the entry at rel (slash-separated,
// relative to the site root), and why: names ending in ".", exclude matches
// that include does not list, and, unless include lists them, names
// starting with ".", "_", "#" or "~" and backups ending in "~".
func (f entryFilter) skip(rel string, isDir bool) profile.Reason {
	base := path.Base(rel)
	if strings.HasSuffix(base, ".") {
		return profile.Underscore
	}
	included := globInclude(f.include, rel, isDir) || globInclude(f.include, base, isDir)
	if !included && globInclude(f.exclude, rel, isDir) {
		return profile.Excluded
	}
	if included {
		return profile.Kept
	}
	if strings.ContainsAny(base[:1], "._#~") || strings.HasSuffix(base, "~") {
		return profile.Underscore
	}
	return profile.Kept
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		found := false
		for _, y := range b {
			found = found || x == y
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

// globInclude is Jekyll's EntryFilter#glob_include?: a pattern matches an
// entry by File.fnmatch?, as a plain string prefix, or as the entry's
// folder name with a trailing slash.
func globInclude(patterns []string, rel string, isDir bool) bool {
	for _, p := range patterns {
		p = strings.TrimPrefix(p, "/")
		if fnmatch(p, rel) || strings.HasPrefix(rel, p) || (isDir && p == rel+"/") {
			return true
		}
	}
	return false
}

// fnmatch is Ruby's File.fnmatch? without flags: "*" matches any run of
// characters including "/", "?" one character, "[...]" a class, and "\"
// escapes.
func fnmatch(pattern, name string) bool {
	for len(pattern) > 0 {
		switch pattern[0] {
		case '*':
			for len(pattern) > 0 && pattern[0] == '*' {
				pattern = pattern[1:]
			}
			if pattern == "" {
				return true
			}
			for i := 0; i <= len(name); i++ {
				if fnmatch(pattern, name[i:]) {
					return true
				}
			}
			return false
		case '?':
			if name == "" {
				return false
			}
			pattern, name = pattern[1:], name[1:]
		case '[':
			ok, rest, valid := matchClass(pattern, name)
			if !valid {
				return pattern == name
			}
			if !ok {
				return false
			}
			pattern, name = rest, name[1:]
		default:
			if pattern[0] == '\\' && len(pattern) > 1 {
				pattern = pattern[1:]
			}
			if name == "" || name[0] != pattern[0] {
				return false
			}
			pattern, name = pattern[1:], name[1:]
		}
	}
	return name == ""
}

func matchClass(pattern, name string) (ok bool, rest string, valid bool) {
	end := strings.IndexByte(pattern[1:], ']')
	if end < 0 || name == "" {
		return false, "", end >= 0
	}
	class, c := pattern[1:end+1], name[0]
	negate := strings.HasPrefix(class, "!") || strings.HasPrefix(class, "^")
	if negate {
		class = class[1:]
	}
	for i := 0; i < len(class); i++ {
		if i+2 < len(class) && class[i+1] == '-' {
			ok = ok || (class[i] <= c && c <= class[i+2])
			i += 2
			continue
		}
		ok = ok || class[i] == c
	}
	return ok != negate, pattern[end+2:], true
}
