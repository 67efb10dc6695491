//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
)

// The desktops of TestDesktopLayoutShift: a laptop, where the chart fills the width and the
// summary is at the screen's foot, and a large screen, where everything under the chart
// (summary, keys, downloads, embed and sources) is in view.
var desktops = []struct{ w, h int64 }{{1280, 800}, {1920, 1080}}

// On a desktop, in every language, the live chart takes exactly the static chart's place, and
// the layout shift from the first paint to live and through every view and year (switched as
// a link would, no input, so every shift counts) is ≤ 0.02: the summary under the chart,
// whose length changes with the view, moves nothing under it.
func TestDesktopLayoutShift(t *testing.T) {
	for _, lang := range []string{"en", "az", "ru"} {
		for _, d := range desktops {
			name := fmt.Sprintf("%s %dx%d", lang, d.w, d.h)
			ctx, stop := newBrowser(t, withMouse)
			onNewDocument(t, ctx, shiftsJS)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(d.w, d.h), chromedp.Navigate(baseURL+"/"+pageOf(lang))); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
			first := eval[chartBox](t, ctx, chartBoxJS)
			// The chart in view, as a reader who came for it has it, so that its shifts count.
			if err := runJS(ctx, `window.scrollTo(0, `+strconv.FormatFloat(max(0, first.Top-8), 'f', 0, 64)+`)`); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the live chart", `window.azflowsPage.mode !== 'static'`, 40*time.Second)
			time.Sleep(500 * time.Millisecond) // the view's frame settles
			live := eval[chartBox](t, ctx, chartBoxJS)
			if math.Abs(live.Top-first.Top) > 0.5 || math.Abs(live.H-first.SH) > 1 || math.Abs(live.W-first.SW) > 1 {
				t.Errorf("%s: the static chart was %.0f×%.0f at y = %.0f, the live one is %.0f×%.0f at y = %.0f", name, first.SW, first.SH, first.Top, live.W, live.H, live.Top)
			}
			for _, v := range charts.Views() {
				if !charts.IsChart(v) {
					continue
				}
				for _, y := range charts.Years {
					if err := runJS(ctx, `location.hash = 'view=`+v+`&year=`+strconv.Itoa(y)+`'`); err != nil {
						t.Fatal(err)
					}
					waitFor(t, ctx, v+" "+strconv.Itoa(y), `window.azflowsPage.state.view === '`+v+`' && window.azflowsPage.state.year === `+strconv.Itoa(y), 5*time.Second)
					time.Sleep(150 * time.Millisecond)
				}
			}
			if err := runJS(ctx, `location.hash = 'view=map&year=2010'`); err != nil {
				t.Fatal(err)
			}
			time.Sleep(300 * time.Millisecond)
			sh := eval[struct {
				Sum  float64
				List []string
			}](t, ctx, `window.azflowsShifts`)
			if sh.Sum > 0.02 {
				t.Errorf("%s: cumulative layout shift %.4f > 0.02: %q", name, sh.Sum, sh.List)
			} else {
				t.Logf("%s: cumulative layout shift %.4f", name, sh.Sum)
			}
			stop()
		}
	}
}
