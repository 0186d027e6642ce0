package stub

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/langref/langref/sync/frontmatter"
)

// block returns the stub's front matter block, delimiters included, in
// the source's format: YAML between "---" lines, TOML between "+++"
// lines, or a JSON object. A source without front matter gets a block in
// the first format its generator reads, or none when the stub has no key
// to set.
func block(src []byte, doc *frontmatter.Doc, o Options) []byte {
	f, ok := frontmatter.FormatOf(src)
	if !ok || len(doc.Fields) == 0 && doc.Close == 0 {
		return fresh(o)
	}
	switch f {
	case frontmatter.TOML:
		return tomlBlock(src, doc, o)
	case frontmatter.JSON:
		return jsonBlock(src, doc, o)
	}
	return []byte("---\n" + string(header(src, doc, o)) + "---\n")
}

// fresh is the block of a stub whose source has no front matter.
func fresh(o Options) []byte {
	own := ownKeys(o)
	if len(own) == 0 {
		return nil
	}
	f := frontmatter.YAML
	if len(o.FrontMatter.Formats) > 0 {
		f = o.FrontMatter.Formats[0]
	}
	var b strings.Builder
	switch f {
	case frontmatter.TOML:
		b.WriteString("+++\n")
		for _, k := range own {
			b.WriteString(tomlKey(k.key, k.value))
		}
		b.WriteString("+++\n")
	case frontmatter.JSON:
		return []byte(jsonObject("  ", nil, nil, own))
	default:
		b.WriteString("---\n")
		for _, k := range own {
			b.WriteString(yamlKey(k.key, k.value))
		}
		b.WriteString("---\n")
	}
	return []byte(b.String())
}

// tomlBlock keeps the source's TOML lines and sets the stub's keys among
// its top-level keys, which end at the first table header: a key added
// after one would belong to the table.
func tomlBlock(src []byte, doc *frontmatter.Doc, o Options) []byte {
	lines := splitLines(src)
	chunks, lead := fieldChunks(lines, doc)
	chunks = withoutSourceOnly(chunks, o)
	top := len(chunks)
	for i, c := range chunks {
		if strings.HasPrefix(strings.TrimSpace(c.text), "[") {
			top = i
			break
		}
	}
	var b strings.Builder
	b.WriteString("+++\n")
	b.WriteString(strings.Join(lead, ""))
	texts := make([]string, top)
	for i, c := range chunks[:top] {
		texts[i] = c.text
	}
	for _, s := range setKeys(chunkKeys(chunks[:top]), texts, ownKeys(o), tomlKey) {
		b.WriteString(s)
	}
	for _, c := range chunks[top:] {
		b.WriteString(c.text)
	}
	b.WriteString("+++\n")
	return []byte(b.String())
}

// tomlKey writes one TOML key line; values are basic strings.
func tomlKey(key, value string) string {
	return key + " = " + tomlString(value) + "\n"
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// jsonBlock writes the source's JSON object again, each of its values as
// the source wrote it, with the stub's keys set: one key a line, indented
// as the source's first key.
func jsonBlock(src []byte, doc *frontmatter.Doc, o Options) []byte {
	keys, raws := jsonMembers(src)
	for i := len(keys) - 1; i >= 0; i-- {
		if sourceOnly(keys[i], o) {
			keys = append(keys[:i], keys[i+1:]...)
			raws = append(raws[:i], raws[i+1:]...)
		}
	}
	indent := "  "
	if len(doc.Fields) > 0 {
		line := splitLines(src)[doc.Fields[0].Line-1]
		if ws := line[:len(line)-len(strings.TrimLeft(line, " \t"))]; ws != "" {
			indent = ws
		}
	}
	return []byte(jsonObject(indent, keys, raws, ownKeys(o)))
}

// jsonMembers returns the keys of the object that starts src, in order,
// with their values as written.
func jsonMembers(src []byte) (keys, raws []string) {
	dec := json.NewDecoder(bytes.NewReader(src))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, nil
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return keys, raws
		}
		var raw json.RawMessage
		if dec.Decode(&raw) != nil {
			return keys, raws
		}
		k, _ := t.(string)
		keys, raws = append(keys, k), append(raws, string(raw))
	}
	return keys, raws
}

// jsonObject writes an object of the members keys and raws with own set.
func jsonObject(indent string, keys, raws []string, own []ownKey) string {
	members := setKeys(keys, memberTexts(indent, keys, raws), own, func(k, v string) string {
		return indent + jsonString(k) + ": " + jsonString(v)
	})
	if len(members) == 0 {
		return "{}\n"
	}
	return "{\n" + strings.Join(members, ",\n") + "\n}\n"
}

func memberTexts(indent string, keys, raws []string) []string {
	out := make([]string, len(keys))
	for i := range keys {
		out[i] = indent + jsonString(keys[i]) + ": " + raws[i]
	}
	return out
}

// jsonString quotes s as JSON, leaving <, > and & as they are.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// TOMLString quotes s as a TOML basic string, as a stub writes values
// (mark writes the baseline into TOML front matter with it).
func TOMLString(s string) string { return tomlString(s) }

// JSONString quotes s as a JSON string, as a stub writes values.
func JSONString(s string) string { return jsonString(s) }
