package schemas

import (
	"errors"
	"strings"
	"testing"
)

const sarifResult = `{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"tool":{"driver":{"name":"langref"}},"results":[%s]}]}`

// TestValidators: each validator accepts a small valid report and rejects
// the mistakes its schema forbids, so that a passing test means something.
func TestValidators(t *testing.T) {
	for _, tt := range []struct {
		name  string
		check func([]byte) error
		doc   string
		valid bool
	}{
		{"sarif/valid", SARIF, sarif(`{"ruleId":"orphan-ref","level":"error","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"docs/fr/a%20b.md"},"region":{"startLine":1}}}]}`), true},
		{"sarif/no results", SARIF, sarif(``), true},
		{"sarif/level", SARIF, sarif(`{"level":"fatal","message":{"text":"m"}}`), false},
		{"sarif/no message", SARIF, sarif(`{"ruleId":"x"}`), false},
		{"sarif/line 0", SARIF, sarif(`{"message":{"text":"m"},"locations":[{"physicalLocation":{"region":{"startLine":0}}}]}`), false},
		{"sarif/region is an object", SARIF, sarif(`{"message":{"text":"m"},"locations":[{"physicalLocation":{"region":1}}]}`), false},
		{"sarif/version", SARIF, `{"version":"2.0.0","runs":[]}`, false},
		{"gitlab/valid", GitLab, `[{"description":"d","check_name":"c","fingerprint":"f","severity":"major","location":{"path":"docs/a.md","lines":{"begin":1}}}]`, true},
		{"gitlab/empty", GitLab, `[]`, true},
		{"gitlab/severity", GitLab, `[{"description":"d","check_name":"c","fingerprint":"f","severity":"error","location":{"path":"a.md","lines":{"begin":1}}}]`, false},
		{"gitlab/no check_name", GitLab, `[{"description":"d","fingerprint":"f","severity":"info","location":{"path":"a.md","lines":{"begin":1}}}]`, false},
		{"gitlab/no line", GitLab, `[{"description":"d","check_name":"c","fingerprint":"f","severity":"info","location":{"path":"a.md"}}]`, false},
		{"gitlab/line 0", GitLab, `[{"description":"d","check_name":"c","fingerprint":"f","severity":"info","location":{"path":"a.md","lines":{"begin":0}}}]`, false},
		{"gitlab/absolute path", GitLab, `[{"description":"d","check_name":"c","fingerprint":"f","severity":"info","location":{"path":"/a.md","lines":{"begin":1}}}]`, false},
		{"gitlab/object", GitLab, `{}`, false},
		{"junit/valid", JUnit, `<testsuites tests="1"><testsuite name="s" tests="1"><testcase name="c" classname="k"><failure message="m" type="error">t</failure></testcase></testsuite></testsuites>`, true},
		{"junit/testcase without name", JUnit, `<testsuites><testsuite name="s" tests="1"><testcase classname="k"/></testsuite></testsuites>`, false},
		{"junit/suite without tests", JUnit, `<testsuites><testsuite name="s"/></testsuites>`, false},
		{"junit/unknown attribute", JUnit, `<testsuites><testsuite name="s" tests="1"><testcase name="c" file="a.md"/></testsuite></testsuites>`, false},
		{"junit/not XML", JUnit, `<testsuites>`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.check([]byte(tt.doc))
			if errors.Is(err, ErrNoXmllint) {
				t.Skip(err)
			}
			if tt.valid && err != nil {
				t.Errorf("rejected: %v", err)
			}
			if !tt.valid && err == nil {
				t.Error("accepted")
			}
		})
	}
}

func sarif(results string) string { return strings.Replace(sarifResult, "%s", results, 1) }
