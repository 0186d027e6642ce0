// Package diff says what changed in a source page since a translation was
// made from it, block by block: the section each changed block sits in, the
// class of the change, a word diff, and the lines of the translation that
// hold the corresponding block. It renders that model as text, a unified
// patch, markdown, JSON and an HTML fragment.
//
// Everything here is a pure function of file contents: callers find the
// versions (with git or otherwise) and pass them in.
package diff

import "github.com/langref/langref/translate/change"

// Version is the source file at one revision.
type Version struct {
	Rev   string // commit hash; "" for the working tree
	Title string // commit subject
	Src   []byte // the whole file, front matter included
}

// Input is what Build needs for one translated page.
type Input struct {
	Lang, Key string
	// SourcePath and TranslationPath are relative to the repository root.
	SourcePath, TranslationPath string
	Baseline                    Baseline
	// Versions holds the source at the baseline first, then after each
	// source commit since, oldest first; the last one is the current
	// source (the working tree, Rev "", when it differs from the last
	// commit).
	Versions []Version
	// Translation is the current translation file.
	Translation []byte
	// AllChanges keeps cosmetic changes, and those the translation
	// already reflects, which are hidden by default.
	AllChanges bool
	// States, when known, say where the translation stands on each
	// change (see sync/stale), by the change's lines.
	States []BlockState
	// LineMode asks for a line diff (see LineModeBytes), for callers that
	// leave out Translation, or all but the first and last Versions, of a
	// page over the bound.
	LineMode bool
}

// BlockState is where a translation stands on one source change, as the
// staleness analysis judged it: the change is the block at OldLine in the
// source at the baseline and at Line now (0 for none).
type BlockState struct {
	OldLine, Line int
	// State is applied, copy, outdated, new, removed, cosmetic or
	// ignored;
	// Evidence and Commit say what showed it.
	State, Evidence, Commit string
}

// The states of BlockState.State that Build hides without AllChanges,
// and the one a sync can fix alone.
const (
	StateApplied  = "applied"
	StateCosmetic = "cosmetic"
	StateCopy     = "copy"
	// StateIgnored: only commits that need no translation made the
	// change (Lunaria's ignoreKeywords and directives); EvidenceCommit
	// names the last of them.
	StateIgnored = "ignored"
)

// Baseline is the source revision a translation corresponds to.
type Baseline struct {
	Rev string `json:"rev"`
	// Source says how it was found: "since" (given by the user),
	// "recorded" (the translation's front matter), "stale" (the staleness
	// engine), "history" or "last-commit" (the last commit of the
	// translation, a simple fallback).
	Source string `json:"source"`
}

// Page is the diff of one translated page. Its JSON form is documented in
// docs/en/diff.md.
type Page struct {
	Lang        string   `json:"lang"`
	Key         string   `json:"key"`
	Source      string   `json:"source"`
	Translation string   `json:"translation"`
	Baseline    Baseline `json:"baseline"`
	// Commits are the source commits since the baseline, oldest first.
	Commits []Commit `json:"commits"`
	Changes []Change `json:"changes"`
	// Hidden counts the cosmetic changes left out: cosmetic ones, and,
	// when states are known, those below the class that makes a page
	// stale.
	Hidden int `json:"hidden"`
	// Applied counts the changes left out because the translation
	// already reflects them (state applied).
	Applied int `json:"applied"`
	// Ignored counts the changes left out because only commits that need
	// no translation made them (state ignored).
	Ignored int `json:"ignored"`
	// Copy counts the changes a sync can make without a translator:
	// only verbatim material changed (state copy).
	Copy int `json:"copy"`
	// Unsure counts the changes whose place in the translation is unsure.
	Unsure int `json:"unsure"`
	// LineMode is true when the page is over LineModeBytes and its
	// changes are runs of lines (block "lines", class content, place
	// "unplaced"), not blocks.
	LineMode bool `json:"line_mode,omitempty"`

	old, new []byte // source at the baseline and now, for the patch
}

// Commit is one source commit since the baseline.
type Commit struct {
	Rev   string `json:"rev"`
	Title string `json:"title"`
}

// Change is one changed source block.
type Change struct {
	// Kind is "added", "removed" or "modified".
	Kind  string       `json:"kind"`
	Class change.Class `json:"class"`
	// Block is the kind of block (paragraph, heading, code, ...).
	Block string `json:"block"`
	// Section is the heading path above the block, outermost first.
	Section []string `json:"section"`
	// Old and New are the source lines at the baseline and now.
	Old *Lines `json:"old,omitempty"`
	New *Lines `json:"new,omitempty"`
	// Words is the word diff of the block's source text.
	Words []Op `json:"words"`
	// Sentences lists the sentences of the new block that the old one
	// did not have (added, or rewritten beyond recognition).
	Sentences []string `json:"new_sentences,omitempty"`
	// Translation says where the change belongs in the translation.
	Translation Place `json:"translation"`
	// Commits are the titles of the source commits that made the change,
	// oldest first.
	Commits []Commit `json:"commits"`
	// State, Evidence and EvidenceCommit are the staleness analysis's
	// judgement of the change (see BlockState), when known.
	State          string `json:"state,omitempty"`
	Evidence       string `json:"evidence,omitempty"`
	EvidenceCommit string `json:"evidence_commit,omitempty"`
}

// Lines is a range of file lines, 1-based and inclusive.
type Lines struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Place is where a change belongs in the translation.
type Place struct {
	// Where is "at" (the lines hold the block's translation), "after" or
	// "before" (an added block goes next to those lines) or "none"
	// (nothing in the translation corresponds).
	Where string `json:"where"`
	Lines *Lines `json:"lines,omitempty"`
	// Method is how the lines were found: comment, anchor, order or
	// unsure (see package align).
	Method string `json:"method"`
	Sure   bool   `json:"sure"`
	// Text is the translation's text at those lines, for reading in place.
	Text string `json:"text,omitempty"`
}

// Op is one run of a word diff: "=" kept, "-" deleted, "+" inserted.
type Op struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Report is a set of page diffs: one page, or a language's digest.
type Report struct {
	Lang  string  `json:"lang"`
	Pages []*Page `json:"pages"`
	// Note says how the pages were chosen, for a digest.
	Note string `json:"note,omitempty"`
}
