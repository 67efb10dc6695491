//go:build !(js && wasm)

package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/internal/server"
	"azflows/site"
)

// wasmRunCounter runs in the view's frame before its scripts and counts the wasm instances
// made on the frame's main thread (WebAssembly.instantiate, which view.js and Go's loader use).
const wasmRunCounter = `(() => {
	if (window.top === window || !/\/view\.html$/.test(location.pathname)) return;
	const c = window.__wasmRuns = { instantiate: 0 }, inst = WebAssembly.instantiate;
	WebAssembly.instantiate = function () { c.instantiate++; return inst.apply(this, arguments); };
})()`

// liveAndHover opens base at the bars of 2010, waits for the live view, checks that a hover
// over Turkey's bar shows its tooltip and puts the pointer cursor on the frame's canvas, and
// returns where the view ran and how many wasm instances the frame's main thread made.
func liveAndHover(t *testing.T, ctx context.Context, base string) (viewMode, int) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(base+"/#view=bars&year=2010")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0 && `+liveView+`.hash === 'view=bars&year=2010'`, 10*time.Second)
	mode := liveViewMode(t, ctx)
	runs := eval[int](t, ctx, `(() => { const c = `+liveFrameWin+`.__wasmRuns; return c ? c.instantiate : -1; })()`)
	fx, fy, fw, fh := liveFrameBox(t, ctx)
	model := layout.Build(testAssets, charts.State{View: "bars", Year: 2010}, fw, fh)
	bar, _ := model.Mark("bar/dest-2010-turkey")
	c := bar.Center()
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, fx+c.X, fy+c.Y)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the hover's tooltip", liveView+`.hover === 'dest-2010-turkey' && `+liveView+`.tooltip !== ''`, 10*time.Second)
	if tip := eval[string](t, ctx, liveView+`.tooltip`); !strings.Contains(tip, "23") {
		t.Errorf("the tooltip over Turkey's 2010 bar says %q, without its 23", tip)
	}
	waitFor(t, ctx, "the pointer cursor on the chart's canvas", `(() => { const c = `+liveFrameWin+`.document.querySelector('canvas'); return !!c && getComputedStyle(c).cursor === 'pointer'; })()`, 5*time.Second)
	return mode, runs
}

// In Chromium the view runs in its worker (web/view/viewhost.js): the frame's main thread makes no
// wasm instance, the worker's frames run (counted by its frame gate), and the frame mirrors
// the worker's azflowsView faithfully enough for a hover, its tooltip and the cursor.
func TestViewRunsInWorker(t *testing.T) {
	ctx, _ := newBrowser(t)
	onNewDocument(t, ctx, wasmRunCounter)
	errs := watchErrors(t, ctx)
	_, runs := liveAndHover(t, ctx, baseURL)
	requireWorker(t, ctx)
	if runs != 0 {
		t.Errorf("the frame's main thread made %d wasm instances, want 0 (the program runs in the worker)", runs)
	}
	checkViewStats(t, ctx, "frame-start", "frame-worker", "host-init", "host-fetch", "host-probe", "host-first-chunk",
		"host-last-chunk", "host-compiled", "host-run", "go-main", "go-fonts", "go-run", "go-update", "go-chart", "go-painted",
		"go-ready", "frame-ready")
	// The worker's own request of view.wasm (its resource timing): after the worker asked for
	// it, complete before the module was compiled.
	checkViewStats(t, ctx, "host-fetch", "wasm-request", "wasm-first-byte", "wasm-last-byte", "host-compiled")
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// Where the view cannot run in a worker it runs on the frame's main thread, as before: without
// transferControlToOffscreen, and when the worker finds it cannot draw (the frame then draws on
// a fresh canvas, since the first one's control went to the worker).
func TestViewFallsBackToMainThread(t *testing.T) {
	host := distAsset(t, "viewhost.js")
	for _, tc := range []struct {
		name, script, override, why string
	}{
		{name: "no OffscreenCanvas", script: `delete HTMLCanvasElement.prototype.transferControlToOffscreen;`, why: "no OffscreenCanvas"},
		{name: "a worker that cannot draw", override: `self.onmessage = () => self.postMessage({ t: ` + strconv.Quote(site.HostProbe) + `, ok: false, why: 'azflows test: no drawing here' });`, why: "azflows test: no drawing here"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, served := serveDist(t, host, tc.override)
			ctx, _ := newBrowser(t)
			onNewDocument(t, ctx, wasmRunCounter)
			if tc.script != "" {
				onNewDocument(t, ctx, tc.script)
			}
			errs := watchErrors(t, ctx)
			mode, runs := liveAndHover(t, ctx, srv.URL)
			if mode.Mode != "main" || mode.Why != tc.why {
				t.Errorf("the view ran on %q (%s), want main (%s)", mode.Mode, mode.Why, tc.why)
			}
			if runs < 1 {
				t.Errorf("the frame's main thread made %d wasm instances: the program did not run there", runs)
			}
			checkViewStats(t, ctx, "frame-start", "go-main", "go-fonts", "go-run", "go-update", "go-chart", "go-painted", "go-ready")
			// The bars do not parse the base map: it waits in the frame for the map, not in the
			// worker that could not draw.
			if has := eval[bool](t, ctx, `(() => { const b = `+liveFrameWin+`.azflowsBaseMap; return !!b && typeof b.text === 'string' && b.text.length > 0; })()`); !has {
				t.Error("the frame's base map is gone: the view on the main thread could not draw the map")
			}
			if n := eval[int](t, ctx, liveFrameWin+`.document.querySelectorAll('canvas').length`); n != 1 {
				t.Errorf("the frame has %d canvases, want 1 (ebiten's)", n)
			}
			if tc.override != "" && !served.has("/"+host) {
				t.Error("the worker's script was never requested")
			}
			if e := errs(); len(e) > 0 {
				t.Errorf("console errors: %q", e)
			}
		})
	}
}

// servedLog records the path of every request serveDist's server answers.
type servedLog struct {
	mu    sync.Mutex
	paths []string
}

func (l *servedLog) has(path string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range l.paths {
		if p == path {
			return true
		}
	}
	return false
}

// serveDist is a server of dist/ that logs the paths it answers and answers workerScript (a
// path under dist/) with override, when given.
func serveDist(t *testing.T, workerScript, override string) (*httptest.Server, *servedLog) {
	t.Helper()
	l := &servedLog{}
	files := server.Handler(distDir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		l.paths = append(l.paths, r.URL.Path)
		l.mu.Unlock()
		if override != "" && r.URL.Path == "/"+workerScript {
			w.Header().Set("Content-Type", "text/javascript")
			w.Header().Set("Cache-Control", "no-store")
			_, _ = w.Write([]byte(override))
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, l
}

// checkViewStats checks what window.azflowsViewStats (web/view/view.js) reports of the running
// view: the size of the program's WebAssembly memory (whole 64 KiB pages, at least the Go
// runtime's first MiB), and the start-up's marks, each once and in the order given.
func checkViewStats(t *testing.T, ctx context.Context, order ...string) {
	t.Helper()
	type mark struct {
		Name string  `json:"name"`
		At   float64 `json:"at"`
	}
	type stats struct {
		Memory float64 `json:"memory"`
		Marks  []mark  `json:"marks"`
	}
	s, err := chromedp.Run(ctx, chromedp.Evaluate[stats](liveFrameWin+`.azflowsViewStats()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("window.azflowsViewStats(): %v", err)
	}
	if s.Memory < 1<<20 || int64(s.Memory)%65536 != 0 {
		t.Errorf("the view's wasm memory is %v bytes, want whole 64 KiB pages, at least 1 MiB", s.Memory)
	}
	at := map[string]float64{}
	for _, m := range s.Marks {
		if _, dup := at[m.Name]; dup {
			t.Errorf("mark %q set twice", m.Name)
		}
		at[m.Name] = m.At
	}
	for i, name := range order {
		if _, ok := at[name]; !ok {
			t.Errorf("no mark %q in %v", name, s.Marks)
			continue
		}
		if i > 0 && at[name] < at[order[i-1]] {
			t.Errorf("mark %q at %.1f, before %q at %.1f", name, at[name], order[i-1], at[order[i-1]])
		}
	}
}

// The view takes a state only from its parent page (or itself), as charts/ebiten/main_js.go checks;
// in its worker it sees each message's source as the frame does (web/view/view.js tells it parent,
// self or other). A sibling frame's state message reaches the view's frame and changes
// nothing; the same message from the parent switches the view.
func TestStateMessageOnlyFromParent(t *testing.T) {
	ctx, _ := newBrowser(t)
	// The sibling frame below runs an inline script, which the page's policy would refuse.
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, 1000, 800, "#view=bars&year=2010")
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live' && `+liveView+`.ready`, 60*time.Second)
	requireWorker(t, ctx)
	const msg = `{ type: 'azflows:state', hash: 'view=timeline&year=2010' }`
	if err := runJS(ctx, `(() => {
		const w = `+liveFrameWin+`; w.__seen = 0;
		w.addEventListener('message', e => { if (e.data && e.data.hash === 'view=timeline&year=2010') w.__seen++; });
		const f = document.createElement('iframe');
		f.srcdoc = "<script>parent.document.querySelector('#live-slot iframe').contentWindow.postMessage(`+msg+`, '*');</scr" + "ipt>";
		document.body.appendChild(f);
	})()`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the sibling's message in the view's frame", liveFrameWin+`.__seen === 1`, 10*time.Second)
	time.Sleep(time.Second)
	if h := eval[string](t, ctx, liveView+`.hash`); h != "view=bars&year=2010" {
		t.Fatalf("a sibling frame's state message switched the view to %q", h)
	}
	if err := runJS(ctx, liveFrameWin+`.postMessage(`+msg+`, '*')`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the parent's state in the view", liveView+`.hash === 'view=timeline&year=2010'`, 10*time.Second)
}

// The request log sees what the view's worker requests (web/view/viewhost.js fetches view.wasm):
// a worker whose script fetches view.wasm from the URL the frame gives it and a file from
// another host has both in the log, the other host's among the foreign ones, and view.wasm
// once.
func TestRequestLogSeesWorkerRequests(t *testing.T) {
	other := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(other.Close)
	foreign := other.URL + "/azflows-foreign-from-worker"
	host := distAsset(t, "viewhost.js")
	srv, _ := serveDist(t, host, `self.onmessage = (m) => { if (m.data && m.data.t === `+strconv.Quote(site.HostInit)+`) { fetch(m.data.wasm); fetch(`+strconv.Quote(foreign)+`); } };`)
	ctx, _ := newBrowser(t)
	requests := recordRequests(ctx, t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/#view=bars&year=2010")); err != nil {
		t.Fatal(err)
	}
	wasm := "/" + distAsset(t, "view.wasm")
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) && (countSuffix(requests.URLs(), wasm) == 0 || !slices.Contains(requests.URLs(), foreign)) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := countSuffix(requests.URLs(), wasm); n != 1 {
		t.Errorf("the log has view.wasm %d times, want once (the worker's request): %q", n, requests.URLs())
	}
	if f := requests.Foreign(srv.URL); !slices.Contains(f, foreign) {
		t.Errorf("the worker's request to another host is not among the foreign ones %q", f)
	}
}
