package export

import "testing"

func TestAnchors(t *testing.T) {
	type h struct{ raw, text, want string }
	tests := []struct {
		name, generator, input string
		headings               []h
	}{
		{"jekyll gfm: link target left out", "jekyll", "", []h{
			{"## [Overview](https://www.youtube.com/watch?v=x&t=64s)", "Overview", "overview"}}},
		{"jekyll gfm: punctuation dropped, letters of any script kept", "jekyll", "", []h{
			{"## Energy-based models v.s. probabilistic models", "Energy-based models v.s. probabilistic models", "energy-based-models-vs-probabilistic-models"},
			{"## 구조화된 예측", "구조화된 예측", "구조화된-예측"},
			{"### 시퀀스 레이블링<sup>labeling</sup>", "시퀀스 레이블링labeling", "시퀀스-레이블링labeling"}}},
		{"jekyll gfm: repeats numbered", "jekyll", "GFM", []h{
			{"## Recap", "Recap", "recap"}, {"## Recap", "Recap", "recap-1"}, {"## Recap", "Recap", "recap-2"}}},
		{"jekyll: explicit id wins", "jekyll", "", []h{
			{"## Overview {#intro}", "Overview {#intro}", "intro"}}},
		{"kramdown input: ASCII only, leading digits dropped", "jekyll", "kramdown", []h{
			{"## 1. Über Netze", "1. Über Netze", "ber-netze"}, {"## 1. Über Netze", "1. Über Netze", "ber-netze-1"}, {"## 你好", "你好", "section"}}},
		{"hugo: rendered text", "hugo", "", []h{
			{"## What is *Cloud Native*?", "What is Cloud Native?", "what-is-cloud-native"},
			{"## What is *Cloud Native*?", "What is Cloud Native?", "what-is-cloud-native-1"},
			{"## Qu'est-ce que c'est ?", "Qu'est-ce que c'est ?", "quest-ce-que-cest-"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := NewAnchors(tt.generator, tt.input)
			for _, x := range tt.headings {
				if got := a.Next(x.raw, x.text); got != x.want {
					t.Errorf("%q: id %q, want %q", x.raw, got, x.want)
				}
			}
		})
	}
}
