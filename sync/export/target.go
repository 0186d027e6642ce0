package export

import (
	"errors"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"
)

// Generators are the values of --generator.
var Generators = []string{"jekyll", "hugo", "json"}

// ErrNoOutput is returned when the data file has no default place: a
// site of neither Jekyll nor Hugo needs an output path.
var ErrNoOutput = errors.New("no output file: this generator has no data folder, name the file with -o")

// ErrGenerator is returned for an unknown --generator.
var ErrGenerator = errors.New("unknown generator")

// hugoConfigs are the files that make a folder a Hugo site.
var hugoConfigs = []string{"hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.json"}

// Detect names the generator of the site at root: "jekyll" when root holds
// _config.yml, "hugo" when root or its parent (root being Hugo's content
// folder) holds a Hugo configuration, "json" otherwise. It also returns
// the Hugo site's folder.
func Detect(root string) (generator, hugoSite string) {
	if exists(filepath.Join(root, "_config.yml")) {
		return "jekyll", ""
	}
	for _, dir := range []string{root, filepath.Dir(filepath.Clean(root))} {
		for _, f := range hugoConfigs {
			if exists(filepath.Join(dir, f)) {
				return "hugo", dir
			}
		}
	}
	return "json", ""
}

// Output returns where the data file goes: output when set, else the
// generator's data folder (Jekyll: ROOT/_data/langref.json; Hugo:
// SITE/data/langref.json).
func Output(root, generator, output string) (string, error) {
	if output != "" {
		return output, nil
	}
	switch generator {
	case "jekyll":
		return filepath.Join(root, "_data", "langref.json"), nil
	case "hugo":
		_, site := Detect(root)
		if site == "" {
			site = root
		}
		return filepath.Join(site, "data", "langref.json"), nil
	}
	return "", ErrNoOutput
}

// KramdownInput returns the kramdown input a Jekyll site's _config.yml
// names ("" when it names none, Jekyll's GFM).
func KramdownInput(root string) string {
	b, err := os.ReadFile(filepath.Join(root, "_config.yml"))
	if err != nil {
		return ""
	}
	var c struct {
		Kramdown struct {
			Input string `yaml:"input"`
		} `yaml:"kramdown"`
	}
	if yaml.Unmarshal(b, &c) != nil {
		return "" // check reports a broken _config.yml
	}
	return c.Kramdown.Input
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
