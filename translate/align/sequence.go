package align

import (
	"fmt"
	"path"
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/langref/langref/translate/blocks"
)

// sequence aligns src[si...] with tgt[ti...] (index lists in order) and
// returns one match per block of src; blocks outside si match nothing.
func sequence(src, tgt []blocks.Block, si, ti []int) []Match {
	return sequenceKeyed(src, tgt, si, ti, anchorKeys(src, si), anchorKeys(tgt, ti))
}

// sequenceKeyed is sequence with the anchor keys of both sides made
// (anchorKeys).
func sequenceKeyed(src, tgt []blocks.Block, si, ti []int, ks, kt []string) []Match {
	out := make([]Match, len(src))
	for i := range out {
		out[i].Method = None
	}
	x, y := 0, 0
	for _, p := range lcs(ks, kt) {
		gap(out, src, tgt, si[x:p[0]], ti[y:p[1]])
		out[si[p[0]]] = Match{Target: []int{ti[p[1]]}, Method: Anchor}
		x, y = p[0]+1, p[1]+1
	}
	gap(out, src, tgt, si[x:], ti[y:])
	return out
}

// gap matches the source blocks gs lying between two anchors with the
// translation blocks gt lying between the same anchors.
func gap(out []Match, src, tgt []blocks.Block, gs, gt []int) {
	switch {
	case len(gs) == 0:
	case len(gt) == 0:
		for _, i := range gs {
			out[i] = Match{Method: None}
		}
	case len(gs) == 1:
		for _, i := range gs {
			out[i] = Match{Target: gt, Method: Order}
		}
	case oneForOne(src, tgt, gs, gt):
		for k, i := range gs {
			out[i] = Match{Target: gt[k : k+1], Method: Order}
		}
	default:
		for _, i := range gs {
			out[i] = Match{Target: gt, Method: Unsure}
		}
	}
}

// oneForOne reports whether two runs of blocks have the same length and
// kinds that correspond pairwise.
func oneForOne(src, tgt []blocks.Block, gs, gt []int) bool {
	if len(gs) != len(gt) {
		return false
	}
	for k := range gs {
		if family(src[gs[k]]) != family(tgt[gt[k]]) {
			return false
		}
	}
	return true
}

// family groups the kinds a translator may swap for one another: a
// paragraph can become an HTML block, an image paragraph a <center>.
func family(b blocks.Block) string {
	switch b.Kind {
	case blocks.Paragraph, blocks.HTML, blocks.Image:
		return "paragraph"
	}
	return b.Kind.String()
}

// anchorKeys returns the anchor key of each block of bs listed in idx.
func anchorKeys(bs []blocks.Block, idx []int) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = anchorKey(bs[i])
	}
	return out
}

// anchorKey is what a block keeps across translation, or "" when it keeps
// nothing reliable: prose alone is not an anchor.
func anchorKey(b blocks.Block) string {
	if src := imageSource(b.Verbatim); src != "" && b.Kind != blocks.Code {
		return "image " + src
	}
	sig := signature(b.Verbatim)
	switch b.Kind {
	case blocks.Heading:
		return fmt.Sprintf("heading %d %s", b.Level, sig)
	case blocks.Code, blocks.Math:
		return b.Kind.String() + " " + strings.TrimSpace(strings.Join(b.Verbatim, "\n"))
	case blocks.Table:
		rows, cols := blocks.TableShape(b.Raw)
		return fmt.Sprintf("table %dx%d %s", rows, cols, sig)
	case blocks.ThematicBreak, blocks.Liquid:
		return b.Kind.String() + " " + sig
	}
	if sig == "" {
		return ""
	}
	return b.Kind.String() + " " + sig
}

// imageExts are the file extensions that make a verbatim item an image
// source.
var imageExts = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".svg": true, ".webp": true}

func imageSource(verb []string) string {
	for _, v := range verb {
		if imageExts[strings.ToLower(path.Ext(v))] {
			return v
		}
	}
	return ""
}

// signature joins the verbatim items that are not plain numbers or sizes:
// translations keep link targets and math, and may reword the rest.
func signature(verb []string) string {
	var keep []string
	for _, v := range verb {
		if !numeric(v) {
			keep = append(keep, v)
		}
	}
	return strings.Join(keep, " | ")
}

// numeric reports whether v is a number, or a size such as 400px or 50%.
func numeric(v string) bool {
	v = strings.TrimRight(v, "px%em")
	if v == "" {
		return false
	}
	for _, r := range v {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

// lcs returns the index pairs of a longest common subsequence of a and b,
// counting only non-empty keys, in order. Ties go to the earliest match in
// a, so that the result is deterministic. Only the non-empty keys take
// part; a common beginning is matched at once, and a rest too large for
// the table (maxCells) is aligned with Myers' diff instead, whose memory
// grows with the keys' number, not its square.
func lcs(a, b []string) [][2]int {
	ia, ib := nonEmpty(a), nonEmpty(b)
	var out [][2]int
	k := 0
	for k < len(ia) && k < len(ib) && a[ia[k]] == b[ib[k]] {
		out = append(out, [2]int{ia[k], ib[k]})
		k++
	}
	ia, ib = ia[k:], ib[k:]
	if len(ia) == 0 || len(ib) == 0 {
		return out
	}
	if len(ia)*len(ib) > maxCells {
		return append(out, myers(a, b, ia, ib)...)
	}
	return append(out, table(a, b, ia, ib)...)
}

// maxCells bounds the size of lcs's table: 16 Mi cells of 4 bytes.
const maxCells = 1 << 24

// nonEmpty returns the indexes of the non-empty keys of ks.
func nonEmpty(ks []string) []int {
	var out []int
	for i, k := range ks {
		if k != "" {
			out = append(out, i)
		}
	}
	return out
}

// table is lcs of a[ia...] and b[ib...] by dynamic programming.
func table(a, b []string, ia, ib []int) [][2]int {
	n, m := len(ia), len(ib)
	w := m + 1
	t := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(t[(i+1)*w+j], t[i*w+j+1])
			if a[ia[i]] == b[ib[j]] {
				v = max(v, t[(i+1)*w+j+1]+1)
			}
			t[i*w+j] = v
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[ia[i]] == b[ib[j]] && t[i*w+j] == t[(i+1)*w+j+1]+1:
			out = append(out, [2]int{ia[i], ib[j]})
			i, j = i+1, j+1
		case t[i*w+j] == t[(i+1)*w+j]:
			i++
		default:
			j++
		}
	}
	return out
}

// myers is lcs of a[ia...] and b[ib...] by go-diff's Myers diff, each key
// written as one rune; the equal runs are the common subsequence. With
// more distinct keys than runes it gives up and matches nothing.
func myers(a, b []string, ia, ib []int) [][2]int {
	ids := map[string]rune{}
	ra, ok := toRunes(a, ia, ids)
	rb, ok2 := toRunes(b, ib, ids)
	if !ok || !ok2 {
		return nil
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	var out [][2]int
	i, j := 0, 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			for k := range n {
				out = append(out, [2]int{ia[i+k], ib[j+k]})
			}
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			i += n
		case diffmatchpatch.DiffInsert:
			j += n
		}
	}
	return out
}

// toRunes writes each key of ks listed in idx as a rune, the same key
// as the same rune; it reports false when the runes run out.
func toRunes(ks []string, idx []int, ids map[string]rune) ([]rune, bool) {
	out := make([]rune, len(idx))
	for k, i := range idx {
		r, ok := ids[ks[i]]
		if !ok {
			r = rune(len(ids) + 1)
			if r >= 0xD800 {
				r += 0x800 // skip the surrogates, which are no runes
			}
			if r > unicode.MaxRune {
				return nil, false
			}
			ids[ks[i]] = r
		}
		out[k] = r
	}
	return out, true
}
