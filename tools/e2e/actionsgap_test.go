//go:build !(js && wasm)

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Issue 26: in the table view on a phone the empty status of "Link to this view"
// (#share-status, a live region kept in the page) took a flex gap of its own, and the
// presentation button beside it stood indented (x=28 against 8). Empty, it takes no room:
// the button stands where it would without it.
func TestEmptyShareStatusTakesNoRoom(t *testing.T) {
	ctx, _ := newBrowser(t)
	if err := chromedp.Do(ctx, phoneViewport(360, 640), chromedp.Navigate(baseURL+"/"+pageOf("ru")+"#view=table&year=2012")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the table view", `document.body.classList.contains('view-table') && !!document.getElementById('present-start')`, 30*time.Second)
	if s := eval[string](t, ctx, `document.getElementById('share-status').textContent`); s != "" {
		t.Fatalf("share-status is not empty: %q", s)
	}
	const x = `document.getElementById('present-start').getBoundingClientRect().left`
	with := eval[float64](t, ctx, x)
	without := eval[float64](t, ctx, `(() => { const s = document.getElementById('share-status'); s.style.display = 'none'; const v = `+x+`; s.style.display = ''; return v; })()`)
	t.Logf("present button x: %.1f (without the status: %.1f)", with, without)
	if with != without {
		t.Errorf("the empty share status moves the presentation button: x=%.1f, %.1f without it", with, without)
	}
}
