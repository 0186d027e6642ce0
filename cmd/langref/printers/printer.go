// Package printers writes check findings in the formats CI systems read:
// GitHub Actions workflow commands, SARIF 2.1.0 (code scanning), JUnit XML
// (test reports) and GitLab's code quality report. One file per format,
// each a small type with one method; New is the only switch from a
// format's name to its printer. Findings arrive with their messages
// already in the user's language: printers only lay them out.
package printers

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
)

// Finding is one check finding as the command line rendered it. Paths are
// slash-separated and relative to the repository root.
type Finding struct {
	Rule     string
	Severity string // "error", "warning" or "info"
	Path     string
	Line     int
	Column   int
	Message  string
	Hint     string
	// English is the message in English, when Message is in another
	// language, so that fingerprints do not change with --ui-lang.
	English string
}

// Fingerprint identifies f across runs whatever line it moved to: its
// rule, file and (English) message, hashed. Baselines, SARIF's
// partialFingerprints and GitLab's fingerprint use it.
func (f Finding) Fingerprint() string {
	msg := f.Message
	if f.English != "" {
		msg = f.English
	}
	h := sha256.Sum256([]byte(f.Rule + "\x00" + f.Path + "\x00" + msg))
	return hex.EncodeToString(h[:16])
}

// Printer writes findings in one format.
type Printer interface {
	Print(w io.Writer, fs []Finding) error
}

// Options are what some formats need beyond the findings.
type Options struct {
	// Version is langref's version, for SARIF's tool.driver.version.
	Version string
	// HintLabel is the word "hint" in the user's language.
	HintLabel string
	// PerSeverity caps the GitHub annotations of each severity (GitHub
	// shows 10 errors and 10 warnings per step); 0 means no cap.
	PerSeverity int
	// More renders the line that counts the findings beyond the cap, in
	// the user's language.
	More func(errors, warnings, notices int) string
	// Rules describes each rule id in one line, for SARIF's rules.
	Rules func(id string) string
}

// Formats are the names New knows.
var Formats = []string{"github", "sarif", "junit", "gitlab"}

// New returns the printer of format, or false when there is none.
func New(format string, o Options) (Printer, bool) {
	switch format {
	case "github":
		return &GitHub{o: o}, true
	case "sarif":
		return &SARIF{o: o}, true
	case "junit":
		return &JUnit{o: o}, true
	case "gitlab":
		return &GitLab{}, true
	}
	return nil, false
}

// withHint is the message followed by its hint on a line of its own.
func withHint(f Finding, label string) string {
	if f.Hint == "" {
		return f.Message
	}
	if label == "" {
		label = "hint"
	}
	return f.Message + "\n" + label + ": " + f.Hint
}

// atLeast1 is n, or 1 when n is below: formats number lines from 1.
func atLeast1(n int) int { return max(n, 1) }
