//go:build !(js && wasm)

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"azflows/charts"
)

// Hostile and malformed hashes always give a valid view, and nothing from the URL becomes HTML.
func TestHostileHashes(t *testing.T) {
	ctx, _ := newBrowser(t)
	var dialogs []string
	chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs = append(dialogs, d.Message)
		}
	})
	errs := watchErrors(t, ctx)
	hashes := []string{
		`#view=<img src=x onerror=alert(1)>&year=2012`,
		`#view=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`,
		`#view=javascript:alert(1)`,
		`#year=` + strings.Repeat("9", 5000),
		`#view=flow&view=flow&view=bars&year=2012&year=2010`,
		`#view=%00%01%02&year=%0A2012`,
		`#` + strings.Repeat("&", 3000) + `view=flow`,
		`#view=table"><script>alert(1)</script>`,
		`#context=1&context=<b>&present=abc&embed=<i>`,
		`?view=flow#year=%E2%80%AE2012`,
	}
	for _, h := range hashes {
		open(t, ctx, 900, 700, h)
		waitFor(t, ctx, "the page script", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
		st := eval[map[string]any](t, ctx, `window.azflowsPage.state`)
		want := charts.ParseHash(strings.SplitN(h, "#", 2)[len(strings.SplitN(h, "#", 2))-1])
		if st["view"] != want.View || st["year"] != float64(want.Year) {
			t.Errorf("%.60q: state %v, want %+v", h, st, want)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll('img, script:not([src]):not([type="application/json"])').length`); n != 0 {
			t.Errorf("%.60q: %d img/inline script elements appeared", h, n)
		}
		if eval[bool](t, ctx, `!document.querySelector('#static svg, #table-view, #sources')`) {
			t.Errorf("%.60q: no chart, table or sources", h)
		}
	}
	if len(dialogs) > 0 {
		t.Errorf("dialogs opened: %q", dialogs)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// The page's message listener takes only the live view's messages of the expected shapes.
func TestMessagesFromElsewhereIgnored(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1000, 800, "#view=flow&year=2010")
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	for _, js := range []string{
		`window.postMessage({type: 'azflows:hover', text: 'forged'}, '*')`,
		`window.postMessage({type: 'azflows:error', message: 'forged'}, '*')`,
		`window.postMessage('azflows:error', '*')`,
		`window.postMessage({type: 'azflows:height', height: 1e9}, '*')`,
	} {
		if err := runJS(ctx, js); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(500 * time.Millisecond)
	st := eval[map[string]any](t, ctx, `({mode: azflowsPage.mode, readout: azflowsPage.readout})`)
	if st["mode"] != "live" || strings.Contains(st["readout"].(string), "forged") {
		t.Errorf("forged messages took effect: %v", st)
	}
}

// Without JavaScript the static chart, the table and the sources are all there to read.
func TestWithoutJavaScript(t *testing.T) {
	ctx, _ := newBrowser(t)
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	open(t, ctx, 1000, 800, "")
	got := eval[map[string]any](t, ctx, `({
		bars: document.querySelectorAll('#static svg [data-datum]').length,
		table: getComputedStyle(document.getElementById('table-view')).display,
		rows: document.querySelectorAll('#figures-table tbody tr').length,
		sources: document.getElementById('sources').textContent.includes('Wescott'),
		controls: getComputedStyle(document.getElementById('controls')).display })`)
	if got["bars"].(float64) < 4 || got["table"] == "none" || got["rows"].(float64) < 10 || got["sources"] != true || got["controls"] != "none" {
		t.Errorf("without JavaScript: %v", got)
	}
}
