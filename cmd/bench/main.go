//go:build !(js && wasm)

// Command bench measures the built site (dist/) in headless Chromium against the performance
// budgets of the README, with the go-echarts fallback page measured in the same run as the
// reference. It builds nothing: `make bench` builds dist/ first and then runs
//
//	go run ./cmd/bench -dist dist
//
// It serves dist/ in-process with internal/server on a random port of 127.0.0.1 and, for each
// of -runs runs, starts a fresh headless Chromium (fresh profile, so a cold cache) for each
// measurement, one browser at a time:
//
//   - the page (index.html) at 800×450: bytes on the wire of the interactive view (view.html,
//     view.js, wasm_exec.js, view.wasm) with the browser's own Accept-Encoding (br), the time
//     of the first frame that shows a chart (the static SVG), the time until the page switched
//     to the live ebiten view (azflows:ready, sent after the view's first frame), and then the
//     CPU time of all the browser's processes over -idle without input; then, cache disabled
//     and Accept-Encoding forced to gzip, the same bytes again;
//   - the fallback page fallback/bars-2010.html on its own: the time of the first frame with
//     the echarts chart, and the bytes of every fallback page with all it loads (br, gzip);
//   - about:blank: idle CPU, as the floor of the machine.
//
// After the runs, one browser at 1920×1080 hovers across the whole chart while it times the
// view's Draw (when window.azflowsView exposes drawMs), then keeps moving the mouse and
// switching the year for -interact while it samples the size of the wasm memory every
// -sample.
//
// It prints one table (figure | budget | median (min–max) | met?) and writes the same figures
// as JSON to dist/bench.json. Nothing in `make test` depends on it: timings are not tests.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	launch "azflows/internal/browser"
	"azflows/internal/server"
)

var (
	distDir  = flag.String("dist", "dist", "the built site to measure")
	runs     = flag.Int("runs", 5, "runs of the load measurements (the table shows their median); at least 5 for the budgets")
	idle     = flag.Duration("idle", 10*time.Second, "how long idle CPU is measured, without input, after load")
	interact = flag.Duration("interact", 120*time.Second, "how long the scripted interaction of the memory measurement lasts")
	warmup   = flag.Duration("warmup", 30*time.Second, "the start of the interaction that does not count for memory growth")
	sample   = flag.Duration("sample", 10*time.Second, "how often the wasm memory is sampled during the interaction")
	jsonOut  = flag.String("json", "", "where to write the figures as JSON (default: <dist>/bench.json)")
	chromium = flag.String("chromium", "", "the Chromium binary (default: $CHROMIUM, else /usr/bin/chromium)")
	verbose  = flag.Bool("v", false, "print each measurement as it is taken")
	soakFor  = flag.Duration("soak", 0, "also run the soak for this long (make bench: 5m): views, years, hover sweeps and resizes, counting console errors and watching wasm memory; 0 skips it")
)

func main() {
	flag.Parse()
	if *jsonOut == "" {
		*jsonOut = filepath.Join(*distDir, "bench.json")
	}
	if err := bench(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// Budgets, from the performance issue (README, "Performance").
const (
	budgetViewBr      = 2.6e6 // bytes
	budgetViewGzip    = 3.6e6
	budgetFallback    = 450e3
	budgetFirstChart  = 300 // ms
	budgetReady       = 1500
	budgetIdleCPU     = 5 // % of one core
	budgetDrawP95     = 4 // ms
	budgetWasmMemory  = 64 << 20
	budgetOfflineFile = 5e6
)

// figure is one row of the table and of bench.json.
type figure struct {
	ID      string    `json:"id"`
	Figure  string    `json:"figure"`
	Budget  string    `json:"budget"`
	Unit    string    `json:"unit"`
	Median  *float64  `json:"median"` // nil: not measured
	Min     *float64  `json:"min,omitempty"`
	Max     *float64  `json:"max,omitempty"`
	Samples []float64 `json:"samples,omitempty"`
	Met     *bool     `json:"met"` // nil: no budget (a reference row), or not measured
	Note    string    `json:"note,omitempty"`
}

type report struct {
	Date     string      `json:"date"`
	Commit   string      `json:"commit"`
	Browser  string      `json:"browser"`
	Runs     int         `json:"runs"`
	Load     string      `json:"load"` // /proc/loadavg at the start
	Figures  []figure    `json:"figures"`
	Problems []string    `json:"problems,omitempty"`
	Soak     *soakResult `json:"soak,omitempty"`
}

// run is what one run measured; NaN where a measurement failed.
type run struct {
	viewBr, viewGzip         float64
	firstChart, ready        float64
	idleCPU                  float64
	fbFirstChart             float64
	fbBr, fbGzip             float64 // the largest fallback page, with all it loads
	fbEchartsGzip, fbMapGzip float64 // of that page: the echarts script and map data
	fbPage                   string
	blankCPU                 float64
	viewEnc                  string // Content-Encoding of view.wasm in the default load
	// Where the time to ready goes, ms after the navigation start: the view's frame starts
	// loading, view.wasm's request starts and its last byte arrives.
	frameStart, wasmStart, wasmEnd float64
}

func bench() error {
	if *runs < 0 {
		return errors.New("-runs must not be negative")
	}
	if _, err := os.Stat(filepath.Join(*distDir, "index.html")); err != nil {
		return fmt.Errorf("%s/index.html is missing: run `make build` first (make bench does it)", *distDir)
	}
	exe := chromiumPath()
	if fi, err := os.Stat(exe); err != nil || fi.IsDir() {
		return fmt.Errorf("no Chromium at %s: run `make chromium`, or set CHROMIUM", exe)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: server.Handler(*distDir)}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	rep := report{Date: time.Now().UTC().Format(time.RFC3339), Commit: gitDescribe(), Runs: *runs, Load: loadavg()}
	fmt.Printf("bench: %s served at %s; %d runs, one browser at a time; load average %s\n", *distDir, base, *runs, rep.Load)

	var rs []run
	for i := range *runs {
		r, problems := oneRun(base, &rep)
		rep.Problems = append(rep.Problems, problems...)
		rs = append(rs, r)
		fmt.Printf("  run %d/%d: view %.0f KB br / %.0f KB gzip, chart %.0f ms (fallback %.0f ms), ready %.0f ms, idle CPU %.1f %% (about:blank %.1f %%), fallback %s %.0f KB gzip\n",
			i+1, *runs, r.viewBr/1e3, r.viewGzip/1e3, r.firstChart, r.fbFirstChart, r.ready, r.idleCPU, r.blankCPU, r.fbPage, r.fbGzip/1e3)
	}

	fmt.Printf("  interaction at 1920×1080 for %s (hover sweep for Draw timing, then mouse and year switches) …\n", *interact)
	it, err := interaction(base)
	if err != nil {
		rep.Problems = append(rep.Problems, "interaction: "+err.Error())
	}

	rep.Figures = figures(rs, it)
	printTable(os.Stdout, rep)
	if *soakFor > 0 {
		fmt.Printf("\n  soak for %s …\n", *soakFor)
		sr, err := soak(base, *soakFor)
		if err != nil {
			rep.Problems = append(rep.Problems, "soak: "+err.Error())
		} else {
			rep.Soak = &sr
			printSoak(sr)
		}
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(*jsonOut, append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Printf("bench: wrote %s\n", *jsonOut)
	return nil
}

// oneRun takes the load measurements of one run, each in a fresh browser.
func oneRun(base string, rep *report) (run, []string) {
	r := run{frameStart: nan(), wasmStart: nan(), wasmEnd: nan(), viewBr: nan(), viewGzip: nan(), firstChart: nan(), ready: nan(), idleCPU: nan(), fbFirstChart: nan(),
		fbBr: nan(), fbGzip: nan(), fbEchartsGzip: nan(), fbMapGzip: nan(), blankCPU: nan()}
	var problems []string
	fail := func(what string, err error) {
		problems = append(problems, what+": "+err.Error())
		fmt.Fprintf(os.Stderr, "bench: %s: %v\n", what, err)
	}
	if err := measurePage(base, &r, rep); err != nil {
		fail("page", err)
	}
	if err := measureFallback(base, &r); err != nil {
		fail("fallback", err)
	}
	if err := measureBlank(&r); err != nil {
		fail("about:blank", err)
	}
	return r, problems
}

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

// newTab starts a headless Chromium with the flags of e2e/harness_test.go (GPU left on, so
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
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: timingJS})
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
const timingJS = `(function () {
  if (window.top !== window) return;
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
    if (!m.ready && d && d.type === 'azflows:ready') m.ready = performance.now();
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

// ---- network ----

type request struct {
	url      string
	encoding string
	bytes    float64 // encodedDataLength: headers and body as received
	done     bool
}

// netLog keeps the requests of a tab, from the events in their order.
type netLog struct {
	mu       sync.Mutex
	reqs     map[network.RequestID]*request
	seq      []network.RequestID
	contexts []runtime.ExecutionContextID // the JavaScript contexts of the tab (some gone), for wasmMemory
}

func (l *netLog) listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventExecutionContextCreated:
		l.contexts = append(l.contexts, e.Context.ID)
	case *runtime.EventExecutionContextsCleared:
		l.contexts = nil
	case *network.EventRequestWillBeSent:
		if _, ok := l.reqs[e.RequestID]; !ok {
			l.seq = append(l.seq, e.RequestID)
		}
		l.reqs[e.RequestID] = &request{url: e.Request.URL}
	case *network.EventResponseReceived:
		if r := l.reqs[e.RequestID]; r != nil && e.Response != nil {
			for k, v := range e.Response.Headers {
				if strings.EqualFold(k, "content-encoding") {
					r.encoding = fmt.Sprint(v)
				}
			}
		}
	case *network.EventLoadingFinished:
		if r := l.reqs[e.RequestID]; r != nil {
			r.bytes, r.done = e.EncodedDataLength, true
		}
	}
}

func (l *netLog) reset() {
	l.mu.Lock()
	l.reqs, l.seq = map[network.RequestID]*request{}, nil
	l.mu.Unlock()
}

// finished returns the finished requests, in the order they were sent.
func (l *netLog) finished() []request {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []request
	for _, id := range l.seq {
		if r := l.reqs[id]; r.done {
			out = append(out, *r)
		}
	}
	return out
}

// sum adds the bytes of the finished requests whose path (without query) match keep, and
// checks that none came with the content encoding notWant ("" for no check).
func (l *netLog) sum(keep func(path string) bool, notWant string) (float64, error) {
	var total float64
	for _, r := range l.finished() {
		p := r.url
		if i := strings.Index(p, "://"); i >= 0 {
			p = p[i+3:]
			if j := strings.IndexByte(p, '/'); j >= 0 {
				p = p[j:]
			}
		}
		p, _, _ = strings.Cut(p, "?")
		p, _, _ = strings.Cut(p, "#")
		if !keep(p) {
			continue
		}
		if notWant != "" && r.encoding == notWant {
			return 0, fmt.Errorf("%s came with Content-Encoding %q although the request did not accept it", p, r.encoding)
		}
		total += r.bytes
	}
	return total, nil
}

// waitFinished waits until a request whose URL has the suffix has finished loading.
func (l *netLog) waitFinished(ctx context.Context, suffix string, d time.Duration) error {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		for _, r := range l.finished() {
			if strings.HasSuffix(strings.SplitN(r.url, "?", 2)[0], suffix) {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return fmt.Errorf("%s did not finish loading in %s", suffix, d)
}

func isView(p string) bool {
	switch p {
	case "/view.html", "/view.js", "/wasm_exec.js", "/view.wasm":
		return true
	}
	return false
}

func setGzipOnly(ctx context.Context) error {
	return chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{
			Headers: network.Headers{"Accept-Encoding": "gzip"}})
		return err
	}))
}

// ---- the measurements ----

// measurePage loads the page at 800×450 in a fresh browser: view bytes (br), first chart,
// ready, idle CPU; then the view bytes again with gzip.
func measurePage(base string, r *run, rep *report) error {
	t, err := newTab(800, 450, 2*time.Minute+*idle)
	if err != nil {
		return err
	}
	defer t.stop()
	if rep.Browser == "" {
		if v, err := chromedp.CallBrowser(t.ctx, browser.GetVersion, cdp.Empty{}); err == nil {
			rep.Browser = v.Product
		}
	}
	if err := chromedp.Do(t.ctx, chromedp.Navigate(base+"/#view=bars&year=2010")); err != nil {
		return err
	}
	tm, err := waitTiming(t.ctx, 30*time.Second, func(tm timing) bool { return tm.Ready > 0 && tm.Mode == "live" && tm.ChartFrame > 0 })
	if tm.ChartFrame > 0 {
		r.firstChart = max(tm.ChartFrame, tm.FCP)
	}
	if err != nil {
		return fmt.Errorf("waiting for the live view: %w", err)
	}
	r.ready = tm.Ready
	type breakdown struct{ FrameStart, WasmStart, WasmEnd float64 }
	if b, err := chromedp.Run(t.ctx, chromedp.Evaluate[breakdown](`(function () {
	  var w = `+viewFrame+`.contentWindow, off = w.performance.timeOrigin - performance.timeOrigin;
	  var e = w.performance.getEntriesByType('resource').filter(function (e) { return /\/view\.wasm$/.test(e.name); })[0];
	  return { FrameStart: off, WasmStart: e ? off + e.startTime : -1, WasmEnd: e ? off + e.responseEnd : -1 };
	})()`)); err == nil {
		r.frameStart, r.wasmStart, r.wasmEnd = b.FrameStart, b.WasmStart, b.WasmEnd
	}
	if r.viewBr, err = t.net.sum(isView, ""); err != nil {
		return err
	}
	for _, q := range t.net.finished() {
		if strings.HasSuffix(q.url, "/view.wasm") {
			r.viewEnc = q.encoding
		}
	}
	if *verbose {
		fmt.Printf("    page timing: %+v\n", tm)
		for _, q := range t.net.finished() {
			fmt.Printf("    %8.0f B %-5s %s\n", q.bytes, q.encoding, q.url)
		}
	}
	if r.idleCPU, err = idleCPU(t); err != nil {
		return err
	}

	// The same with gzip, uncached.
	if err := setGzipOnly(t.ctx); err != nil {
		return err
	}
	if err := chromedp.Do(t.ctx, chromedp.Navigate("about:blank")); err != nil {
		return err
	}
	t.net.reset()
	if err := chromedp.Do(t.ctx, chromedp.Navigate(base+"/#view=bars&year=2010")); err != nil {
		return err
	}
	if err := t.net.waitFinished(t.ctx, "/view.wasm", 30*time.Second); err != nil {
		return err
	}
	r.viewGzip, err = t.net.sum(isView, "br")
	return err
}

// measureFallback loads fallback/bars-2010.html on its own in a fresh browser (first chart),
// then every fallback page with gzip and with br, and keeps the largest.
func measureFallback(base string, r *run) error {
	t, err := newTab(800, 450, 2*time.Minute)
	if err != nil {
		return err
	}
	defer t.stop()
	if err := chromedp.Do(t.ctx, chromedp.Navigate(base+"/fallback/bars-2010.html")); err != nil {
		return err
	}
	tm, err := waitTiming(t.ctx, 20*time.Second, func(tm timing) bool { return tm.ChartFrame > 0 && tm.FCP > 0 })
	if err != nil {
		return fmt.Errorf("waiting for the echarts chart: %w", err)
	}
	r.fbFirstChart = max(tm.ChartFrame, tm.FCP)
	if *verbose {
		fmt.Printf("    fallback timing: %+v\n", tm)
	}

	pages, _ := filepath.Glob(filepath.Join(*distDir, "fallback", "*.html"))
	if len(pages) == 0 {
		return errors.New("no fallback pages in dist/fallback")
	}
	all := func(string) bool { return true }
	load := func(p string) error {
		if err := chromedp.Do(t.ctx, chromedp.Navigate("about:blank")); err != nil {
			return err
		}
		t.net.reset()
		if err := chromedp.Do(t.ctx, chromedp.Navigate(base+"/fallback/"+filepath.Base(p))); err != nil {
			return err
		}
		_, err := waitTiming(t.ctx, 20*time.Second, func(tm timing) bool { return tm.ChartFrame > 0 })
		time.Sleep(100 * time.Millisecond) // late fetches (map data)
		return err
	}
	if err := chromedp.Do(t.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	})); err != nil {
		return err
	}
	r.fbBr = 0
	for _, p := range pages {
		if err := load(p); err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(p), err)
		}
		n, err := t.net.sum(all, "")
		if err != nil {
			return err
		}
		r.fbBr = max(r.fbBr, n)
	}
	if err := setGzipOnly(t.ctx); err != nil {
		return err
	}
	r.fbGzip = 0
	for _, p := range pages {
		if err := load(p); err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(p), err)
		}
		n, err := t.net.sum(all, "br")
		if err != nil {
			return err
		}
		if n > r.fbGzip {
			r.fbGzip, r.fbPage = n, filepath.Base(p)
			r.fbEchartsGzip, _ = t.net.sum(func(p string) bool { return strings.HasSuffix(p, "/echarts.min.js") }, "")
			r.fbMapGzip, _ = t.net.sum(func(p string) bool {
				return strings.HasPrefix(p, "/assets/") && !strings.HasSuffix(p, "/echarts.min.js")
			}, "")
		}
	}
	return nil
}

func measureBlank(r *run) error {
	t, err := newTab(800, 450, time.Minute+*idle)
	if err != nil {
		return err
	}
	defer t.stop()
	if err := chromedp.Do(t.ctx, chromedp.Navigate("about:blank")); err != nil {
		return err
	}
	r.blankCPU, err = idleCPU(t)
	return err
}

// idleCPU waits a second for the load to settle, then measures the CPU time of the browser
// process and all its descendants over -idle, as a percentage of one core.
func idleCPU(t *tab) (float64, error) {
	if t.pid == 0 {
		return nan(), errors.New("no browser process id")
	}
	time.Sleep(time.Second)
	before := treeTicks(t.pid)
	start := time.Now()
	select {
	case <-t.ctx.Done():
		return nan(), t.ctx.Err()
	case <-time.After(*idle):
	}
	after := treeTicks(t.pid)
	wall := time.Since(start).Seconds()
	var ticks int64
	for pid, n := range after {
		ticks += n - before[pid] // a process that started meanwhile counts from 0
	}
	return 100 * float64(ticks) / clkTck / wall, nil
}

// clkTck is USER_HZ, the unit of utime and stime in /proc/<pid>/stat: 100 on Linux.
const clkTck = 100

// treeTicks returns utime+stime of root and all its descendants, by pid.
func treeTicks(root int) map[int]int64 {
	type proc struct {
		ppid  int
		ticks int64
	}
	procs := map[int]proc{}
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid … utime(14) stime(15); comm may hold spaces and parentheses.
		i := bytes.LastIndexByte(b, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(b[i+1:]))
		if len(f) < 13 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		procs[pid] = proc{ppid, ut + st}
	}
	out := map[int]int64{}
	var in func(pid int) bool
	memo := map[int]bool{}
	in = func(pid int) bool {
		if pid == root {
			return true
		}
		if v, ok := memo[pid]; ok {
			return v
		}
		memo[pid] = false // cycles cannot happen, but stay safe
		p, ok := procs[pid]
		v := ok && p.ppid > 1 && in(p.ppid)
		memo[pid] = v
		return v
	}
	for pid, p := range procs {
		if in(pid) {
			out[pid] = p.ticks
		}
	}
	return out
}

// ---- interaction: Draw time and wasm memory ----

type interactionResult struct {
	drawP95   float64 // ms; NaN when the view does not time its Draw
	drawN     int
	drawNote  string
	mem       []float64 // bytes of wasm memory, one sample every -sample
	memAt     []float64 // seconds since the interaction started
	jsHeap    []float64 // used JS heap of the page (Runtime.getHeapUsage), same times
	memWarmup int       // index of the first sample after the warm-up
}

const viewFrame = `document.querySelector('iframe.live-frame')`

func interaction(base string) (interactionResult, error) {
	res := interactionResult{drawP95: nan()}
	t, err := newTab(1920, 1080, *interact+3*time.Minute)
	if err != nil {
		return res, err
	}
	defer t.stop()
	if err := chromedp.Do(t.ctx, chromedp.Navigate(base+"/#view=bars&year=2012")); err != nil {
		return res, err
	}
	if _, err := waitTiming(t.ctx, 30*time.Second, func(tm timing) bool { return tm.Mode == "live" }); err != nil {
		return res, fmt.Errorf("waiting for the live view: %w", err)
	}
	rect, err := chromedp.Run(t.ctx, chromedp.Evaluate[[]float64](`(function () {
	  var f = `+viewFrame+`; f.scrollIntoView({block: 'center'});
	  var r = f.getBoundingClientRect(); return [r.left, r.top, r.width, r.height];
	})()`))
	if err != nil || len(rect) != 4 || rect[2] < 10 || rect[3] < 10 {
		return res, fmt.Errorf("the live view's frame: %v %v", rect, err)
	}
	x0, y0, w, h := rect[0], rect[1], rect[2], rect[3]
	move := func(x, y float64) error {
		return chromedp.Do(t.ctx, chromedp.MouseEvent(chromedp.MouseMoved, x, y))
	}
	// sweep moves the mouse along rows step px apart, across the whole frame.
	sweep := func(step float64, until time.Time) error {
		for y := y0 + step/2; y < y0+h; y += step {
			for x := x0 + 2; x < x0+w; x += step {
				if !until.IsZero() && time.Now().After(until) {
					return nil
				}
				if err := move(x, y); err != nil {
					return err
				}
			}
		}
		return nil
	}

	// Draw time: a rAF loop in the view's frame collects azflowsView.drawMs per new frame.
	hasDraw, err := chromedp.Run(t.ctx, chromedp.Evaluate[bool](`(function () {
	  var w = `+viewFrame+`.contentWindow, s = window.__azdraw = { ms: [], last: -1, stop: false };
	  function tick() {
	    var v = w.azflowsView;
	    if (v && typeof v.drawMs === 'number' && v.frames !== s.last) { s.ms.push(v.drawMs); s.last = v.frames; }
	    if (!s.stop) w.requestAnimationFrame(tick);
	  }
	  w.requestAnimationFrame(tick);
	  var v = w.azflowsView || {};
	  return typeof v.drawMs === 'number' || Array.isArray(v.drawMs) || typeof v.drawP95Ms === 'number';
	})()`))
	if err != nil {
		return res, err
	}
	// Rows 20 px apart, 20 px steps: every mark of both years of the view, at most 30 s each.
	sweepStart := time.Now()
	moves := 0
	for _, yr := range []string{"2010", "2012"} {
		if err := clickYear(t.ctx, yr); err != nil {
			return res, err
		}
		time.Sleep(200 * time.Millisecond)
		if err := sweep(20, time.Now().Add(30*time.Second)); err != nil {
			return res, err
		}
		moves += int(w/20) * int(h/20)
	}
	if *verbose {
		fmt.Printf("    hover sweep: %.0f×%.0f px frame, about %d moves in %s\n", w, h, moves, time.Since(sweepStart).Round(time.Millisecond))
	}
	type drawStats struct {
		MS   []float64 `json:"ms"`
		P95  *float64  `json:"p95"`
		Keys []string  `json:"keys"`
	}
	ds, err := chromedp.Run(t.ctx, chromedp.Evaluate[drawStats](`(function () {
	  var s = window.__azdraw; s.stop = true;
	  var v = `+viewFrame+`.contentWindow.azflowsView || {};
	  return { ms: Array.isArray(v.drawMs) ? v.drawMs : s.ms, p95: typeof v.drawP95Ms === 'number' ? v.drawP95Ms : null, keys: Object.keys(v) };
	})()`))
	switch {
	case err != nil:
		res.drawNote = "reading the Draw times: " + err.Error()
	case ds.P95 != nil:
		res.drawP95, res.drawNote = *ds.P95, "azflowsView.drawP95Ms"
	case hasDraw && len(ds.MS) > 0:
		res.drawP95, res.drawN = percentile(ds.MS, 95), len(ds.MS)
		res.drawNote = fmt.Sprintf("%d frames", len(ds.MS))
	default:
		res.drawNote = "not measurable yet: needs timing in wasm/ (window.azflowsView has " + strings.Join(ds.Keys, ", ") + "; no drawMs)"
	}

	// Memory: move and switch years for -interact, sample every -sample.
	start := time.Now()
	end := start.Add(*interact)
	next := start
	year := 0
	for {
		now := time.Now()
		if !now.Before(next) {
			m, heap, err := wasmMemory(t)
			if err != nil {
				return res, fmt.Errorf("reading the wasm memory: %w", err)
			}
			at := now.Sub(start).Seconds()
			res.mem, res.memAt, res.jsHeap = append(res.mem, m), append(res.memAt, at), append(res.jsHeap, heap)
			if res.memWarmup == 0 && at >= warmup.Seconds() {
				res.memWarmup = len(res.mem) - 1
			}
			if *verbose {
				fmt.Printf("    %5.0f s: wasm memory %.1f MB, JS heap %.1f MB\n", at, m/(1<<20), heap/(1<<20))
			}
			if now.After(end) {
				break
			}
			next = next.Add(*sample)
		}
		if err := clickYear(t.ctx, []string{"2010", "2012"}[year%2]); err != nil {
			return res, err
		}
		year++
		if err := sweep(30, next); err != nil {
			return res, err
		}
	}
	if res.memWarmup == 0 {
		res.memWarmup = len(res.mem) - 1
	}
	return res, nil
}

func clickYear(ctx context.Context, year string) error {
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function () {
	  var l = document.querySelector('label:has(input[name=year][value="`+year+`"])');
	  if (!l) return false; l.click(); return true;
	})()`))
	return err
}

// wasmMemory returns the size of every WebAssembly.Memory in the view's frame (the Go
// program's linear memory), found through Runtime.queryObjects, and the used JS heap.
func wasmMemory(tb *tab) (mem, heap float64, err error) {
	tb.net.mu.Lock()
	contexts := slices.Clone(tb.net.contexts)
	tb.net.mu.Unlock()
	err = chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		const group = "azflows-bench"
		defer cdp.Call(ctx, t, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: group})
		// The prototype must come from the view frame's own context: queryObjects only
		// finds objects of the context that it is asked from.
		var proto runtime.RemoteObjectID
		for _, id := range contexts {
			r, err := cdp.Call(ctx, t, runtime.Evaluate, runtime.EvaluateParams{
				Expression: `window.parent !== window && window.azflowsView ? WebAssembly.Memory.prototype : null`,
				ContextID:  id, ObjectGroup: group})
			if err == nil && r.ExceptionDetails == nil && r.Result != nil && r.Result.ObjectID != "" {
				proto = r.Result.ObjectID
				break
			}
		}
		if proto == "" {
			return errors.New("no JavaScript context of the view's frame")
		}
		objs, err := cdp.Call(ctx, t, runtime.QueryObjects, runtime.QueryObjectsParams{PrototypeObjectID: proto, ObjectGroup: group})
		if err != nil {
			return err
		}
		sum, err := cdp.Call(ctx, t, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
			FunctionDeclaration: `function () { var s = 0; for (var i = 0; i < this.length; i++) s += this[i].buffer.byteLength; return [s, this.length]; }`,
			ObjectID:            objs.Objects.ObjectID, ReturnByValue: new(true)})
		if err != nil {
			return err
		}
		if sum.ExceptionDetails != nil || sum.Result == nil {
			return errors.New("summing the memories failed")
		}
		var got []float64
		if err := json.Unmarshal(sum.Result.Value, &got); err != nil || len(got) != 2 {
			return fmt.Errorf("summing the memories: %s %v", sum.Result.Value, err)
		}
		if *verbose {
			fmt.Printf("    %v WebAssembly.Memory objects\n", got[1])
		}
		mem = got[0]
		hu, err := cdp.Call(ctx, t, runtime.GetHeapUsage, cdp.Empty{})
		if err != nil {
			return err
		}
		heap = hu.UsedSize
		return nil
	}))
	return mem, heap, err
}

// ---- figures and the table ----

func figures(rs []run, it interactionResult) []figure {
	col := func(f func(run) float64) []float64 {
		var out []float64
		for _, r := range rs {
			out = append(out, f(r))
		}
		return out
	}
	var figs []figure
	add := func(id, name, budget, unit string, xs []float64, ok func(median float64) bool, note string) *figure {
		f := stats(xs)
		f.ID, f.Figure, f.Budget, f.Unit, f.Note = id, name, budget, unit, note
		if f.Median != nil && ok != nil {
			f.Met = new(ok(*f.Median))
		}
		figs = append(figs, f)
		return &figs[len(figs)-1]
	}
	le := func(limit float64) func(float64) bool { return func(m float64) bool { return m <= limit } }

	enc := ""
	for _, r := range rs {
		if r.viewEnc != "" {
			enc = r.viewEnc
		}
	}
	add("view_br", "interactive view transfer, br (view.html, view.js, wasm_exec.js, view.wasm)", "≤ 2.6 MB", "B",
		col(func(r run) float64 { return r.viewBr }), le(budgetViewBr), "Chromium's own Accept-Encoding; view.wasm came with Content-Encoding "+strconv.Quote(enc))
	add("view_gzip", "interactive view transfer, gzip", "≤ 3.6 MB", "B",
		col(func(r run) float64 { return r.viewGzip }), le(budgetViewGzip), "")

	fullEcharts := fullEchartsGzip()
	var fbPage string
	var fbEcharts, fbMap float64
	for _, r := range rs {
		if r.fbPage != "" {
			fbPage, fbEcharts, fbMap = r.fbPage, r.fbEchartsGzip, r.fbMapGzip
		}
	}
	note := fmt.Sprintf("largest: %s; its echarts %s + map data %s; the full echarts.min.js is %s gzip",
		fbPage, human(fbEcharts, "B"), human(fbMap, "B"), human(fullEcharts, "B"))
	fb := add("fallback_gzip", "fallback page transfer, gzip (page, echarts, map data)", "≤ 450 KB and < full echarts + map", "B",
		col(func(r run) float64 { return r.fbGzip }), nil, note)
	if fb.Median != nil {
		met := *fb.Median <= budgetFallback && (math.IsNaN(fullEcharts) || fbEcharts < fullEcharts)
		fb.Met = &met
	}
	add("fallback_br", "  reference: fallback page transfer, br", "", "B", col(func(r run) float64 { return r.fbBr }), nil, "")

	fbChart := stats(col(func(r run) float64 { return r.fbFirstChart }))
	fc := add("first_chart", "first chart painted after navigation (static SVG), loopback", "≤ 300 ms, ≤ fallback's", "ms",
		col(func(r run) float64 { return r.firstChart }), nil, "max(first frame with the chart in the DOM, FCP)")
	if fc.Median != nil && fbChart.Median != nil {
		fc.Met = new(*fc.Median <= budgetFirstChart && *fc.Median <= *fbChart.Median)
	}
	add("fallback_first_chart", "  reference: fallback page's first chart (echarts, fallback/bars-2010.html)", "", "ms",
		col(func(r run) float64 { return r.fbFirstChart }), nil, "")
	med := func(f func(run) float64) string {
		st := stats(col(f))
		if st.Median == nil {
			return "—"
		}
		return human(*st.Median, "ms")
	}
	add("ready", "interactive view ready (azflows:ready after the first ebiten frame)", "≤ 1.5 s", "ms",
		col(func(r run) float64 { return r.ready }), le(budgetReady),
		fmt.Sprintf("medians: view frame starts %s, view.wasm requested %s, last byte %s; the rest is compiling and starting the Go program, ebiten and WebGL, and the first frame",
			med(func(r run) float64 { return r.frameStart }), med(func(r run) float64 { return r.wasmStart }), med(func(r run) float64 { return r.wasmEnd })))
	add("idle_cpu", fmt.Sprintf("idle CPU, %s without input after load, all Chromium processes, 800×450", *idle), "≤ 5 %", "%",
		col(func(r run) float64 { return r.idleCPU }), le(budgetIdleCPU), "")
	add("blank_cpu", "  reference: idle CPU of about:blank", "", "%", col(func(r run) float64 { return r.blankCPU }), nil, "")

	d := add("draw_p95", "Go-side Draw time hovering across all marks, 1920×1080, p95", "≤ 4 ms", "ms",
		[]float64{it.drawP95}, le(budgetDrawP95), it.drawNote)
	d.Samples = nil

	m := figure{ID: "wasm_memory", Figure: fmt.Sprintf("wasm memory after %s of scripted interaction", *interact),
		Budget: "no growth after warm-up, ≤ 64 MB", Unit: "B", Samples: it.mem}
	if len(it.mem) > 0 {
		first, last := it.mem[it.memWarmup], it.mem[len(it.mem)-1]
		lo, hi := slices.Min(it.mem), slices.Max(it.mem)
		m.Median, m.Min, m.Max = &last, &lo, &hi
		m.Met = new(last <= first && last <= budgetWasmMemory)
		m.Note = fmt.Sprintf("first after %s warm-up %s, last %s (every %s: %s); JS heap %s → %s",
			*warmup, human(first, "B"), human(last, "B"), *sample, series(it.mem), human(it.jsHeap[it.memWarmup], "B"), human(it.jsHeap[len(it.jsHeap)-1], "B"))
	} else {
		m.Note = "not measured"
	}
	figs = append(figs, m)

	off := figure{ID: "offline_file", Figure: "dist/azflows.html (single offline file)", Budget: "≤ 5 MB", Unit: "B"}
	if fi, err := os.Stat(filepath.Join(*distDir, "azflows.html")); err == nil {
		n := float64(fi.Size())
		off.Median = &n
		off.Met = new(n <= budgetOfflineFile)
	} else {
		off.Note = "not built yet"
	}
	figs = append(figs, off)
	return figs
}

func stats(xs []float64) figure {
	var ok []float64
	for _, x := range xs {
		if !math.IsNaN(x) {
			ok = append(ok, x)
		}
	}
	f := figure{Samples: ok}
	if len(ok) == 0 {
		return f
	}
	med, lo, hi := percentile(ok, 50), slices.Min(ok), slices.Max(ok)
	f.Median, f.Min, f.Max = &med, &lo, &hi
	return f
}

// percentile returns the p-th percentile of xs (nearest rank; the median of an even count is
// the mean of the middle two).
func percentile(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	sort.Float64s(s)
	if p == 50 && len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

func printTable(w io.Writer, rep report) {
	fmt.Fprintf(w, "\nazflows bench — %s, %s, %d runs (median (min–max)), load average at start %s\n\n", rep.Commit, rep.Browser, rep.Runs, rep.Load)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tbudget\tmeasured\tmet?")
	fmt.Fprintln(tw, "------\t------\t--------\t----")
	for _, f := range rep.Figures {
		v := "—"
		if f.Median != nil {
			v = human(*f.Median, f.Unit)
			if f.Min != nil && f.Max != nil && len(f.Samples) > 1 && f.ID != "wasm_memory" {
				v += fmt.Sprintf(" (%s–%s)", human(*f.Min, f.Unit), human(*f.Max, f.Unit))
			}
		}
		met := ""
		switch {
		case f.Met != nil && *f.Met:
			met = "yes"
		case f.Met != nil:
			met = "NO"
		case f.Budget != "":
			met = "?"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.Figure, f.Budget, v, met)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, f := range rep.Figures {
		if f.Note != "" {
			fmt.Fprintf(w, "  %s: %s\n", f.ID, f.Note)
		}
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(w, "  problem: %s\n", p)
	}
	fmt.Fprintln(w)
}

func human(x float64, unit string) string {
	if math.IsNaN(x) {
		return "—"
	}
	switch unit {
	case "B":
		switch {
		case x >= 1e6:
			return fmt.Sprintf("%.2f MB", x/1e6)
		case x >= 1e3:
			return fmt.Sprintf("%.0f KB", x/1e3)
		}
		return fmt.Sprintf("%.0f B", x)
	case "ms":
		if x >= 1000 {
			return fmt.Sprintf("%.2f s", x/1000)
		}
		if x < 10 {
			return fmt.Sprintf("%.2f ms", x)
		}
		return fmt.Sprintf("%.0f ms", x)
	case "%":
		return fmt.Sprintf("%.1f %%", x)
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

func series(xs []float64) string {
	var s []string
	for _, x := range xs {
		s = append(s, fmt.Sprintf("%.1f", x/(1<<20)))
	}
	return strings.Join(s, " ") + " MiB"
}

// fullEchartsGzip is the gzip size of the complete echarts.min.js from node_modules, the
// reference a custom build has to beat; NaN when it is not there.
func fullEchartsGzip() float64 {
	b, err := os.ReadFile(filepath.Join("node_modules", "echarts", "dist", "echarts.min.js"))
	if err != nil {
		return nan()
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return float64(buf.Len())
}

func gitDescribe() string {
	b, err := exec.Command("git", "describe", "--always", "--dirty").Output()
	if err != nil {
		return "(unversioned)"
	}
	return strings.TrimSpace(string(b))
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func nan() float64 { return math.NaN() }
