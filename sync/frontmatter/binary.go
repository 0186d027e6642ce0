package frontmatter

import (
	"encoding/binary"
	"errors"
	"math"

	"go.yaml.in/yaml/v3"
)

// AppendBinary appends to b an encoding of d without its Body, which
// DecodeDoc reads back: for caches that keep what was read of a page
// between runs without reading and parsing the page again. The encoding
// holds everything else of d, the parsed nodes of its fields included, and
// changes with langref's builds: callers key what they keep by the build.
func AppendBinary(b []byte, d *Doc) []byte {
	e := encoder{b: b, ids: map[*yaml.Node]int{}}
	e.flags(d.Page, d.Problem != nil, d.Fields != nil)
	e.uint(d.BodyLine)
	e.uint(d.Close)
	if p := d.Problem; p != nil {
		e.str(string(p.Kind))
		e.uint(p.Line)
		e.uint(p.Col)
		e.str(p.Detail)
	}
	for _, f := range d.Fields {
		e.collect(f.Node)
	}
	e.nodes()
	e.uint(len(d.Fields))
	for _, f := range d.Fields {
		e.field(f)
	}
	return e.b
}

// DecodeDoc returns the Doc that AppendBinary encoded in data, whose Body
// is nil. Its strings share data's memory.
func DecodeDoc(data string) (*Doc, error) {
	dec := decoder{s: data}
	d := &Doc{}
	flags := dec.uint()
	d.Page = flags&1 != 0
	d.BodyLine, d.Close = dec.uint(), dec.uint()
	if flags&2 != 0 {
		d.Problem = &Problem{Kind: ProblemKind(dec.str()), Line: dec.uint(), Col: dec.uint(), Detail: dec.str()}
	}
	dec.readNodes()
	n := dec.count(8)
	if flags&4 != 0 {
		d.Fields = make([]Field, n)
	} else if n > 0 {
		dec.fail(errBadRef)
	}
	for i := range len(d.Fields) {
		d.Fields[i] = dec.field()
	}
	if dec.err == nil && dec.s != "" {
		dec.err = errTrailing
	}
	if dec.err != nil {
		return nil, dec.err
	}
	return d, nil
}

var (
	errShort    = errors.New("frontmatter: encoded doc is truncated")
	errBadRef   = errors.New("frontmatter: encoded doc refers to a node it does not hold")
	errTrailing = errors.New("frontmatter: encoded doc has trailing bytes")
)

// encoder appends a Doc's parts; nodes are numbered in the order they are
// collected and referred to by number plus one (zero for nil), so that a
// node shared by several parents (an alias target) stays one node.
type encoder struct {
	b     []byte
	ids   map[*yaml.Node]int
	order []*yaml.Node
}

func (e *encoder) uint(v int) { e.b = binary.AppendUvarint(e.b, uint64(max(v, 0))) }

func (e *encoder) int(v int) { e.b = binary.AppendVarint(e.b, int64(v)) }

func (e *encoder) str(s string) {
	e.uint(len(s))
	e.b = append(e.b, s...)
}

func (e *encoder) flags(bits ...bool) {
	v := 0
	for i, b := range bits {
		if b {
			v |= 1 << i
		}
	}
	e.uint(v)
}

// collect numbers n and the nodes it reaches.
func (e *encoder) collect(n *yaml.Node) {
	if n == nil {
		return
	}
	if _, ok := e.ids[n]; ok {
		return
	}
	e.ids[n] = len(e.order)
	e.order = append(e.order, n)
	e.collect(n.Alias)
	for _, c := range n.Content {
		e.collect(c)
	}
}

func (e *encoder) ref(n *yaml.Node) {
	if n == nil {
		e.uint(0)
		return
	}
	e.uint(e.ids[n] + 1)
}

func (e *encoder) nodes() {
	e.uint(len(e.order))
	for _, n := range e.order {
		e.uint(int(n.Kind))
		e.uint(int(n.Style))
		e.str(n.Tag)
		e.str(n.Value)
		e.str(n.Anchor)
		e.str(n.HeadComment)
		e.str(n.LineComment)
		e.str(n.FootComment)
		e.int(n.Line)
		e.int(n.Column)
		e.ref(n.Alias)
		if n.Content == nil {
			e.uint(0)
			continue
		}
		e.uint(len(n.Content) + 1)
		for _, c := range n.Content {
			e.ref(c)
		}
	}
}

func (e *encoder) field(f Field) {
	e.str(f.Key)
	e.int(f.Line)
	e.int(f.Col)
	e.str(string(f.Value.Kind))
	e.str(f.Value.Text)
	e.ref(f.Node)
	e.str(f.raw)
	e.int(f.valueCol)
}

// decoder reads what encoder wrote; the first error sticks, and every
// read after it returns zero values.
type decoder struct {
	s     string
	nodes []yaml.Node
	err   error
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.s = ""
}

// uint64 reads an unsigned varint, as binary.Uvarint does.
func (d *decoder) uint64() uint64 {
	var v uint64
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				break // overflow
			}
			d.s = d.s[i+1:]
			return v | uint64(c)<<(7*i)
		}
		v |= uint64(c&0x7f) << (7 * i)
	}
	d.fail(errShort)
	return 0
}

func (d *decoder) uint() int {
	v := d.uint64()
	if v > math.MaxInt32 {
		d.fail(errShort)
		return 0
	}
	return int(v)
}

// int reads a signed varint, as binary.Varint does.
func (d *decoder) int() int {
	u := d.uint64()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	if v > math.MaxInt32 || v < math.MinInt32 {
		d.fail(errShort)
		return 0
	}
	return int(v)
}

// count reads a number of items that each take at least size bytes, and
// fails when the rest of the data cannot hold them.
func (d *decoder) count(size int) int {
	n := d.uint()
	if n > len(d.s)/size+1 {
		d.fail(errShort)
		return 0
	}
	return n
}

func (d *decoder) str() string {
	n := d.uint()
	if n > len(d.s) {
		d.fail(errShort)
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

// readNodes reads the node table, all nodes first so that references
// may point forward.
func (d *decoder) readNodes() {
	d.nodes = make([]yaml.Node, d.count(12))
	type links struct {
		alias   int
		content []int
		hasList bool
	}
	ls := make([]links, len(d.nodes))
	for i := range d.nodes {
		n := &d.nodes[i]
		n.Kind, n.Style = yaml.Kind(d.uint()), yaml.Style(d.uint())
		n.Tag, n.Value, n.Anchor = d.str(), d.str(), d.str()
		n.HeadComment, n.LineComment, n.FootComment = d.str(), d.str(), d.str()
		n.Line, n.Column = d.int(), d.int()
		ls[i].alias = d.uint()
		if c := d.count(1); c > 0 {
			ls[i].hasList = true
			ls[i].content = make([]int, c-1)
			for j := range ls[i].content {
				ls[i].content[j] = d.uint()
			}
		}
	}
	for i := range d.nodes {
		n := &d.nodes[i]
		n.Alias = d.node(ls[i].alias)
		if ls[i].hasList {
			n.Content = make([]*yaml.Node, len(ls[i].content))
			for j, id := range ls[i].content {
				n.Content[j] = d.node(id)
			}
		}
	}
}

// node returns the node numbered id (plus one), nil for zero.
func (d *decoder) node(id int) *yaml.Node {
	if id == 0 {
		return nil
	}
	if id > len(d.nodes) {
		d.fail(errBadRef)
		return nil
	}
	return &d.nodes[id-1]
}

func (d *decoder) field() Field {
	f := Field{Key: d.str(), Line: d.int(), Col: d.int()}
	f.Value = Value{Kind: Kind(d.str()), Text: d.str()}
	f.Node = d.node(d.uint())
	f.raw, f.valueCol = d.str(), d.int()
	return f
}
