//go:build !(js && wasm)

package e2e

import (
	"bytes"
	"context"
	"image/png"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"azflows/internal/caching"
	"azflows/internal/geo"
	"azflows/internal/server"
)

// Issue 8: every failure of the interactive chart lands on a working page with a clear
// message. (No WebAssembly, no WebGL and no JavaScript are tested in page_test.go and
// hostile_test.go.)

// wasmServer serves dist/ like the site, with view.wasm answered by serveWasm.
func wasmServer(t *testing.T, serveWasm http.HandlerFunc) string {
	t.Helper()
	site := server.Handler(distDir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if caching.Logical(r.URL.Path) == "/view.wasm" {
			serveWasm(w, r)
			return
		}
		site.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func serveBytes(b []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/wasm")
		w.Write(b)
	}
}

// stackTrace matches what a stack trace or an engine's message would put in visible text.
var stackTrace = regexp.MustCompile(`wasm://|\bat \S+ \(|\n\s+at |goroutine \d+|\.js:\d+:\d+|Uncaught`)

// landsOnFallback opens the page at u and checks that it ends on the fallback chart with a
// notice that says, in plain words, wantNotice; that no stack trace shows; and that the
// console has no error but our own report and those allowed.
func landsOnFallback(t *testing.T, ctx context.Context, u string, within time.Duration, wantNotice *regexp.Regexp, allowed ...*regexp.Regexp) {
	t.Helper()
	errs := watchErrors(t, ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 900), chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the fallback", `window.azflowsPage.mode === 'fallback'`, within)
	notice := eval[string](t, ctx, `document.getElementById('chart-notice').innerText`)
	t.Logf("notice: %s", notice)
	if !wantNotice.MatchString(notice) {
		t.Errorf("notice %q does not say %s", notice, wantNotice)
	}
	if len(notice) > 300 {
		t.Errorf("notice is %d characters long", len(notice))
	}
	if s := stackTrace.FindString(eval[string](t, ctx, `document.body.innerText`)); s != "" {
		t.Errorf("the page shows %q: a stack trace or engine message", s)
	}
	const fb = `document.querySelector('#fallback-slot iframe').contentWindow`
	waitFor(t, ctx, "the echarts chart", `(() => { try { const w = `+fb+`; return !!(w.echarts && w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart'))); } catch (e) { return false; } })()`, 30*time.Second)
	deadline := time.Now().Add(10 * time.Second)
	for {
		colours, frac := nonBlank(screenshotPNG(ctx, t, "#fallback-slot iframe"))
		if colours >= 20 && frac >= 0.05 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the fallback chart looks blank: %d colours, %.3f non-background", colours, frac)
		}
		time.Sleep(250 * time.Millisecond)
	}
	ownReport := regexp.MustCompile(`^error: azflows view: `)
next:
	for _, e := range errs() {
		if ownReport.MatchString(e) {
			continue
		}
		for _, a := range allowed {
			if a.MatchString(e) {
				continue next
			}
		}
		t.Errorf("console: %s", e)
	}
}

func TestWasmMissing(t *testing.T) {
	u := wasmServer(t, http.NotFound)
	ctx, _ := newBrowser(t)
	landsOnFallback(t, ctx, u+"/#view=bars&year=2012", 20*time.Second,
		regexp.MustCompile(`simplified chart: the interactive chart could not start — its program, view\.wasm, is missing on the server \(HTTP 404\)`),
		// The browser's own log line for the 404, and only that.
		regexp.MustCompile(`^error: Failed to load resource: the server responded with a status of 404 \(Not Found\)$`))
}

// On a translated page the reason is in the page's language too (the native reading found
// "— its program crashed" inside the Russian and Azerbaijani notices).
func TestWasmMissingRu(t *testing.T) {
	u := wasmServer(t, http.NotFound)
	ctx, _ := newBrowser(t)
	landsOnFallback(t, ctx, u+"/index.ru.html#view=bars&year=2012", 20*time.Second,
		regexp.MustCompile(`интерактивный график не запустился[ \x{a0}]— его программы view\.wasm нет на сервере \(HTTP 404\)`),
		regexp.MustCompile(`^error: Failed to load resource: the server responded with a status of 404 \(Not Found\)$`))
}

func TestWasmTruncated(t *testing.T) {
	whole, err := os.ReadFile(filepath.Join(distDir, distAsset(t, "view.wasm")))
	if err != nil {
		t.Fatal(err)
	}
	u := wasmServer(t, serveBytes(whole[:1000]))
	ctx, _ := newBrowser(t)
	landsOnFallback(t, ctx, u+"/#view=flow&year=2010", 20*time.Second,
		regexp.MustCompile(`could not start — its program, view\.wasm, arrived damaged or incomplete`))
}

func TestWasmCorrupt(t *testing.T) {
	junk := make([]byte, 200_000)
	r := rand.New(rand.NewPCG(8, 8))
	for i := range junk {
		junk[i] = byte(r.UintN(256))
	}
	u := wasmServer(t, serveBytes(junk))
	ctx, _ := newBrowser(t)
	landsOnFallback(t, ctx, u+"/#view=bars&year=2010", 20*time.Second,
		regexp.MustCompile(`could not start — its program, view\.wasm, arrived damaged or incomplete`))
}

// A valid Go wasm that exits with status 3 as it starts, served as view.wasm.
func TestWasmExitsAtStart(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\n\nimport \"os\"\n\nfunc main() { os.Exit(3) }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "exit.wasm")
	cmd := exec.Command("go", "build", "-o", out, src)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=", "GO111MODULE=off")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the exiting wasm: %v\n%s", err, b)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	u := wasmServer(t, serveBytes(wasm))
	ctx, _ := newBrowser(t)
	landsOnFallback(t, ctx, u+"/#view=compare&year=2012", 20*time.Second,
		regexp.MustCompile(`could not start — its program stopped with exit code 3 before drawing`))
}

// On a very slow connection the page says how much of the interactive chart has arrived, the
// static chart stays (with its tooltips), and after the page's 20 s the fallback takes over.
func TestSlowConnection(t *testing.T) {
	// The view's worker fetches view.wasm (web/view/viewhost.js), and DevTools' network emulation
	// does not reach a dedicated worker's requests (tried on the worker's own target: the
	// wasm still came at loopback speed), so the server sends view.wasm at the emulated rate.
	u := wasmServer(t, slowly(server.Handler(distDir).ServeHTTP, slowBytesPerSecond))
	ctx, _ := newBrowser(t)
	throttle := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Latency: 150, DownloadThroughput: slowBytesPerSecond, UploadThroughput: slowBytesPerSecond}},
		})
		return err
	})
	if err := chromedp.Do(ctx, throttle); err != nil {
		t.Fatal(err)
	}
	requests := recordRequests(ctx, t)
	errs := watchErrors(t, ctx)
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 900), chromedp.Navigate(u+"/#view=bars&year=2012")); err != nil {
		t.Fatal(err)
	}
	const loaded = `(() => { const m = /Loading the interactive chart… (\d+\.\d) MB/.exec(document.getElementById('chart-notice').textContent); return m ? parseFloat(m[1]) : -1; })()`
	waitFor(t, ctx, "a progress notice with a number", loaded+` > 0`, 18*time.Second)
	first := eval[float64](t, ctx, loaded)
	t.Logf("after %v: %s", time.Since(start).Round(time.Second), eval[string](t, ctx, `document.getElementById('chart-notice').textContent`))
	waitFor(t, ctx, "the progress to move on", loaded+` > `+strconv.FormatFloat(first, 'f', 1, 64), 8*time.Second)
	// Meanwhile the static chart is there, with every bar and its tooltip.
	waitFor(t, ctx, "the static chart of the state", staticChartShown, 10*time.Second)
	if st := eval[map[string]any](t, ctx, `(() => { const s = document.querySelector('#static svg'); const r = s.getBoundingClientRect();
		return {mode: window.azflowsPage.mode, bars: s.querySelectorAll('rect.bar').length, titled: s.querySelectorAll('rect.bar > title').length, h: r.height,
			shown: getComputedStyle(document.getElementById('static')).display}; })()`); st["mode"] != "static" || st["bars"] != 9.0 || st["titled"] != 9.0 || st["h"].(float64) < 100 || st["shown"] == "none" {
		t.Errorf("while loading: %v, want the static chart with 9 bars and their titles", st)
	}
	if colours, frac := nonBlank(screenshotPNG(ctx, t, "#static svg")); colours < 10 || frac < 0.05 {
		t.Errorf("the static chart looks blank: %d colours, %.3f non-background", colours, frac)
	}
	waitFor(t, ctx, "the fallback after the timeout", `window.azflowsPage.mode === 'fallback'`, 40*time.Second)
	t.Logf("fallback after %v", time.Since(start).Round(time.Second))
	if n := eval[string](t, ctx, `document.getElementById('chart-notice').textContent`); !strings.Contains(n, "did not load within 20 seconds") {
		t.Errorf("notice %q does not say what happened", n)
	}
	if s := stackTrace.FindString(eval[string](t, ctx, `document.body.innerText`)); s != "" {
		t.Errorf("the page shows %q", s)
	}
	const fb = `document.querySelector('#fallback-slot iframe').contentWindow`
	waitFor(t, ctx, "the echarts chart", `(() => { try { const w = `+fb+`; return !!(w.echarts && w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart'))); } catch (e) { return false; } })()`, 30*time.Second)
	for _, e := range errs() {
		t.Errorf("console: %s", e)
	}
	if n := countSuffix(requests.URLs(), "/"+distAsset(t, "view.wasm")); n != 1 {
		t.Errorf("view.wasm was requested %d times, want once", n)
	}
}

// slowBytesPerSecond is the slow connection's rate (about a slow 3G).
const slowBytesPerSecond = 50 * 1024

// slowly is h with its body sent at rate bytes a second, in pieces of a tenth of that, until
// the request ends.
func slowly(h http.HandlerFunc, rate int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h(&slowWriter{ResponseWriter: w, piece: rate / 10, done: r.Context().Done()}, r)
	}
}

type slowWriter struct {
	http.ResponseWriter
	piece int
	done  <-chan struct{}
}

func (s *slowWriter) Write(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		k := min(len(b), s.piece)
		select {
		case <-s.done:
			return n, http.ErrAbortHandler
		case <-time.After(100 * time.Millisecond):
		}
		m, err := s.ResponseWriter.Write(b[:k])
		n += m
		if err != nil {
			return n, err
		}
		if f, ok := s.ResponseWriter.(http.Flusher); ok {
			f.Flush()
		}
		b = b[k:]
	}
	return n, nil
}

// countSuffix is how many of urls end in suffix.
func countSuffix(urls []string, suffix string) int {
	n := 0
	for _, u := range urls {
		if strings.HasSuffix(u, suffix) {
			n++
		}
	}
	return n
}

// A font file that lies about its size (66 bytes claiming a 4 GB table, which once killed
// the view with "out of memory") and a base map that is not one (a ring of two points, or text
// over geo.MaxBaseMapSize): the view still starts, with its built-in fonts and one console
// warning for the fonts, and draws the map with its plain notice that the base map did not load.
func TestBadFontsAndBaseMap(t *testing.T) {
	for name, baseMap := range map[string][]byte{
		"a ring of two points": []byte(`{"box":[0,0,1,1],"countries":[{"id":"AZ","rings":[[0,0,1,1]]}]}`),
		"over the size limit":  append(append([]byte(`{"countries":[`), bytes.Repeat([]byte(" "), geo.MaxBaseMapSize)...), ']', '}'),
	} {
		t.Run(name, func(t *testing.T) { badFontsAndBaseMap(t, baseMap) })
	}
}

func badFontsAndBaseMap(t *testing.T, baseMap []byte) {
	woff := make([]byte, 64, 66)
	copy(woff, "wOFF")
	woff[5], woff[13] = 1, 1                                        // flavor 0x00010000, one table
	copy(woff[44:], "glyf")                                         // tag
	woff[51] = 64                                                   // offset 64
	woff[55] = 2                                                    // 2 bytes compressed
	woff[56], woff[57], woff[58], woff[59] = 0xFF, 0xFF, 0xFF, 0xFF // claiming 4 GB
	woff = append(woff, 0x78, 0x9c)
	site := server.Handler(distDir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/fonts/") && strings.HasSuffix(r.URL.Path, ".ttf"):
			// The view's fonts (site.Font.TTF): a WOFF in their place is decoded too.
			w.Header().Set("Content-Type", "font/ttf")
			w.Write(woff)
		case caching.Logical(r.URL.Path) == "/basemap.json":
			w.Header().Set("Content-Type", "application/json")
			w.Write(baseMap)
		default:
			site.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	ctx, _ := newBrowser(t)
	var mu sync.Mutex
	var warnings, errs []string
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			mu.Lock()
			switch m.Type {
			case chromedp.ConsoleWarning:
				warnings = append(warnings, m.Text)
			case chromedp.ConsoleError, chromedp.ConsoleException:
				errs = append(errs, m.Text)
			}
			mu.Unlock()
		}
	}()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(srv.URL+"/#view=map&year=2012")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	time.Sleep(time.Second)
	mu.Lock()
	defer mu.Unlock()
	fontWarnings, mapWarnings := 0, 0
	for _, w := range warnings {
		if strings.Contains(w, "fonts could not be read") {
			fontWarnings++
		}
		if strings.Contains(w, "base map") {
			mapWarnings++
		}
	}
	if fontWarnings != 1 {
		t.Errorf("%d warnings about the fonts, want 1: %q", fontWarnings, warnings)
	}
	if mapWarnings != 1 {
		t.Errorf("%d warnings about the base map, want 1: %q", mapWarnings, warnings)
	}
	if len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
	img := screenshotPNG(ctx, t, "#live-slot iframe")
	if colours, frac := nonBlank(img); colours < 10 || frac < 0.02 {
		t.Errorf("the view looks blank: %d colours, %.3f non-background", colours, frac)
	}
	if dir := os.Getenv("AZFLOWS_SHOTS"); dir != "" { // to look at it
		var b bytes.Buffer
		png.Encode(&b, img)
		os.WriteFile(filepath.Join(dir, "bad-fonts-and-basemap-"+strings.ReplaceAll(t.Name(), "/", "_")+".png"), b.Bytes(), 0o644)
	}
}
