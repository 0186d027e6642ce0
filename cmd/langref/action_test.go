package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/langref/langref/internal/testcorpus"
	"go.yaml.in/yaml/v3"
)

// action is the part of action.yml the runner reads.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name       string            `yaml:"name"`
	If         string            `yaml:"if"`
	Uses       string            `yaml:"uses"`
	Shell      string            `yaml:"shell"`
	Run        string            `yaml:"run"`
	Env        map[string]string `yaml:"env"`
	WorkingDir string            `yaml:"working-directory"`
}

// stepResult is what one run: step did.
type stepResult struct {
	name           string
	ran            bool
	code           int
	stdout, stderr string
}

// runAction runs the run: steps of the repository's action.yml in dir as
// the GitHub runner would (bash -eo pipefail, GITHUB_PATH, the step
// summary file), with inputs over the defaults. Steps that use other
// actions (setup-go) are skipped: Go is here.
func runAction(t *testing.T, dir string, inputs map[string]string) ([]stepResult, string) {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(repo, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", a.Runs.Using)
	}
	in := map[string]string{}
	for k, v := range a.Inputs {
		in[k] = v.Default
	}
	for k, v := range inputs {
		if _, ok := a.Inputs[k]; !ok {
			t.Fatalf("action.yml has no input %q", k)
		}
		in[k] = v
	}
	tmp := t.TempDir()
	summary, ghPath := filepath.Join(tmp, "summary.md"), filepath.Join(tmp, "path")
	for _, f := range []string{summary, ghPath} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	expr := func(s string) string {
		return regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`).ReplaceAllStringFunc(s, func(m string) string {
			e := strings.TrimSpace(m[3 : len(m)-2])
			switch {
			case e == "github.action_path":
				return repo
			case strings.HasPrefix(e, "inputs."):
				return in[strings.TrimPrefix(e, "inputs.")]
			}
			t.Fatalf("expression %q is not one the test knows", e)
			return ""
		})
	}
	var results []stepResult
	failed := false
	for _, st := range a.Runs.Steps {
		r := stepResult{name: st.Name}
		if st.Uses != "" {
			results = append(results, r)
			continue
		}
		if st.Shell != "bash" {
			t.Fatalf("step %q: shell %q, want bash (composite run steps need one)", st.Name, st.Shell)
		}
		// Without if:, a step runs only while every step before succeeded.
		if r.ran = condition(t, st.If, in) && (st.If != "" || !failed); !r.ran {
			results = append(results, r)
			continue
		}
		path, _ := os.ReadFile(ghPath)
		env := append(os.Environ(), "GITHUB_STEP_SUMMARY="+summary, "GITHUB_PATH="+ghPath, "GITHUB_ACTION_PATH="+repo,
			"GOBIN="+filepath.Join(tmp, "bin"), "GITHUB_ACTIONS=true", "LANG=C",
			"PATH="+strings.Join(append(strings.Fields(string(path)), os.Getenv("PATH")), string(os.PathListSeparator)))
		for k, v := range st.Env {
			env = append(env, k+"="+expr(v))
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expr(st.Run))
		cmd.Dir = dir
		if st.WorkingDir != "" {
			cmd.Dir = expr(st.WorkingDir)
		}
		cmd.Env = env
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			r.code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("step %q: %v", st.Name, err)
		}
		r.stdout, r.stderr = out.String(), errb.String()
		results = append(results, r)
		failed = failed || r.code != 0
	}
	sum, _ := os.ReadFile(summary)
	return results, string(sum)
}

// condition evaluates the if: expressions action.yml uses: !cancelled(),
// inputs.X != ”, inputs.X == 'v', joined with &&.
func condition(t *testing.T, s string, in map[string]string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "${{"), "}}")
	if strings.TrimSpace(s) == "" {
		return true
	}
	ok := true
	for _, part := range strings.Split(s, "&&") {
		part = strings.TrimSpace(part)
		m := regexp.MustCompile(`^inputs\.([\w-]+) (==|!=) '([^']*)'$`).FindStringSubmatch(part)
		switch {
		case part == "!cancelled()":
		case m != nil:
			ok = ok && (in[m[1]] == m[3]) == (m[2] == "==")
		default:
			t.Fatalf("if: %q is not an expression the test knows", part)
		}
	}
	return ok
}

// TestAction runs the Action's steps against a DLSP20 clone: it installs
// langref with go install, checks the site (7 errors: exit 1, at most 10
// annotations of each severity, the rest counted), gates French coverage
// and writes the Markdown report to the step summary.
func TestAction(t *testing.T) {
	slow(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	dir := testcorpus.Shared(t) // read only: the Action writes nothing in the clone but caches
	results, summary := runAction(t, dir, map[string]string{"fail-under": "fr=50"})
	byName := map[string]stepResult{}
	for _, r := range results {
		byName[r.name] = r
		t.Logf("step %q ran=%v exit=%d\nstdout:\n%s\nstderr:\n%s", r.name, r.ran, r.code, head(r.stdout, 2000), head(r.stderr, 2000))
	}
	if r := byName["Install langref"]; !r.ran || r.code != 0 || !strings.HasPrefix(r.stdout, "langref version ") {
		t.Fatalf("install: %+v", r)
	}
	check := byName["langref check"]
	if check.code != 1 {
		t.Errorf("check exit %d, want 1 (DLSP20 has errors)", check.code)
	}
	if n := strings.Count(check.stdout, "::error "); n != 7 {
		t.Errorf("%d error annotations, want the 7 errors", n)
	}
	if n := strings.Count(check.stdout, "::warning "); n != 10 {
		t.Errorf("%d warning annotations, want 10, GitHub's limit", n)
	}
	// The last line counts every finding: the notice names those beyond the cap.
	var errs, warns int
	if m := regexp.MustCompile(`(?m)^(\d+) errors?, (\d+) warnings? in \d+ pages`).FindStringSubmatch(check.stdout); m != nil {
		errs, _ = strconv.Atoi(m[1])
		warns, _ = strconv.Atoi(m[2])
	}
	if want := fmt.Sprintf("::notice title=langref::%d more errors, %d more warnings", max(errs-10, 0), warns-10); errs != 7 || !strings.Contains(check.stdout, want) {
		t.Errorf("the annotations beyond the cap are not counted (%d errors, %d warnings; want %q)", errs, warns, want)
	}
	if r := byName["langref status"]; !r.ran || r.code != 0 {
		t.Errorf("status --fail-under fr=50 (French is above): %+v", r)
	}
	if r := byName["Coverage summary"]; !r.ran || r.code != 0 || !strings.Contains(summary, "| **fr** | ") {
		t.Errorf("summary step %+v wrote:\n%s", r, head(summary, 1000))
	}
	// A pull request's scope: the last two commits touched faq.md only.
	results, _ = runAction(t, dir, map[string]string{"changed-since": "HEAD~2", "summary": "false", "args": "--strict"})
	for _, r := range results {
		if r.name == "langref check" && (r.code != 1 || strings.Count(r.stdout, "::warning ") != 1 || strings.Contains(r.stdout, "::error ")) {
			t.Errorf("check --changed-since HEAD~2 --strict: exit %d\n%s", r.code, r.stdout)
		}
		if r.name == "Coverage summary" && r.ran {
			t.Error("the summary ran with summary: false")
		}
	}
}

func head(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
