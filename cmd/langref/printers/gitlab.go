package printers

import (
	"encoding/json"
	"io"
	"strconv"
)

// GitLab prints a GitLab code quality report (artifacts:reports:codequality),
// a subset of the Code Climate engine format that merge requests show.
type GitLab struct{}

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// severities maps langref's severities to GitLab's (info, minor, major,
// critical, blocker).
var severities = map[string]string{"error": "major", "warning": "minor", "info": "info"}

// Print writes the JSON array of issues. Two findings with the same
// fingerprint (the same message twice in a file) get distinct ones: GitLab
// drops repeated fingerprints.
func (GitLab) Print(w io.Writer, fs []Finding) error {
	issues := []gitlabIssue{}
	seen := map[string]int{}
	for _, f := range fs {
		fp := f.Fingerprint()
		if n := seen[fp]; n > 0 {
			fp = Finding{Rule: f.Rule, Path: f.Path, Message: f.Message + "\x00" + strconv.Itoa(n)}.Fingerprint()
		}
		seen[f.Fingerprint()]++
		sev := severities[f.Severity]
		if sev == "" {
			sev = "info"
		}
		issues = append(issues, gitlabIssue{Description: f.Message, CheckName: f.Rule, Fingerprint: fp, Severity: sev,
			Location: gitlabLocation{Path: f.Path, Lines: gitlabLines{Begin: atLeast1(f.Line)}}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}
