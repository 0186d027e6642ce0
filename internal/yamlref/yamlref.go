// Package yamlref reads YAML trees as Jekyll's reader (Psych's safe_load
// with aliases) does: aliases stand for the node they name, and merge
// keys (<<) bring in the keys of the mappings they name.
package yamlref

import "go.yaml.in/yaml/v3"

// Resolve returns n with its aliases replaced by their nodes and its
// merge keys expanded: a mapping holding "<<: *base" (or a list of
// aliases) gets base's pairs first and its own after them, so that, read
// last key first, its own keys win and, within a list, earlier mappings
// win over later ones. Nodes are shared, not copied, and n is left as it
// is; lines and columns stay those of the nodes as written.
func Resolve(n *yaml.Node) *yaml.Node {
	r := resolver{done: map[*yaml.Node]*yaml.Node{}}
	return r.node(n)
}

type resolver struct {
	done map[*yaml.Node]*yaml.Node
}

func (r *resolver) node(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	if d, ok := r.done[n]; ok {
		return d
	}
	switch n.Kind {
	case yaml.AliasNode:
		r.done[n] = n // a cycle ends here
		d := r.node(n.Alias)
		r.done[n] = d
		return d
	case yaml.ScalarNode:
		return n
	}
	out := *n
	r.done[n] = &out
	out.Content = nil
	if n.Kind == yaml.MappingNode {
		out.Content = r.mapping(n)
		return &out
	}
	out.Content = make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out.Content[i] = r.node(c)
	}
	return &out
}

// mapping returns the pairs of mapping n: merged ones, then its own.
func (r *resolver) mapping(n *yaml.Node) []*yaml.Node {
	var merged, own []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], r.node(n.Content[i+1])
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag != "!!str" && k.Style == 0 {
			merged = append(merged, r.merge(v)...)
			continue
		}
		own = append(own, k, v)
	}
	return append(merged, own...)
}

// merge returns the pairs a merge key's value brings: a mapping's, or
// those of a list of mappings, the first one's last so that it wins.
func (r *resolver) merge(v *yaml.Node) []*yaml.Node {
	switch v.Kind {
	case yaml.MappingNode:
		return v.Content
	case yaml.SequenceNode:
		var out []*yaml.Node
		for i := len(v.Content) - 1; i >= 0; i-- {
			if m := r.node(v.Content[i]); m.Kind == yaml.MappingNode {
				out = append(out, m.Content...)
			}
		}
		return out
	}
	return nil
}
