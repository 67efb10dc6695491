//go:build !(js && wasm)

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/charts/svg"
)

// eval runs js in the page and returns its value.
func eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// waitFor polls js until it is true or the deadline passes.
func waitFor(t testing.TB, ctx context.Context, what, js string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			page := eval[string](t, ctx, `JSON.stringify(window.azflowsPage || null)`)
			t.Fatalf("waited %v for %s (%s); page state %s", within, what, js, page)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// staticChartShown is true once #static shows the SVG of the page's chart state: the page's
// own, or one that came in charts/states.js (web/page/app.js, showStatic).
const staticChartShown = `(() => { const p = window.azflowsPage, s = document.getElementById('static'); return !!(p && p.files && s && s.querySelector('svg') && s.dataset.template === p.files.template); })()`

// watchErrors collects console errors, uncaught exceptions and unhandled rejections of the
// tab (and its same-origin frames) from now on.
func watchErrors(t testing.TB, ctx context.Context) func() []string {
	var mu sync.Mutex
	var errs []string
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				errs = append(errs, string(m.Type)+": "+m.Text)
				mu.Unlock()
			}
		}
	}()
	return func() []string {
		time.Sleep(200 * time.Millisecond) // let events in flight arrive
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

func open(t *testing.T, ctx context.Context, w, h int64, hash string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h), chromedp.Navigate(baseURL+"/"+hash)); err != nil {
		t.Fatal(err)
	}
}

// liveFrameBox is the interactive iframe's position and size in the page.
func liveFrameBox(t *testing.T, ctx context.Context) (x, y, w, h float64) {
	r := eval[[]float64](t, ctx, `(() => { const r = document.querySelector('#live-slot iframe').getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })()`)
	return r[0], r[1], r[2], r[3]
}

const liveView = `document.querySelector('#live-slot iframe').contentWindow.azflowsView`

func TestStaticChartBeforeWasm(t *testing.T) {
	ctx, _ := newBrowser(t)
	// Without WebAssembly at all, the chart is the pre-rendered SVG of the hash's view, with
	// every bar, and the page says why it is not interactive.
	if err := chromedp.Do(ctx, withoutWasm, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(baseURL+"/#view=bars&year=2012")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the fallback", `window.azflowsPage.mode === 'fallback'`, 10*time.Second)
	waitFor(t, ctx, "the static chart of the state", staticChartShown, 10*time.Second)
	if n := eval[string](t, ctx, `window.azflowsPage.notice`); !strings.Contains(n, "no WebAssembly") {
		t.Errorf("notice %q", n)
	}
	bars := eval[[]string](t, ctx, `[...document.querySelectorAll('#static svg rect.bar')].map(r => r.dataset.datum)`)
	model := layout.Build(testAssets, charts.State{View: "bars", Year: 2012}, 800, 450)
	var want []string
	for _, m := range model.Marks {
		if m.Role == charts.RoleBar {
			want = append(want, m.Datum)
		}
	}
	if len(want) != 9 || strings.Join(bars, ",") != strings.Join(want, ",") {
		t.Errorf("static SVG bars %v, want the model's %v (both years)", bars, want)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#static svg rect#`+svg.ID("selected/2012")+`').length`); n != 1 {
		t.Errorf("the static SVG does not outline 2012 (%d outlines)", n)
	}
	title := eval[string](t, ctx, `document.querySelector('#static svg title').textContent`)
	if title != model.Title {
		t.Errorf("static SVG title %q, want %q", title, model.Title)
	}
}

func TestInteractiveViewDrawsAndHovers(t *testing.T) {
	ctx, _ := newBrowser(t)
	requests := recordRequests(ctx, t)
	errs := watchErrors(t, ctx)
	open(t, ctx, 1000, 800, "#view=bars&year=2010")
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 10*time.Second)

	fx, fy, fw, fh := liveFrameBox(t, ctx)
	model := layout.Build(testAssets, charts.State{View: "bars", Year: 2010}, fw, fh)
	// The bar for Turkey is drawn where the model put it, in the official colour.
	img := waitShot(t, ctx, "the ebiten view", markPainted(model, fx, fy, fw, fh, 0.05, charts.OfficialC, "bar/dest-2010-turkey"))
	bar, _ := model.Mark("bar/dest-2010-turkey")
	c := bar.Center()
	empty := img.At(int(fx+bar.Rect.X+bar.Rect.W+60), int(fy+c.Y))
	if near(empty, charts.OfficialC) {
		t.Errorf("pixel past the Turkey bar's end is bar-coloured: the bar is too long")
	}

	// Hovering the bar shows its value in the chart and in the page's live region.
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, fx+c.X, fy+c.Y)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the hover readout", `window.azflowsPage.readout.includes('Victims trafficked to Turkey: 23')`, 10*time.Second)
	if h := eval[string](t, ctx, liveView+`.hover`); h != "dest-2010-turkey" {
		t.Errorf("view reports hover %q", h)
	}
	if r := eval[string](t, ctx, `document.getElementById('readout').textContent`); !strings.Contains(strings.ReplaceAll(r, "\u00a0", " "), "footnote 9") {
		t.Errorf("readout %q lacks the footnote", r)
	}
	after := screenshotPNG(ctx, t, "")
	if diff := changed(crop(img, fx, fy, fw, fh), crop(after, fx, fy, fw, fh)); diff < 0.005 {
		t.Errorf("hovering changed only %.4f of the chart's pixels: no tooltip drawn", diff)
	}

	// Switching the year with the page's controls updates the hash and the view.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`label:has(input[name=year][value="2012"])`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the 2012 view", liveView+`.hash === 'view=bars&year=2012'`, 10*time.Second)
	if h := eval[string](t, ctx, `location.hash`); h != "#view=bars&year=2012" {
		t.Errorf("hash %q after choosing 2012", h)
	}
	m2012 := layout.Build(testAssets, charts.State{View: "bars", Year: 2012}, fw, fh)
	unk, _ := m2012.Mark("bar/dest-2012-not-given")
	c = unk.Center()
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, fx+c.X+3, fy+c.Y)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the 2012 hover readout", `window.azflowsPage.readout.includes(': 42')`, 10*time.Second)
	// The 2010 panel stays beside it, on the same scale: its Turkey bar is where the model puts it.
	tr, _ := m2012.Mark("bar/dest-2010-turkey")
	c = tr.Center()
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, fx+c.X, fy+c.Y)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the 2010 bar's readout in the 2012 state", `window.azflowsPage.readout.includes('Victims trafficked to Turkey: 23')`, 10*time.Second)

	if f := requests.Foreign(baseURL); len(f) > 0 {
		t.Errorf("requests to other hosts: %q", f)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

func TestFallbackWithoutWebGL(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	requests := recordRequests(ctx, t)
	open(t, ctx, 1000, 900, "#view=flow&year=2012")
	waitFor(t, ctx, "the fallback", `window.azflowsPage.mode === 'fallback'`, 20*time.Second)
	if n := eval[string](t, ctx, `document.getElementById('chart-notice').textContent`); !strings.Contains(n, "no WebGL") {
		t.Errorf("notice %q does not say why", n)
	}
	const fb = `document.querySelector('#fallback-slot iframe').contentWindow`
	waitFor(t, ctx, "the echarts chart", `(() => { try { const w = `+fb+`; return !!(w.echarts && w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart'))); } catch (e) { return false; } })()`, 20*time.Second)
	links := eval[[]map[string]any](t, ctx, `(() => { const w = `+fb+`; const o = w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart')).getOption(); return o.series.find(s => s.name === 'bands').data.map(l => ({source: l.source, target: l.target, value: l.count})); })()`)
	model := layout.Build(testAssets, charts.State{View: "flow", Year: 2012}, 800, 450)
	var want []string
	for _, m := range model.Marks {
		if m.Role == charts.RoleBand {
			want = append(want, fmt.Sprintf("%s>%s=%v", m.Source, m.Target, m.Value))
		}
	}
	var got []string
	for _, l := range links {
		got = append(got, fmt.Sprintf("%v>%v=%v", l["source"], l["target"], l["value"]))
	}
	if strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("fallback links %v, model bands %v", got, want)
	}
	img := screenshotPNG(ctx, t, "#fallback-slot iframe")
	if colours, frac := nonBlank(img); colours < 20 || frac < 0.05 {
		t.Errorf("the fallback chart looks blank: %d colours, %.3f non-background", colours, frac)
	}
	if f := requests.Foreign(baseURL); len(f) > 0 {
		t.Errorf("requests to other hosts: %q", f)
	}
}

func TestMalformedHashGivesDefaultView(t *testing.T) {
	ctx, _ := newBrowser(t)
	errs := watchErrors(t, ctx)
	open(t, ctx, 1000, 800, "#view=%3Cscript%3E&year=abc")
	waitFor(t, ctx, "the page script", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
	st := eval[map[string]any](t, ctx, `window.azflowsPage.state`)
	if st["view"] != charts.Default.View || st["year"] != float64(charts.Default.Year) {
		t.Errorf("state %v, want the default %+v", st, charts.Default)
	}
	// The default view's data marks (the map's arcs) are the model's, in its order.
	var want []string
	for _, m := range layout.Build(testAssets, charts.Default, 800, 450).Marks {
		if m.Role == charts.RoleBar || m.Role == charts.RoleArc {
			want = append(want, m.Datum)
		}
	}
	got := eval[[]string](t, ctx, `[...document.querySelectorAll('#static svg rect.bar, #static svg path.arc')].map(m => m.dataset.datum)`)
	if len(want) == 0 || strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("default view shows %v, want the model's %v", got, want)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('script:not([src]):not([type="application/json"])').length`); n != 0 {
		t.Errorf("%d inline scripts in the page", n)
	}
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// The page's hash parser and the Go one agree on every input.
func TestPageParserMatchesGo(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 800, 600, "")
	waitFor(t, ctx, "the page script", `!!window.azflowsPage`, 10*time.Second)
	inputs := []string{"", "#view=flow&year=2012", "view=bars&year=2012", "?year=2012", "#view=%3Cscript%3E&year=abc",
		"#view=flow&view=bars", "#year=2011", "#year=99999999999999999999", "#view=flow&year=%2B2012", "#view=flow;x=1&year=2012",
		"#view=%zz&view=flow", "#view=flow&year=+2012", "#year=02012", "#view=fl%6Fw", "#view=flow&year=2012&year=2010",
		"#<img src=x onerror=alert(1)>", "#view=javascript:alert(1)", "#view=bars&year=2010%00",
		"#view=flow&context=1", "#context=1&context=0", "#context=yes", "#context=%31",
		"#lang=az", "#view=bars&lang=ru&year=2012", "#lang=de", "#lang=AZ", "#lang=az&lang=ru", "#lang=%61z", "#lang=ru;x=1", "#lang= az"}
	for _, in := range inputs {
		got := eval[map[string]any](t, ctx, fmt.Sprintf(`window.azflowsPage.parseHash(%q)`, in))
		want := charts.ParseHash(in)
		if got["view"] != want.View || got["year"] != float64(want.Year) || got["context"] != want.Context || got["lang"] != string(want.Lang) {
			t.Errorf("%q: page parses %v, Go %+v", in, got, want)
		}
	}
}

// The page's hash parser gives the state of every shared vector (charts/testdata/hash_vectors.json),
// the same file charts.TestHashVectors runs against the Go parser.
func TestPageParserVectors(t *testing.T) {
	vectors, err := charts.LoadHashVectors(filepath.Join(repoRoot, charts.HashVectorsFile))
	if err != nil {
		t.Fatal(err)
	}
	ctx, _ := newBrowser(t)
	open(t, ctx, 800, 600, "")
	waitFor(t, ctx, "the page script", `!!window.azflowsPage`, 10*time.Second)
	var inputs []string
	for _, v := range vectors {
		inputs = append(inputs, v.Input())
	}
	js, _ := json.Marshal(inputs)
	got := eval[[]map[string]any](t, ctx, `(`+string(js)+`).map(h => window.azflowsPage.parseHash(h))`)
	if len(got) != len(vectors) {
		t.Fatalf("%d results for %d vectors", len(got), len(vectors))
	}
	for i, v := range vectors {
		g := got[i]
		if g["view"] != v.Want.View || g["year"] != float64(v.Want.Year) || g["context"] != v.Want.Context || g["lang"] != v.Want.Lang {
			t.Errorf("page parses %.80q as %v, want %+v %s", v.Input(), g, v.Want, v.Note)
		}
	}
}

func crop(img image.Image, x, y, w, h float64) image.Image {
	type sub interface {
		SubImage(image.Rectangle) image.Image
	}
	return img.(sub).SubImage(image.Rect(int(x), int(y), int(x+w), int(y+h)))
}

func near(c color.Color, hex string) bool {
	var r, g, b uint8
	fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b)
	cr, cg, cb, _ := c.RGBA()
	d := func(a uint32, b uint8) int { v := int(a>>8) - int(b); return v * v }
	return d(cr, r)+d(cg, g)+d(cb, b) < 3*12*12
}

func changed(a, b image.Image) float64 {
	n, diff := 0, 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			n++
			if a.At(x, y) != b.At(x, y) {
				diff++
			}
		}
	}
	return float64(diff) / float64(n)
}

// A link to dist/index.html opened from disk reopens the view in its hash, and still shows a
// working chart (the fallback: Chromium refuses fetch() of the .wasm from file://).
func TestFileURLKeepsState(t *testing.T) {
	ctx, _ := newBrowser(t)
	requests := recordRequests(ctx, t)
	u := "file://" + filepath.ToSlash(filepath.Join(distDir, "index.html")) + "#view=flow&year=2012"
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 900), chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page script", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
	waitFor(t, ctx, "the static chart of the state", staticChartShown, 10*time.Second)
	if st := eval[string](t, ctx, `document.querySelector('#static svg').dataset.view + '-' + document.querySelector('#static svg').dataset.year`); st != "flow-2012" {
		t.Errorf("static chart %q, want flow-2012", st)
	}
	waitFor(t, ctx, "a working chart", `['live', 'fallback'].includes(window.azflowsPage.mode)`, 30*time.Second)
	if eval[string](t, ctx, `window.azflowsPage.mode`) == "fallback" {
		// file:// frames are opaque to each other: judge the fallback by its pixels.
		deadline := time.Now().Add(20 * time.Second)
		for {
			colours, frac := nonBlank(screenshotPNG(ctx, t, "#fallback-slot iframe"))
			if colours >= 20 && frac >= 0.05 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the fallback from file:// looks blank: %d colours, %.3f non-background", colours, frac)
			}
			time.Sleep(250 * time.Millisecond)
		}
	}
	for _, r := range requests.URLs() {
		if !strings.HasPrefix(r, "file://") && !strings.HasPrefix(r, "data:") {
			t.Errorf("request to %s from file://", r)
		}
	}
}

func runJS(ctx context.Context, js string) error {
	_, err := chromedp.Run(ctx, chromedp.Evaluate[any](js))
	return err
}
