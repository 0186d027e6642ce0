package testcorpus

import "testing"

func TestParseRaw(t *testing.T) {
	const a, b, z = "aaaa", "bbbb", "0000"
	tests := []struct {
		name, line string
		want       Change
		ok         bool
	}{
		{"added", ":000000 100644 " + z + " " + b + " A\tdocs/en/a.md", Change{"docs/en/a.md", "", b}, true},
		{"modified", ":100644 100644 " + a + " " + b + " M\tdocs/en/a.md", Change{"docs/en/a.md", a, b}, true},
		{"no longer executable", ":100755 100644 " + a + " " + b + " M\tdocs/a.md", Change{"docs/a.md", "", b}, true},
		{"link to file", ":120000 100644 " + a + " " + b + " T\tdocs/a.md", Change{"docs/a.md", "", b}, true},
		{"deleted", ":100644 000000 " + a + " " + z + " D\tdocs/a.md", Change{}, false},
		{"made executable", ":100644 100755 " + a + " " + b + " M\tdocs/a.md", Change{}, false},
		{"added link", ":000000 120000 " + z + " " + b + " A\tdocs/a.md", Change{}, false},
		{"blank", "", Change{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseRaw(tt.line)
			if got != tt.want || ok != tt.ok {
				t.Errorf("parseRaw(%q) = %+v, %t; want %+v, %t", tt.line, got, ok, tt.want, tt.ok)
			}
		})
	}
}
