//go:build !(js && wasm)

package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Printing a chart view gives its chart, without the controls, the table or the footnotes
// (those print with the table view: TestPrintOneA4PagePerView).
func TestPrintLayout(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1000, 800, "#view=map&year=2012")
	waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
	waitFor(t, ctx, "the static chart of the state", staticChartShown, 10*time.Second)
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	got := eval[map[string]bool](t, ctx, `({
		chart: document.querySelector('#static svg').checkVisibility(),
		table: document.getElementById('figures-table').checkVisibility(),
		footnote: document.getElementById('fn-12').checkVisibility(),
		controls: document.getElementById('controls').checkVisibility(),
		actions: document.querySelector('.actions').checkVisibility(),
		live: !!document.querySelector('#live-slot iframe') && document.querySelector('#live-slot iframe').checkVisibility() })`)
	for k, want := range map[string]bool{"chart": true, "table": false, "footnote": false, "controls": false, "actions": false, "live": false} {
		if got[k] != want {
			t.Errorf("in print, %s visible = %v, want %v", k, got[k], want)
		}
	}
}
