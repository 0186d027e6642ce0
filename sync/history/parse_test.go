package history

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// raw builds git log -z output from tokens, NUL-terminating each.
func raw(tokens ...string) []byte {
	return []byte(strings.Join(tokens, "\x00") + "\x00")
}

func hdr(hash, parents, subject string) []string {
	return []string{"commit", hash, parents, "2024-05-01T10:00:00+02:00", "Zoé\tTab", subject}
}

func join(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestParseLog(t *testing.T) {
	tests := []struct {
		name  string
		input []byte
		want  string // commits as "hash parents: changes | ..."
	}{
		{"empty", nil, ""},
		{"changes", raw(join(hdr("c2", "c1", "sub\tject"), []string{"\nM", "a b.md", "R087", "old\n.md", "中文.md", "D", "gone"},
			hdr("c1", "", ""), []string{"\nA", "a b.md"})...),
			`c2 [c1] "sub\tject": M "a b.md", R87 "old\n.md"->"中文.md", D "gone" | c1 [] "": A "a b.md"`},
		{"no changes", raw(join(hdr("c2", "c1", "empty"), hdr("c1", "", "root"), []string{"\nA", "x"})...),
			`c2 [c1] "empty": | c1 [] "root": A "x"`},
		{"merge with a diff per parent", raw(join(
			hdr("m", "p1 p2", "merge"), []string{"\nM", "both", "A", "from p2"},
			hdr("m", "p1 p2", "merge"), []string{"\nM", "both", "M", "from p1"})...),
			`m [p1 p2] "merge": M "both"`},
		{"merge with an empty diff", raw(join(hdr("m", "p1 p2", "merge"), []string{"\nM", "x"})...),
			`m [p1 p2] "merge":`},
		{"no final NUL", []byte(strings.Join(join(hdr("c1", "", "s"), []string{"\nA", "x"}), "\x00")),
			`c1 [] "s": A "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			commits, err := parseLog(tt.input)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range commits {
				if c.Author != "Zoé\tTab" || c.Time.Format("2006-01-02 15:04 -0700") != "2024-05-01 10:00 +0200" {
					t.Errorf("commit %s: author %q, time %v", c.Hash, c.Author, c.Time)
				}
				got = append(got, describeCommit(c))
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

func describeCommit(c *Commit) string {
	s := fmt.Sprintf("%s %v %q:", c.Hash, c.Parents, c.Subject)
	var changes []string
	for _, ch := range c.Changes {
		d := fmt.Sprintf(" %c", ch.Status)
		if ch.Score > 0 {
			d += fmt.Sprint(ch.Score)
		}
		if ch.OldPath != "" {
			d += fmt.Sprintf(" %q->%q", ch.OldPath, ch.Path)
		} else {
			d += fmt.Sprintf(" %q", ch.Path)
		}
		changes = append(changes, d)
	}
	return s + strings.Join(changes, ",")
}

func TestParseLogErrors(t *testing.T) {
	tests := []struct {
		name  string
		input []byte
		want  string
	}{
		{"no header", raw("M", "x"), `"M" where a commit header was expected`},
		{"short header", raw("commit", "c1", ""), "ends where a date was expected"},
		{"bad date", raw("commit", "c1", "", "yesterday", "a", "s"), "author date"},
		{"unknown status", raw(join(hdr("c1", "", "s"), []string{"Q", "x"})...), `unknown file status "Q"`},
		{"bad score", raw(join(hdr("c1", "", "s"), []string{"R1x", "x", "y"})...), `bad file status "R1x"`},
		{"rename without new path", []byte(strings.Join(join(hdr("c1", "", "s"), []string{"R100", "x"}), "\x00")), "ends where a path was expected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseLog(tt.input)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v; want one containing %q", err, tt.want)
			}
		})
	}
}

// FuzzParseLog checks that no input makes the parser panic, and that a
// History can be built and queried from whatever it accepts.
func FuzzParseLog(f *testing.F) {
	f.Add(raw(join(hdr("c2", "c1", "s"), []string{"\nM", "a", "R087", "a", "b"}, hdr("c1", "", "r"), []string{"\nA", "a"})...))
	f.Add(raw(join(hdr("m", "p1 p2", "m"), []string{"\nM", "x"}, hdr("m", "p1 p2", "m"), []string{"\nR050", "y", "x"})...))
	f.Fuzz(func(t *testing.T, data []byte) {
		commits, err := parseLog(data)
		if err != nil {
			return
		}
		h := newHistory(commits, &Repo{})
		for _, c := range commits {
			for _, ch := range c.Changes {
				h.FileLog(ch.Path)
				h.PathAt(ch.Path, c.Hash)
			}
		}
	})
}

func TestFiveFields(t *testing.T) {
	for in, want := range map[string]bool{
		"100644 100644 abc def M":   true,
		"000000 100644 0 abc A":     true,
		"100644 100644 abc def":     false,
		"100644 100644 abc def M x": false,
		"100644  100644 abc def M":  false,
		"":                          false,
	} {
		f, ok := fiveFields([]byte(in))
		if ok != want {
			t.Errorf("fiveFields(%q) ok = %v; want %v", in, ok, want)
		}
		if ok && string(bytes.Join(f[:], []byte(" "))) != in {
			t.Errorf("fiveFields(%q) = %q", in, f)
		}
	}
}
