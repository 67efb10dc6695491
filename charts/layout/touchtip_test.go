package layout

import (
	"fmt"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// On a phone, a tapped shape's tooltip stands away from the finger (its box does not come
// within a fingertip of the touch point) and does not cover the shape tapped, and it stays in
// the frame; in every chart view, language and both phone frames.
func TestTouchTooltipAwayFromFinger(t *testing.T) {
	for _, l := range i18n.Langs {
		for _, v := range ChartViews() {
			for _, size := range [][2]float64{{344, 459}, {374, 499}} {
				c := Build(testAssets, charts.State{View: v, Year: charts.Years[len(charts.Years)-1], Lang: l}, size[0], size[1])
				n := 0
				for _, m := range c.Marks {
					if !m.Interactive() || m.Kind != charts.RectMark || m.Rect.H > c.H/4 || m.Rect.W < 4 || m.Rect.H < 4 {
						continue
					}
					p := m.Center()
					var box charts.Rect
					found := false
					for _, o := range OverlayFor(c, m.Datum, p, true) {
						if o.ID == "tooltip/box" {
							box, found = o.Rect, true
						}
					}
					name := fmt.Sprintf("%s %s %v %s", l, v, size, m.ID)
					if !found {
						t.Errorf("%s: no tooltip", name)
						continue
					}
					n++
					finger := charts.Rect{X: p.X - FingerRadius, Y: p.Y - FingerRadius, W: 2 * FingerRadius, H: 2 * FingerRadius}
					if overlaps(box, finger) {
						t.Errorf("%s: tooltip %v within a fingertip of the touch at %v", name, box, p)
					}
					if overlaps(box, m.Rect) {
						t.Errorf("%s: tooltip %v covers the tapped shape %v", name, box, m.Rect)
					}
					if box.X < 0 || box.Y < 0 || box.X+box.W > c.W || box.Y+box.H > c.H {
						t.Errorf("%s: tooltip %v leaves the %v×%v frame", name, box, c.W, c.H)
					}
				}
				if n == 0 && v != "map" && v != "flow" {
					t.Errorf("%s %s %v: no shape to tap", l, v, size)
				}
			}
		}
	}
}
