package site

import (
	"fmt"
	"strings"
)

// InitFile returns a commented .langref.yml for s as detected: its
// generator, source language, languages and baseline key. Languages the
// generator's configuration lists are written as a comment, so that the
// configuration stays the one place they are set; languages found from the
// files are written out.
func InitFile(s *Site) []byte {
	var b strings.Builder
	from := "No generator's configuration was found: langref reads the folder by Jekyll's rules"
	if s.ConfigFile != "" {
		from = fmt.Sprintf("Generator detected from %s: langref reads the site as %s does", s.ConfigFile, s.Display)
	}
	fmt.Fprintf(&b, "# langref's settings for this site (see docs/en/site.md).\n")
	fmt.Fprintf(&b, "# %s.\n", from)
	fmt.Fprintf(&b, "generator: %s\n\n", s.Generator)
	fmt.Fprintf(&b, "# The language translations are made from.\nsource_lang: %s\n\n", yamlScalar(s.SourceLang))
	langs := make([]string, len(s.Languages))
	for i, l := range s.Languages {
		langs[i] = yamlScalar(l)
	}
	list := "[" + strings.Join(langs, ", ") + "]"
	if s.generatorListsLanguages {
		fmt.Fprintf(&b, "# The site's languages, read from %s; set them here only to override it.\n# languages: %s\n\n", s.ConfigFile, list)
	} else {
		fmt.Fprintf(&b, "# The site's languages, found from its folders and pages.\nlanguages: %s\n\n", list)
	}
	if s.Layout == nil && s.Key != "" {
		fmt.Fprintf(&b, "# The front matter key that pairs a translation with its source page.\nkey: %s\n\n", yamlScalar(s.Key))
	}
	fmt.Fprintf(&b, "# The front matter key recording the source commit a translation was made from.\nbaseline_key: %s\n", yamlScalar(s.BaselineKey))
	return []byte(b.String())
}

// yamlScalar quotes s when YAML would read it as something else than the
// string (no, on, true, numbers) or when it holds YAML's punctuation.
func yamlScalar(s string) string {
	if s == "" || strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`") || strings.TrimSpace(s) != s {
		return fmt.Sprintf("%q", s)
	}
	switch strings.ToLower(s) {
	case "y", "yes", "n", "no", "on", "off", "true", "false", "null", "~":
		return fmt.Sprintf("%q", s)
	}
	if s[0] >= '0' && s[0] <= '9' || s[0] == '-' || s[0] == '.' {
		return fmt.Sprintf("%q", s)
	}
	return s
}
