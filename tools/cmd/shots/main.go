//go:build !(js && wasm)

// Command shots writes screenshots of the built site for people to look at (it is not a
// test): every chart view in every language at phone, embed and slide sizes, each once the
// interactive chart (or its fallback) has replaced the static one, as
// dist/shots/<view>-<year>-<lang>-<size>.png. Run it with `make shots` (one browser, under the
// shared lock if other browsers run).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/internal/repo"
	"azflows/internal/server"
	launch "azflows/tools/internal/browser"
)

// size is a frame a reader brings: a phone (mobile emulation, the whole page), an embed (the
// page in embed mode filling the frame) or a slide (embed mode at projector sizes).
type size struct {
	Name   string
	W, H   int64
	Mobile bool
}

var sizes = []size{
	{"phone-360x740", 360, 740, true},
	{"embed-480x270", 480, 270, false},
	{"embed-960x540", 960, 540, false},
	{"slide-1280x720", 1280, 720, false},
	{"slide-1920x1080", 1920, 1080, false},
}

func main() {
	dist := flag.String("dist", "dist", "the built site")
	only := flag.String("only", "", "comma-separated substrings; only shots whose name contains one of them")
	flag.Parse()
	// -dist is the repository's dist/, wherever make runs it from (tools/).
	root, err := repo.Root()
	if err == nil {
		err = os.Chdir(root)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "shots:", err)
		os.Exit(1)
	}
	if err := run(*dist, *only); err != nil {
		fmt.Fprintln(os.Stderr, "shots:", err)
		os.Exit(1)
	}
}

func run(dist, only string) error {
	if _, err := os.Stat(filepath.Join(dist, "index.html")); err != nil {
		return fmt.Errorf("%s/index.html is missing: run `make build` first", dist)
	}
	out := filepath.Join(dist, "shots")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: server.Handler(dist)}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	profile, err := os.MkdirTemp("", "azflows-shots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	opts := append(launch.Options(launch.Path(), profile), chromedp.CombinedOutput(io.Discard))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	// Start the browser on this context: the first action's context owns the tab, and each
	// shot's own deadline must not close it.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return fmt.Errorf("starting %s: %w", launch.Path(), err)
	}

	n := 0
	for _, lang := range []string{"en", "az", "ru"} {
		pageName := "index.html"
		if lang != "en" {
			pageName = "index." + lang + ".html"
		}
		for _, v := range layout.ChartViews() {
			for _, y := range charts.Years {
				for _, s := range sizes {
					name := fmt.Sprintf("%s-%d-%s-%s", v, y, lang, s.Name)
					if !wanted(name, only) {
						continue
					}
					hash := fmt.Sprintf("#view=%s&year=%d", v, y)
					if !s.Mobile {
						hash += "&embed"
					}
					png, err := shot(ctx, base+"/"+pageName+hash, s)
					if err != nil {
						return fmt.Errorf("%s: %w", name, err)
					}
					if err := os.WriteFile(filepath.Join(out, name+".png"), png, 0o644); err != nil {
						return err
					}
					n++
				}
			}
		}
	}
	// The phone's first screen (what a reader from a messenger link sees before scrolling) and
	// the table and the timeline on a phone, in each language: the viewport only, touch, device
	// scale 2.
	for _, lang := range []string{"en", "az", "ru"} {
		pageName := "index.html"
		if lang != "en" {
			pageName = "index." + lang + ".html"
		}
		for _, fs := range firstScreens {
			for _, what := range []struct{ name, hash, scrollTo string }{{"first", "", ""}, {"table", "#view=table&year=2012", "#table-title"}, {"timeline", "#view=timeline&year=2012", "#controls"}} {
				name := fmt.Sprintf("%s-%s-phone-%dx%d", what.name, lang, fs.W, fs.H)
				if !wanted(name, only) {
					continue
				}
				png, err := screen(ctx, base+"/"+pageName+what.hash, fs, what.scrollTo)
				if err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				if err := os.WriteFile(filepath.Join(out, name+".png"), png, 0o644); err != nil {
					return err
				}
				n++
			}
		}
	}
	fmt.Printf("shots: wrote %d screenshots to %s\n", n, out)
	return nil
}

func wanted(name, only string) bool {
	if only == "" {
		return true
	}
	for _, o := range strings.Split(only, ",") {
		if strings.Contains(name, o) {
			return true
		}
	}
	return false
}

// shot loads u in a w×h viewport, waits for the interactive chart (or the fallback) and a
// quiet moment, and captures the viewport (a phone: the whole page).
func shot(ctx context.Context, u string, s size) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	vp := chromedp.EmulateViewport(s.W, s.H)
	if s.Mobile {
		vp = chromedp.EmulateViewport(s.W, s.H, chromedp.EmulateMobile, chromedp.EmulateScale(2))
		// A capture beyond the viewport resizes the page's view for it, after which a canvas
		// that a worker draws on (the live view, web/view/viewhost.js) is blank until the worker
		// draws again: the phone's whole page is taken with the view on the frame's main thread
		// (the same picture; web/view/view.js without transferControlToOffscreen).
		id, err := chromedp.Run(ctx, chromedp.Action[page.ScriptIdentifier](func(ctx context.Context, t *chromedp.Target) (page.ScriptIdentifier, error) {
			r, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `delete HTMLCanvasElement.prototype.transferControlToOffscreen;`})
			if err != nil {
				return "", err
			}
			return r.Identifier, nil
		}))
		if err != nil {
			return nil, err
		}
		defer chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: id})
			return err
		}))
	}
	if err := chromedp.Do(ctx, vp, chromedp.Navigate("about:blank"), chromedp.Navigate(u)); err != nil {
		return nil, err
	}
	if err := waitChart(ctx); err != nil {
		return nil, err
	}
	if s.Mobile {
		// The page from its top through the chart: what a phone reader scrolls through to reach
		// the chart, not the whole page.
		bottom, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`Math.max(...[...document.querySelectorAll('#live-slot iframe, #fallback-slot iframe, #static svg')].map(e => e.getBoundingClientRect()).filter(r => r.height > 0).map(r => r.bottom)) + scrollY + 8`))
		if err != nil {
			return nil, err
		}
		return chromedp.Run(ctx, chromedp.Action[[]byte](func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
			r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
				Format: page.CaptureScreenshotFormatPng, CaptureBeyondViewport: ptr(true), FromSurface: ptr(true),
				Clip: &page.Viewport{Width: float64(s.W), Height: bottom, Scale: 1},
			})
			if err != nil {
				return nil, err
			}
			return r.Data, nil
		}))
	}
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}

func ptr[T any](v T) *T { return &v }

// waitChart waits (30 s at most) until the page shows its interactive chart or the fallback,
// then for the view's first frames and the base map.
func waitChart(ctx context.Context) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		mode, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(window.azflowsPage && window.azflowsPage.mode) || ''`))
		if err != nil {
			return err
		}
		if mode == "live" || mode == "fallback" {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the chart stayed %q for 30 s", mode)
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(700 * time.Millisecond) // the view's first frames and the base map
	return nil
}

// firstScreens are the phones of the first-screen shots (tools/e2e/phone_test.go tests the same).
var firstScreens = []size{{"", 360, 640, true}, {"", 390, 844, true}}

// screen loads u on a phone s (touch, device scale 2), waits for the interactive chart (or the
// fallback) and captures the viewport, scrolled to the element scrollTo names if any.
func screen(ctx context.Context, u string, s size, scrollTo string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	vp := chromedp.EmulateViewport(s.W, s.H, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2))
	if err := chromedp.Do(ctx, vp, chromedp.Navigate("about:blank"), chromedp.Navigate(u)); err != nil {
		return nil, err
	}
	if err := waitChart(ctx); err != nil {
		return nil, err
	}
	if scrollTo != "" {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const e = document.querySelector('`+scrollTo+`'); if (e) window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 8); return !!e; })()`)); err != nil {
			return nil, err
		}
		time.Sleep(200 * time.Millisecond)
	}
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}
