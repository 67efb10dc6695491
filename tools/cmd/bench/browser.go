//go:build !(js && wasm)

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	launch "azflows/tools/internal/browser"
)

// ---- browser ----

func chromiumPath() string {
	if *chromium != "" {
		return *chromium
	}
	return launch.Path()
}

// tab is one fresh browser (fresh profile) and its first tab.
type tab struct {
	ctx  context.Context
	stop func()
	pid  int
	net  *netLog
}

// newTab starts a headless Chromium with the flags of tools/e2e/harness_test.go (GPU left on, so
// WebGL runs through SwiftShader) and a window of w×h, and installs the timing script.
func newTab(w, h int, life time.Duration) (*tab, error) {
	profile, err := os.MkdirTemp("", "azflows-bench-")
	if err != nil {
		return nil, err
	}
	opts := append(launch.Options(chromiumPath(), profile),
		chromedp.WindowSize(w, h),
		chromedp.CombinedOutput(io.Discard),
	)
	timeoutCtx, cancelTimeout := context.WithTimeout(context.Background(), life)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(timeoutCtx, opts...)
	nl := &netLog{reqs: map[network.RequestID]*request{}}
	ctx, cancelCtx := chromedp.NewContext(allocCtx, chromedp.WithListener(nl.listen))
	var once sync.Once
	t := &tab{ctx: ctx, net: nl, stop: func() {
		once.Do(func() {
			cancelCtx()
			cancelAlloc()
			cancelTimeout()
			os.RemoveAll(profile)
		})
	}}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(int64(w), int64(h)),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			src := timingJS
			if *noWorker {
				src = noWorkerJS + "\n" + src
			}
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
			return err
		}),
	); err != nil {
		t.stop()
		return nil, fmt.Errorf("starting %s: %w", chromiumPath(), err)
	}
	if p := chromedp.FromContext(ctx).Browser.Process(); p != nil {
		t.pid = p.Pid
	}
	return t, nil
}

// timingJS runs at the start of every document. In the top document it records, relative to
// the navigation start: the first-contentful-paint, the first animation frame in which a
// chart is in the DOM (the static SVG of the page, or an echarts instance that has drawn: the
// fallback page draws synchronously in setOption), and the azflows:ready message of the live
// view. The first chart painted is the later of the frame and the FCP.
//
// In the view's frame (view.html) it counts the requestAnimationFrame callbacks that run
// (window.__azbenchRAF.fired), wrapping the function before any script of the frame reads it.
const timingJS = `(function () {
  if (window.top !== window) {
    if (!/\/view\.html$/.test(location.pathname)) return;
    var raf = window.requestAnimationFrame, c = window.__azbenchRAF = { fired: 0 };
    window.requestAnimationFrame = function (cb) {
      return raf.call(window, function (t) { c.fired++; return cb(t); });
    };
    return;
  }
  var m = window.__azbench = { fcp: 0, chartFrame: 0, ready: 0 };
  try {
    new PerformanceObserver(function (l) {
      l.getEntries().forEach(function (e) { if (e.name === 'first-contentful-paint') m.fcp = e.startTime; });
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {}
  function chartThere() {
    if (document.querySelector('#static svg')) return true;
    var el = document.getElementById('fallback-chart');
    return !!(el && window.echarts && echarts.getInstanceByDom && echarts.getInstanceByDom(el));
  }
  function tick() {
    if (!m.chartFrame && chartThere()) m.chartFrame = performance.now();
    if (!m.chartFrame) requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
  addEventListener('message', function (ev) {
    var d = ev.data;
    if (!m.ready && d && d.type === 'azflows:ready') {
      m.ready = performance.now();
      try { performance.mark('azflows-ready'); } catch (e) {}
    }
  });
})();`

type timing struct {
	FCP        float64 `json:"fcp"`
	ChartFrame float64 `json:"chartFrame"`
	Ready      float64 `json:"ready"`
	Mode       string  `json:"mode"`
}

// waitTiming polls the timing script until done says so, or the deadline.
func waitTiming(ctx context.Context, d time.Duration, done func(timing) bool) (timing, error) {
	deadline := time.Now().Add(d)
	for {
		tm, err := chromedp.Run(ctx, chromedp.Evaluate[timing](
			`({fcp: __azbench.fcp, chartFrame: __azbench.chartFrame, ready: __azbench.ready, mode: (window.azflowsPage && azflowsPage.mode) || ''})`))
		if err == nil && done(tm) {
			return tm, nil
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = fmt.Errorf("not done after %s (%+v)", d, tm)
			}
			return tm, err
		}
		time.Sleep(20 * time.Millisecond)
	}
}
