package stub

import (
	"bytes"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
)

// The keys a stub writes for its translator.
const (
	translatorKey = "translator"
	dateKey       = "translation-date"
)

// ownKey is a key the stub sets: the translation's own, not the source's.
type ownKey struct{ key, value string }

// ownKeys are the keys o asks the stub to set, in the order it writes them.
func ownKeys(o Options) []ownKey {
	var out []ownKey
	if o.LangKey != "" {
		out = append(out, ownKey{o.LangKey, o.Lang})
	}
	if o.Credit {
		out = append(out, ownKey{translatorKey, ""}, ownKey{dateKey, o.Date})
	}
	if o.BaselineKey != "" {
		out = append(out, ownKey{o.BaselineKey, o.Baseline})
	}
	return out
}

// header returns the YAML lines of the stub: the source's keys in the
// source's order, each written as the source wrote it, with the
// translation's own keys (ownKeys) set in place or added at the end.
func header(src []byte, doc *frontmatter.Doc, o Options) []byte {
	lines := splitLines(src)
	chunks, lead := fieldChunks(lines, doc)
	var out bytes.Buffer
	for _, l := range lead {
		out.WriteString(l)
	}
	chunks = withoutSourceOnly(chunks, o)
	var kept []string
	for _, c := range chunks {
		kept = append(kept, c.text)
	}
	for _, s := range setKeys(chunkKeys(chunks), kept, ownKeys(o), yamlKey) {
		out.WriteString(s)
	}
	return out.Bytes()
}

func chunkKeys(chunks []chunk) []string {
	out := make([]string, len(chunks))
	for i, c := range chunks {
		out[i] = c.key
	}
	return out
}

// setKeys returns texts, the source's key chunks whose keys are keys, with
// each own key's chunk written by write in place of the first chunk of
// that key (later ones dropped), and the own keys the source lacks added
// at the end.
func setKeys(keys, texts []string, own []ownKey, write func(key, value string) string) []string {
	idx := map[string]int{}
	for i, k := range own {
		idx[k.key] = i
	}
	var out []string
	written := map[string]bool{}
	for i, k := range keys {
		j, ok := idx[k]
		if !ok {
			out = append(out, texts[i])
			continue
		}
		if !written[k] {
			out = append(out, write(k, own[j].value))
			written[k] = true
		}
	}
	for _, k := range own {
		if !written[k.key] {
			out = append(out, write(k.key, k.value))
			written[k.key] = true
		}
	}
	return out
}

// yamlKey writes one YAML key line; an empty value is left null.
func yamlKey(key, value string) string {
	var out bytes.Buffer
	writeKey(&out, key, value)
	return out.String()
}

func writeKey(out *bytes.Buffer, key, value string) {
	out.WriteString(key + ":")
	if value != "" {
		out.WriteString(" " + quoteIfNeeded(value))
	}
	out.WriteString("\n")
}

// quoteIfNeeded leaves plain values that YAML reads back as the same
// string, and quotes the others.
func quoteIfNeeded(v string) string {
	if strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":") ||
		strings.ContainsAny(v[:1], "-?:,[]{}#&*!|>'\"%@`") || strings.TrimSpace(v) != v {
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return v
}

type chunk struct {
	key  string
	text string // the key's line and the lines up to the next key
}

// fieldChunks cuts the lines of doc's block into one chunk per top-level
// key (in YAML, a key at the start of its line; in TOML, a key or table
// header anywhere on its line); lead holds the lines before the first key
// (comments).
func fieldChunks(lines []string, doc *frontmatter.Doc) (chunks []chunk, lead []string) {
	toml := len(lines) > 0 && strings.HasPrefix(lines[0], "+++")
	starts := map[int]string{}
	for _, f := range doc.Fields {
		if f.Col == 1 || toml {
			starts[f.Line] = f.Key
		}
	}
	for n := 2; n < doc.Close && n <= len(lines); n++ {
		l := ensureNewline(lines[n-1])
		if k, ok := starts[n]; ok {
			chunks = append(chunks, chunk{key: k})
		}
		if len(chunks) == 0 {
			lead = append(lead, l)
			continue
		}
		chunks[len(chunks)-1].text += l
	}
	return chunks, lead
}

// splitLines splits src after each line break; CRLF becomes LF.
func splitLines(src []byte) []string {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	ls := strings.SplitAfter(s, "\n")
	if len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

func ensureNewline(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

// sourceOnly reports whether key is one of o.SourceOnly.
func sourceOnly(key string, o Options) bool {
	for _, k := range o.SourceOnly {
		if k == key || o.FoldCase && strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}

// withoutSourceOnly returns chunks without those of source-only keys.
func withoutSourceOnly(chunks []chunk, o Options) []chunk {
	var out []chunk
	for _, c := range chunks {
		if !sourceOnly(c.key, o) {
			out = append(out, c)
		}
	}
	return out
}

// leftKeys are the source-only keys of doc, in its order, that the stub
// leaves out.
func leftKeys(doc *frontmatter.Doc, o Options) []string {
	var left []string
	for _, f := range doc.Fields {
		if sourceOnly(f.Key, o) {
			left = append(left, f.Key)
		}
	}
	return left
}
