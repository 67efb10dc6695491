package layout

import (
	"sort"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// Every chart's footer names the license of the chart (CC BY 4.0, its words held together by
// no-break spaces) after its source, in every language and at every size, so that an image that
// travels alone still says how it may be reused.
func TestSourceLineCarriesLicense(t *testing.T) {
	for _, v := range ChartViews() {
		for _, y := range charts.Years {
			for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
				for _, sz := range matrixSizes {
					c := Build(testAssets, charts.State{View: v, Year: y, Lang: l}, sz[0], sz[1])
					var marks []charts.Mark
					for _, m := range c.Marks {
						if m.Role == charts.RoleSource {
							marks = append(marks, m)
						}
					}
					sort.Slice(marks, func(i, j int) bool { return marks[i].At.Y < marks[j].At.Y })
					var src []string
					for _, m := range marks {
						src = append(src, m.Text)
					}
					line := strings.Join(src, " ")
					if !strings.Contains(line, i18n.HoldTogether(data.LicenseName)) {
						t.Errorf("%s %d %s %vx%v: source line %q names no license", v, y, l, sz[0], sz[1], line)
					}
				}
			}
		}
	}
}
