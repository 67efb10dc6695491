package layout

import (
	"math"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// testMinRouteLen is the least length, in CSS px, an arc of the map is drawn at.
const testMinRouteLen = 24

// Issue 26: the dashed "other countries incl. Russia 4" arc was a stub of about 10 px on both
// phone maps: it read as a speck, not as a route. Every arc of the map, the group's stub too, is
// drawn at least 24 px long, in every language, at the phone sizes and the desktop's.
func TestMapArcsReadAsRoutes(t *testing.T) {
	seen := 0
	for _, sz := range [][2]float64{{344, 459}, {360, 480}, {374, 499}, {800, 450}} {
		for _, l := range i18n.Langs {
			for _, y := range charts.Years {
				c := Build(testAssets, charts.State{View: "map", Year: y, Lang: l}, sz[0], sz[1])
				for _, m := range c.Marks {
					if m.Role != charts.RoleArc || m.Kind != charts.PathMark {
						continue
					}
					seen++
					long := 0.0
					for _, a := range m.Points {
						for _, b := range m.Points {
							long = max(long, math.Hypot(a.X-b.X, a.Y-b.Y))
						}
					}
					if long < testMinRouteLen {
						t.Errorf("%s %d at %vx%v: %s is drawn %.1f px long (want ≥ %d)", l, y, sz[0], sz[1], m.ID, long, testMinRouteLen)
					}
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no arcs")
	}
}
