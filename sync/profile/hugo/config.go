package hugo

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/langref/langref/sync/profile"
	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// configNames are Hugo's configuration files at the site root, in the
// order Hugo looks for them.
var configNames = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// configDir is Hugo's configuration folder for the default environment.
const configDir = "config/_default"

// config is the part of Hugo's configuration langref reads, keys lower
// case as Hugo reads them.
type config struct {
	file            string // the first file read, relative to the root
	defaultLang     string
	defaultInSubdir bool
	contentDir      string
	i18nDir         string
	langs           []language // by weight, then code
	cascade         any        // the site's cascade
}

// language is one entry of Hugo's languages table.
type language struct {
	code       string
	contentDir string
	weight     int
	disabled   bool
	cascade    any // the language's own cascade, nil for none
}

// readConfig reads the configuration files at root and in config/_default,
// the root file's keys winning over the folder's.
func readConfig(root string) (*config, error) {
	merged := map[string]any{}
	file := ""
	for _, name := range configNames {
		m, err := decodeFile(root, name)
		if err != nil {
			return nil, err
		}
		if m != nil {
			merged, file = m, name
			break
		}
	}
	if err := mergeDir(root, merged, &file); err != nil {
		return nil, err
	}
	return parseConfig(merged, file), nil
}

// mergeDir adds the files of config/_default: hugo.* and config.* hold
// top-level keys, any other NAME.* the value of key NAME (languages.toml).
func mergeDir(root string, into map[string]any, file *string) error {
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(configDir)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if e.IsDir() || !(ext == ".toml" || ext == ".yaml" || ext == ".yml" || ext == ".json") {
			continue
		}
		name := configDir + "/" + e.Name()
		m, err := decodeFile(root, name)
		if err != nil || m == nil {
			return err
		}
		if *file == "" {
			*file = name
		}
		switch base := strings.ToLower(strings.TrimSuffix(e.Name(), ext)); base {
		case "hugo", "config":
			mergeMissing(into, m)
		default:
			mergeMissing(into, map[string]any{base: m})
		}
	}
	return nil
}

func mergeMissing(into, from map[string]any) {
	for k, v := range from {
		if old, ok := into[k]; !ok {
			into[k] = v
		} else if om, ok := old.(map[string]any); ok {
			if fm, ok := v.(map[string]any); ok {
				mergeMissing(om, fm)
			}
		}
	}
}

// decodeFile decodes root/name by its extension, keys lower-cased; nil
// when the file does not exist.
func decodeFile(root, name string) (map[string]any, error) {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	m := map[string]any{}
	switch path.Ext(name) {
	case ".toml":
		err = toml.Unmarshal(b, &m)
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, _ := de.Position()
			return nil, &profile.ConfigError{File: name, Line: row, Err: errors.New(strings.SplitN(de.Error(), "\n", 2)[0])}
		}
	case ".json":
		err = json.Unmarshal(b, &m)
	default:
		err = yaml.Unmarshal(b, &m)
		if err != nil {
			return nil, profile.YAMLError(name, err)
		}
	}
	if err != nil {
		return nil, &profile.ConfigError{File: name, Err: err}
	}
	return lowerKeys(m), nil
}

// lowerKeys lower-cases the keys of m and of the maps in it: Hugo's
// configuration keys are case-insensitive, language codes included.
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = lowerKeys(sub)
		}
		out[strings.ToLower(k)] = v
	}
	return out
}

func str(m map[string]any, key, def string) string {
	if s, ok := m[key].(string); ok && s != "" {
		return s
	}
	return def
}

func boolean(m map[string]any, key string) bool {
	b, _ := m[key].(bool)
	return b
}

func number(m map[string]any, key string) int {
	switch n := m[key].(type) {
	case int64:
		return int(n)
	case int:
		return n
	case float64:
		return int(n)
	}
	return 0
}

func parseConfig(m map[string]any, file string) *config {
	c := &config{
		file:            file,
		defaultLang:     strings.ToLower(str(m, "defaultcontentlanguage", "en")),
		defaultInSubdir: boolean(m, "defaultcontentlanguageinsubdir"),
		contentDir:      cleanDir(str(m, "contentdir", "content")),
		i18nDir:         cleanDir(str(m, "i18ndir", "i18n")),
		cascade:         m["cascade"],
	}
	disabled := map[string]bool{}
	if list, ok := m["disablelanguages"].([]any); ok {
		for _, l := range list {
			disabled[strings.ToLower(fmt.Sprint(l))] = true
		}
	}
	langs, _ := m["languages"].(map[string]any)
	for code, v := range langs {
		lm, _ := v.(map[string]any)
		c.langs = append(c.langs, language{
			code:       code,
			contentDir: cleanDir(str(lm, "contentdir", c.contentDir)),
			weight:     number(lm, "weight"),
			disabled:   boolean(lm, "disabled") || disabled[code],
			cascade:    lm["cascade"],
		})
	}
	if c.lang(c.defaultLang) == nil {
		c.langs = append(c.langs, language{code: c.defaultLang, contentDir: c.contentDir})
	}
	sort.Slice(c.langs, func(i, j int) bool {
		a, b := c.langs[i], c.langs[j]
		if a.weight != b.weight {
			return a.weight < b.weight
		}
		return a.code < b.code
	})
	return c
}

func cleanDir(d string) string {
	d = strings.Trim(path.Clean(filepath.ToSlash(d)), "/")
	if d == "." {
		return ""
	}
	return d
}

func (c *config) lang(code string) *language {
	for i := range c.langs {
		if c.langs[i].code == code {
			return &c.langs[i]
		}
	}
	return nil
}
