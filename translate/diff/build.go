package diff

import (
	"strings"

	"github.com/langref/langref/sync/frontmatter"
	"github.com/langref/langref/translate/align"
	"github.com/langref/langref/translate/blocks"
	"github.com/langref/langref/translate/change"
)

// Parse returns the blocks of a page's body, with file line numbers.
func Parse(src []byte) []blocks.Block {
	doc := frontmatter.Parse(src)
	if !doc.Page {
		return blocks.Parse(src, 1)
	}
	return blocks.Parse(doc.Body, doc.BodyLine)
}

// Build compares the source at the baseline with the current source and
// places each change in the translation.
func Build(in Input) *Page {
	p := &Page{Lang: in.Lang, Key: in.Key, Source: in.SourcePath, Translation: in.TranslationPath,
		Baseline: in.Baseline, Commits: []Commit{}, Changes: []Change{}}
	if len(in.Versions) == 0 {
		return p
	}
	first, last := in.Versions[0], in.Versions[len(in.Versions)-1]
	p.old, p.new = first.Src, last.Src
	for _, v := range in.Versions[1:] {
		p.Commits = append(p.Commits, Commit{Rev: v.Rev, Title: v.Title})
	}
	if in.LineMode || LineMode(max(len(first.Src), len(last.Src)), len(in.Translation)) {
		buildLines(p, first.Src, last.Src)
		return p
	}
	b := newBuilder(in)
	states := stateIndex(in.States)
	for _, c := range change.CompareBlocks(b.old, b.new) {
		st := states[linesOf(c)]
		switch {
		case in.AllChanges:
		case st.State == StateApplied:
			p.Applied++
			continue
		case st.State == StateIgnored:
			p.Ignored++
			continue
		case c.Class == change.Cosmetic || st.State == StateCosmetic:
			p.Hidden++
			continue
		}
		ch := b.change(c)
		ch.State, ch.Evidence, ch.EvidenceCommit = st.State, st.Evidence, st.Commit
		if st.State == StateCopy {
			p.Copy++
		}
		if !ch.Translation.Sure {
			p.Unsure++
		}
		p.Changes = append(p.Changes, ch)
	}
	return p
}

// stateIndex indexes block states by their lines.
func stateIndex(ss []BlockState) map[[2]int]BlockState {
	m := make(map[[2]int]BlockState, len(ss))
	for _, s := range ss {
		m[[2]int{s.OldLine, s.Line}] = s
	}
	return m
}

// linesOf returns the first lines of a change's old and new blocks, 0
// for none: the key of its BlockState.
func linesOf(c change.Change) [2]int {
	var k [2]int
	if c.Old != nil {
		k[0] = c.Old.Line
	}
	if c.New != nil {
		k[1] = c.New.Line
	}
	return k
}

// builder holds what every change of a page needs.
type builder struct {
	old, new, tr []blocks.Block
	al           *align.Alignment
	back         []int // for each new block, the old block it was, or -1
	oldIndex     map[*blocks.Block]int
	newIndex     map[*blocks.Block]int
	lineage      *lineage
}

func newBuilder(in Input) *builder {
	b := &builder{
		old: Parse(in.Versions[0].Src),
		new: Parse(in.Versions[len(in.Versions)-1].Src),
		tr:  Parse(in.Translation),
	}
	b.al = align.Align(b.old, b.tr)
	b.back = invert(align.Matched(b.old, b.new), len(b.new))
	b.oldIndex, b.newIndex = indexOf(b.old), indexOf(b.new)
	b.lineage = newLineage(in.Versions)
	return b
}

func indexOf(bs []blocks.Block) map[*blocks.Block]int {
	m := make(map[*blocks.Block]int, len(bs))
	for i := range bs {
		m[&bs[i]] = i
	}
	return m
}

func invert(fwd []int, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	for i, j := range fwd {
		if j >= 0 {
			out[j] = i
		}
	}
	return out
}

// change describes one change of change.CompareBlocks.
func (b *builder) change(c change.Change) Change {
	ch := Change{Kind: c.Kind, Class: c.Class, Commits: []Commit{}}
	var oldRaw, newRaw string
	if c.Old != nil {
		ch.Old = &Lines{c.Old.Line, c.Old.EndLine}
		ch.Block, oldRaw = c.Old.Kind.String(), c.Old.Raw
		ch.Section = section(b.old, b.oldIndex[c.Old])
	}
	if c.New != nil {
		ch.New = &Lines{c.New.Line, c.New.EndLine}
		ch.Block, newRaw = c.New.Kind.String(), c.New.Raw
		ch.Section = section(b.new, b.newIndex[c.New])
		ch.Sentences = newSentences(textOf(c.Old), c.New.Text)
	}
	ch.Words = wordDiff(oldRaw, newRaw)
	ch.Translation = b.place(c)
	ch.Commits = b.lineage.commits(c, b.oldIndex, b.newIndex)
	if ch.Section == nil {
		ch.Section = []string{}
	}
	return ch
}

func textOf(b *blocks.Block) string {
	if b == nil {
		return ""
	}
	return b.Text
}

// section returns the heading path above bs[i]: the enclosing headings,
// outermost first (the block's own text when it is a heading is left out).
func section(bs []blocks.Block, i int) []string {
	var path []string
	var levels []int
	for k := 0; k < i; k++ {
		if bs[k].Kind != blocks.Heading {
			continue
		}
		for len(levels) > 0 && levels[len(levels)-1] >= bs[k].Level {
			levels, path = levels[:len(levels)-1], path[:len(path)-1]
		}
		levels, path = append(levels, bs[k].Level), append(path, bs[k].Heading)
	}
	if bs[i].Kind == blocks.Heading {
		for len(levels) > 0 && levels[len(levels)-1] >= bs[i].Level {
			levels, path = levels[:len(levels)-1], path[:len(path)-1]
		}
	}
	return path
}

// place finds where a change belongs in the translation: at the old
// block's translation, or, for an added block, next to the translation of
// the nearest unchanged or modified block before it (after it, at the top
// of a page).
func (b *builder) place(c change.Change) Place {
	if c.Old != nil {
		return b.at(b.oldIndex[c.Old], "at")
	}
	j := b.newIndex[c.New]
	for k := j - 1; k >= 0; k-- {
		if i := b.back[k]; i >= 0 && b.old[i].Kind != blocks.Comment {
			return b.at(i, "after")
		}
	}
	for k := j + 1; k < len(b.new); k++ {
		if i := b.back[k]; i >= 0 && b.old[i].Kind != blocks.Comment {
			return b.at(i, "before")
		}
	}
	return Place{Where: "none", Method: string(align.None)}
}

// at places a change at, after or before the translation of old block i.
func (b *builder) at(i int, where string) Place {
	m := b.al.Matches[i]
	first, last, ok := b.al.Lines(i)
	if !ok {
		return Place{Where: "none", Method: string(m.Method)}
	}
	p := Place{Where: where, Lines: &Lines{first, last}, Method: string(m.Method), Sure: m.Sure()}
	var text []string
	for _, t := range m.Target {
		text = append(text, b.tr[t].Raw)
	}
	p.Text = strings.Join(text, "\n\n")
	return p
}
