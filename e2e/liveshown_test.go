//go:build !(js && wasm)

package e2e

import (
	"context"
	"image"
	"testing"
	"time"
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
