package layout

import (
	"fmt"
	"strings"
	"testing"

	"azflows/charts"
)

// The live tooltip shows each of its lines whole, the first (bold, with the figure) too: it
// wraps and never cuts with "…" ("Victims taken to the United Arab Emira…"), its text is at
// least 11 px, and the box stays inside the frame.
func TestTooltipWhole(t *testing.T) {
	for _, v := range ChartViews() {
		for _, y := range charts.Years {
			for _, l := range matrixLangs {
				for _, s := range [][2]float64{{360, 640}, {390, 844}, {800, 450}, {1280, 720}} {
					c := Build(testAssets, charts.State{View: v, Year: y, Lang: l}, s[0], s[1])
					for id, lines := range c.Tips {
						var got []string
						for _, m := range Overlay(c, id, charts.Point{X: s[0] / 2, Y: s[1] / 2}) {
							if m.Role != charts.RoleTooltip {
								continue
							}
							if m.Kind == charts.RectMark && (m.Rect.X < 0 || m.Rect.Y < 0 || m.Rect.X+m.Rect.W > s[0] || m.Rect.Y+m.Rect.H > s[1]) {
								t.Errorf("%s %d %s %v %s: the box %v leaves the frame", v, y, l, s, id, m.Rect)
							}
							if m.Kind != charts.TextMark {
								continue
							}
							got = append(got, m.Text)
							if m.Size < MinText {
								t.Errorf("%s %d %s %v %s: %.1f px", v, y, l, s, id, m.Size)
							}
						}
						want := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
						if g := strings.Join(strings.Fields(strings.Join(got, " ")), " "); g != want {
							t.Errorf("%s", fmt.Sprintf("%s %d %s %v %s: shows %q, not %q", v, y, l, s, id, g, want))
							break
						}
					}
				}
			}
		}
	}
}
