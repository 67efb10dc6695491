//go:build !(js && wasm)

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Issue 26: a link to the table view (#view=table) loads the live view hidden, and a hidden
// view does not draw, so it cannot say it is ready. The page's 20 s wait for it (app.js,
// READY_TIMEOUT_MS) counts only while a chart is shown: a reader who reads the table for
// longer than that and then opens the map gets the live chart, not the fallback with a
// false "slow connection?".
func TestTableLinkThenChartGoesLive(t *testing.T) {
	ctx, _ := newBrowser(t)
	if err := chromedp.Do(ctx, phoneViewport(360, 640), chromedp.Navigate(baseURL+"/"+pageOf("ru")+"#view=table&year=2012")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the table view", `document.body.classList.contains('view-table') && !!document.querySelector('#live-slot iframe')`, 30*time.Second)
	// Past the page's 20 s, reading the table.
	for end := time.Now().Add(22 * time.Second); time.Now().Before(end); time.Sleep(500 * time.Millisecond) {
		if m := eval[string](t, ctx, `window.azflowsPage.mode`); m == "fallback" {
			t.Fatalf("the table view's page went to the fallback while the chart was hidden: %q",
				eval[string](t, ctx, `document.getElementById('chart-notice').innerText`))
		}
	}
	if err := runJS(ctx, `location.hash = 'view=map&year=2012'`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the live chart or the fallback", `['live', 'fallback'].includes(window.azflowsPage.mode)`, 60*time.Second)
	mode := eval[string](t, ctx, `window.azflowsPage.mode`)
	notice := eval[string](t, ctx, `document.getElementById('chart-notice').innerText`)
	if mode != "live" {
		t.Errorf("the map went to %q, not the live chart; notice %q", mode, notice)
	}
	if strings.Contains(notice, "упрощённый") || eval[bool](t, ctx, `!!document.querySelector('#fallback-slot iframe')`) {
		t.Errorf("the fallback shows: notice %q", notice)
	}
}
