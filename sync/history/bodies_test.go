package history

import (
	"reflect"
	"testing"
)

func TestBodies(t *testing.T) {
	r := newTestRepo(t)
	r.Write("docs/a.md", "one\n")
	r.Commit("add a")
	r.Write("docs/a.md", "two\n")
	ignore := r.Commit("docs: rename\n\nA longer story.\n\n@lunaria-ignore:docs/**/*.md")
	r.Write("other/b.md", "x\n")
	r.Commit("outside\n\n@lunaria-ignore:other/b.md")
	r.Write("docs/a.md", "three\n")
	r.Commit("plain\n\nno directive here")
	repo, _ := r.load()
	tests := []struct {
		name      string
		pattern   string
		pathspecs []string
		want      map[string]string
	}{
		{"only the matching messages, under the pathspecs", "@lunaria-(ignore|track):", []string{"docs"},
			map[string]string{ignore: "A longer story.\n\n@lunaria-ignore:docs/**/*.md\n"}},
		{"a pattern no message matches", "@nothing", nil, map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := repo.Bodies(tt.pattern, tt.pathspecs...)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Bodies = %q, want %q", got, tt.want)
			}
		})
	}
}
