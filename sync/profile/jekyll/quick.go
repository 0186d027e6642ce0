package jekyll

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/langref/langref/sync/profile"
	"go.yaml.in/yaml/v3"
)

// quickConfig is fromConfig for a configuration b written in the plain
// subset of YAML that configurations with a large navigation are written
// in: block mappings and sequences of one-line plain, single-quoted or
// escape-free double-quoted scalars, with comments. It reads it without
// go-yaml's tree of nodes (a navigation of 200,000 entries is most of a
// second to parse, twice that to walk) and sets in r what fromConfig
// would. It returns false, having set nothing, when b holds anything else
// (anchors, aliases, tags, flow collections, block scalars, scalars over
// several lines, quoted keys, tabs, errors...): fromConfig then reads it
// with go-yaml. Whatever it accepts, it reads as go-yaml does (see
// TestQuickConfigReadsAsYAML and FuzzQuickConfig). The strings it sets
// are parts of b, which must not change after.
func quickConfig(r *profile.Rules, b []byte) bool {
	if !plainText(b) {
		return false
	}
	if len(b) == 0 {
		r.ConfigFile = "_config.yml" // and nothing else
		return true
	}
	p := &qparser{src: unsafe.String(&b[0], len(b)), line: 1}
	p.nodes = make([]qnode, 0, 16+strings.Count(p.src, "\n")*3)
	root, ok := p.document()
	if !ok {
		return false
	}
	t := qtree{src: p.src, nodes: p.nodes, escaped: p.escaped}
	lang := r.SourceLang
	if n := t.lookup(root, "default_lang"); n >= 0 {
		l, ok := t.defaultLang(n)
		if !ok {
			return false // an error: fromConfig says which
		}
		if l != "" {
			lang = l
		}
	}
	nav, ok := t.navs(root, lang)
	if !ok {
		return false
	}
	r.ConfigFile = "_config.yml"
	r.ConfigDups = t.duplicateKeys(root, "", nil)
	r.SourceLang = lang
	r.Exclude = t.stringList(t.lookup(root, "exclude"))
	r.Include = t.stringList(t.lookup(root, "include"))
	r.Nav = nav
	return true
}

// plainText reports whether b is UTF-8 without a byte order mark, tabs,
// carriage returns or other control characters, and without the line
// breaks of YAML 1.1 other than "\n" (NEL, U+2028, U+2029) or the
// characters YAML does not allow.
func plainText(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError || r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xfffe && r <= 0xffff {
			return false
		}
		i += size
	}
	return true
}

// qnode is a node of the tree quickConfig parses: a scalar, a mapping
// whose children are its keys and values in turn, or a sequence.
// It holds no pointer, for a tree of 600,000 nodes the collector need
// not scan.
type qnode struct {
	off, n      int32 // a scalar's value is src[off:off+n], unless escaped
	line        int32 // 1-based
	first, next int32 // first child and next sibling; -1 for none
	kind        yaml.Kind
	null        bool // a scalar that YAML reads as null
	quoted      bool // a quoted scalar, whose column is its quote's
	escaped     bool // a single-quoted scalar with '' in it: see qparser.escaped
}

// qparser parses the subset quickConfig reads, a line at a time.
type qparser struct {
	src   string
	nodes []qnode
	// escaped holds the values of escaped nodes, by node
	escaped map[int32]string
	// the current line: src[start:end], its number, and its indent
	start, end, line, indent int
	eof                      bool
	// marker is set once a line starts with a document's start or end
	// ("---", "..."), which quickConfig leaves to go-yaml
	marker bool
	depth  int // of the mappings and sequences being parsed
}

// maxDepth bounds how deep quickConfig nests mappings and sequences,
// well below go-yaml's bound (10,000), which makes an error.
const maxDepth = 1000

// document parses the whole file: a mapping, or nothing. It returns the
// index of the root mapping.
func (p *qparser) document() (int32, bool) {
	p.pos(0, 1)
	if !p.skipBlank() {
		return p.add(qnode{kind: yaml.MappingNode}), true // an empty file
	}
	if p.indent != 0 || p.isItem(p.start+p.indent) {
		return -1, false
	}
	m, ok := p.mapping(p.indent, p.start)
	if !ok || p.skipBlank() || p.marker {
		return -1, false
	}
	return m, true
}

// pos makes the line starting at offset start, numbered line, current.
func (p *qparser) pos(start, line int) {
	p.start, p.line = start, line
	if start >= len(p.src) {
		p.eof, p.end, p.indent = true, start, 0
		return
	}
	p.end = strings.IndexByte(p.src[start:], '\n')
	if p.end < 0 {
		p.end = len(p.src)
	} else {
		p.end += start
	}
	i := start
	for i < p.end && p.src[i] == ' ' {
		i++
	}
	p.indent = i - start
	if l := p.src[start:p.end]; len(l) >= 3 && (l[:3] == "---" || l[:3] == "...") && (len(l) == 3 || l[3] == ' ') {
		p.marker = true
	}
}

// nextLine makes the line after the current one current.
func (p *qparser) nextLine() { p.pos(p.end+1, p.line+1) }

// skipBlank moves to the first line from the current one that holds more
// than spaces and a comment; false at the end of the file.
func (p *qparser) skipBlank() bool {
	for !p.eof {
		rest := p.src[p.start+p.indent : p.end]
		if rest != "" && rest[0] != '#' {
			return true
		}
		p.nextLine()
	}
	return false
}

// isItem says whether a sequence's entry starts at offset i of the
// current line: "-" then a space or the end of the line.
func (p *qparser) isItem(i int) bool {
	return i < p.end && p.src[i] == '-' && (i+1 == p.end || p.src[i+1] == ' ')
}

func (p *qparser) add(n qnode) int32 {
	n.first, n.next = -1, -1
	p.nodes = append(p.nodes, n)
	return int32(len(p.nodes) - 1)
}

// mapping parses a block mapping whose keys are at column indent (0-based),
// its first key at offset at of the current line.
func (p *qparser) mapping(indent, at int) (int32, bool) {
	if p.depth++; p.depth > maxDepth {
		return -1, false
	}
	defer func() { p.depth-- }()
	m := p.add(qnode{kind: yaml.MappingNode, line: int32(p.line)})
	last := int32(-1)
	link := func(n int32) {
		if last < 0 {
			p.nodes[m].first = n
		} else {
			p.nodes[last].next = n
		}
		last = n
	}
	for {
		k, valueAt, ok := p.key(at)
		if !ok {
			return -1, false
		}
		link(k)
		v, ok := p.value(indent, valueAt, true)
		if !ok {
			return -1, false
		}
		link(v)
		if !p.skipBlank() || p.indent < indent {
			return m, true
		}
		if p.indent > indent || p.isItem(p.start+p.indent) {
			return -1, false
		}
		at = p.start + p.indent
	}
}

// key parses the plain key at offset at of the current line and returns
// it with the offset of what follows its colon.
func (p *qparser) key(at int) (int32, int, bool) {
	s := p.src[at:p.end]
	if s == "" || isIndicator(s[0]) {
		return -1, 0, false
	}
	colon := -1
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ') {
			colon = i
			break
		}
		if s[i] == '#' && s[i-1] == ' ' { // i > 0: s[0] is no indicator
			return -1, 0, false
		}
	}
	if colon < 0 {
		return -1, 0, false
	}
	k := strings.TrimRight(s[:colon], " ")
	if k == "<<" || colon > 1000 {
		return -1, 0, false // a merge key; a key go-yaml does not take as one
	}
	n := p.add(qnode{kind: yaml.ScalarNode, off: int32(at), n: int32(len(k)), line: int32(p.line)})
	return n, at + colon + 1, true
}

// value parses the value that starts at offset at of the current line,
// or, when the line ends there, on the lines below: a node of the
// mapping or sequence whose entries are at column indent (mapping says
// which), moving past it.
func (p *qparser) value(indent, at int, mapping bool) (int32, bool) {
	for at < p.end && p.src[at] == ' ' {
		at++
	}
	if at < p.end && p.src[at] != '#' {
		n, ok := p.scalar(at)
		p.nextLine()
		return n, ok
	}
	// the value is below, or null
	line := p.line
	p.nextLine()
	if p.skipBlank() {
		item := p.isItem(p.start + p.indent)
		switch {
		case p.indent > indent && item, mapping && p.indent == indent && item:
			return p.sequence(p.indent)
		case p.indent > indent:
			return p.mapping(p.indent, p.start+p.indent)
		}
	}
	// a null, placed where its line ends (only the position of a path
	// matters, and navs refuses a null one)
	return p.add(qnode{kind: yaml.ScalarNode, null: true, line: int32(line)}), true
}

// sequence parses a block sequence whose entries' dashes are at column
// indent, the current line's.
func (p *qparser) sequence(indent int) (int32, bool) {
	if p.depth++; p.depth > maxDepth {
		return -1, false
	}
	defer func() { p.depth-- }()
	s := p.add(qnode{kind: yaml.SequenceNode, line: int32(p.line)})
	last := int32(-1)
	for {
		at := p.start + indent + 1
		for at < p.end && p.src[at] == ' ' {
			at++
		}
		var e int32
		var ok bool
		switch {
		case at < p.end && p.src[at] != '#' && p.isKey(at):
			e, ok = p.mapping(at-p.start, at)
		case at < p.end && p.src[at] == '-':
			return -1, false // a sequence in a sequence, or a scalar starting with "-"
		default:
			e, ok = p.value(indent, at, false)
		}
		if !ok {
			return -1, false
		}
		if last < 0 {
			p.nodes[s].first = e
		} else {
			p.nodes[last].next = e
		}
		last = e
		if !p.skipBlank() || p.indent < indent {
			return s, true
		}
		if p.indent > indent {
			return -1, false
		}
		if !p.isItem(p.start + p.indent) {
			return s, true // the next key of the mapping holding s
		}
	}
}

// isKey says whether a mapping's key starts at offset at of the current
// line: a colon then a space or the end of the line comes before a
// comment.
func (p *qparser) isKey(at int) bool {
	s := p.src[at:p.end]
	if s[0] == '\'' || s[0] == '"' {
		return false // a quoted scalar; quoted keys are for go-yaml (scalar refuses them)
	}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ':' && (i+1 == len(s) || s[i+1] == ' '):
			return true
		case s[i] == '#' && i > 0 && s[i-1] == ' ':
			return false
		}
	}
	return false
}

// scalar parses the scalar at offset at of the current line, which it
// must end.
func (p *qparser) scalar(at int) (int32, bool) {
	s := p.src[at:p.end]
	n := qnode{kind: yaml.ScalarNode, line: int32(p.line), off: int32(at + 1)}
	var rest string
	switch c := s[0]; {
	case c == '\'':
		i, esc := 1, false
		for {
			j := strings.IndexByte(s[i:], '\'')
			if j < 0 {
				return -1, false // it goes on below
			}
			i += j + 1
			if i < len(s) && s[i] == '\'' {
				i, esc = i+1, true
				continue
			}
			break
		}
		n.n, rest = int32(i-2), s[i:]
		n.quoted, n.escaped = true, esc
	case c == '"':
		j := strings.IndexByte(s[1:], '"')
		if j < 0 || strings.IndexByte(s[1:j+1], '\\') >= 0 {
			return -1, false // on several lines, or with escapes
		}
		n.n, n.quoted, rest = int32(j), true, s[j+2:]
	case isIndicator(c):
		return -1, false
	default:
		v := s
		for i := 1; i < len(s); i++ {
			if s[i] == '#' && s[i-1] == ' ' {
				v = s[:i]
				break
			}
		}
		v = strings.TrimRight(v, " ")
		if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") {
			return -1, false // a mapping where none can be
		}
		n.off, n.n = int32(at), int32(len(v))
		n.null = v == "~" || v == "null" || v == "Null" || v == "NULL"
	}
	if rest != "" {
		if rest[0] != ' ' {
			return -1, false // more after a quoted scalar
		}
		if rest = strings.TrimLeft(rest, " "); rest != "" && rest[0] != '#' {
			return -1, false
		}
	}
	i := p.add(n)
	if n.escaped {
		if p.escaped == nil {
			p.escaped = map[int32]string{}
		}
		p.escaped[i] = strings.ReplaceAll(p.src[n.off:n.off+n.n], "''", "'")
	}
	return i, true
}

// isIndicator says whether a plain scalar may not start with c in the
// subset quickConfig reads (YAML lets some of them start one; go-yaml
// reads those).
func isIndicator(c byte) bool {
	return strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", c) >= 0
}

// qtree is a parsed configuration.
type qtree struct {
	src     string
	nodes   []qnode
	escaped map[int32]string
}

// value is the value of node i: a scalar's, "" for others.
func (t *qtree) value(i int32) string {
	x := &t.nodes[i]
	if x.escaped {
		return t.escaped[i]
	}
	return t.src[x.off : x.off+x.n]
}

// col is the column of scalar i, counted in characters from 1, as
// go-yaml counts them.
func (t *qtree) col(i int32) int {
	off := int(t.nodes[i].off)
	if t.nodes[i].quoted {
		off-- // the quote
	}
	line := t.src[strings.LastIndexByte(t.src[:off], '\n')+1 : off]
	for j := 0; j < len(line); j++ {
		if line[j] >= utf8.RuneSelf {
			return utf8.RuneCountInString(line) + 1
		}
	}
	return len(line) + 1
}

// lookup is profile.Lookup: the value of key in mapping m, the last one,
// or -1.
func (t *qtree) lookup(m int32, key string) int32 {
	if m < 0 || t.nodes[m].kind != yaml.MappingNode {
		return -1
	}
	v := int32(-1)
	for k := t.nodes[m].first; k >= 0; k = t.nodes[t.nodes[k].next].next {
		if t.value(k) == key {
			v = t.nodes[k].next
		}
	}
	return v
}

// pairs calls f with each key and value of mapping m.
func (t *qtree) pairs(m int32, f func(k, v int32)) {
	for k := t.nodes[m].first; k >= 0; {
		v := t.nodes[k].next
		f(k, v)
		k = t.nodes[v].next
	}
}

// defaultLang is defaultLang; false for what it says is an error.
func (t *qtree) defaultLang(n int32) (string, bool) {
	x := &t.nodes[n]
	switch {
	case x.kind != yaml.ScalarNode:
		return "", false
	case x.null || t.value(n) == "":
		return "", true
	case !profile.IsLangCode(t.value(n)):
		return "", false
	}
	return t.value(n), true
}

// stringList is profile.StringList.
func (t *qtree) stringList(n int32) []string {
	if n < 0 {
		return nil
	}
	if t.nodes[n].kind == yaml.ScalarNode {
		return []string{t.value(n)}
	}
	var out []string
	for c := t.nodes[n].first; c >= 0; c = t.nodes[c].next {
		if t.nodes[c].kind == yaml.ScalarNode {
			out = append(out, t.value(c))
		}
	}
	return out
}

// duplicateKeys is profile.DuplicateKeys.
func (t *qtree) duplicateKeys(m int32, prefix string, out []profile.DupKey) []profile.DupKey {
	if t.nodes[m].kind != yaml.MappingNode {
		return out
	}
	var here []profile.DupKey
	seen := map[string]int{}
	t.pairs(m, func(k, v int32) {
		key, value, line := t.value(k), t.value(v), int(t.nodes[k].line)
		if j, ok := seen[key]; ok {
			here[j].Lines = append(here[j].Lines, line)
			here[j].Value = value
		} else {
			seen[key] = len(here)
			here = append(here, profile.DupKey{Key: prefix + key, Lines: []int{line}, Value: value})
		}
		if t.nodes[v].kind == yaml.MappingNode {
			out = t.duplicateKeys(v, prefix+key+".", out)
		}
	})
	for _, d := range here {
		if len(d.Lines) > 1 {
			out = append(out, d)
		}
	}
	return out
}

// navs is readNav: the navigations of the root mapping m, the source
// language's at top level. False for an entry whose path is null, whose
// position go-yaml gives as it pleases.
func (t *qtree) navs(m int32, source string) (map[string]*profile.Nav, bool) {
	out := map[string]*profile.Nav{}
	ok := true
	if nav := t.nav(m, source, -1, &ok); nav != nil {
		out[source] = nav
	}
	t.pairs(m, func(k, v int32) {
		lang := t.value(k)
		if t.nodes[v].kind != yaml.MappingNode || !profile.IsLangCode(lang) || lang == source {
			return
		}
		if t.lookup(v, "title") < 0 && !t.hasNav(v) {
			return
		}
		nav := t.nav(v, lang, k, &ok)
		if nav == nil {
			nav = &profile.Nav{Lang: lang, Line: int(t.nodes[k].line)}
		}
		out[lang] = nav
	})
	return out, ok
}

func (t *qtree) hasNav(m int32) bool {
	for _, k := range NavKeys {
		if t.lookup(m, k) >= 0 {
			return true
		}
	}
	return false
}

// nav is parseNav.
func (t *qtree) nav(m int32, lang string, key int32, ok *bool) *profile.Nav {
	if !t.hasNav(m) {
		return nil
	}
	line := 0
	if key >= 0 {
		line = int(t.nodes[key].line)
	}
	n := 0
	for _, k := range NavKeys {
		n += t.countItems(t.lookup(m, k))
	}
	var items []profile.NavItem // nil for none, as parseNav
	if n > 0 {
		items = make([]profile.NavItem, 0, min(n, MaxNavItems))
	}
	for _, k := range NavKeys {
		items = t.appendItems(items, t.lookup(m, k), "", ok)
	}
	return profile.NewNav(lang, line, items)
}

// countItems counts the entries appendItems appends from list (more
// when they pass MaxNavItems).
func (t *qtree) countItems(list int32) int {
	if list < 0 || t.nodes[list].kind != yaml.SequenceNode {
		return 0
	}
	n := 0
	for e := t.nodes[list].first; e >= 0 && n < MaxNavItems; e = t.nodes[e].next {
		if p := t.lookup(e, "path"); p >= 0 && t.nodes[p].kind == yaml.ScalarNode {
			n += 1 + t.countItems(t.lookup(e, "sections"))
		}
	}
	return n
}

// appendItems is appendItems.
func (t *qtree) appendItems(items []profile.NavItem, list int32, parent string, ok *bool) []profile.NavItem {
	if list < 0 || t.nodes[list].kind != yaml.SequenceNode {
		return items
	}
	for e := t.nodes[list].first; e >= 0; e = t.nodes[e].next {
		if len(items) >= MaxNavItems {
			return items
		}
		p := t.lookup(e, "path")
		if p < 0 || t.nodes[p].kind != yaml.ScalarNode {
			continue
		}
		path := t.value(p)
		if t.nodes[p].null && path == "" {
			*ok = false
		}
		items = append(items, profile.NavItem{Path: path, Line: int(t.nodes[p].line), Col: t.col(p), Parent: parent})
		items = t.appendItems(items, t.lookup(e, "sections"), path, ok)
	}
	return items
}
