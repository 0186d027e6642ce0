package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langref/langref/internal/schemas"
	"github.com/langref/langref/internal/testcorpus"
	"github.com/rogpeppe/go-internal/testscript"
)

// ciSchemas are the validators of check's CI formats, by format name.
var ciSchemas = map[string]func([]byte) error{"sarif": schemas.SARIF, "gitlab": schemas.GitLab, "junit": schemas.JUnit}

func init() { scriptCmds["validate"] = validateCmd }

// validateCmd is the scripts' `validate FORMAT FILE`: FILE is valid against
// the published schema of FORMAT (sarif, gitlab, junit). Scripts guard
// junit with [exec:xmllint], the validator it needs.
func validateCmd(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 || ciSchemas[args[0]] == nil {
		ts.Fatalf("usage: validate sarif|gitlab|junit FILE")
	}
	err := ciSchemas[args[0]]([]byte(ts.ReadFile(args[1])))
	switch {
	case neg && err == nil:
		ts.Fatalf("%s is valid %s", args[1], args[0])
	case !neg && err != nil:
		ts.Fatalf("%s is not valid %s: %v", args[1], args[0], err)
	}
}

// TestCISchemasCorpus validates check's CI reports of the DLSP20 site,
// hundreds of real findings in 16 languages, against the schemas their
// readers publish, in English and in Chinese.
func TestCISchemasCorpus(t *testing.T) {
	root := filepath.Join(testcorpus.Shared(t), "docs")
	for _, format := range []string{"sarif", "gitlab", "junit"} {
		for _, ui := range []string{"en", "zh-Hans"} {
			t.Run(format+"/"+ui, func(t *testing.T) {
				var out, errb bytes.Buffer
				args := []string{"--root", root, "--ui-lang", ui, "check", "--format", format}
				if code := run(args, strings.NewReader(""), &out, &errb, fakeEnv("LANG", "C")); code != exitFindings {
					t.Fatalf("exit %d, want %d (DLSP20 has errors): %s", code, exitFindings, &errb)
				}
				if n := bytes.Count(out.Bytes(), []byte("docs/")); n < 100 {
					t.Fatalf("only %d paths in the report: %.500s", n, &out)
				}
				err := ciSchemas[format](out.Bytes())
				if errors.Is(err, schemas.ErrNoXmllint) {
					t.Skip(err)
				}
				if err != nil {
					t.Errorf("the schema rejects the report: %.3000v", err)
				}
			})
		}
	}
}
