package printers

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// findings are a few of DLSP20's real findings, and two that share a
// message, line 0 and a path that needs escaping.
var findings = []Finding{
	{Rule: "frontmatter-invalid", Severity: "error", Path: "docs/ko/week11/11.md", Line: 1, Column: 1,
		Message: "a byte-order mark precedes the opening ---, so Jekyll copies this file as a static file", Hint: "save the file as UTF-8 without BOM"},
	{Rule: "unknown-lang", Severity: "error", Path: "docs/tr/week07/07-1.md", Line: 7, Column: 1,
		Message: "lang turkish is not a language of this site", Hint: "use a language code of the site (ar, bn, en)"},
	{Rule: "duplicate-key", Severity: "warning", Path: "docs/fr/a,b:c.md", Line: 3, Column: 1, Message: "key title is set more than once"},
	{Rule: "duplicate-key", Severity: "warning", Path: "docs/fr/a,b:c.md", Line: 4, Column: 1, Message: "key title is set more than once"},
	{Rule: "nav-missing", Severity: "info", Path: "docs/_config.yml", Line: 0, Column: 0, Message: "100% <done> & more"},
}

func print(t *testing.T, format string, o Options, fs []Finding) []byte {
	t.Helper()
	p, ok := New(format, o)
	if !ok {
		t.Fatalf("no printer for %s", format)
	}
	var b bytes.Buffer
	if err := p.Print(&b, fs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (-update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s changed (-update rewrites it):\n%s", file, got)
	}
}

var opts = Options{Version: "v1.2.3", HintLabel: "hint", Rules: func(id string) string { return "rule " + id }}

// TestSARIF checks the log against what the SARIF 2.1.0 specification
// (OASIS, sections 3.13 to 3.30) and its JSON schema require of the
// properties langref writes, beyond what the schema can say (TestSchemas
// validates against the schema itself).
func TestSARIF(t *testing.T) {
	for _, tt := range []struct {
		name string
		fs   []Finding
	}{{"findings", findings}, {"none", nil}} {
		t.Run(tt.name, func(t *testing.T) {
			out := print(t, "sarif", opts, tt.fs)
			golden(t, "sarif-"+tt.name+".json", out)
			for _, problem := range sarifProblems(out) {
				t.Error(problem)
			}
		})
	}
}

func sarifProblems(out []byte) []string {
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results *[]struct {
				RuleID    string `json:"ruleId"`
				RuleIndex *int   `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text *string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	var bad []string
	if err := json.Unmarshal(out, &log); err != nil {
		return []string{err.Error()}
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") {
		bad = append(bad, fmt.Sprintf("version %q, $schema %q", log.Version, log.Schema))
	}
	if len(log.Runs) != 1 {
		return append(bad, fmt.Sprintf("%d runs", len(log.Runs)))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name == "" {
		bad = append(bad, "tool.driver.name is required (3.19.8)")
	}
	if run.Results == nil {
		return append(bad, "results must be present, [] when there are none (3.14.23)")
	}
	ids := map[string]bool{}
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == "" || ids[r.ID] {
			bad = append(bad, fmt.Sprintf("rule id %q empty or repeated (3.49.3)", r.ID))
		}
		ids[r.ID] = true
	}
	for i, r := range *run.Results {
		if r.Message.Text == nil || *r.Message.Text == "" {
			bad = append(bad, fmt.Sprintf("result %d: message.text is required (3.11.8)", i))
		}
		switch r.Level {
		case "none", "note", "warning", "error":
		default:
			bad = append(bad, fmt.Sprintf("result %d: level %q (3.27.10)", i, r.Level))
		}
		if r.RuleIndex == nil || *r.RuleIndex < 0 || *r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[*r.RuleIndex].ID != r.RuleID {
			bad = append(bad, fmt.Sprintf("result %d: ruleIndex does not point at rule %q (3.27.6)", i, r.RuleID))
		}
		if len(r.Locations) != 1 {
			bad = append(bad, fmt.Sprintf("result %d: %d locations", i, len(r.Locations)))
			continue
		}
		pl := r.Locations[0].PhysicalLocation
		if u := pl.ArtifactLocation.URI; u == "" || strings.HasPrefix(u, "/") || strings.Contains(u, "\\") {
			bad = append(bad, fmt.Sprintf("result %d: uri %q must be a relative URI reference (3.4.3)", i, u))
		}
		if pl.Region.StartLine < 1 || pl.Region.StartColumn < 1 {
			bad = append(bad, fmt.Sprintf("result %d: startLine and startColumn are 1-based (3.30.5)", i))
		}
		if len(r.PartialFingerprints) == 0 {
			bad = append(bad, fmt.Sprintf("result %d: no partialFingerprints", i))
		}
	}
	return bad
}

// TestJUnit checks the report against what the JUnit XML format that
// GitLab and Jenkins read requires (testsuites > testsuite > testcase;
// name, tests and failures on suites; name and classname on cases; message
// and type on failures); TestSchemas validates it against the XSD.
func TestJUnit(t *testing.T) {
	for _, tt := range []struct {
		name      string
		fs        []Finding
		tests     int
		failures  int
		suiteName string
	}{{"findings", findings, 5, 5, "docs/ko/week11/11.md"}, {"none", nil, 1, 0, "langref check"}} {
		t.Run(tt.name, func(t *testing.T) {
			out := print(t, "junit", opts, tt.fs)
			golden(t, "junit-"+tt.name+".xml", out)
			var r struct {
				XMLName  xml.Name
				Name     string `xml:"name,attr"`
				Tests    *int   `xml:"tests,attr"`
				Failures *int   `xml:"failures,attr"`
				Suites   []struct {
					Name     string `xml:"name,attr"`
					Tests    *int   `xml:"tests,attr"`
					Failures *int   `xml:"failures,attr"`
					Cases    []struct {
						Name      string `xml:"name,attr"`
						Classname string `xml:"classname,attr"`
						Failure   *struct {
							Message string `xml:"message,attr"`
							Type    string `xml:"type,attr"`
							Text    string `xml:",chardata"`
						} `xml:"failure"`
					} `xml:"testcase"`
				} `xml:"testsuite"`
			}
			if err := xml.Unmarshal(out, &r); err != nil {
				t.Fatal(err)
			}
			if r.XMLName.Local != "testsuites" || r.Tests == nil || *r.Tests != tt.tests || r.Failures == nil || *r.Failures != tt.failures {
				t.Errorf("root %s tests=%v failures=%v, want testsuites %d %d", r.XMLName.Local, r.Tests, r.Failures, tt.tests, tt.failures)
			}
			if len(r.Suites) == 0 || r.Suites[0].Name != tt.suiteName {
				t.Fatalf("suites %+v", r.Suites)
			}
			for _, s := range r.Suites {
				failed := 0
				for _, c := range s.Cases {
					if c.Name == "" || c.Classname == "" {
						t.Errorf("testcase without name or classname: %+v", c)
					}
					if c.Failure != nil {
						failed++
						if c.Failure.Message == "" || c.Failure.Type == "" || c.Failure.Text == "" {
							t.Errorf("failure without message, type or text: %+v", c.Failure)
						}
					}
				}
				if s.Name == "" || s.Tests == nil || *s.Tests != len(s.Cases) || s.Failures == nil || *s.Failures != failed {
					t.Errorf("suite %q: tests %v failures %v, has %d cases, %d failed", s.Name, s.Tests, s.Failures, len(s.Cases), failed)
				}
			}
		})
	}
}

// TestGitLab checks the code quality report against GitLab's
// documentation of the format (a JSON array of issues, each with
// description, check_name, fingerprint, severity among info, minor, major,
// critical, blocker, location.path and location.lines.begin; fingerprints
// unique): checks written from the documentation.
func TestGitLab(t *testing.T) {
	out := print(t, "gitlab", opts, findings)
	golden(t, "gitlab.json", out)
	var issues []map[string]any
	if err := json.Unmarshal(out, &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != len(findings) {
		t.Fatalf("%d issues for %d findings", len(issues), len(findings))
	}
	seen := map[string]bool{}
	for i, is := range issues {
		for _, k := range []string{"description", "check_name", "fingerprint", "severity"} {
			if s, _ := is[k].(string); s == "" {
				t.Errorf("issue %d: %s is required", i, k)
			}
		}
		switch is["severity"] {
		case "info", "minor", "major", "critical", "blocker":
		default:
			t.Errorf("issue %d: severity %v", i, is["severity"])
		}
		fp, _ := is["fingerprint"].(string)
		if seen[fp] {
			t.Errorf("issue %d: fingerprint %s repeated: GitLab would drop it", i, fp)
		}
		seen[fp] = true
		loc, _ := is["location"].(map[string]any)
		lines, _ := loc["lines"].(map[string]any)
		if p, _ := loc["path"].(string); p == "" || lines["begin"] == nil || lines["begin"].(float64) < 1 {
			t.Errorf("issue %d: location %v", i, loc)
		}
	}
	if out := print(t, "gitlab", opts, nil); string(out) != "[]\n" {
		t.Errorf("no findings: %q, want []", out)
	}
}

// TestGitHubCap: GitHub shows 10 errors and 10 warnings per step; the
// rest are counted in one notice rather than lost silently.
func TestGitHubCap(t *testing.T) {
	var many []Finding
	for i := range 25 {
		many = append(many, Finding{Rule: "orphan-ref", Severity: "error", Path: "docs/fr/a.md", Line: i + 1, Column: 1, Message: fmt.Sprint("m", i)})
	}
	for i := range 12 {
		many = append(many, Finding{Rule: "duplicate-key", Severity: "warning", Path: "docs/fr/b.md", Line: i + 1, Column: 1, Message: "w"})
	}
	o := opts
	o.PerSeverity = 10
	o.More = func(e, w, n int) string {
		return fmt.Sprintf("%d more errors, %d more warnings, %d more notices", e, w, n)
	}
	out := string(print(t, "github", o, many))
	if n := strings.Count(out, "::error "); n != 10 {
		t.Errorf("%d error annotations, want 10", n)
	}
	if n := strings.Count(out, "::warning "); n != 10 {
		t.Errorf("%d warning annotations, want 10", n)
	}
	if !strings.HasSuffix(out, "::notice title=langref::15 more errors, 2 more warnings, 0 more notices\n") {
		t.Errorf("no summary of the rest:\n%s", out)
	}
	golden(t, "github.txt", print(t, "github", opts, findings))
}

// TestFingerprint: a finding that moves to another line keeps its
// fingerprint; another message, file or rule changes it.
func TestFingerprint(t *testing.T) {
	f := findings[1]
	moved := f
	moved.Line, moved.Column = 70, 3
	if f.Fingerprint() != moved.Fingerprint() {
		t.Error("the fingerprint depends on the line")
	}
	for _, g := range []Finding{{Rule: "x", Path: f.Path, Message: f.Message}, {Rule: f.Rule, Path: "y", Message: f.Message}, {Rule: f.Rule, Path: f.Path, Message: "z"}} {
		if g.Fingerprint() == f.Fingerprint() {
			t.Errorf("%+v shares the fingerprint of %+v", g, f)
		}
	}
}

func TestNew(t *testing.T) {
	for _, f := range Formats {
		if _, ok := New(f, opts); !ok {
			t.Errorf("New(%q) has no printer", f)
		}
	}
	if _, ok := New("xml", opts); ok {
		t.Error("New(xml) has a printer")
	}
}
