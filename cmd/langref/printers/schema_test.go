package printers

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/langref/langref/internal/schemas"
)

// TestSchemas validates each format's output against the schema its
// readers publish (internal/schemas/testdata: OASIS SARIF 2.1.0, Jenkins'
// JUnit XSD, GitLab's code quality report), for the findings above, for
// none, and for findings in another language.
func TestSchemas(t *testing.T) {
	localized := []Finding{{Rule: "unknown-lang", Severity: "error", Path: "docs/zh/a b.md", Line: 2, Column: 3,
		Message: "lang 土耳其语 不是本站的语言", Hint: "使用本站的语言代码", English: "lang turkish is not a language of this site"}}
	validators := map[string]func([]byte) error{"sarif": schemas.SARIF, "gitlab": schemas.GitLab, "junit": schemas.JUnit}
	for _, format := range []string{"sarif", "gitlab", "junit"} {
		for _, tt := range []struct {
			name string
			fs   []Finding
		}{{"findings", findings}, {"none", nil}, {"localized", localized}} {
			t.Run(format+"/"+tt.name, func(t *testing.T) {
				err := validators[format](print(t, format, opts, tt.fs))
				if errors.Is(err, schemas.ErrNoXmllint) {
					t.Skip(err)
				}
				if err != nil {
					t.Errorf("the schema rejects the output: %v", err)
				}
			})
		}
	}
}

// TestSARIFURIs: every artifact location is a relative URI reference that
// names the file, whatever characters its path holds (the schema's
// uri-reference format lets spaces through; SARIF 3.4.3 does not).
func TestSARIFURIs(t *testing.T) {
	for _, path := range []string{"docs/fr/a b.md", "docs/fr/100%.md", "docs/fr/a#b?.md", "a:b.md", "docs/zh/第一周.md", "docs/fr/a,b:c.md"} {
		t.Run(path, func(t *testing.T) {
			var log struct {
				Runs []struct {
					Results []struct {
						Locations []struct {
							PhysicalLocation struct {
								ArtifactLocation struct{ URI string } `json:"artifactLocation"`
							} `json:"physicalLocation"`
						}
					}
				}
			}
			out := print(t, "sarif", opts, []Finding{{Rule: "r", Severity: "error", Path: path, Line: 1, Column: 1, Message: "m"}})
			if err := json.Unmarshal(out, &log); err != nil {
				t.Fatal(err)
			}
			uri := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI
			u, err := url.Parse(uri)
			if err != nil || u.Scheme != "" || u.Host != "" || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(uri, " \\") {
				t.Fatalf("uri %q is not a relative reference without query or fragment (%v)", uri, err)
			}
			if got := strings.TrimPrefix(u.Path, "./"); got != path {
				t.Errorf("uri %q names %q", uri, got)
			}
		})
	}
}
