//go:build !(js && wasm)

package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/internal/server"
	"azflows/site"
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

// hostileHost is a page on another origin that embeds the site and, when told (attack()),
// tries to put its own "chart" in the chart's place: it navigates every frame of the embedded
// page to a blob: page of its own, which shows a fake chart and posts the page a forged
// read-out and a forged error, as the live view's frame would.
const hostileHost = `<!doctype html><html><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head><body>
<iframe id="embed" src="{{site}}/index.html#view=flow&amp;year=2010" style="width:1000px;height:800px;border:0"></iframe>
<script>
window.fakeLoaded = false;
window.addEventListener('message', function (ev) { if (ev.data === 'fake-loaded') window.fakeLoaded = true; });
var fake = '<!doctype html><meta charset="utf-8"><h1>FAKE CHART: 9,999,999 victims</h1><script>' +
  'parent.postMessage({type: "` + site.MsgHover + `", text: "FAKE CHART: 9,999,999 victims"}, "*");' +
  'parent.postMessage({type: "` + site.MsgError + `", message: "FORGED error"}, "*");' +
  'top.postMessage("fake-loaded", "*");<' + '/script>';
function attack() {
  var url = URL.createObjectURL(new Blob([fake], {type: 'text/html'}));
  var w = document.getElementById('embed').contentWindow;
  var n = w.frames.length;
  for (var i = 0; i < n; i++) { try { w.frames[i].location.href = url; } catch (e) {} }
  return n;
}
</script></body></html>`

// Issue 29, finding 6: a page on another origin (another port) that embeds the site cannot
// replace its chart: the page's policy lets its frames show only the site's own pages (no
// blob: frames), and the page takes chart messages only from its own frame and its own
// origin. The host navigates the embed's live frame, and then any new frame, to a blob: page
// of its own that shows "FAKE CHART" and posts a forged read-out and error: no frame shows it,
// the read-out and the notice stay the page's, and the chart stays live.
func TestHostileHostCannotReplaceChart(t *testing.T) {
	siteSrv := httptest.NewServer(server.Handler(distDir))
	defer siteSrv.Close()
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, strings.ReplaceAll(hostileHost, "{{site}}", siteSrv.URL))
	}))
	defer host.Close()
	ctx, _ := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1100, 900), chromedp.Navigate(host.URL+"/")); err != nil {
		t.Fatal(err)
	}
	// The embedded page, read from an isolated world of its frame (the host cannot look in).
	inSite := func(js string) string {
		t.Helper()
		var out string
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			tree, err := cdp.Call(ctx, tg, page.GetFrameTree, cdp.Empty{})
			if err != nil {
				return err
			}
			for _, child := range tree.FrameTree.ChildFrames {
				if !strings.HasPrefix(child.Frame.URL, siteSrv.URL) {
					continue
				}
				world, err := cdp.Call(ctx, tg, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: child.Frame.ID, WorldName: "test"})
				if err != nil {
					return err
				}
				res, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{Expression: js, ContextID: world.ExecutionContextID, ReturnByValue: ptrTo(true)})
				if err != nil {
					return err
				}
				if res.ExceptionDetails != nil {
					return fmt.Errorf("%s: %s", js, res.ExceptionDetails.Text)
				}
				return json.Unmarshal(res.Result.Value, &out)
			}
			return errors.New("no frame of the site")
		}))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	// frames are the URLs of every frame below the embedded page.
	frames := func() []string {
		t.Helper()
		var urls []string
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			tree, err := cdp.Call(ctx, tg, page.GetFrameTree, cdp.Empty{})
			if err != nil {
				return err
			}
			var walk func(f *page.FrameTree, depth int)
			walk = func(f *page.FrameTree, depth int) {
				if depth >= 2 {
					urls = append(urls, f.Frame.URL)
				}
				for _, c := range f.ChildFrames {
					walk(c, depth+1)
				}
			}
			walk(tree.FrameTree, 0)
			return nil
		}))
		if err != nil {
			t.Fatal(err)
		}
		return urls
	}
	state := `JSON.stringify({live: document.getElementById('chart').classList.contains('live'), fallback: document.getElementById('chart').classList.contains('fallback'),
	  readout: document.getElementById('readout').textContent, notice: document.getElementById('chart-notice').textContent})`
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(inSite(state), `"live":true`) {
		if time.Now().After(deadline) {
			t.Fatalf("the embedded page did not go live: %s", inSite(state))
		}
		time.Sleep(200 * time.Millisecond)
	}
	viewURL := frames()
	// Two rounds: the live frame, then any frame the page made after the first (a fallback).
	for round := range 2 {
		n := eval[int](t, ctx, `attack()`)
		t.Logf("round %d: the host navigated %d frames; frames before: %q", round+1, n, viewURL)
		// Wait until each frame the host navigated has left the site's page: for the fake, or
		// for the browser's page of a refused navigation.
		deadline := time.Now().Add(20 * time.Second)
		for {
			moved := 0
			for _, u := range frames() {
				if !strings.HasPrefix(u, siteSrv.URL) {
					moved++
				}
			}
			if moved >= n || eval[bool](t, ctx, `window.fakeLoaded`) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the frames did not move: %q", frames())
			}
			time.Sleep(100 * time.Millisecond)
		}
		time.Sleep(500 * time.Millisecond) // for any forged message to arrive
		viewURL = frames()
	}
	got := inSite(state)
	t.Logf("after the attack: frames %q; the page: %s", frames(), got)
	for _, u := range frames() {
		if strings.HasPrefix(u, "blob:") {
			t.Errorf("a frame of the embedded page shows the host's %s", u)
		}
	}
	if eval[bool](t, ctx, `window.fakeLoaded`) {
		t.Error("the host's fake chart loaded in the embedded page's frame")
	}
	if strings.Contains(got, "FAKE") || strings.Contains(got, "FORGED") {
		t.Errorf("the host's messages reached the page: %s", got)
	}
}
