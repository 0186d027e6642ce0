package report

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// NormalName returns the key under which a translator's name variants
// merge: HTML tags, decorations in parentheses and emoji or other symbols removed,
// spaces collapsed, case folded. "Jonathan Sum(😊🍩📙)" and "jonathan
// sum" share one.
func NormalName(name string) string {
	return strings.ToLower(cleanName(name))
}

// tag matches an HTML tag, such as a link around a name.
var tag = regexp.MustCompile(`<[^>]*>`)

// cleanName removes a name's decorations, keeping its case.
func cleanName(name string) string {
	name = tag.ReplaceAllString(name, "")
	var b strings.Builder
	depth := 0
	for _, r := range name {
		switch {
		case r == '(' || r == '（' || r == '[':
			depth++
		case r == ')' || r == '）' || r == ']':
			depth = max(0, depth-1)
		case depth > 0:
		case unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || unicode.Is(unicode.Cs, r) || r == '\u200d' || r == '\ufe0f':
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// mergeTranslators merges the credited names that are one person: names
// that .mailmap maps to another (authors), then names equal once
// normalised. Each person keeps the spelling credited on most pages.
func mergeTranslators(ts []Translator, authors map[string]string) []Translator {
	by := map[string]*Translator{}
	spell := map[string]map[string]int{} // clean spellings, by pages
	raw := map[string]map[string]bool{}  // names as credited
	for _, t := range ts {
		name := t.Name
		if m, ok := authors[name]; ok {
			name = m
		}
		k := NormalName(name)
		if k == "" {
			k = strings.ToLower(name)
		}
		m := by[k]
		if m == nil {
			m = &Translator{Langs: map[string]int{}}
			by[k], spell[k], raw[k] = m, map[string]int{}, map[string]bool{}
		}
		m.Pages += t.Pages
		for l, n := range t.Langs {
			m.Langs[l] += n
		}
		spell[k][cleanName(name)] += t.Pages
		raw[k][t.Name] = true
	}
	out := []Translator{}
	for k, m := range by {
		m.Name = mostUsed(spell[k])
		for n := range raw[k] {
			if n != m.Name {
				m.Aliases = append(m.Aliases, n)
			}
		}
		sort.Strings(m.Aliases)
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pages != out[j].Pages {
			return out[i].Pages > out[j].Pages
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func mostUsed(m map[string]int) string {
	best, n := "", -1
	for s, c := range m {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return best
}
