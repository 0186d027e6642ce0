// Package schemas validates check's CI reports against the schemas their
// readers publish: SARIF 2.1.0 (OASIS), GitLab's code quality report and
// the JUnit XML that Jenkins reads. Tests use it; the files and their
// origins are in testdata/ (see testdata/README.md).
package schemas

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	gosync "sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed testdata/sarif-schema-2.1.0.json testdata/gitlab-codequality.schema.json testdata/jenkins-junit.xsd
var files embed.FS

// ErrNoXmllint is returned by JUnit when xmllint (Debian's libxml2-utils)
// is not installed: Go has no XML Schema validator of its own.
var ErrNoXmllint = errors.New("xmllint is not installed (apt-get install libxml2-utils)")

// SARIF validates a SARIF log against the OASIS SARIF 2.1.0 schema.
func SARIF(out []byte) error { return validateJSON("testdata/sarif-schema-2.1.0.json", out) }

// GitLab validates a code quality report against the schema written from
// GitLab's documentation of the format.
func GitLab(out []byte) error { return validateJSON("testdata/gitlab-codequality.schema.json", out) }

var compiled gosync.Map // schema file → *jsonschema.Schema

func validateJSON(file string, out []byte) error {
	sch, err := compile(file)
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return sch.Validate(doc)
}

func compile(file string) (*jsonschema.Schema, error) {
	if s, ok := compiled.Load(file); ok {
		return s.(*jsonschema.Schema), nil
	}
	b, err := files.ReadFile(file)
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // SARIF's uri and uri-reference formats are part of its rules
	if err := c.AddResource(file, doc); err != nil {
		return nil, err
	}
	s, err := c.Compile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	compiled.Store(file, s)
	return s, nil
}

// JUnit validates a JUnit XML report against Jenkins' junit-4.xsd with
// xmllint, or returns ErrNoXmllint.
func JUnit(out []byte) error {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		return ErrNoXmllint
	}
	dir, err := os.MkdirTemp("", "langref-junit-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	xsd, report := filepath.Join(dir, "junit.xsd"), filepath.Join(dir, "report.xml")
	b, _ := files.ReadFile("testdata/jenkins-junit.xsd")
	if err := os.WriteFile(xsd, b, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(report, out, 0o644); err != nil {
		return err
	}
	msg, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, report).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%w: %s", err, msg)
	}
	return nil
}
