//go:build !(js && wasm)

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"azflows/internal/caching"
	launch "azflows/tools/internal/browser"
)

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
	if m, err := readMilestones(t, r.firstChart, r.ready); err == nil {
		r.marks = m
		for _, k := range []struct {
			to   *float64
			name string
		}{{&r.frameStart, "frame"}, {&r.wasmStart, "wasm-request"}, {&r.wasmEnd, "wasm-last-byte"}} {
			if v, ok := m[k.name]; ok {
				*k.to = v
			}
		}
	} else if *verbose {
		fmt.Printf("    reading the start-up's marks: %v\n", err)
	}
	if *verbose {
		fmt.Printf("    page timing: %+v\n", tm)
		for _, q := range t.net.finished() {
			fmt.Printf("    %8.0f B %-5s %s\n", q.bytes, q.encoding, q.url)
		}
	}
	// The animation frames the view runs while idle: its worker's, counted by the frame gate
	// there and mirrored to the frame (web/view/viewhost.js), where it runs in one; else the frame's
	// own (the timing script counts them).
	frames := func() float64 {
		n, err := chromedp.Run(t.ctx, chromedp.Evaluate[float64](`(function () {
		  var w = `+viewFrame+`.contentWindow, m = w.azflowsViewMode;
		  if (m && m.mode === 'worker') return w.azflowsFrameGate.fired();
		  var c = w.__azbenchRAF; return c ? c.fired : -1;
		})()`))
		if err != nil || n < 0 {
			return nan()
		}
		return n
	}
	var framesBefore float64
	if r.idleCPU, err = idleCPU(t, func() { framesBefore = frames() }); err != nil {
		return err
	}
	r.idleRAF = frames() - framesBefore

	// The view's bytes, uncached: with Chromium's own Accept-Encoding, then with gzip only. The
	// view's worker fetches view.wasm (web/view/viewhost.js), whose request only the worker's own
	// target sees, so from here on the tab holds each worker it starts until it is attached
	// to (not while ready is measured above: the hold delays the worker's start).
	workers, err := launch.FollowWorkers(t.ctx)
	if err != nil {
		return err
	}
	workers.Listen(func(ev any) {
		switch ev.(type) { // its requests; not its JavaScript contexts (wasmMemory reads the tab's)
		case *network.EventRequestWillBeSent, *network.EventResponseReceived, *network.EventLoadingFinished:
			t.net.listen(ev)
		}
	})
	workers.Setup(uncached)
	load := func() error {
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
		if _, errs := workers.Attached(); len(errs) > 0 {
			return fmt.Errorf("following the view's worker: %v", errs)
		}
		if n := t.net.count("/view.wasm"); n != 1 {
			return fmt.Errorf("view.wasm was requested %d times in one load, want once", n)
		}
		return nil
	}
	if err := chromedp.Do(t.ctx, uncached); err != nil {
		return err
	}
	if err := load(); err != nil {
		return err
	}
	if r.viewBr, err = t.net.sum(isView, ""); err != nil {
		return err
	}
	for _, q := range t.net.finished() {
		if strings.HasSuffix(caching.Logical(q.url), "/view.wasm") {
			r.viewEnc = q.encoding
		}
	}
	if *verbose {
		fmt.Printf("    view's files, uncached (tab and workers):\n")
		for _, q := range t.net.finished() {
			fmt.Printf("    %8.0f B %-5s %s\n", q.bytes, q.encoding, q.url)
		}
	}
	if err := setGzipOnly(t.ctx); err != nil {
		return err
	}
	workers.Setup(gzipOnly)
	if err := load(); err != nil {
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
	first, err := caching.Lookup(*distDir, "fallback/bars-2010.html") // by its content-hashed name
	if err != nil {
		return err
	}
	if err := chromedp.Do(t.ctx, chromedp.Navigate(base+"/"+first)); err != nil {
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
	r.blankCPU, err = idleCPU(t, nil)
	return err
}

// idleCPU waits a second for the load to settle, then measures the CPU time of the browser
// process and all its descendants over -idle, as a percentage of one core. atStart (if not
// nil) runs just before the measured time starts.
func idleCPU(t *tab, atStart func()) (float64, error) {
	if t.pid == 0 {
		return nan(), errors.New("no browser process id")
	}
	time.Sleep(time.Second)
	if atStart != nil {
		atStart()
	}
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
