//go:build !(js && wasm)

package e2e

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
)

// rafCounter runs in the view's frame before any of its scripts (so before the frame gate and
// ebiten read requestAnimationFrame) and counts the animation-frame callbacks that run.
const rafCounter = `(() => {
	if (window.top === window || !/\/view\.html$/.test(location.pathname)) return;
	const raf = window.requestAnimationFrame, c = window.__rafCount = { fired: 0 };
	window.requestAnimationFrame = function (cb) { return raf.call(window, t => { c.fired++; cb(t); }); };
})()`

const liveFrameWin = `document.querySelector('#live-slot iframe').contentWindow`

// countFrames installs rafCounter in every document of the tab.
func countFrames(t *testing.T, ctx context.Context) {
	t.Helper()
	onNewDocument(t, ctx, rafCounter)
}

// framesFired is how many animation-frame callbacks the view has run: those of its worker
// where it runs in one (counted by the frame gate there, web/view/framegate.js, and mirrored to the
// frame by web/view/view.js), else those of the frame's main thread (rafCounter).
func framesFired(t *testing.T, ctx context.Context) int {
	t.Helper()
	return eval[int](t, ctx, `(() => { const w = `+liveFrameWin+`, m = w.azflowsViewMode;
		if (m && m.mode === 'worker') return w.azflowsFrameGate.fired();
		const c = w.__rafCount; return c ? c.fired : -1; })()`)
}

// viewMode is window.azflowsViewMode in the view's frame: where the view runs.
type viewMode struct {
	Mode string `json:"mode"`
	Why  string `json:"why"`
}

func liveViewMode(t *testing.T, ctx context.Context) viewMode {
	t.Helper()
	return eval[viewMode](t, ctx, `(() => { const m = `+liveFrameWin+`.azflowsViewMode; return m ? { mode: String(m.mode), why: String(m.why || '') } : { mode: 'missing', why: '' }; })()`)
}

// requireWorker stops the test unless the live view runs in its worker and the worker's
// frame gate has counted its animation frames (framesFired).
func requireWorker(t *testing.T, ctx context.Context) {
	t.Helper()
	if m := liveViewMode(t, ctx); m.Mode != "worker" {
		t.Fatalf("the view runs on %q (%s), want its worker", m.Mode, m.Why)
	}
	if n := framesFired(t, ctx); n <= 0 {
		t.Fatalf("the worker's frame gate counted %d animation frames: it does not count them", n)
	}
}

// waitIdle waits until the view's frame has run no animation frame for half a second (at
// most 30 s), and fails when it never stops.
func waitIdle(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	last := framesFired(t, ctx)
	for {
		time.Sleep(500 * time.Millisecond)
		n := framesFired(t, ctx)
		if n == last {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the view's frame never stopped running animation frames (%d callbacks in the last half second, %d in all)", what, n-last, n)
		}
		last = n
	}
}

// Once ready and idle, the view's frame runs no animation frame at all; a hover after the
// idle shows its tooltip in the next frame, and the frames stop again after it.
func TestIdleViewRunsNoFrames(t *testing.T) {
	ctx, _ := newBrowser(t)
	countFrames(t, ctx)
	errs := watchErrors(t, ctx)
	open(t, ctx, 1000, 800, "#view=bars&year=2010")
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 10*time.Second)
	requireWorker(t, ctx)
	waitIdle(t, ctx, "after ready")
	before := framesFired(t, ctx)
	time.Sleep(2 * time.Second)
	if n := framesFired(t, ctx) - before; n != 0 {
		t.Errorf("%d animation-frame callbacks ran in the view's frame over 2 s of idle, want 0", n)
	}

	fx, fy, fw, fh := liveFrameBox(t, ctx)
	model := layout.Build(testAssets, charts.State{View: "bars", Year: 2010}, fw, fh)
	bar, _ := model.Mark("bar/dest-2010-turkey")
	c := bar.Center()
	img := screenshotPNG(ctx, t, "")
	// The view's frame count when the program first set the hover (Go sets it in the worker,
	// in the task that handled the event or in its next frame; the frame mirrors the state two
	// of the worker's frames later, with the gate's count at the change: firedAtView).
	idleAt := eval[int](t, ctx, `(() => { const w = `+liveFrameWin+`; let v = w.azflowsView; w.__hoverAt = -1;
		Object.defineProperty(w, 'azflowsView', { configurable: true, get() { return v; }, set(x) {
			v = x; if (w.__hoverAt < 0 && x && x.hover === 'dest-2010-turkey') w.__hoverAt = w.azflowsFrameGate.firedAtView(); } });
		return w.azflowsFrameGate.fired(); })()`)
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, fx+c.X, fy+c.Y)); err != nil {
		t.Fatal(err)
	}
	// The frame mirrors the view's state once the worker's picture is on the screen (after the
	// worker's next animation frame, web/view/viewhost.js): wait for it, then ask in which of the
	// view's frames it came.
	waitFor(t, ctx, "the hover's tooltip", liveView+`.hover === 'dest-2010-turkey' && `+liveView+`.tooltip !== ''`, 10*time.Second)
	// ebiten updates on an input event at once (FPSModeVsyncOffMinimum), so the hover may show
	// before any animation frame; never later than the next one.
	if at := eval[int](t, ctx, liveFrameWin+`.__hoverAt`); at < idleAt || at > idleAt+1 {
		t.Errorf("the view showed the hover at its animation frame %d, %d after the idle one (%d), want at most the next", at, at-idleAt, idleAt)
	}
	// The worker's picture reaches the page's compositor a little after its frame: wait for it.
	var diff float64
	for i := 0; i < 25; i++ {
		after := screenshotPNG(ctx, t, "")
		if diff = changedMuch(crop(img, fx, fy, fw, fh), crop(after, fx, fy, fw, fh)); diff >= 0.005 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if diff < 0.005 {
		t.Errorf("the hover after the idle changed only %.4f of the chart's pixels: no tooltip drawn", diff)
	}
	waitIdle(t, ctx, "after the hover")
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// screencast collects the frames the compositor produces while it runs (Page.startScreencast,
// PNG), so that a test sees what a reader saw in each frame.
type screencast struct {
	mu     sync.Mutex
	frames [][]byte
	acks   chan int64
}

func startScreencast(t *testing.T, ctx context.Context) *screencast {
	t.Helper()
	sc := &screencast{acks: make(chan int64, 512)}
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*page.EventScreencastFrame); ok {
			sc.mu.Lock()
			sc.frames = append(sc.frames, e.Data) // the PNG's bytes
			sc.mu.Unlock()
			select {
			case sc.acks <- e.SessionID:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	go func() { // the browser sends the next frame once this one is acknowledged
		for id := range sc.acks {
			_ = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, page.ScreencastFrameAck, page.ScreencastFrameAckParams{SessionID: id})
				return err
			}))
		}
	}()
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.StartScreencast, page.StartScreencastParams{Format: page.StartScreencastFormatPng, EveryNthFrame: 1})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	return sc
}

func (sc *screencast) stop(t *testing.T, ctx context.Context) []image.Image {
	t.Helper()
	_ = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.StopScreencast, cdp.Empty{})
		return err
	}))
	close(sc.acks)
	sc.mu.Lock()
	defer sc.mu.Unlock()
	var out []image.Image
	for _, b := range sc.frames {
		if img, err := png.Decode(bytes.NewReader(b)); err == nil {
			out = append(out, img)
		}
	}
	return out
}

// A change of year on the map still animates behind the frame gate: frames between the
// switch and the end show arcs that are neither the old year's nor the new one's.
func TestTweenRunsBehindFrameGate(t *testing.T) {
	ctx, _ := newBrowser(t)
	countFrames(t, ctx)
	open(t, ctx, 1000, 800, "#view=map&year=2010")
	waitFor(t, ctx, "the interactive map", `window.azflowsPage.mode === 'live' && `+liveView+`.ready`, 60*time.Second)
	waitIdle(t, ctx, "the map after ready")
	fx, fy, fw, fh := liveFrameBox(t, ctx)
	start := screenshotPNG(ctx, t, "")
	sc := startScreencast(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`label:has(input[name=year][value="2012"])`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the 2012 map", liveView+`.hash === 'view=map&year=2012'`, 10*time.Second)
	waitIdle(t, ctx, "after the tween")
	frames := sc.stop(t, ctx)
	end := screenshotPNG(ctx, t, "")
	a, b := crop(start, fx, fy, fw, fh), crop(end, fx, fy, fw, fh)
	if d := changedMuch(a, b); d < 0.001 {
		t.Fatalf("2010 and 2012 maps differ in only %.4f of the pixels", d)
	}
	between := 0
	for _, f := range frames {
		if f.Bounds() != start.Bounds() {
			continue // a screencast frame of another size cannot be compared
		}
		m := crop(f, fx, fy, fw, fh)
		if changedMuch(a, m) > 0.0005 && changedMuch(b, m) > 0.0005 {
			between++
		}
	}
	t.Logf("%d screencast frames, %d between the two years", len(frames), between)
	if between == 0 {
		t.Errorf("none of the %d frames of the change of year shows the arcs between the two years: the tween did not run", len(frames))
	}
}
