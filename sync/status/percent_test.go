package status

import "testing"

func TestPercent(t *testing.T) {
	tests := []struct {
		name string
		f    float64
		want float64
	}{
		{"nothing", 0, 0},
		{"55 of 60 rounds to the nearest", 55.0 / 60, 91.7},
		{"28 of 60", 28.0 / 60, 46.7},
		{"a third", 1.0 / 3, 33.3},
		{"almost complete is not complete", 0.99999, 99.9},
		{"complete", 1, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Percent(tt.f); got != tt.want {
				t.Errorf("Percent(%v) = %v, want %v", tt.f, got, tt.want)
			}
		})
	}
}
