package check

// Nearest returns the candidate closest to s in edits (insertions,
// deletions, substitutions and swaps of neighbours), or "" when none is a
// plausible slip of s: for "did you mean" suggestions of commands, flags,
// languages and page keys.
func Nearest(s string, candidates []string) string { return nearest(s, candidates) }
