//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"math"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// Issue 26: on the ru first screen at 360×640 the chart's box ran past the screen's foot with
// ~45 px of blank under its last line: the phone map's picture kept a blank between its key and
// its credits (charts.TestPhoneMapLeavesNoBlankAboveFoot). On phones, in every language, the
// first chart's box is exactly its picture's height (static and live), and the model's picture
// at the box's size has no blank above its foot beyond the frame's gap.
func TestPhoneChartBoxIsItsPicture(t *testing.T) {
	for _, lang := range []string{"en", "az", "ru"} {
		for _, p := range phones {
			ctx, stop := newBrowser(t)
			name := fmt.Sprintf("%s %dx%d", lang, p.w, p.h)
			first := shiftToLive(t, ctx, name, phoneViewport(p.w, p.h), pageOf(lang), "view=map&year=2010")
			m := eval[[]float64](t, ctx, `(() => { const s = document.querySelector('#static-phone svg'), v = s.viewBox.baseVal, r = s.getBoundingClientRect(), f = document.querySelector('#live-slot iframe').getBoundingClientRect(), b = document.getElementById('static-phone').getBoundingClientRect();
				return [r.width, r.height, v.width, v.height, f.width, f.height, b.height]; })()`)
			w, h, vw, vh, fw, fh, bh := m[0], m[1], m[2], m[3], m[4], m[5], m[6]
			if math.Abs(h-w*vh/vw) > 1 || math.Abs(bh-h) > 1 {
				t.Errorf("%s: the static chart's box is %.1f×%.1f (its holder %.1f tall), its picture %.0f×%.0f: the box is not the picture", name, w, h, bh, vw, vh)
			}
			if math.Abs(fh-h) > 1 || math.Abs(fw-w) > 1 {
				t.Errorf("%s: the live chart's box is %.1f×%.1f, the static picture's %.1f×%.1f", name, fw, fh, w, h)
			}
			c := layout.Build(testAssets, charts.State{View: "map", Year: 2010, Lang: i18n.Lang(lang)}, fw, fh)
			slack, _ := layout.FootSlack(c)
			t.Logf("%s: chart from y = %.0f, box %.0f×%.0f, live %.0f×%.0f, %.1f px between the plot and the credits", name, first.Top, w, h, fw, fh, slack)
			if slack > 20 {
				t.Errorf("%s: the live chart at %.0f×%.0f has %.1f px of blank above its credits", name, fw, fh, slack)
			}
			stop()
		}
	}
}
