package ebiten

import (
	"testing"

	"azflows/charts"
)

// A press on the page outside the view's frame (site.MsgDismiss) takes away the tooltip a tap
// or a click pinned, as a tap on nothing in the chart does: the overlay goes and the page's
// read-out is told there is nothing shown.
func TestDismissFromThePage(t *testing.T) {
	for _, touch := range []bool{true, false} {
		v := newView(testAssets.Fonts, "view=bars&year=2012")
		tick(v, input{})
		v.frame(360, 480)
		tick(v, input{})
		bar := firstMark(v.chart, charts.RoleBar)
		tick(v, input{Clicks: []click{{At: bar.Center(), Touch: touch}}})
		if d, _ := v.shownDatum(); d != bar.Datum || len(v.overlay) == 0 {
			t.Fatalf("touch %v: the press on %s shows %q with %d overlay ops", touch, bar.Datum, d, len(v.overlay))
		}
		v.frame(360, 480)
		got := hoverMsgs(tick(v, input{Dismiss: true, PointerLeft: !touch}))
		if d, _ := v.shownDatum(); d != "" || v.pinned != "" || len(v.overlay) != 0 {
			t.Errorf("touch %v: after the page's dismiss %q is shown (pinned %q, %d overlay ops)", touch, d, v.pinned, len(v.overlay))
		}
		if len(got) != 1 || got[0] != "" {
			t.Errorf("touch %v: the dismiss posted hover messages %q, want one empty", touch, got)
		}
		if _, _, ok := v.frame(360, 480); !ok {
			t.Errorf("touch %v: the tooltip's going was not drawn", touch)
		}
	}
}

// A finger's tooltip has a close control of at least 44×44 CSS px inside its box and the
// frame; a tap on it takes the tooltip away, even where a shape lies under it.
func TestTooltipCloseControl(t *testing.T) {
	for _, size := range [][2]float64{{344, 459}, {360, 480}, {390, 520}} {
		v := newView(testAssets.Fonts, "view=bars&year=2012")
		tick := func(v *view, in input) []message { // at the phone's size
			in.W, in.H, in.DSF = size[0], size[1], 2
			return v.update(in)
		}
		tick(v, input{})
		v.frame(int(size[0]*2), int(size[1]*2))
		tick(v, input{})
		for _, m := range v.chart.Marks {
			if m.Role != charts.RoleBar || m.Datum == "" {
				continue
			}
			tick(v, input{Clicks: []click{{At: m.Center(), Touch: true}}})
			if v.pinned != m.Datum {
				t.Fatalf("%v: the tap on %s pinned %q", size, m.ID, v.pinned)
			}
			x := v.closeAt
			if x.W < 44 || x.H < 44 || x.X < 0 || x.Y < 0 || x.X+x.W > size[0] || x.Y+x.H > size[1] {
				t.Errorf("%v %s: close control %+v: under 44×44 or outside the frame", size, m.ID, x)
				continue
			}
			if x.Contains(m.Center()) {
				t.Errorf("%v %s: the close control %+v lies under the finger", size, m.ID, x)
			}
			got := hoverMsgs(tick(v, input{Clicks: []click{{At: charts.Point{X: x.X + x.W/2, Y: x.Y + x.H/2}, Touch: true}}}))
			if d, _ := v.shownDatum(); d != "" || v.pinned != "" || len(v.overlay) != 0 {
				t.Errorf("%v %s: after a tap on the close control %q is shown (pinned %q)", size, m.ID, d, v.pinned)
			}
			if len(got) != 1 || got[0] != "" {
				t.Errorf("%v %s: the close posted hover messages %q, want one empty", size, m.ID, got)
			}
		}
	}
}
