//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"image"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
)

// blankIn says whether the box (x, y, w, h) of a picture of the page shows nothing: fewer than
// a handful of colours (a white or flat area where a chart should be).
func blankIn(img image.Image, x, y, w, h float64) bool {
	colours, _ := nonBlank(crop(img, x, y, w, h))
	return colours < 5
}

// At the swap from the static chart to the live view, every frame the page's compositor
// produced shows a chart in the chart's place, never white: the view's picture is drawn by its
// worker and reaches the screen on its own, at times seconds after the view said it was ready
// (a busy GPU process), and until it has, the static chart beneath shows.
func TestLiveSwapNeverWhite(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1000, 800, "#view=map&year=2010")
	waitFor(t, ctx, "the static chart", staticChartShown, 30*time.Second)
	fx, fy, fw, fh := eval4(t, ctx, `(() => { const r = document.getElementById('static').getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })()`)
	sc := startScreencast(t, ctx)
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live' && `+liveView+`.ready`, 60*time.Second)
	time.Sleep(1500 * time.Millisecond)
	frames := sc.stop(t, ctx)
	if len(frames) == 0 {
		t.Fatal("the screencast sent no frame")
	}
	blank := 0
	for _, f := range frames {
		if f.Bounds().Dx() != 1000 {
			continue // a frame of another size cannot be cropped so
		}
		if blankIn(f, fx, fy, fw, fh) {
			blank++
		}
	}
	if blank > 0 {
		t.Errorf("%d of the %d composited frames from the static chart to the live view show the chart's place blank", blank, len(frames))
	}
}

// eval4 evaluates js, which returns four numbers.
func eval4(t *testing.T, ctx context.Context, js string) (a, b, c, d float64) {
	t.Helper()
	r := eval[[]float64](t, ctx, js)
	if len(r) != 4 {
		t.Fatalf("%s returned %v, want four numbers", js, r)
	}
	return r[0], r[1], r[2], r[3]
}

// After the view has gone idle (its frame gate parks its frames), what can make the compositor
// drop the worker's last picture — the tab hidden and shown again, a resize of the window, the
// chart scrolled out of view and back — leaves the live picture on the screen, or brings it
// back: the chart's place shows what it showed before (never white, nor the static chart).
func TestLivePictureSurvivesIdle(t *testing.T) {
	ctx, _ := newBrowser(t)
	countFrames(t, ctx)
	open(t, ctx, 1000, 800, "#view=bars&year=2010")
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live' && `+liveView+`.ready`, 60*time.Second)
	fx, fy, fw, fh := liveFrameBox(t, ctx)
	model := layout.Build(testAssets, charts.State{View: "bars", Year: 2010}, fw, fh)
	ref := crop(waitShot(t, ctx, "the live bars", markPainted(model, fx, fy, fw, fh, 0.05, charts.OfficialC, "bar/dest-2010-turkey")), fx, fy, fw, fh)
	same := func(img image.Image) []string {
		if d := changedMuch(ref, crop(img, fx, fy, fw, fh)); d > 0.002 {
			return []string{fmt.Sprintf("%.4f of the chart differs from the live picture before", d)}
		}
		return nil
	}
	waitIdle(t, ctx, "after ready")

	// Hidden: the window minimized; then shown again.
	setWindowState(t, ctx, browser.WindowStateMinimized)
	waitFor(t, ctx, "the page hidden (its window minimized)", `document.visibilityState === 'hidden'`, 5*time.Second)
	time.Sleep(1500 * time.Millisecond)
	setWindowState(t, ctx, browser.WindowStateNormal)
	waitFor(t, ctx, "the page shown again", `document.visibilityState === 'visible'`, 5*time.Second)
	waitShot(t, ctx, "after the tab was hidden and shown", same)

	// Scrolled out of view and back.
	waitIdle(t, ctx, "after showing the tab")
	eval[any](t, ctx, `(() => { document.body.style.minHeight = '5000px'; scrollTo(0, 3000); })()`)
	time.Sleep(1 * time.Second)
	eval[any](t, ctx, `scrollTo(0, 0)`)
	waitShot(t, ctx, "after scrolling the chart out and back", same)

	// A resize of the window: the frame's picture is laid out again for its size; back at the
	// first size it is the first picture.
	waitIdle(t, ctx, "after scrolling")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1001, 800)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800)); err != nil {
		t.Fatal(err)
	}
	waitShot(t, ctx, "after a resize and back", same)
}

// setWindowState minimizes the tab's window or brings it back.
func setWindowState(t *testing.T, ctx context.Context, state browser.WindowState) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		w, err := cdp.Call(ctx, tg, browser.GetWindowForTarget, browser.GetWindowForTargetParams{})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, tg, browser.SetWindowBounds, browser.SetWindowBoundsParams{WindowID: w.WindowID, Bounds: &browser.Bounds{WindowState: state}})
		return err
	}))
	if err != nil {
		t.Fatalf("window state %s: %v", state, err)
	}
}
