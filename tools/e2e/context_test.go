//go:build !(js && wasm)

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The map's layer of routes named without numbers is a page control, kept in the URL, drawn
// in the static SVG and the live view alike.
func TestContextLayerToggle(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1100, 900, "#view=map&year=2010")
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	if eval[bool](t, ctx, `getComputedStyle(document.querySelector('.context-toggle')).display === 'none'`) {
		t.Fatal("the layer control is hidden on the map")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#static svg .route').length`); n != 0 {
		t.Errorf("%d routes before the layer is on", n)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`label:has(input[name=context])`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the layer in the view", `document.querySelector('#live-slot iframe').contentWindow.azflowsView.hash.includes('context=1')`, 10*time.Second)
	if h := eval[string](t, ctx, `location.hash`); !strings.Contains(h, "context=1") || !strings.Contains(h, "view=map") {
		t.Errorf("hash %q", h)
	}
	waitFor(t, ctx, "the static chart of the state", staticChartShown, 10*time.Second)
	routes := eval[[]string](t, ctx, `[...new Set([...document.querySelectorAll('#static svg .route')].map(e => e.dataset.datum))]`)
	if len(routes) != 3 {
		t.Errorf("static SVG routes %v, want the paper's 3", routes)
	}
	// Other views hide the control and keep the layer in the state for when the reader returns.
	if err := runJS(ctx, `location.hash = 'view=bars&year=2010&context=1'`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "bars", `document.body.classList.contains('view-bars')`, 5*time.Second)
	if !eval[bool](t, ctx, `getComputedStyle(document.querySelector('.context-toggle')).display === 'none'`) {
		t.Error("the layer control shows on the bars view")
	}
}
