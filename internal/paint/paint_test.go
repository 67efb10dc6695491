package paint

import (
	"math"
	"testing"

	"azflows/charts"
)

func TestDashCutsAtPattern(t *testing.T) {
	lines, ok := Dash([]charts.Point{{X: 0, Y: 0}, {X: 10, Y: 0}, {X: 10, Y: 10}}, false, []float64{4, 2})
	if !ok {
		t.Fatal("not dashed")
	}
	// 20 px of path: on 0-4, 6-10 (turning the corner), 12-16, 18-20.
	want := []float64{4, 4, 4, 2}
	if len(lines) != len(want) {
		t.Fatalf("%d dashes %v", len(lines), lines)
	}
	for i, l := range lines {
		n := 0.0
		for j := 1; j < len(l); j++ {
			n += dist(l[j-1], l[j])
		}
		if math.Abs(n-want[i]) > 1e-9 {
			t.Errorf("dash %d is %v long, want %v", i, n, want[i])
		}
	}
	if _, ok := Dash([]charts.Point{{X: 0, Y: 0}, {X: 1, Y: 0}}, false, []float64{0, 0}); ok {
		t.Error("an all-zero pattern must draw solid")
	}
}

func TestColor(t *testing.T) {
	if c, ok := Color("#2e5a87"); !ok || c.R != 0x2e || c.G != 0x5a || c.B != 0x87 || c.A != 255 {
		t.Errorf("%v %v", c, ok)
	}
	for _, bad := range []string{"", "#12345", "red", "#zzzzzz"} {
		if _, ok := Color(bad); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}
