package export

import (
	_ "embed"
	"encoding/json"
)

// stringsJSON holds the banner's words in the languages langref ships:
// text for a site's readers, which the site can override (see
// docs/en/export.md), not langref's own messages.
//
//go:embed strings.json
var stringsJSON []byte

// DefaultStrings returns the banner's words langref ships, by language.
func DefaultStrings() map[string]Strings {
	var m map[string]Strings
	if err := json.Unmarshal(stringsJSON, &m); err != nil {
		panic("export: strings.json: " + err.Error()) // embedded, checked by tests
	}
	return m
}
