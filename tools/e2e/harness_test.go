//go:build !(js && wasm)

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/i18n"
	"azflows/internal/caching"
	"azflows/internal/repo"
	"azflows/internal/server"
	"azflows/internal/testenv"
	"azflows/site"
	"azflows/tools/internal/browser"
)

// browserTimeout bounds the life of one browser, and so of one browser test.
const browserTimeout = 90 * time.Second

var (
	// repoRoot is the directory that holds go.mod.
	repoRoot string
	// distDir is repoRoot/dist, the built site.
	distDir string
	// baseURL is the URL of the in-process server of distDir, without a
	// trailing slash, such as http://127.0.0.1:41234.
	baseURL string
	// testAssets are the fonts and the base map the build draws the charts with (from
	// node_modules), for the model's charts the tests compare the page with.
	testAssets charts.Assets
)

func TestMain(m *testing.M) {
	root, err := repo.Root()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	repoRoot = root
	if testAssets, err = testenv.RepoAssets(); err != nil { // to know where the page should draw what
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	distDir = filepath.Join(root, "dist")
	if _, err := os.Stat(filepath.Join(distDir, "index.html")); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %s/index.html is missing: run `make build` first (make test does it)\n", distDir)
		os.Exit(1)
	}
	srv := httptest.NewServer(server.Handler(distDir))
	baseURL = srv.URL
	code := m.Run()
	srv.Close()
	os.Exit(code)
}

// newBrowser starts a headless Chromium with a fresh profile and returns a
// chromedp context for its first tab, and a func that stops the browser. The
// browser lives at most browserTimeout. Calling the stop func is optional (it
// also runs at the end of the test) and safe to repeat.
//
// The GPU is left on (no --disable-gpu), so WebGL runs through SwiftShader as
// ebiten needs. extraFlags are added last, for example
// chromedp.Flag("use-gl", "disabled") to test the page without WebGL.
func newBrowser(t *testing.T, extraFlags ...chromedp.ExecAllocatorOption) (context.Context, func()) {
	t.Helper()
	return newBrowserFor(t, browserTimeout, extraFlags...)
}

// newBrowserFor is newBrowser for a browser that lives at most life, for a test that runs
// longer than one (one browser for several servers).
func newBrowserFor(t *testing.T, life time.Duration, extraFlags ...chromedp.ExecAllocatorOption) (context.Context, func()) {
	t.Helper()
	exe := browser.Path()
	if fi, err := os.Stat(exe); err != nil || fi.IsDir() {
		t.Fatalf("no Chromium at %s: run `make chromium` (as root it runs apt-get install chromium), or set CHROMIUM to a Chromium binary", exe)
	}
	profile, err := os.MkdirTemp("", "azflows-chromium-")
	if err != nil {
		t.Fatal(err)
	}

	opts := browser.Options(exe, profile)
	opts = append(opts, extraFlags...)
	output := &lockedBuffer{}
	opts = append(opts, chromedp.CombinedOutput(output))

	timeoutCtx, cancelTimeout := context.WithTimeout(context.Background(), life)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(timeoutCtx, opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)

	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancelCtx()
			cancelAlloc()
			cancelTimeout()
			if t.Failed() {
				if out := output.String(); out != "" {
					t.Logf("chromium output (last 4 KiB):\n%s", tail(out, 4096))
				}
			}
			os.RemoveAll(profile)
		})
	}
	t.Cleanup(stop)

	// Start the browser now, so that a broken install fails here, clearly.
	if err := chromedp.Do(ctx); err != nil {
		stop()
		t.Fatalf("starting %s: %v\n%s", exe, err, tail(output.String(), 4096))
	}
	return ctx, stop
}

// lockedBuffer collects the browser's output, which arrives on another
// goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// requestLog is the list of URLs that a tab requested.
type requestLog struct {
	mu   sync.Mutex
	urls []string
}

// recordRequests records the URL of every request that the tab of ctx and its workers (the
// view's, which fetches view.wasm) send from now on (Network.requestWillBeSent). Call it
// before Navigate.
func recordRequests(ctx context.Context, t testing.TB) *requestLog {
	t.Helper()
	l := &requestLog{}
	listenTabAndWorkers(ctx, t, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request != nil {
			l.mu.Lock()
			l.urls = append(l.urls, e.Request.URL)
			l.mu.Unlock()
		}
	})
	return l
}

// URLs returns the recorded URLs, in order.
func (l *requestLog) URLs() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.urls)
}

// Foreign returns the recorded URLs that are not on the host (and port) of
// base, leaving out data:, blob: and about: URLs, which need no network.
func (l *requestLog) Foreign(base string) []string {
	b, err := url.Parse(base)
	if err != nil {
		panic(fmt.Sprintf("requestLog.Foreign: bad base URL %q: %v", base, err))
	}
	var foreign []string
	for _, raw := range l.URLs() {
		lower := strings.ToLower(raw)
		if strings.HasPrefix(lower, "data:") || strings.HasPrefix(lower, "blob:") || strings.HasPrefix(lower, "about:") {
			continue
		}
		u, err := url.Parse(raw)
		if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host == b.Host {
			continue
		}
		foreign = append(foreign, raw)
	}
	return foreign
}

// distAsset is the name in dist/ of the file the build wrote as logical ("view.wasm" →
// "view.0123456789.wasm", from the build's asset-names.json; docs/deploy.md).
func distAsset(t testing.TB, logical string) string {
	t.Helper()
	name, err := caching.Lookup(distDir, logical)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// pageConfig is the config (site.PageConfig) of the page in l that the build wrote into dir:
// the names it gives each state's fallback page and downloads are the files' hashed names.
func pageConfig(t testing.TB, dir string, l i18n.Lang) site.PageConfig {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, site.PageName(l)))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<script type="application/json" id="` + site.IDConfig + `">(.*?)</script>`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("%s has no config", site.PageName(l))
	}
	var c site.PageConfig
	if err := json.Unmarshal(m[1], &c); err != nil {
		t.Fatalf("%s: config: %v", site.PageName(l), err)
	}
	return c
}

// screenshotPNG takes a screenshot of the first element that matches the CSS
// selector sel (it waits until that element is visible), or of the viewport
// when sel is "", and decodes it.
//
// An element within the viewport is cut from a capture of the viewport: chromedp's element
// screenshot captures beyond the viewport, which resizes the page's view for the capture,
// and a canvas that a worker draws on (the live view, web/view/viewhost.js) shows its last frame
// again only when the worker draws the next one.
func screenshotPNG(ctx context.Context, t testing.TB, sel string) image.Image {
	t.Helper()
	var (
		buf []byte
		err error
	)
	if sel == "" {
		buf, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	} else {
		buf, err = screenshotElement(ctx, sel)
	}
	if err != nil {
		t.Fatalf("screenshot of %q: %v", sel, err)
	}
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		t.Fatalf("decoding the screenshot of %q: %v", sel, err)
	}
	return img
}

// screenshotElement is the screenshot of the element sel: cut from the viewport where it lies
// within, else chromedp's.
func screenshotElement(ctx context.Context, sel string) ([]byte, error) {
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(sel))); err != nil {
		return nil, err
	}
	q, _ := json.Marshal(sel)
	// Scrolled into the viewport for the capture (and back after it) where it lies beyond.
	r, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
		const e = document.querySelector(`+string(q)+`), sx = scrollX, sy = scrollY;
		let r = e.getBoundingClientRect();
		const fits = () => r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
		if (!fits()) { e.scrollIntoView({ block: 'nearest', inline: 'nearest' }); r = e.getBoundingClientRect(); }
		return [r.left + scrollX, r.top + scrollY, r.width, r.height, fits() ? 1 : 0, sx, sy];
	})()`))
	if err != nil || len(r) != 7 || r[4] != 1 {
		return chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	}
	defer chromedp.Run(ctx, chromedp.Evaluate[any](fmt.Sprintf(`scrollTo(%g, %g)`, r[5], r[6])))
	x, y := math.Round(r[0]), math.Round(r[1])
	clip := &page.Viewport{X: x, Y: y, Width: math.Round(r[2] + r[0] - x), Height: math.Round(r[3] + r[1] - y), Scale: 1}
	return chromedp.Run(ctx, chromedp.Action[[]byte](func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng, FromSurface: ptrTo(true), Clip: clip})
		if err != nil {
			return nil, err
		}
		return res.Data, nil
	}))
}

func ptrTo[T any](v T) *T { return &v }

// nonBlank measures how much an image shows: the number of distinct colours,
// and the fraction of pixels that differ from the background, taken as the
// most common colour.
func nonBlank(img image.Image) (distinctColours int, fracNonBackground float64) {
	counts := map[[4]uint8]int{}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, a := img.At(x, y).RGBA()
			counts[[4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}]++
		}
	}
	total := bounds.Dx() * bounds.Dy()
	if total == 0 {
		return 0, 0
	}
	background := 0
	for _, n := range counts {
		background = max(background, n)
	}
	return len(counts), float64(total-background) / float64(total)
}

// TestHarnessServesWasmMime checks the in-process server without a browser:
// the page is HTML, and every .wasm file in dist/ is application/wasm.
func TestHarnessServesWasmMime(t *testing.T) {
	check := func(path, wantType string) {
		t.Helper()
		resp, err := http.Get(baseURL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d, want 200", path, resp.StatusCode)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, wantType) {
			t.Errorf("GET %s: Content-Type %q, want %s", path, ct, wantType)
		}
	}
	check("/", "text/html")

	var wasm, logical []string
	filepath.WalkDir(distDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".wasm") {
			rel, _ := filepath.Rel(distDir, p)
			wasm = append(wasm, "/"+filepath.ToSlash(rel))
			logical = append(logical, caching.Logical("/"+filepath.ToSlash(rel)))
		}
		return nil
	})
	if !slices.Contains(logical, "/view.wasm") {
		t.Errorf("dist/ has no view.wasm (found %q)", wasm)
	}
	for _, p := range wasm {
		check(p, "application/wasm")
	}
}

// TestBrowserStarts is the smoke test of the harness: Chromium starts, loads
// the page from the in-process server, and the page has a title.
func TestBrowserStarts(t *testing.T) {
	ctx, stop := newBrowser(t)
	defer stop()
	requests := recordRequests(ctx, t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(baseURL+"/"),
	); err != nil {
		t.Fatalf("loading %s/: %v", baseURL, err)
	}
	title, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.title`))
	if err != nil {
		t.Fatalf("reading document.title: %v", err)
	}
	if strings.TrimSpace(title) == "" {
		t.Error("document.title is empty")
	}
	if len(requests.URLs()) == 0 {
		t.Error("recorded no request for the page load")
	}
	if f := requests.Foreign(baseURL); len(f) > 0 {
		t.Errorf("the page requested URLs off %s: %q", baseURL, f)
	}
	if _, frac := nonBlank(screenshotPNG(ctx, t, "")); frac == 0 {
		t.Error("the viewport screenshot is one flat colour")
	}
}

// scriptOnNewDocument is an action that runs src in every document of the tab before its own
// scripts.
func scriptOnNewDocument(src string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	})
}

// onNewDocument runs each script in every document of the tab before its own scripts.
func onNewDocument(t *testing.T, ctx context.Context, scripts ...string) {
	t.Helper()
	for _, src := range scripts {
		if err := chromedp.Do(ctx, scriptOnNewDocument(src)); err != nil {
			t.Fatal(err)
		}
	}
}

// withoutWasm keeps the page in its static chart and the fallback (no WebAssembly).
var withoutWasm = scriptOnNewDocument(`delete window.WebAssembly;`)

// shotWait bounds how long waitShot waits for the page's pixels to show what a test wants.
const shotWait = 5 * time.Second

// waitShot takes screenshots of the viewport until check finds nothing wrong in one (it returns
// no complaint), for at most shotWait, and returns that screenshot; when none passes, the test
// fails with the last one's complaints. A test that looks at the live view right after it said
// it was ready waits here: the view's picture, drawn by its worker (web/view/viewhost.js), reaches
// the screen on its own, at times a while after the ready message, and until it has, the
// static chart beneath the view shows (web/page/style.css). While the page is live, the screenshots
// leave that static chart out (it is made invisible for them), so that they show the live
// view's picture alone: one that never comes still fails.
func waitShot(t testing.TB, ctx context.Context, what string, check func(img image.Image) []string) image.Image {
	t.Helper()
	hidden := eval[bool](t, ctx, `(() => { const live = window.azflowsPage && window.azflowsPage.mode === 'live';
		if (live) document.getElementById('static').style.visibility = 'hidden'; return live; })()`)
	if hidden {
		defer eval[any](t, ctx, `document.getElementById('static').style.visibility = ''`)
	}
	deadline := time.Now().Add(shotWait)
	for {
		img := screenshotPNG(ctx, t, "")
		complaints := check(img)
		if len(complaints) == 0 {
			return img
		}
		if time.Now().After(deadline) {
			for _, c := range complaints {
				t.Errorf("%s, after %v: %s", what, shotWait, c)
			}
			return img
		}
		time.Sleep(150 * time.Millisecond)
	}
}

// markPainted is a check for waitShot: the chart's place (the box x, y, w, h of the viewport)
// shows a picture (20 colours or more, minFrac of it not background), and the centre of each
// mark of model named in ids (at the box's origin) has colour hex.
func markPainted(model *charts.Chart, x, y, w, h, minFrac float64, hex string, ids ...string) func(image.Image) []string {
	return func(img image.Image) []string {
		var out []string
		if colours, frac := nonBlank(crop(img, x, y, w, h)); colours < 20 || frac < minFrac {
			out = append(out, fmt.Sprintf("the chart looks blank: %d colours, %.3f non-background", colours, frac))
		}
		for _, id := range ids {
			m, ok := model.Mark(id)
			if !ok {
				out = append(out, "the model has no "+id)
				continue
			}
			c := m.Center()
			if got := img.At(int(x+c.X), int(y+c.Y)); !near(got, hex) {
				out = append(out, fmt.Sprintf("pixel at %s's centre is %v, want %s", id, got, hex))
			}
		}
		return out
	}
}
