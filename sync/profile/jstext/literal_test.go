package jstext

import (
	"regexp"
	"testing"
)

func TestLiteral(t *testing.T) {
	src := StripComments(`export default {
  sidebar: [
    'intro', // a comment
    { label: "Guides", translations: { fr: 'Guides FR' }, items: ['guides/a', { slug: 'guides/b' }] },
    { label: ` + "`T ${x}`" + `, autogenerate: { directory: 'reference' }, collapsed: true },
    ...more,
    fn(1, [2]),
  ],
}`)
	v := Assigned(src, regexp.MustCompile(`\bsidebar\s*:`))
	if v == nil || v.Kind != Array || len(v.Items) != 5 {
		t.Fatalf("got %+v", v)
	}
	if v.Items[0].Str() != "intro" || v.Items[0].Line != 3 || v.Items[0].Col != 5 {
		t.Errorf("intro: %+v", v.Items[0])
	}
	g := v.Items[1]
	if g.Get("label").Str() != "Guides" || g.Get("translations").Get("fr").Str() != "Guides FR" {
		t.Errorf("group: %+v", g)
	}
	if it := g.Get("items"); len(it.Items) != 2 || it.Items[1].Get("slug").Str() != "guides/b" || it.Items[1].Get("slug").Line != 4 {
		t.Errorf("items: %+v", it)
	}
	if a := v.Items[2]; a.Get("label").Kind != Other || a.Get("autogenerate").Get("directory").Str() != "reference" || a.Get("collapsed").Text != "true" {
		t.Errorf("autogenerate: %+v", a)
	}
	if v.Items[3].Kind != Other || v.Items[4].Text != "fn(1, [2])" {
		t.Errorf("others: %+v %+v", v.Items[3], v.Items[4])
	}
}

func TestAssignedFollowsAName(t *testing.T) {
	src := "const sidebars = {docs: ['a', 'b']};\nmodule.exports = sidebars;\n"
	v := Assigned(src, regexp.MustCompile(`module\.exports\s*=`))
	if v.Get("docs") == nil || len(v.Get("docs").Items) != 2 {
		t.Fatalf("got %+v", v)
	}
}

// TestLiteralBroken: unclosed and stray input gives a best guess, never
// a hang or a panic.
func TestLiteralBroken(t *testing.T) {
	for _, src := range []string{"", "[", "{", "['a', {b: [", "]]]", "{a: }}", "{'a' 'b'}", "[`x", "{[k]: 1, ...x}", "{a,b(){}}"} {
		Literal(src, 0)
	}
}

func FuzzLiteral(f *testing.F) {
	f.Add("{a: ['b', {c: 'd'}]}")
	f.Fuzz(func(t *testing.T, s string) { Literal(s, 0) })
}
