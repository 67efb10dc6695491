//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"azflows/charts"
	"azflows/charts/echarts"
	"azflows/charts/layout"
	"azflows/internal/caching"
	"azflows/internal/server"
	"azflows/tools/internal/webdriver"
)

// The main paths of the page in the engines beside Chromium: Firefox ESR headless (no WebGL
// there: the fallback), Firefox ESR under Xvfb (software WebGL: live) and WebKitGTK under
// Xvfb (its MiniBrowser has no headless mode; software WebGL: live). Each engine starts once
// and runs every path in turn (enginePaths); each path checks the console.

// engineTimeout bounds one engine's whole run.
const engineTimeout = 4 * time.Minute

// gatedSite serves dist/ like the other tests, but holds back the requests that would
// replace the static chart (view.wasm, the fallback pages) while it is closed, so that a test
// can look at the first paint for as long as it needs.
type gatedSite struct {
	*httptest.Server
	mu   sync.Mutex
	open chan struct{}
}

func newGatedSite(t *testing.T) *gatedSite {
	g := &gatedSite{open: make(chan struct{})}
	close(g.open)
	files := server.Handler(distDir)
	g.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if caching.Logical(r.URL.Path) == "/view.wasm" || strings.HasPrefix(r.URL.Path, "/fallback/") {
			g.mu.Lock()
			open := g.open
			g.mu.Unlock()
			select {
			case <-open:
			case <-r.Context().Done():
				return
			case <-time.After(engineTimeout):
			}
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(g.Close)
	return g
}

// hold closes the gate; release opens it.
func (g *gatedSite) hold() {
	g.mu.Lock()
	defer g.mu.Unlock()
	select {
	case <-g.open:
		g.open = make(chan struct{})
	default:
	}
}

func (g *gatedSite) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	select {
	case <-g.open:
	default:
		close(g.open)
	}
}

// needProgram skips the test when a program an engine needs is missing, naming the Debian
// package that has it; under CI=true (.ci/run installs them) it fails instead.
func needProgram(t *testing.T, what, path, pkg string) {
	t.Helper()
	if path != "" {
		if fi, err := os.Stat(path); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return
		}
	}
	msg := fmt.Sprintf("no %s at %q: apt-get install %s (as root), or name another in the environment (tools/internal/webdriver)", what, path, pkg)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; CI installs it (.ci/run) and never skips this test")
	}
	t.Skip(msg)
}

// engineOutput keeps what an engine printed, for the log of a failed test.
func engineOutput(t *testing.T) io.Writer {
	out := &lockedBuffer{}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("engine output (last 4 KiB):\n%s", tail(out.String(), 4096))
		}
	})
	return out
}

// startXvfb starts a display for the test.
func startXvfb(t *testing.T, ctx context.Context) *webdriver.Xvfb {
	needProgram(t, "Xvfb ($XVFB)", webdriver.XvfbPath(), "xvfb")
	x, err := webdriver.StartXvfb(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(x.Close)
	return x
}

func startFirefox(t *testing.T, ctx context.Context, headless bool) webdriver.Browser {
	needProgram(t, "Firefox ($FIREFOX)", webdriver.FirefoxPath(), "firefox-esr")
	opt := webdriver.FirefoxOptions{Headless: headless, Output: engineOutput(t)}
	if !headless {
		opt.Env = []string{startXvfb(t, ctx).Env()}
	}
	start, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	b, err := webdriver.StartFirefox(start, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// TestFirefoxHeadless: Firefox refuses WebGL without a display ("Exhausted GL driver
// options"), so the page falls back to the echarts chart and says why.
func TestFirefoxHeadless(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), engineTimeout)
	defer cancel()
	site := newGatedSite(t)
	enginePaths(t, ctx, startFirefox(t, ctx, true), site, nil, "fallback", "")
}

// TestFirefoxXvfb: under a display Firefox has software WebGL, and the page goes live.
func TestFirefoxXvfb(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), engineTimeout)
	defer cancel()
	site := newGatedSite(t)
	enginePaths(t, ctx, startFirefox(t, ctx, false), site, nil, "live", "worker")
}

// TestWebKit: WebKitGTK (Debian's WebKitWebDriver and MiniBrowser, the engine of Safari) under
// Xvfb, with software WebGL: live. Classic WebDriver reports no requests and no console, so
// the browser sends every request through a webdriver.Recorder, which also puts an error hook
// into every page it serves (the offline file gets the same hook in a copy of it).
func TestWebKit(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), engineTimeout)
	defer cancel()
	needProgram(t, "WebKitWebDriver ($WEBKIT_WEBDRIVER)", webdriver.WebKitDriverPath(), "webkit2gtk-driver")
	needProgram(t, "MiniBrowser ($MINIBROWSER)", webdriver.MiniBrowserPath(), "webkit2gtk-driver (its dependency libwebkit2gtk-4.1-0 has MiniBrowser)")
	site := newGatedSite(t)
	rec, err := webdriver.NewRecorder(site.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rec.Close() })
	x := startXvfb(t, ctx)
	start, cancelStart := context.WithTimeout(ctx, 60*time.Second)
	defer cancelStart()
	b, err := webdriver.StartWebKit(start, webdriver.WebKitOptions{Env: []string{x.Env()}, Recorder: rec, Output: engineOutput(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	enginePaths(t, ctx, b, site, hookedOfflineFile, "live", "main")
}

// engineT holds what every path of one engine needs.
type engineT struct {
	ctx  context.Context
	b    webdriver.Browser
	site *gatedSite
}

func (e *engineT) eval(t *testing.T, js string, out any) {
	t.Helper()
	if err := e.b.Eval(e.ctx, js, out); err != nil {
		t.Fatal(err)
	}
}

func (e *engineT) str(t *testing.T, js string) string {
	t.Helper()
	var s string
	e.eval(t, js, &s)
	return s
}

// wait polls js until it is true, for at most within.
func (e *engineT) wait(t *testing.T, what, js string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		var ok bool
		one, cancel := context.WithTimeout(e.ctx, 15*time.Second)
		err := e.b.Eval(one, js, &ok)
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) || e.ctx.Err() != nil {
			var state string
			one, cancel := context.WithTimeout(e.ctx, 15*time.Second)
			e.b.Eval(one, `JSON.stringify(window.azflowsPage || null)`, &state)
			cancel()
			t.Fatalf("%s: waited %v for %s (%s; last error %v); page state %s", e.b.Engine(), within, what, js, err, state)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (e *engineT) shot(t *testing.T) image.Image {
	t.Helper()
	img, err := e.b.Screenshot(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := os.Getenv("AZFLOWS_ENGINE_SHOTS"); d != "" { // for people to look at: the last shot of each path
		if f, err := os.Create(filepath.Join(d, strings.ReplaceAll(t.Name(), "/", "_")+".png")); err == nil {
			png.Encode(f, img)
			f.Close()
		}
	}
	return img
}

// steadyShot is a screenshot once two in a row agree inside r (the view draws after it took a
// state; echarts animates; WebKit's overlay scrollbar fades, so not the whole viewport).
func (e *engineT) steadyShot(t *testing.T, r charts.Rect) image.Image {
	t.Helper()
	last := e.shot(t)
	for range 25 {
		time.Sleep(200 * time.Millisecond)
		img := e.shot(t)
		if changed(crop(last, r.X, r.Y, r.W, r.H), crop(img, r.X, r.Y, r.W, r.H)) == 0 {
			return img
		}
		last = img
	}
	return last
}

func (e *engineT) move(t *testing.T, x, y float64) {
	t.Helper()
	if err := e.b.MouseMove(e.ctx, int(x+0.5), int(y+0.5)); err != nil {
		t.Fatal(err)
	}
}

// clickControl clicks the label of the page's radio input name=value where it is.
func (e *engineT) clickControl(t *testing.T, name, value string) {
	t.Helper()
	var r []float64
	e.eval(t, fmt.Sprintf(`(() => { const r = document.querySelector('input[name=%s][value="%s"]').closest('label').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`, name, value), &r)
	if err := e.b.Click(e.ctx, int(r[0]), int(r[1])); err != nil {
		t.Fatal(err)
	}
}

// noErrors fails the test on every console error, uncaught exception or unhandled rejection
// since the last check.
func (e *engineT) noErrors(t *testing.T) {
	t.Helper()
	errs, err := e.b.Errors(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range errs {
		t.Errorf("%s: console error: %s", e.b.Engine(), m)
	}
}

// errorCaptureWorks shows that noErrors would see errors here: a console.error in the page
// and one in its chart frame, and an exception thrown in a timer of the frame, are reported,
// and nothing else. (WebKit reports that exception as "Script error." where the page is a
// file or the function a built-in: it mutes the message, but still reports it.)
func (e *engineT) errorCaptureWorks(t *testing.T) {
	t.Helper()
	e.eval(t, `(() => { console.error('azflows-check-page'); const w = document.querySelector('#live-slot iframe, #fallback-slot iframe').contentWindow;
		w.console.error('azflows-check-frame'); w.setTimeout(() => { throw new Error('azflows-check-thrown'); }); return true; })()`, nil)
	want := []string{"azflows-check-page", "azflows-check-frame", "azflows-check-thrown|Script error."}
	var got []string
	for deadline := time.Now().Add(5 * time.Second); ; {
		time.Sleep(200 * time.Millisecond)
		errs, err := e.b.Errors(e.ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, errs...)
		all := strings.Join(got, "\n")
		missing := 0
		for _, w := range want {
			found := false
			for _, alt := range strings.Split(w, "|") {
				found = found || strings.Contains(all, alt)
			}
			if !found {
				missing++
			}
		}
		if missing == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the errors made on purpose were not all reported: got %q, want %q", e.b.Engine(), got, want)
		}
	}
	for _, m := range got {
		if !strings.Contains(m, "azflows-check-") && !strings.Contains(m, "Script error.") {
			t.Errorf("%s: console error: %s", e.b.Engine(), m)
		}
	}
}

// rect is the box of an element in the viewport, found by js (an expression for it).
func (e *engineT) rect(t *testing.T, js string) charts.Rect {
	t.Helper()
	var r []float64
	e.eval(t, `(() => { const r = (`+js+`).getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })()`, &r)
	return charts.Rect{X: r[0], Y: r[1], W: r[2], H: r[3]}
}

const fallbackWindow = `document.querySelector('#fallback-slot iframe').contentWindow`

// fallbackChart is the box of the fallback's echarts chart in the viewport (the page draws it
// at the model's 800×450 and scales it as a whole).
func (e *engineT) fallbackChart(t *testing.T) charts.Rect {
	t.Helper()
	frame := e.rect(t, `document.querySelector('#fallback-slot iframe')`)
	in := e.rect(t, fallbackWindow+`.document.getElementById('`+echarts.ChartID+`')`)
	return charts.Rect{X: frame.X + in.X, Y: frame.Y + in.Y, W: in.W, H: in.H}
}

// waitFallback waits until the fallback frame shows the echarts page of st, painted.
func (e *engineT) waitFallback(t *testing.T, st charts.State) {
	t.Helper()
	page := strings.TrimPrefix(fallbackPage(t, st), "/fallback/")
	e.wait(t, "the fallback page "+page, `(() => { try { const w = `+fallbackWindow+`; const el = w.document.getElementById('`+echarts.ChartID+`');
		return (w.location.href.endsWith('/`+page+`') || w.location.href === 'about:srcdoc') && w.document.getElementById('fallback').dataset.view === '`+st.View+`'
			&& !!(w.echarts && el && w.echarts.getInstanceByDom(el)) && window.azflowsPage.fallbackPainted === true; } catch (e) { return false; } })()`, 30*time.Second)
}

// fallbackTip hovers the mark id of st's fallback chart and waits for echarts' tooltip to
// say the model's first tooltip line of its datum.
func (e *engineT) fallbackTip(t *testing.T, st charts.State, id string) {
	t.Helper()
	box := e.fallbackChart(t)
	k := box.W / echarts.W
	c := layout.Build(testAssets, st, echarts.W, echarts.H)
	m, ok := c.Mark(id)
	if !ok {
		t.Fatalf("the model of %s has no %s", st.Hash(), id)
	}
	p, ok := hoverPoint(c, m)
	if !ok {
		t.Fatalf("no point of %s is clear of other marks", id)
	}
	want := c.Tips[m.Datum][0]
	e.move(t, box.X+p.X*k, box.Y+p.Y*k)
	e.wait(t, fmt.Sprintf("the fallback's tooltip %q", want), fmt.Sprintf(`(() => { try { const el = `+fallbackWindow+`.document.querySelector('.%s'); return !!el && el.style.display !== 'none' && el.style.opacity !== '0' && el.innerText.includes(%q); } catch (e) { return false; } })()`, echarts.TooltipClass, want), 10*time.Second)
}

// fallbackOption is what the fallback chart holds: its option (series and graphic elements),
// as JSON.
func (e *engineT) fallbackOption(t *testing.T) string {
	return e.str(t, `(() => { const w = `+fallbackWindow+`; const o = w.echarts.getInstanceByDom(w.document.getElementById('`+echarts.ChartID+`')).getOption(); return JSON.stringify([o.series, o.graphic]); })()`)
}

// enginePaths runs the main paths in one engine, which should show the chart in mode want
// ("live" or "fallback"), live with the view on wantView ("worker" or "main", see
// azflowsViewMode in web/view/view.js). offline, when set, gives the file:// URL of the offline file to
// open (by default dist/azflows.html itself).
func enginePaths(t *testing.T, ctx context.Context, b webdriver.Browser, site *gatedSite, offline func(t *testing.T) string, want, wantView string) {
	e := &engineT{ctx: ctx, b: b, site: site}
	t.Logf("engine: %s; expected: %s", b.Engine(), want)
	if err := b.SetViewport(ctx, 1000, 800); err != nil {
		t.Fatal(err)
	}
	bars2010 := charts.State{View: "bars", Year: 2010}

	ok := t.Run("first-paint", func(t *testing.T) {
		// The replacements of the static chart are held back: what the reader sees is the
		// static SVG, painted by this engine.
		site.hold()
		defer site.release()
		if err := b.Navigate(ctx, site.URL+"/#view=bars&year=2010"); err != nil {
			t.Fatal(err)
		}
		e.wait(t, "the static chart", `document.querySelectorAll('#static svg rect.bar').length > 0`, 10*time.Second)
		var bars []string
		e.eval(t, `[...document.querySelectorAll('#static svg rect.bar')].map(r => r.dataset.datum)`, &bars)
		model := layout.Build(testAssets, bars2010, 800, 450)
		var wantBars []string
		for _, m := range model.Marks {
			if m.Role == charts.RoleBar {
				wantBars = append(wantBars, m.Datum)
			}
		}
		if strings.Join(bars, ",") != strings.Join(wantBars, ",") {
			t.Errorf("static SVG bars %v, want the model's %v", bars, wantBars)
		}
		if title := e.str(t, `document.querySelector('#static svg title').textContent`); title != model.Title {
			t.Errorf("static SVG title %q, want %q", title, model.Title)
		}
		const turkey = `document.querySelector('#static svg rect.bar[data-datum="dest-2010-turkey"]')`
		r := e.rect(t, turkey)
		cx, cy := r.X+r.W/2, r.Y+r.H/2
		var top bool
		e.eval(t, fmt.Sprintf(`document.elementFromPoint(%f, %f) === %s`, cx, cy, turkey), &top)
		if !top {
			t.Fatalf("the static chart is not what the page shows at the Turkey bar (%s is)", e.str(t, fmt.Sprintf(`(() => { const el = document.elementFromPoint(%f, %f); return el ? el.outerHTML.slice(0, 120) : 'nothing'; })()`, cx, cy)))
		}
		// The state's SVG comes after the page's own (charts/states.js) and may be in the DOM
		// a frame before the engine has painted it.
		e.waitPixel(t, "the static Turkey bar", cx, cy, charts.OfficialC)
		img := e.shot(t)
		if got := img.At(int(cx), int(cy)); !near(got, charts.OfficialC) {
			t.Errorf("pixel at the static Turkey bar's centre (%.0f, %.0f) is %v, want %s", cx, cy, got, charts.OfficialC)
		}
		if got := img.At(int(r.X+r.W+40), int(cy)); near(got, charts.OfficialC) {
			t.Errorf("pixel past the static Turkey bar's end is bar-coloured: the bar is too long")
		}
		if colours, frac := nonBlank(crop(img, 0, 0, 1000, 800)); colours < 20 || frac < 0.05 {
			t.Errorf("the page looks blank: %d colours, %.3f non-background", colours, frac)
		}
		e.noErrors(t)
	})
	if !ok {
		t.FailNow()
	}

	var mode string
	ok = t.Run("mode", func(t *testing.T) {
		e.wait(t, "the interactive view or the fallback", `window.azflowsPage.mode !== 'static'`, 60*time.Second)
		mode = e.str(t, `window.azflowsPage.mode`)
		notice := e.str(t, `window.azflowsPage.notice`)
		t.Logf("%s: the page went %s; notice %q", b.Engine(), mode, notice)
		if mode != want {
			t.Fatalf("%s: the page went %s (%q), want %s", b.Engine(), mode, notice, want)
		}
		switch mode {
		case "live":
			e.wait(t, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 20*time.Second)
			// Where the view runs: in its worker where the engine has what it needs
			// (web/view/viewhost.js), else on the frame's main thread.
			vm := e.str(t, `(() => { const m = `+liveFrameWin+`.azflowsViewMode; return m ? m.mode + (m.why ? ': ' + m.why : '') : 'missing'; })()`)
			t.Logf("%s: the view runs on %s", b.Engine(), vm)
			if got, _, _ := strings.Cut(vm, ":"); got != wantView {
				t.Errorf("%s: the view runs on %s, want %s", b.Engine(), vm, wantView)
			}
		case "fallback":
			if !strings.Contains(notice, "WebGL") {
				t.Errorf("the fallback's notice %q does not say that WebGL is missing", notice)
			}
			e.waitFallback(t, bars2010)
		}
		e.noErrors(t)
		e.errorCaptureWorks(t)
	})
	if !ok {
		t.FailNow()
	}

	if mode == "live" {
		livePaths(t, e)
		liveEveryView(t, e)
	} else {
		fallbackPaths(t, e)
		fallbackEveryView(t, e)
	}

	t.Run("offline-file", func(t *testing.T) {
		before := len(b.Requests())
		u := offlineURL("")
		if offline != nil {
			u = offline(t)
		}
		if err := b.Navigate(ctx, u+"#view=map&year=2012"); err != nil {
			t.Fatal(err)
		}
		e.wait(t, "the offline file's chart", `!!window.azflowsPage && window.azflowsPage.mode !== 'static'`, 60*time.Second)
		if got := e.str(t, `window.azflowsPage.mode`); got != want {
			t.Fatalf("%s: the offline file went %s (%q), want %s", b.Engine(), got, e.str(t, `window.azflowsPage.notice`), want)
		}
		st := charts.State{View: "map", Year: 2012}
		if want == "live" {
			e.wait(t, "the first map frame", liveView+`.ready && `+liveView+`.frames > 0 && `+liveView+`.hash === 'view=map&year=2012'`, 20*time.Second)
			fr := e.rect(t, `document.querySelector('#live-slot iframe')`)
			model := mapModel(t, 2012, fr.W, fr.H)
			ru, _ := model.Mark("arc/RU")
			c := ru.Center()
			e.waitPixel(t, "the Russia arc", fr.X+c.X, fr.Y+c.Y, charts.OfficialC)
			e.move(t, fr.X+c.X, fr.Y+c.Y)
			e.wait(t, "the Russia readout", `window.azflowsPage.readout.includes('Russia: 14')`, 10*time.Second)
		} else {
			e.waitFallback(t, st)
			e.fallbackTip(t, st, "arc/RU")
		}
		// Nothing but the file itself (and data: and blob: URLs): no file beside it, no host.
		self := strings.SplitN(u, "#", 2)[0]
		for _, r := range b.Requests()[before:] {
			lower := strings.ToLower(r)
			if strings.HasPrefix(lower, "data:") || strings.HasPrefix(lower, "blob:") || strings.HasPrefix(lower, "about:") || strings.SplitN(r, "#", 2)[0] == self {
				continue
			}
			t.Errorf("%s: the offline file requested %s", b.Engine(), r)
		}
		e.noErrors(t)
		e.errorCaptureWorks(t)
	})

	t.Run("no-other-host", func(t *testing.T) {
		urls := b.Requests()
		foreign, own := foreignRequests(urls, site.URL)
		for _, r := range foreign {
			t.Errorf("%s: a request to another host: %s", b.Engine(), r)
		}
		if own < 5 || !contains(urls, "/app.js") {
			t.Errorf("%s: only %d requests to the site recorded (%q): the record does not work", b.Engine(), own, urls)
		}
		// The record sees a request to another host: the browser is sent to one.
		const elsewhere = "http://azflows-elsewhere.invalid/check"
		b.Navigate(ctx, elsewhere) // fails: there is no such host
		if f, _ := foreignRequests(b.Requests()[len(urls):], site.URL); len(f) == 0 || !strings.Contains(strings.Join(f, " "), "azflows-elsewhere.invalid") {
			t.Errorf("%s: sent to %s, the record shows %q: it would not see a request to another host", b.Engine(), elsewhere, b.Requests()[len(urls):])
		}
	})
}

// foreignRequests are the URLs that are neither on the site's host (and port) nor data:,
// blob:, about: or file: (the offline file checks its own), and the number on the site.
func foreignRequests(urls []string, siteURL string) (foreign []string, own int) {
	site, err := url.Parse(siteURL)
	if err != nil {
		panic(err)
	}
	for _, r := range urls {
		u, err := url.Parse(r)
		lower := strings.ToLower(r)
		switch {
		case err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host == site.Host:
			own++
		case strings.HasPrefix(lower, "data:") || strings.HasPrefix(lower, "blob:") || strings.HasPrefix(lower, "about:") || strings.HasPrefix(lower, "file:"):
		default:
			foreign = append(foreign, r)
		}
	}
	return foreign, own
}

// waitPixel waits until the pixel at (x, y) of the viewport is near colour hex.
func (e *engineT) waitPixel(t *testing.T, what string, x, y float64, hex string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		img := e.shot(t)
		got := img.At(int(x), int(y))
		if near(got, hex) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: pixel of %s at (%.0f, %.0f) is %v, want %s", e.b.Engine(), what, x, y, got, hex)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// livePaths: the interactive view draws the bars where the model put them, hovering shows the
// figure, the year and view controls redraw it.
func livePaths(t *testing.T, e *engineT) {
	var fr charts.Rect
	t.Run("live-draws", func(t *testing.T) {
		fr = e.rect(t, `document.querySelector('#live-slot iframe')`)
		model := layout.Build(testAssets, charts.State{View: "bars", Year: 2010}, fr.W, fr.H)
		bar, _ := model.Mark("bar/dest-2010-turkey")
		c := bar.Center()
		e.waitPixel(t, "the Turkey bar", fr.X+c.X, fr.Y+c.Y, charts.OfficialC)
		img := e.shot(t)
		if colours, frac := nonBlank(crop(img, fr.X, fr.Y, fr.W, fr.H)); colours < 20 || frac < 0.05 {
			t.Errorf("the live view looks blank: %d colours, %.3f non-background", colours, frac)
		}
		if got := img.At(int(fr.X+bar.Rect.X+bar.Rect.W+60), int(fr.Y+c.Y)); near(got, charts.OfficialC) {
			t.Errorf("pixel past the Turkey bar's end is bar-coloured: the bar is too long")
		}
		e.noErrors(t)
	})
	t.Run("hover", func(t *testing.T) {
		model := layout.Build(testAssets, charts.State{View: "bars", Year: 2010}, fr.W, fr.H)
		bar, _ := model.Mark("bar/dest-2010-turkey")
		c := bar.Center()
		before := e.steadyShot(t, fr)
		e.move(t, fr.X+c.X, fr.Y+c.Y)
		e.wait(t, "the hover read-out", `window.azflowsPage.readout.includes('Victims trafficked to Turkey: 23')`, 10*time.Second)
		if h := e.str(t, liveView+`.hover`); h != "dest-2010-turkey" {
			t.Errorf("the view reports hover %q", h)
		}
		if r := e.str(t, `document.getElementById('readout').textContent`); !strings.Contains(strings.ReplaceAll(r, "\u00a0", " "), "footnote 9") {
			t.Errorf("the page's live region %q lacks the footnote", r)
		}
		after := e.steadyShot(t, fr)
		if d := changed(crop(before, fr.X, fr.Y, fr.W, fr.H), crop(after, fr.X, fr.Y, fr.W, fr.H)); d < 0.005 {
			t.Errorf("hovering changed only %.4f of the chart's pixels: no tooltip drawn", d)
		}
		e.move(t, fr.X+2, fr.Y+2)
		e.noErrors(t)
	})
	t.Run("switch-year-and-view", func(t *testing.T) {
		prev := e.steadyShot(t, fr)
		e.clickControl(t, "year", "2012")
		e.wait(t, "the 2012 view", liveView+`.hash === 'view=bars&year=2012' && location.hash === '#view=bars&year=2012'`, 10*time.Second)
		img := e.steadyShot(t, fr)
		m2010 := layout.Build(testAssets, charts.State{View: "bars", Year: 2010}, fr.W, fr.H)
		m2012 := layout.Build(testAssets, charts.State{View: "bars", Year: 2012}, fr.W, fr.H)
		if c := regionChanged(prev, img, yearMarks(m2010, m2012), fr.X, fr.Y); c < 0.005 {
			t.Errorf("2010 → 2012 changed %.4f of the pixels of the year-specific marks: the canvas still shows 2010", c)
		}
		unk, _ := m2012.Mark("bar/dest-2012-not-given")
		c := unk.Center()
		e.move(t, fr.X+c.X+3, fr.Y+c.Y)
		e.wait(t, "the 2012 hover read-out", `window.azflowsPage.readout.includes(': 42')`, 10*time.Second)
		e.move(t, fr.X+2, fr.Y+2)

		e.clickControl(t, "view", "map")
		e.wait(t, "the 2012 map", liveView+`.hash === 'view=map&year=2012' && location.hash === '#view=map&year=2012'`, 10*time.Second)
		model := mapModel(t, 2012, fr.W, fr.H)
		ru, _ := model.Mark("arc/RU")
		rc := ru.Center()
		e.waitPixel(t, "the Russia arc", fr.X+rc.X, fr.Y+rc.Y, charts.OfficialC)
		e.move(t, fr.X+rc.X, fr.Y+rc.Y)
		e.wait(t, "the Russia read-out", `window.azflowsPage.readout.includes('Russia: 14')`, 10*time.Second)
		e.move(t, fr.X+2, fr.Y+2)
		e.noErrors(t)
	})
}

// liveEveryView takes every chart view through both years and back with the year control:
// the pixels where the models of the two years differ change with each switch, and going back
// gives the first picture again (the wrong year after a switch was once seen in Firefox).
func liveEveryView(t *testing.T, e *engineT) {
	t.Run("every-view-every-year", func(t *testing.T) {
		fr := e.rect(t, `document.querySelector('#live-slot iframe')`)
		e.move(t, fr.X-5, fr.Y-5)
		for _, view := range layout.ChartViews() {
			hash := func(y int) string { return fmt.Sprintf("view=%s&year=%d", view, y) }
			years := charts.Years
			e.eval(t, fmt.Sprintf(`location.hash = %q`, "#"+hash(years[0])), nil)
			shot := func(y int) image.Image {
				t.Helper()
				e.wait(t, hash(y)+" in the live view", liveView+`.hash === '`+hash(y)+`' && `+liveView+`.frames > 0`, 20*time.Second)
				return e.steadyShot(t, fr)
			}
			first := shot(years[0])
			prev, from := first, years[0]
			for _, y := range append(append([]int(nil), years[1:]...), years[0]) {
				e.clickControl(t, "year", fmt.Sprint(y))
				img := shot(y)
				boxes := yearMarks(layout.Build(testAssets, charts.State{View: view, Year: from}, fr.W, fr.H), layout.Build(testAssets, charts.State{View: view, Year: y}, fr.W, fr.H))
				if c := regionChanged(prev, img, boxes, fr.X, fr.Y); c < 0.005 {
					t.Errorf("%s: %s %d → %d changed %.4f of the pixels of the %d year-specific marks: the canvas still shows %d", e.b.Engine(), view, from, y, c, len(boxes), from)
				}
				prev, from = img, y
			}
			if c := changedMuch(crop(first, fr.X, fr.Y, fr.W, fr.H), prev); c > 0.0005 {
				t.Errorf("%s: %s back in %d: %.4f of the chart differs from its first picture", e.b.Engine(), view, years[0], c)
			}
		}
		e.noErrors(t)
	})
}

// fallbackEveryView is liveEveryView in the fallback: each switch of year shows the other
// year's echarts page (other option, other pixels), and going back the first option again.
func fallbackEveryView(t *testing.T, e *engineT) {
	t.Run("every-view-every-year", func(t *testing.T) {
		for _, view := range layout.ChartViews() {
			years := charts.Years
			e.eval(t, fmt.Sprintf(`location.hash = %q`, fmt.Sprintf("#view=%s&year=%d", view, years[0])), nil)
			e.waitFallback(t, charts.State{View: view, Year: years[0]})
			box := e.fallbackChart(t)
			e.move(t, box.X-5, box.Y-5)
			firstOption := e.fallbackOption(t)
			prev, prevOption, from := e.steadyShot(t, box), firstOption, years[0]
			for _, y := range append(append([]int(nil), years[1:]...), years[0]) {
				e.clickControl(t, "year", fmt.Sprint(y))
				e.waitFallback(t, charts.State{View: view, Year: y})
				img, option := e.steadyShot(t, box), e.fallbackOption(t)
				if option == prevOption {
					t.Errorf("%s: %s %d → %d: the fallback's option did not change", e.b.Engine(), view, from, y)
				}
				if c := changed(crop(prev, box.X, box.Y, box.W, box.H), crop(img, box.X, box.Y, box.W, box.H)); c < 0.002 {
					t.Errorf("%s: %s %d → %d changed only %.4f of the fallback chart", e.b.Engine(), view, from, y, c)
				}
				prev, prevOption, from = img, option, y
			}
			if prevOption != firstOption {
				t.Errorf("%s: %s back in %d: the fallback's option differs from the first", e.b.Engine(), view, years[0])
			}
		}
		e.noErrors(t)
	})
}

// fallbackPaths: the echarts fallback draws the bars where the model put them, shows the
// model's tooltips, and the year and view controls load the other states' pages.
func fallbackPaths(t *testing.T, e *engineT) {
	bars2010 := charts.State{View: "bars", Year: 2010}
	t.Run("fallback-draws", func(t *testing.T) {
		box := e.fallbackChart(t)
		if box.W < 100 {
			t.Fatalf("the fallback chart is %v", box)
		}
		k := box.W / echarts.W
		model := layout.Build(testAssets, bars2010, echarts.W, echarts.H)
		bar, _ := model.Mark("bar/dest-2010-turkey")
		c := bar.Center()
		e.waitPixel(t, "the fallback's Turkey bar", box.X+c.X*k, box.Y+c.Y*k, charts.OfficialC)
		e.noErrors(t)
	})
	t.Run("hover", func(t *testing.T) {
		e.fallbackTip(t, bars2010, "bar/dest-2010-turkey")
		e.noErrors(t)
	})
	t.Run("switch-year-and-view", func(t *testing.T) {
		box := e.fallbackChart(t)
		e.move(t, box.X-5, box.Y-5)
		option := e.fallbackOption(t)
		prev := e.steadyShot(t, box)
		e.clickControl(t, "year", "2012")
		bars2012 := charts.State{View: "bars", Year: 2012}
		e.waitFallback(t, bars2012)
		if h := e.str(t, `location.hash`); h != "#view=bars&year=2012" {
			t.Errorf("hash %q after choosing 2012", h)
		}
		img := e.steadyShot(t, box)
		if o := e.fallbackOption(t); o == option {
			t.Errorf("the fallback's option is the same in 2012 as in 2010")
		}
		if c := changed(crop(prev, box.X, box.Y, box.W, box.H), crop(img, box.X, box.Y, box.W, box.H)); c < 0.002 {
			t.Errorf("2010 → 2012 changed only %.4f of the fallback chart", c)
		}
		e.fallbackTip(t, bars2012, "bar/dest-2012-not-given")
		e.move(t, box.X-5, box.Y-5)

		e.clickControl(t, "view", "map")
		map2012 := charts.State{View: "map", Year: 2012}
		e.waitFallback(t, map2012)
		if h := e.str(t, `location.hash`); h != "#view=map&year=2012" {
			t.Errorf("hash %q after choosing the map", h)
		}
		e.fallbackTip(t, map2012, "arc/RU")
		e.noErrors(t)
	})
}

// hookedOfflineFile is a copy of dist/azflows.html with webdriver.ErrorHookJS as its first
// script (its hash added to the file's policy), and put into every srcdoc frame the file makes:
// classic WebDriver shows no console, and a file:// page goes through no proxy.
func hookedOfflineFile(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(distDir, offlineFiles["en"]))
	if err != nil {
		t.Fatal(err)
	}
	html, err := webdriver.InlineHook(string(b))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), offlineFiles["en"])
	if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(p)
}
