// Package jsonstream writes large JSON documents without holding their
// encoding in memory: a struct whose one slice field is large is written
// with that slice one element at a time, byte for byte as json.Encoder
// with SetIndent("", "  ") and SetEscapeHTML(false) writes it whole.
package jsonstream

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"

	"github.com/langref/langref/internal/par"
)

// Encode writes v, a struct or a pointer to one, as json.Encoder with
// SetIndent("", "  ") and SetEscapeHTML(false) would, newline included,
// through a buffered writer; its slice field named field (the Go name) is
// encoded one element at a time. The field must be a direct field of the
// struct, without omitempty or omitzero. When an element fails to encode,
// Encode returns the error with part of the document written.
func Encode(w io.Writer, v any, field string) error {
	s, err := split(v, field)
	if err != nil {
		return err
	}
	if s.items.Len() == 0 {
		return whole(w, v)
	}
	skeleton, err := encode(s.rest, "")
	if err != nil {
		return err
	}
	marker := "\n  " + s.key + ": []"
	head, tail, ok := strings.Cut(string(skeleton), marker)
	if !ok || strings.Contains(tail, marker) {
		return fmt.Errorf("jsonstream: field %s not found once in the encoded %T", field, v)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(head)
	bw.WriteString("\n  " + s.key + ": [")
	if err := writeItems(bw, s.items); err != nil {
		return err
	}
	bw.WriteString("\n  ]")
	bw.WriteString(tail)
	return bw.Flush()
}

// parts is a struct split into its large slice and the rest.
type parts struct {
	key   string        // the slice's JSON key, quoted
	items reflect.Value // the slice
	rest  any           // v with an empty slice in its place
}

// split copies v with an empty slice in place of field.
func split(v any, field string) (parts, error) {
	rv := reflect.ValueOf(v)
	isPtr := rv.Kind() == reflect.Pointer
	if isPtr {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct || marshals(rv.Type()) {
		return parts{}, fmt.Errorf("jsonstream: %T is not a plain struct or a pointer to one", v)
	}
	f, ok := rv.Type().FieldByName(field)
	if !ok || len(f.Index) != 1 || !f.IsExported() || f.Type.Kind() != reflect.Slice || f.Type.Elem().Kind() == reflect.Uint8 {
		return parts{}, fmt.Errorf("jsonstream: %T has no exported slice field %s", v, field)
	}
	key, err := jsonKey(f)
	if err != nil {
		return parts{}, fmt.Errorf("jsonstream: field %s of %T: %w", field, v, err)
	}
	cp := reflect.New(rv.Type())
	cp.Elem().Set(rv)
	cp.Elem().Field(f.Index[0]).Set(reflect.MakeSlice(f.Type, 0, 0))
	rest := cp.Interface()
	if !isPtr {
		rest = cp.Elem().Interface()
	}
	return parts{key: key, items: rv.Field(f.Index[0]), rest: rest}, nil
}

// marshals reports whether t encodes itself, in which case its fields say
// nothing about its encoding.
func marshals(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	jm := reflect.TypeFor[json.Marshaler]()
	tm := reflect.TypeFor[encoding.TextMarshaler]()
	return p.Implements(jm) || p.Implements(tm)
}

// jsonKey returns the quoted key of f, as encoding/json names it.
func jsonKey(f reflect.StructField) (string, error) {
	tag, hasTag := f.Tag.Lookup("json")
	name, opts, _ := strings.Cut(tag, ",")
	if name == "-" && !strings.Contains(tag, ",") {
		return "", errors.New("the field is not encoded (json:\"-\")")
	}
	for _, o := range strings.Split(opts, ",") {
		if o == "omitempty" || o == "omitzero" {
			return "", fmt.Errorf("%s fields cannot be streamed", o)
		}
	}
	if !hasTag || name == "" {
		name = f.Name
	}
	b, err := encode(name, "")
	return strings.TrimSuffix(string(b), "\n"), err
}

// writeItems writes the elements of items, each on its lines, indented as
// elements of a top-level field, with the commas between them. Elements
// are encoded on all processors, a window of chunks at a time, and
// written in order: the output is the same, and memory holds a window.
// Chunks are small, and the window's buffers are reused from window to
// window: in a short run, memory the process touches for the first time
// costs more than encoding (a page fault each 4 KiB). With chunks of 256
// status rows and new buffers for each, a quarter of `langref status
// --format json` on DLSP20 went to growing buffers.
func writeItems(bw *bufio.Writer, items reflect.Value) error {
	const chunk = 32
	n := items.Len()
	chunks := (n + chunk - 1) / chunk
	window := 2 * runtime.GOMAXPROCS(0)
	slots := make([]slot, window)
	for i := range slots {
		slots[i].enc = json.NewEncoder(&slots[i].compact)
		slots[i].enc.SetEscapeHTML(false)
	}
	errs := make([]error, window)
	for first := 0; first < chunks; first += window {
		k := min(window, chunks-first)
		par.Do(k, func(j int) {
			c := first + j
			errs[j] = slots[j].encodeItems(items, c*chunk, min((c+1)*chunk, n))
		})
		for j := range k {
			if errs[j] != nil {
				return errs[j]
			}
			if _, err := bw.Write(slots[j].out); err != nil {
				return err
			}
		}
	}
	return nil
}

// slot holds the buffers of one chunk of a window: the chunk's output,
// and each element's compact encoding before it is indented.
type slot struct {
	out     []byte
	compact bytes.Buffer
	enc     *json.Encoder
}

// encodeItems sets s.out to the elements from to to of items, as
// writeItems writes them. Each element is encoded compact, then indented
// by indent, which does what json.Indent does several times faster.
func (s *slot) encodeItems(items reflect.Value, from, to int) error {
	s.out = s.out[:0]
	for i := from; i < to; i++ {
		if i > 0 {
			s.out = append(s.out, ',')
		}
		s.out = append(s.out, "\n    "...)
		s.compact.Reset()
		if err := s.enc.Encode(items.Index(i).Addr().Interface()); err != nil {
			return err
		}
		s.out = indent(s.out, bytes.TrimSuffix(s.compact.Bytes(), []byte("\n")), "    ", "  ")
	}
	return nil
}

// indent appends src, compact JSON as encoding/json writes it (no space
// outside strings), to dst as json.Indent(dst, src, prefix, in) would:
// each element and key on its line, after prefix and in once per level;
// empty objects and arrays as {} and []. Strings are copied as they are.
func indent(dst, src []byte, prefix, in string) []byte {
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(src))
			dst = append(dst, src[i:j]...)
			i = j - 1
			continue
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, c, src[i+1])
				i++
				continue
			}
			depth++
			dst = append(dst, c)
		case '}', ']':
			depth--
		case ',':
			dst = append(dst, c)
		case ':':
			dst = append(dst, c, ' ')
			continue
		default:
			dst = append(dst, c)
			continue
		}
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, in...)
		}
		if c == '}' || c == ']' {
			dst = append(dst, c)
		}
	}
	return dst
}

// whole writes v in one piece: for documents whose slice is empty.
func whole(w io.Writer, v any) error {
	return newEncoder(w, "").Encode(v)
}

func encode(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	if err := newEncoder(&b, prefix).Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func newEncoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc
}
