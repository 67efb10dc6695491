package layout

import (
	"fmt"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// On a phone the compare view draws the lede's headline numbers, the NGOs' "up to 1,000" (a
// dashed outline) and the multi-year 473, with the age range, and never sends them to the
// table: the summary under the chart says the estimate "is drawn dashed".
//
// The pseudo-locale (40 % longer) is held to it on the whole phone screens only: in the 3:4
// frames under the page's controls its right half is 25–60 px taller than the frame.
func TestComparePhoneDrawsEstimates(t *testing.T) {
	for _, y := range charts.Years {
		for _, l := range matrixLangs {
			rest := i18n.T(l, "compare.rest", i18n.FigText(l, mustFigure(cmpTotal)))
			for _, s := range phoneFrames {
				if l == i18n.XX && s[1] < 1.5*s[0] {
					continue // see above
				}
				c := Build(testAssets, charts.State{View: "compare", Year: y, Lang: l}, s[0], s[1])
				name := fmt.Sprintf("%d/%s/%.0fx%.0f", y, l, s[0], s[1])
				drawn := map[string]bool{}
				for _, m := range c.Marks {
					switch {
					case m.Kind == charts.RectMark && m.Datum == cmpNGO && len(m.Style.Dash) > 0:
						drawn["ngo outline"] = true
					case m.Kind == charts.TextMark && m.Datum == cmpNGO && strings.Contains(m.Text, i18n.FigText(l, mustFigure(cmpNGO))):
						drawn["ngo value"] = true
					case m.Kind == charts.TextMark && m.Datum == cmpTotal && m.Text == i18n.FigText(l, mustFigure(cmpTotal)):
						drawn["473"] = true
					case m.Kind == charts.RectMark && m.Datum == cmpAge:
						drawn["age range"] = true
					}
					if m.Kind == charts.TextMark && strings.Contains(rest, m.Text) && len(m.Text) > 12 {
						t.Errorf("%s: points to the table: %q", name, m.Text)
					}
				}
				for _, want := range []string{"ngo outline", "ngo value", "473", "age range"} {
					if !drawn[want] {
						t.Errorf("%s: %s not drawn", name, want)
					}
				}
				if p := matrixProblems(c); len(p) > 0 {
					t.Errorf("%s:\n\t%s", name, strings.Join(p, "\n\t"))
				}
			}
		}
	}
}
