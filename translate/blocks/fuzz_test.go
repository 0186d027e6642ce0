package blocks

import (
	"reflect"
	"slices"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"# T\n\ntext *a* [l](u)\n",
		"$$\nx\n$$\n",
		"- a\n  $$\n  x\n  $$\n- b\n",
		"<!--\n## T\n-->\n## T\n",
		"```\n$$\n```\n",
		"{% include x.html %}\n{: .c}\n",
		"| a | b |\n|---|---|\n",
		"> q\n>\n> ```\n",
		"Title\n---\n",
		"$a$ $$b\nc$$ `d` <img src=x>",
		"{% highlight go %}\nx\n",
		"\r\n\r\n***\r\n",
	} {
		f.Add([]byte(s), 1)
	}
	f.Fuzz(func(t *testing.T, body []byte, first int) {
		first = 1 + (first&0xffff+0xffff)%0xffff
		bs := Parse(body, first)
		checkBlocks(t, body, first, bs)
		if shared := ParseShared(slices.Clone(body), first); !reflect.DeepEqual(shared, bs) {
			t.Errorf("ParseShared differs from Parse:\n%v\n%v", shared, bs)
		}
		for _, p := range Pairs(bs) {
			_ = p.Translation
		}
		_ = Skeleton(bs)
	})
}
