package yamlref

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestResolve: what a reader sees once aliases and merge keys are
// resolved, as a map of dotted keys to scalar values.
func TestResolve(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       map[string]string
	}{
		{"alias", "a: &x 1\nb: *x\n", map[string]string{"a": "1", "b": "1"}},
		{"merge", "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n", map[string]string{"base.x": "1", "base.y": "2", "m.x": "1", "m.y": "3"}},
		{"merge list, first wins", "a: &a {x: 1}\nb: &b {x: 2, z: 4}\nm:\n  <<: [*a, *b]\n", map[string]string{"a.x": "1", "b.x": "2", "b.z": "4", "m.x": "1", "m.z": "4"}},
		{"quoted << is a key", "m:\n  '<<': 1\n", map[string]string{"m.<<": "1"}},
		{"list alias", "l: &l [1, 2]\nm: *l\n", map[string]string{"l.0": "1", "l.1": "2", "m.0": "1", "m.1": "2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(tt.yaml), &doc); err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			flatten(Resolve(doc.Content[0]), "", got)
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q (all: %v)", k, got[k], v, got)
				}
			}
		})
	}
}

func flatten(n *yaml.Node, prefix string, out map[string]string) {
	switch n.Kind {
	case yaml.ScalarNode:
		out[prefix[:max(len(prefix)-1, 0)]] = n.Value
	case yaml.MappingNode:
		seen := map[string]bool{}
		for i := len(n.Content) - 2; i >= 0; i -= 2 { // last wins
			if k := n.Content[i].Value; !seen[k] {
				seen[k] = true
				flatten(n.Content[i+1], prefix+k+".", out)
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			flatten(c, prefix+string(rune('0'+i))+".", out)
		}
	}
}
