package ebiten

import (
	"testing"

	"azflows/charts"
)

// Issue 26: a finger's tap on the phone timeline, whose rows are ~13 px apart, pins the nearest
// datum within charts.TouchSlop (22 px, half a 44 px target), as the model's HitNear says; the
// mouse keeps its exact hit test. A tap 20 px above the first row pins that row; a click there
// pins nothing.
func TestTapSelectsNearestRow(t *testing.T) {
	v := newView(testAssets.Fonts, "view=timeline&year=2012")
	in := input{W: 344, H: 459, DSF: 2}
	tick(v, in)
	v.frame(688, 918)
	tick(v, in)
	var first charts.Mark
	for _, m := range v.chart.Marks {
		if m.Kind == charts.TextMark && m.Role == charts.RoleLabel && m.Datum != "" && (first.Datum == "" || m.Bounds().Y < first.Bounds().Y) {
			first = m
		}
	}
	if first.Datum == "" {
		t.Fatal("no labelled row in the phone timeline")
	}
	b := first.Bounds()
	p := charts.Point{X: b.X + b.W/2, Y: b.Y + b.H/2 - 20}
	press := in
	press.Clicks = []click{{At: p}}
	tick(v, press)
	if v.pinned != "" {
		t.Errorf("a mouse click 20 px above the first row pinned %q", v.pinned)
	}
	tap := in
	tap.Clicks = []click{{At: p, Touch: true}}
	tick(v, tap)
	if v.pinned != first.Datum {
		t.Errorf("a tap 20 px above the first row (%q) pinned %q", first.Datum, v.pinned)
	}
}
