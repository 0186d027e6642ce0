package diff

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

func TestLineMode(t *testing.T) {
	tests := []struct {
		name         string
		src, tr      int
		wantLineMode bool
	}{
		{"small pages", 10 << 10, 10 << 10, false},
		{"at the bound", LineModeBytes, LineModeBytes, false},
		{"a source over it", LineModeBytes + 1, 10, true},
		{"a translation over it", 10, LineModeBytes + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LineMode(tt.src, tt.tr); got != tt.wantLineMode {
				t.Errorf("LineMode(%d, %d) = %v", tt.src, tt.tr, got)
			}
		})
	}
}

// TestBuildLines: a page diffed line by line has one change per run of
// changed lines, with file line numbers, the nearest heading above as its
// section, a word diff, and no place in the translation.
func TestBuildLines(t *testing.T) {
	in := input(false)
	in.LineMode = true
	p := Build(in)
	if !p.LineMode || len(p.Commits) != 3 {
		t.Fatalf("LineMode %v, %d commits", p.LineMode, len(p.Commits))
	}
	type want struct {
		kind, section, old, new, words string
	}
	wants := []want{
		{"modified", "Intro", "7-7", "7-7", "{+ They are trained with contrastive methods.+}"},
		{"modified", "Code", "12-12", "12-12", "x = torch.[-zeros-]{+ones+}(3)"},
		{"modified", "Notes", "17-17", "17-17", "We [-recieve-]{+receive+} the data"},
		{"modified", "Notes", "19-19", "19-19", "{+frac{1}{N} \\+}"},
		{"modified", "Notes", "21-21", "21-22", "A short remark about training\nthat nobody reads."},
	}
	if len(p.Changes) != len(wants) {
		t.Fatalf("%d changes, want %d: %+v", len(p.Changes), len(wants), p.Changes)
	}
	for i, w := range wants {
		c := p.Changes[i]
		got := want{c.Kind, strings.Join(c.Section, " › "), lineText(c.Old), lineText(c.New), wordsText(c.Words)}
		if got.kind != w.kind || got.section != w.section || got.old != w.old || got.new != w.new || !strings.Contains(got.words, w.words) {
			t.Errorf("change %d = %+v, want %+v", i, got, w)
		}
		if c.Block != "lines" || c.Translation.Where != "unplaced" || c.Translation.Lines != nil {
			t.Errorf("change %d: block %q, place %+v", i, c.Block, c.Translation)
		}
	}
}

func lineText(l *Lines) string {
	if l == nil {
		return ""
	}
	return fmt.Sprintf("%d-%d", l.Start, l.End)
}

func wordsText(ops []Op) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Op {
		case "-":
			b.WriteString("[-" + op.Text + "-]")
		case "+":
			b.WriteString("{+" + op.Text + "+}")
		default:
			b.WriteString(op.Text)
		}
	}
	return b.String()
}

// TestBuildLinesAddedAndRemoved: runs of lines only added or only removed.
func TestBuildLinesAddedAndRemoved(t *testing.T) {
	old := "---\nlang-ref: a\n---\n# A\n\none\ntwo\n"
	new := "---\nlang-ref: a\n---\n# A\n\nzero\n\none\n"
	p := Build(Input{Versions: []Version{{Src: []byte(old)}, {Rev: "r", Src: []byte(new)}}, LineMode: true})
	var got []string
	for _, c := range p.Changes {
		got = append(got, c.Kind+" "+lineText(c.Old)+" "+lineText(c.New))
	}
	want := []string{"added  6-7", "removed 7-7 "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("changes %q, want %q", got, want)
	}
}

// bigPage is a page of about size bytes: sections of paragraphs, one
// paragraph in fifty changed when edited is true.
func bigPage(size int, edited bool) []byte {
	var b strings.Builder
	b.WriteString("---\nlang-ref: big\n---\n")
	for i := 0; b.Len() < size; i++ {
		if i%20 == 0 {
			fmt.Fprintf(&b, "\n## Section %d\n", i)
			continue
		}
		word := "model"
		if edited && i%50 == 7 {
			word = "models"
		}
		fmt.Fprintf(&b, "\nParagraph %d: the %s learns a representation of the data it is trained on, layer by layer.\n", i, word)
	}
	return []byte(b.String())
}

// TestBuildLinesMemoryIsLinear: a page over the bound is diffed in
// memory proportional to its size: about 8 bytes allocated per byte of
// the two versions, of which little stays live (block by block allocated
// some 75 and kept some 30).
func TestBuildLinesMemoryIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 2 × 6 MB page")
	}
	old, new := bigPage(LineModeBytes*3/2, false), bigPage(LineModeBytes*3/2, true)
	in := Input{Versions: []Version{{Src: old}, {Rev: "r", Src: new}}}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p := Build(in)
	runtime.ReadMemStats(&after)
	if !p.LineMode || len(p.Changes) == 0 {
		t.Fatalf("LineMode %v, %d changes", p.LineMode, len(p.Changes))
	}
	perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(old)+len(new))
	if perByte > 12 {
		t.Errorf("the line diff allocated %.1f bytes per byte of the page's two versions, want at most 12", perByte)
	}
}

// BenchmarkBuildLines diffs a page of 16 MiB, four times the line mode
// bound, with a change in one paragraph in fifty (go test -bench
// BuildLines -benchmem ./translate/diff/).
func BenchmarkBuildLines(b *testing.B) {
	old, new := bigPage(16<<20, false), bigPage(16<<20, true)
	in := Input{Versions: []Version{{Src: old}, {Rev: "r", Src: new}}}
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	for b.Loop() {
		Build(in)
	}
}
