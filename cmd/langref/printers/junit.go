package printers

import (
	"encoding/xml"
	"fmt"
	"io"
)

// JUnit prints a JUnit XML report, which GitLab (artifacts:reports:junit),
// Jenkins and most CI systems show as test results: one test suite per
// file, one failed test case per finding; a run without findings is one
// passing test case. The report keeps to Jenkins' junit-4.xsd, which
// has no file or line attributes on a test case: the case's name and the
// failure's text carry path:line:column.
type JUnit struct{ o Options }

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// Print writes the report; findings come sorted by path from check, and
// each file's findings make one suite.
func (j *JUnit) Print(w io.Writer, fs []Finding) error {
	r := junitSuites{Name: "langref check"}
	byPath := map[string]int{}
	for _, f := range fs {
		i, ok := byPath[f.Path]
		if !ok {
			i = len(r.Suites)
			byPath[f.Path] = i
			r.Suites = append(r.Suites, junitSuite{Name: f.Path})
		}
		s := &r.Suites[i]
		s.Tests++
		s.Failures++
		s.Cases = append(s.Cases, junitCase{
			Name:      fmt.Sprintf("%s %s:%d:%d", f.Rule, f.Path, atLeast1(f.Line), atLeast1(f.Column)),
			Classname: f.Path,
			Failure: &junitFailure{Message: f.Message, Type: f.Severity,
				Text: fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.Path, atLeast1(f.Line), atLeast1(f.Column), f.Severity, withHint(f, j.o.HintLabel), f.Rule)},
		})
	}
	if len(r.Suites) == 0 {
		r.Suites = []junitSuite{{Name: "langref check", Tests: 1, Cases: []junitCase{{Name: "langref check", Classname: "langref"}}}}
	}
	for _, s := range r.Suites {
		r.Tests += s.Tests
		r.Failures += s.Failures
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
