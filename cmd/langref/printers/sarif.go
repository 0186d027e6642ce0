package printers

import (
	"encoding/json"
	"io"
	"net/url"
	"sort"
)

// SARIF prints a SARIF 2.1.0 log (OASIS Static Analysis Results
// Interchange Format), which GitHub code scanning and many editors read.
type SARIF struct{ o Options }

// SchemaURI is the schema SARIF logs name in $schema.
const SchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription *sarifText   `json:"shortDescription,omitempty"`
	HelpURI          string       `json:"helpUri"`
	Properties       *sarifLevels `json:"properties,omitempty"`
}

type sarifLevels struct {
	Tags []string `json:"tags"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// levels maps langref's severities to SARIF's result levels.
var levels = map[string]string{"error": "error", "warning": "warning", "info": "note"}

// checkDocs is where every rule is described.
const checkDocs = "https://github.com/langref/langref/blob/main/docs/en/check.md"

// Print writes the log, indented, with the rules that occur.
func (s *SARIF) Print(w io.Writer, fs []Finding) error {
	index := map[string]int{}
	var ids []string
	for _, f := range fs {
		if _, ok := index[f.Rule]; !ok {
			index[f.Rule] = 0
			ids = append(ids, f.Rule)
		}
	}
	sort.Strings(ids)
	driver := sarifDriver{Name: "langref", Version: s.o.Version, InformationURI: "https://github.com/langref/langref", Rules: []sarifRule{}}
	for i, id := range ids {
		index[id] = i
		r := sarifRule{ID: id, HelpURI: checkDocs + "#" + id}
		if s.o.Rules != nil {
			if d := s.o.Rules(id); d != "" {
				r.ShortDescription = &sarifText{Text: d}
			}
		}
		driver.Rules = append(driver.Rules, r)
	}
	results := []sarifResult{}
	for _, f := range fs {
		level := levels[f.Severity]
		if level == "" {
			level = "note"
		}
		results = append(results, sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: level,
			Message: sarifText{Text: withHint(f, s.o.HintLabel)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uriOf(f.Path), URIBaseID: "%SRCROOT%"},
				Region:           sarifRegion{StartLine: atLeast1(f.Line), StartColumn: atLeast1(f.Column)},
			}}},
			PartialFingerprints: map[string]string{"langref/v1": f.Fingerprint()},
		})
	}
	log := sarifLog{Schema: SchemaURI, Version: "2.1.0", Runs: []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results}}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// uriOf is a slash-separated relative path as the relative URI reference
// SARIF requires (3.4.3): spaces, %, # and ? percent-encoded, and "./"
// before a first segment with a colon, which would read as a scheme.
func uriOf(path string) string {
	u := url.URL{Path: path}
	return u.String()
}
