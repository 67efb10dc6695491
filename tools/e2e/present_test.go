//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// presentFit measures the presentation against the screen: the document's scroll size, the
// visible chart's box, and the viewport.
const presentFit = `(() => { const d = document.documentElement;
	let c = null; for (const el of document.querySelectorAll('#static svg, #live-slot iframe, #fallback-slot iframe')) { const r = el.getBoundingClientRect(); if (r.height > 0 && el.offsetParent !== null && getComputedStyle(el.closest('.slot, .static')).opacity !== '0') { c = r; break; } }
	return [d.scrollWidth, d.scrollHeight, innerWidth, innerHeight, c ? c.left : -1, c ? c.top : -1, c ? c.right : -1, c ? c.bottom : -1]; })()`

// At 1920×1080, 1280×720 and 1024×768 the presentation is exactly the screen on every step
// (no scrollbar, the chart wholly inside and as large as the bar leaves room for), and the
// live chart's "hover or tap" hint is not on the slides (issue 12, finding 6).
func TestPresentationFitsTheScreen(t *testing.T) {
	steps := story(t)
	ctx, _ := newBrowser(t)
	for _, size := range [][2]int64{{1920, 1080}, {1280, 720}, {1024, 768}} {
		open(t, ctx, size[0], size[1], "#present=1")
		waitFor(t, ctx, "the live chart", `window.azflowsPage.mode === 'live' && !!window.azflowsPage.present`, 60*time.Second)
		for n := 1; n <= len(steps); n++ {
			if n > 1 {
				if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.PageDown)); err != nil {
					t.Fatal(err)
				}
			}
			waitFor(t, ctx, fmt.Sprintf("step %d", n), `window.azflowsPage.present.step === `+itoa(n), 5*time.Second)
			time.Sleep(200 * time.Millisecond) // layout after the caption changed
			f := eval[[]float64](t, ctx, presentFit)
			if f[0] > f[2] || f[1] > f[3] {
				t.Errorf("%v step %d: the page is %v×%v on a %v×%v screen", size, n, f[0], f[1], f[2], f[3])
			}
			if f[4] < 0 || f[5] < 0 || f[6] > f[2] || f[7] > f[3] {
				t.Errorf("%v step %d: the chart lies at %v–%v × %v–%v, outside the %v×%v screen", size, n, f[4], f[6], f[5], f[7], f[2], f[3])
			}
			if w, h := f[6]-f[4], f[7]-f[5]; w < 0.9*f[2] && h < 0.7*f[3] {
				t.Errorf("%v step %d: the chart is only %.0f×%.0f", size, n, w, h)
			}
			hint := eval[bool](t, ctx, `(() => { const n = document.getElementById('chart-notice'); return n.textContent.includes('hover or tap') && getComputedStyle(n).visibility !== 'hidden' && n.getBoundingClientRect().height > 0; })()`)
			if hint {
				t.Errorf("%v step %d: the interaction hint shows on the slide", size, n)
			}
		}
	}
}

// "Present" enters full screen; one Escape, or the browser leaving full screen on it (in full
// screen the browser keeps the Escape for itself), leaves both full screen and the
// presentation. #present=N typed into an open page's address applies at once.
func TestPresentationEscapeAndHash(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1280, 720, "#view=bars&year=2010")
	waitFor(t, ctx, "the page", `!!window.azflowsPage && !!window.azflowsPage.state`, 10*time.Second)
	enter := func() {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#present-start`))); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the presentation in full screen", `!!window.azflowsPage.present && document.fullscreenElement === document.documentElement`, 10*time.Second)
	}
	left := `!window.azflowsPage.present && !document.body.classList.contains('present') && !document.fullscreenElement && !location.hash.includes('present')`
	enter()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "one Escape to leave full screen and the presentation", left, 5*time.Second)
	enter()
	// What the browser does with an Escape in full screen: it leaves full screen, and the page
	// gets no key.
	if err := runJS(ctx, `document.exitFullscreen()`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "leaving full screen to leave the presentation", left, 5*time.Second)

	for _, n := range []int{3, 1, 5} {
		if err := runJS(ctx, fmt.Sprintf(`location.hash = '#present=%d'`, n)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, fmt.Sprintf("#present=%d", n), fmt.Sprintf(`!!window.azflowsPage.present && window.azflowsPage.present.step === %d && document.body.classList.contains('present')`, n), 5*time.Second)
	}
	if err := runJS(ctx, `location.hash = '#view=map&year=2012'`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "a hash without present= to leave", `!window.azflowsPage.present && !document.body.classList.contains('present') && window.azflowsPage.state.view === 'map'`, 5*time.Second)
}

// The page offers three embed codes, each with allow="fullscreen": a responsive one (the host's
// width at 16:9), 960×540 and 1280×720. In each, live and in the fallback, chart and controls
// fit with no scrollbar; and from a host on another origin, the embedded story goes full
// screen (issue 12, finding 5).
func TestEmbedSnippetsFit(t *testing.T) {
	for _, mode := range []string{"live", "fallback"} {
		t.Run(mode, func(t *testing.T) {
			flags := []chromedp.ExecAllocatorOption{}
			if mode == "fallback" {
				flags = append(flags, chromedp.Flag("use-gl", "disabled"))
			}
			bctx, _ := newBrowser(t, flags...)
			open(t, bctx, 1400, 900, "#view=map&year=2012")
			waitFor(t, bctx, "the page", `!!window.azflowsPage && document.getElementById('embed-code').value.includes('<iframe')`, 10*time.Second)
			if !eval[bool](t, bctx, `!!document.getElementById('embed-size')`) {
				t.Fatal("the page offers one embed code and no choice of size")
			}
			codes := map[string]string{}
			for _, size := range []string{"responsive", "960x540", "1280x720"} {
				if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`summary`)), chromedp.Click(chromedp.CSS(`#embed-size input[value="`+size+`"]`))); err != nil {
					t.Fatal(err)
				}
				code := eval[string](t, bctx, `document.getElementById('embed-code').value`)
				codes[size] = code
				for _, want := range []string{`allow="fullscreen"`, `loading="lazy"`, `title="`, "&amp;embed"} {
					if !strings.Contains(code, want) {
						t.Errorf("%s embed code %q lacks %s", size, code, want)
					}
				}
				eval[bool](t, bctx, `document.getElementById('embed').open = false`)
			}
			if c := codes["responsive"]; !strings.Contains(c, "width:100%") || !strings.Contains(c, "aspect-ratio:16/9") {
				t.Errorf("the responsive code %q is not full width at 16:9", c)
			}
			for size, wh := range map[string][2]string{"960x540": {"960", "540"}, "1280x720": {"1280", "720"}} {
				if c := codes[size]; !strings.Contains(c, `width="`+wh[0]+`"`) || !strings.Contains(c, `height="`+wh[1]+`"`) {
					t.Errorf("the %s code %q has another size", size, c)
				}
			}
			pages := map[string]string{}
			for _, size := range []string{"responsive", "960x540", "1280x720"} {
				pages["/host-"+size+".html"] = `<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"><body style="margin:0"><div id="box" style="width:1000px">` +
					strings.Replace(strings.Replace(codes[size], ` loading="lazy"`, "", 1), baseURL, "{{origin}}", 1) + `</div></body>`
			}
			hostURL := hostServer(t, pages)
			for _, size := range []string{"responsive", "960x540", "1280x720"} {
				if err := chromedp.Do(bctx, chromedp.Navigate(hostURL+"/host-"+size+".html")); err != nil {
					t.Fatal(err)
				}
				const inner = `document.querySelector('#box iframe').contentWindow`
				waitFor(t, bctx, size+" embed in "+mode, `(() => { try { return `+inner+`.azflowsPage.mode === '`+mode+`'; } catch (e) { return false; } })()`, 60*time.Second)
				time.Sleep(500 * time.Millisecond)
				f := eval[[]float64](t, bctx, `(() => { const w = `+inner+`, d = w.document.documentElement, c = w.document.getElementById('controls');
					let cut = 0; for (const l of c.querySelectorAll('label')) { const r = l.getBoundingClientRect(); if (r.width > 0 && (r.right > w.innerWidth + 0.5 || r.right > c.getBoundingClientRect().right + 0.5)) cut++; }
					return [d.scrollWidth, d.scrollHeight, w.innerWidth, w.innerHeight, c.scrollWidth, c.clientWidth, cut]; })()`)
				if f[0] > f[2] || f[1] > f[3] {
					t.Errorf("%s, %s: the embed scrolls: %v×%v in a %v×%v frame", size, mode, f[0], f[1], f[2], f[3])
				}
				if f[4] > f[5]+1 || f[6] > 0 {
					t.Errorf("%s, %s: the controls row is cut (%v of %v px wide, %v labels outside)", size, mode, f[4], f[5], f[6])
				}
			}
		})
	}
}

// From a host page on another origin, the embedded story's "Full screen" works: the snippet
// allows it.
func TestEmbedFullscreenFromAnotherOrigin(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1400, 900, "#view=bars&year=2010")
	waitFor(t, ctx, "the page", `!!window.azflowsPage && document.getElementById('embed-code').value.includes('<iframe')`, 10*time.Second)
	code := eval[string](t, ctx, `document.getElementById('embed-code').value.replace('&amp;embed', '&amp;embed&amp;present=1')`)
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><meta charset=utf-8><title>host</title><body style=margin:0>%s</body>", strings.Replace(code, ` loading="lazy"`, "", 1))
	}))
	defer host.Close()
	if err := chromedp.Do(ctx, chromedp.Navigate(host.URL+"/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the embedded story", `document.querySelector('iframe').getAttribute('allow') === 'fullscreen'`, 10*time.Second)
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS(`iframe`)))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`#present-fullscreen`), chromedp.FromNode(nodes[0])),
		chromedp.Click(chromedp.CSS(`#present-fullscreen`), chromedp.FromNode(nodes[0]))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the embed in full screen", `document.fullscreenElement === document.querySelector('iframe')`, 10*time.Second)
}
