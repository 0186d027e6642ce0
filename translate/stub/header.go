package stub

import (
	"bytes"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
)

// The keys a stub writes for its translator.
const (
	langKey       = "lang"
	translatorKey = "translator"
	dateKey       = "translation-date"
)

// header returns the YAML lines of the stub: the source's keys in the
// source's order, each written as the source wrote it, with lang set to
// the translation's language and the translation's own keys at the end;
// and the source-only keys it left out.
func header(src []byte, doc *frontmatter.Doc, o Options) ([]byte, []string) {
	lines := splitLines(src)
	chunks, lead := fieldChunks(lines, doc)
	var out bytes.Buffer
	for _, l := range lead {
		out.WriteString(l)
	}
	own := map[string]string{langKey: o.Lang, translatorKey: "", dateKey: o.Date, o.BaselineKey: o.Baseline}
	written := map[string]bool{}
	var left []string
	for _, c := range chunks {
		if sourceOnly(c.key, o) {
			left = append(left, c.key)
			continue
		}
		if v, ok := own[c.key]; ok {
			if !written[c.key] {
				writeKey(&out, c.key, v)
				written[c.key] = true
			}
			continue
		}
		out.WriteString(c.text)
	}
	for _, k := range []string{langKey, translatorKey, dateKey, o.BaselineKey} {
		if !written[k] && k != "" {
			writeKey(&out, k, own[k])
			written[k] = true
		}
	}
	return out.Bytes(), left
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

// fieldChunks cuts the YAML lines of doc into one chunk per top-level
// key; lead holds the lines before the first key (comments).
func fieldChunks(lines []string, doc *frontmatter.Doc) (chunks []chunk, lead []string) {
	starts := map[int]string{}
	for _, f := range doc.Fields {
		if f.Col == 1 {
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
