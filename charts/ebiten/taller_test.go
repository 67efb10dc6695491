package ebiten

import (
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/site"
)

func tallerMsgs(ms []message) []float64 {
	var out []float64
	for _, m := range ms {
		if m.Type == site.MsgTaller {
			out = append(out, m.Height)
		}
	}
	return out
}

// A chart taller than its frame (layout.Build grew it) is reported to the page with the height
// it took; given that height, the view builds the same chart and asks nothing more (no loop);
// another view that fits the frame says so (0), and the frame back at its own height asks
// nothing again.
func TestViewReportsTallerChart(t *testing.T) {
	for _, lang := range []string{"az", "ru"} {
		v := newView(testAssets.Fonts, "view=timeline&year=2012&lang="+lang)
		want := layout.Build(testAssets, charts.State{View: "timeline", Year: 2012, Lang: charts.ParseHash("lang=" + lang).Lang}, 344, 194).H
		if want <= 194 {
			t.Fatalf("%s: the timeline at 344×194 did not grow (H %v)", lang, want)
		}
		got := tallerMsgs(tick(v, input{W: 344, H: 194, DSF: 1}))
		if len(got) != 1 || got[0] != want {
			t.Fatalf("%s: taller messages %v, want [%v]", lang, got, want)
		}
		if v.chart.H != want {
			t.Errorf("%s: the view's chart is %v tall, want %v", lang, v.chart.H, want)
		}
		// The page gives the view's box that height.
		for i := 0; i < 3; i++ {
			if got := tallerMsgs(tick(v, input{W: 344, H: want, DSF: 1})); len(got) != 0 {
				t.Errorf("%s: at the height it asked for, the view asked again: %v", lang, got)
			}
		}
		if v.chart.H != want || v.chart.W != 344 {
			t.Errorf("%s: at its height the chart is %vx%v, want 344x%v", lang, v.chart.W, v.chart.H, want)
		}
		// Another view, which fits the frame: the box returns to its own height.
		// (The flow view, as tools/e2e/taller_test.go does: the Azerbaijani bars grow at 344×194
		// since their not-given row names the country, charts.grows.)
		got = tallerMsgs(tick(v, input{W: 344, H: want, DSF: 1, HasHash: true, Hash: "view=flow&year=2012&lang=" + lang}))
		if len(got) != 1 || got[0] != 0 {
			t.Errorf("%s: after switching to the flow: taller messages %v, want [0]", lang, got)
		}
		if got := tallerMsgs(tick(v, input{W: 344, H: 194, DSF: 1})); len(got) != 0 {
			t.Errorf("%s: back at its own height, the view asked %v", lang, got)
		}
		if v.chart.H != 194 {
			t.Errorf("%s: the flow at 344×194 is %v tall", lang, v.chart.H)
		}
	}
}
