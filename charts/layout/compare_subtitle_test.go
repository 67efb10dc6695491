package layout

import (
	"fmt"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// The compare view's subtitle says where the reader finds each half as the frame lays them
// out: left and right side by side, above and below stacked (phones), and only the one scale
// where the other half went to the table. A phone's tightest frame may name only the year.
func TestCompareSubtitleSaysTheLayout(t *testing.T) {
	sizes := [][2]float64{{1000, 562}, {800, 450}, {480, 270}, {344, 459}, {360, 640}, {320, 568}, {390, 844}, {320, 240}}
	seen := map[string]bool{}
	for _, lang := range i18n.Languages {
		l := lang.Lang
		for _, sz := range sizes {
			for _, year := range []int{2010, 2012} {
				name := fmt.Sprintf("%s %vx%v %d", l, sz[0], sz[1], year)
				c := Build(testAssets, charts.State{View: "compare", Year: year, Lang: l}, sz[0], sz[1])
				var sub []string
				for _, m := range c.Marks {
					if m.Role == charts.RoleSubtitle {
						sub = append(sub, m.Text)
					}
				}
				if len(sub) == 0 {
					continue // no room for a subtitle: nothing to say wrong
				}
				var official, other *charts.Panel
				for i := range c.Panels {
					switch p := &c.Panels[i]; p.ID {
					case "official":
						official = p
					case "ngo":
						other = p
					}
				}
				if official == nil {
					t.Fatalf("%s: no official panel", name)
				}
				layout := "one"
				if other != nil {
					oy1 := official.Rows[len(official.Rows)-1].Y1
					switch {
					case other.X.R0 >= official.X.R1:
						layout = "side"
					case other.Rows[0].Y0 >= oy1:
						layout = "stacked"
					default:
						t.Fatalf("%s: the halves neither side by side nor stacked", name)
					}
				}
				seen[layout] = true
				key := map[string]string{"side": "compare.subtitle", "stacked": "compare.subtitle.stacked", "one": "compare.subtitle.one"}[layout]
				got := strings.Join(sub, " ")
				if layout == "stacked" && got == i18n.T(l, "compare.subtitle.year", year) {
					continue // a phone's tight frame names the year only: the halves' headers say the rest
				}
				if want := i18n.T(l, key, year); got != want {
					t.Errorf("%s, laid out %s: subtitle %q, want %q", name, layout, got, want)
				}
			}
		}
	}
	for _, layout := range []string{"side", "stacked", "one"} {
		if !seen[layout] {
			t.Errorf("no size of the list lays the compare view out %s (with a subtitle): the test does not see it", layout)
		}
	}
}
