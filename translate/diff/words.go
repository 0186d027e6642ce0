package diff

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/langref/langref/translate/change"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// tokens splits s into words, white space runs, and single characters of
// punctuation or of scripts written without spaces (Chinese, Japanese,
// Korean), so that joining them gives s back.
func tokens(s string) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i + 1
		switch {
		case unicode.IsSpace(rs[i]):
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
		case isWord(rs[i]):
			for j < len(rs) && (isWord(rs[j]) || joins(rs, j)) {
				j++
			}
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func isWord(r rune) bool {
	return !isCJK(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// joins reports whether rs[i] continues a word: an apostrophe or hyphen
// between letters, as change.Words has it.
func joins(rs []rune, i int) bool {
	return i+1 < len(rs) && strings.ContainsRune("'’-", rs[i]) && isWord(rs[i-1]) && isWord(rs[i+1])
}

// wordDiff diffs a and b word by word. Runs of one kind are merged, and a
// white space run between two changes joins them, so that the diff reads
// as phrases. The diff has no time limit: output is reproducible.
func wordDiff(a, b string) []Op {
	ta, tb := tokens(a), tokens(b)
	ids := map[string]rune{}
	enc := func(ts []string) []rune {
		rs := make([]rune, len(ts))
		for i, t := range ts {
			r, ok := ids[t]
			if !ok {
				r = rune(len(ids) + 1)
				if r >= 0xD800 {
					r += 0x800
				}
				ids[t] = r
			}
			rs[i] = r
		}
		return rs
	}
	ra, rb := enc(ta), enc(tb)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	var out []Op
	ia, ib := 0, 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out = appendOp(out, "=", strings.Join(ta[ia:ia+n], ""))
			ia, ib = ia+n, ib+n
		case diffmatchpatch.DiffDelete:
			out = appendOp(out, "-", strings.Join(ta[ia:ia+n], ""))
			ia += n
		case diffmatchpatch.DiffInsert:
			out = appendOp(out, "+", strings.Join(tb[ib:ib+n], ""))
			ib += n
		}
	}
	return blankChanges(phrases(out))
}

// blankChanges shows a change of white space only (a line rewrapped) as
// kept text, in its new form: reflowing is no news to a translator.
func blankChanges(ops []Op) []Op {
	var out []Op
	for i := 0; i < len(ops); i++ {
		op := ops[i]
		if op.Op == "-" && i+1 < len(ops) && ops[i+1].Op == "+" && blank(op.Text) && blank(ops[i+1].Text) {
			op, i = Op{"=", ops[i+1].Text}, i+1
		} else if op.Op != "=" && blank(op.Text) {
			continue
		}
		out = appendOp(out, op.Op, op.Text)
	}
	return out
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func appendOp(ops []Op, op, text string) []Op {
	if text == "" {
		return ops
	}
	if n := len(ops); n > 0 && ops[n-1].Op == op {
		ops[n-1].Text += text
		return ops
	}
	return append(ops, Op{op, text})
}

// phrases folds a white space run lying between two changes into them
// when that makes one replacement of them: "-a +b = -c +d" reads better as
// "-a c +b d". The kept and deleted runs still join into the old text, and
// the kept and inserted runs into the new.
func phrases(ops []Op) []Op {
	var out []Op
	for i, op := range ops {
		switch {
		case op.Op == "=" && foldable(out, ops, i):
			out = mergeChange(out, op.Text, op.Text)
		case op.Op == "=":
			out = append(out, op)
		case op.Op == "-":
			out = mergeChange(out, op.Text, "")
		default:
			out = mergeChange(out, "", op.Text)
		}
	}
	return out
}

// foldable reports whether ops[i], a kept run, is white space between a
// replacement (the end of out) and another change, or between a deletion
// and an insertion.
func foldable(out, ops []Op, i int) bool {
	if strings.TrimSpace(ops[i].Text) != "" || len(out) == 0 || i+1 >= len(ops) {
		return false
	}
	n := len(out)
	pair := n >= 2 && out[n-2].Op == "-" && out[n-1].Op == "+"
	return pair || out[n-1].Op != ops[i+1].Op
}

// mergeChange adds a deletion and an insertion to the change at the end of
// ops, keeping deletions before insertions, or starts a change.
func mergeChange(ops []Op, del, ins string) []Op {
	n := len(ops)
	switch {
	case n >= 2 && ops[n-2].Op == "-" && ops[n-1].Op == "+":
		ops[n-2].Text += del
		ops[n-1].Text += ins
		return ops
	case n >= 1 && ops[n-1].Op == "+" && del != "":
		last := ops[n-1]
		ops = append(ops[:n-1], Op{"-", del})
		return append(ops, Op{"+", last.Text + ins})
	}
	ops = appendOp(ops, "-", del)
	return appendOp(ops, "+", ins)
}

// newSentences returns the sentences of b that share less than half their
// words with every sentence of a.
func newSentences(a, b string) []string {
	old := sentences(a)
	var out []string
	for _, s := range sentences(b) {
		ws := proseWords(s)
		if len(ws) < 3 {
			continue
		}
		found := false
		for _, o := range old {
			if dice(proseWords(o), ws) >= 0.5 {
				found = true
				break
			}
		}
		if !found {
			out = append(out, s)
		}
	}
	return out
}

// mathRe matches inline math and code, which translations copy.
var mathRe = regexp.MustCompile("\\$[^$]*\\$|`[^`]*`")

// proseWords returns the words of s, inline math, code and punctuation
// left out: what a translator rewrites.
func proseWords(s string) []string {
	var out []string
	for _, w := range change.Words(mathRe.ReplaceAllString(s, " ")) {
		if r := []rune(w); len(r) > 1 || isWord(r[0]) || isCJK(r[0]) {
			out = append(out, w)
		}
	}
	return out
}

// sentences splits prose after ., ! and ? followed by a space, and after
// the full stops of Chinese and Japanese.
func sentences(s string) []string {
	var out []string
	rs := []rune(s)
	start := 0
	for i, r := range rs {
		end := false
		switch r {
		case '。', '！', '？':
			end = true
		case '.', '!', '?', ';', ':':
			end = i+1 == len(rs) || unicode.IsSpace(rs[i+1])
		}
		if end || i+1 == len(rs) {
			if t := strings.TrimSpace(string(rs[start : i+1])); t != "" {
				out = append(out, t)
			}
			start = i + 1
		}
	}
	return out
}

func dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}
