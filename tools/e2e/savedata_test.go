//go:build !(js && wasm)

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// With Save-Data on, or on a connection the browser rates 2G, the page loads nothing of the
// live view (no frame, no view.wasm, no fonts of the view) until the reader reaches for the
// chart; the static chart and the table serve meanwhile, and the page says why. The first
// mouse over the chart (with Save-Data), or a press on it (on 2G), starts the live view.
func TestSaveDataLoadsLiveOnIntent(t *testing.T) {
	cases := []struct {
		name  string
		setup chromedp.Action[chromedp.Void]
		act   func(x, y float64) chromedp.Action[chromedp.Void]
	}{
		{"save-data, mouse over", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			on := true
			_, err := cdp.Call(ctx, tg, emulation.SetDataSaverOverride, emulation.SetDataSaverOverrideParams{DataSaverEnabled: &on})
			return err
		}), func(x, y float64) chromedp.Action[chromedp.Void] {
			return chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y)
		}},
		// DevTools' network emulation sets no effective type of 2G on its own; the page's
		// reading of the Network Information API is what this checks.
		{"2g, press", scriptOnNewDocument(`Object.defineProperty(Navigator.prototype, 'connection', {configurable: true, get() { return {saveData: false, effectiveType: '2g'}; }});`),
			func(x, y float64) chromedp.Action[chromedp.Void] { return chromedp.MouseClickXY(x, y) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, _ := newBrowser(t)
			requests := recordRequests(ctx, t)
			errs := watchErrors(t, ctx)
			if err := chromedp.Do(ctx, c.setup); err != nil {
				t.Fatal(err)
			}
			open(t, ctx, 1000, 800, "#view=bars&year=2012")
			waitFor(t, ctx, "the static chart of the state", staticChartShown, 10*time.Second)
			waitFor(t, ctx, "the page to wait for the reader", `window.azflowsPage.intent === 'waiting'`, 10*time.Second)
			// Long enough for the frame and its first requests, were they on their way.
			time.Sleep(1500 * time.Millisecond)
			viewWasm := "/" + distAsset(t, "view.wasm")
			if n := countSuffix(requests.URLs(), viewWasm); n != 0 {
				t.Errorf("view.wasm was requested %d times before the reader acted", n)
			}
			for _, u := range requests.URLs() {
				if strings.Contains(u, "view.") && !strings.HasSuffix(u, ".svg") || strings.HasSuffix(u, ".ttf") {
					t.Errorf("requested before the reader acted: %s", u)
				}
			}
			st := eval[map[string]any](t, ctx, `(() => { const s = document.querySelector('#static svg');
				return {mode: window.azflowsPage.mode, frames: document.querySelectorAll('#live-slot iframe').length,
					bars: s.querySelectorAll('rect.bar').length, titled: s.querySelectorAll('rect.bar > title').length,
					rows: document.querySelectorAll('#figures-table tr').length, notice: window.azflowsPage.notice}; })()`)
			if st["mode"] != "static" || st["frames"] != 0.0 || st["bars"] != 9.0 || st["titled"] != 9.0 || st["rows"].(float64) < 2 {
				t.Errorf("before the reader acts: %v, want the static chart (9 bars with their titles), the table, and no live frame", st)
			}
			if n, _ := st["notice"].(string); !strings.Contains(n, "To save data") {
				t.Errorf("notice %q does not say why the chart is not interactive yet", n)
			}

			r := eval[[]float64](t, ctx, `(() => { const s = document.querySelector('#static svg'); s.scrollIntoView({block: 'center'}); const r = s.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`)
			if err := chromedp.Do(ctx, c.act(r[0], r[1])); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the live view after the reader's intent", `window.azflowsPage.mode === 'live'`, 60*time.Second)
			if v := eval[string](t, ctx, `typeof window.azflowsPage.intent`); v != "number" {
				t.Errorf("page.intent is a %s after the intent, want its time", v)
			}
			if n := countSuffix(requests.URLs(), viewWasm); n != 1 {
				t.Errorf("view.wasm was requested %d times after the intent, want once", n)
			}
			if e := errs(); len(e) > 0 {
				t.Errorf("console errors: %q", e)
			}
		})
	}
}
