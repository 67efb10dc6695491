//go:build !(js && wasm)

package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/internal/server"
)

// warmUpResult is window.azflowsWarmUp in the view's frame (web/view/view.js).
type warmUpResult struct {
	State   string  `json:"state"`
	Started float64 `json:"started"` // when its program had started its packages, ms after it began
	Ms      float64 `json:"ms"`      // when it ended
	Message string  `json:"message"`
}

const liveWarmUp = `document.querySelector('#live-slot iframe').contentWindow.azflowsWarmUp`

// servedLog is a server of dist/ that records the path of every request it answers and
// answers the warm-up worker's script with override, when given.
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

// startLive opens base's page at #view=bars&year=2010 and waits for the live view's first
// frame and for the warm-up to end (the view starts while it goes on); it returns how the
// warm-up ended.
func startLive(t *testing.T, ctx context.Context, base string) warmUpResult {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(base+"/#view=bars&year=2010")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0 && `+liveView+`.hash === 'view=bars&year=2010'`, 10*time.Second)
	waitFor(t, ctx, "the warm-up's end", `(() => { const w = `+liveWarmUp+`; return !!w && w.state !== 'running' && w.state !== 'pending'; })()`, 15*time.Second)
	return eval[warmUpResult](t, ctx, `(() => { const w = `+liveWarmUp+`; return w ? { state: String(w.state), started: Number(w.started), ms: Number(w.ms), message: String(w.message || '') } : { state: 'missing' }; })()`)
}

// noOffscreen removes transferControlToOffscreen, so that the view runs on the frame's main
// thread (web/view/view.js), the one path with the warm-up.
const noOffscreen = `delete HTMLCanvasElement.prototype.transferControlToOffscreen;`

// Where the view runs on the frame's main thread (here: without OffscreenCanvas), it warms its
// program up in a worker (web/view/warmwasm.js) before it runs it: the worker
// loads its script and Go's loader from the site, runs the program's warm-up to its end (the
// program exits with code 0, so the worker reports done, not failed or a timeout) and the view
// then goes live on the main thread, with no console error, no policy violation and no
// request to another host.
func TestWarmUpWorkerRunsAndEnds(t *testing.T) {
	worker := distAsset(t, "warmwasm.js")
	srv, served := serveDist(t, worker, "")
	ctx, _ := newBrowser(t)
	onNewDocument(t, ctx, noOffscreen)
	requests := recordRequests(ctx, t)
	recordCSP(t, ctx)
	errs := watchErrors(t, ctx)
	got := startLive(t, ctx, srv.URL)
	if got.State != "done" {
		t.Fatalf("the warm-up ended %q (%s), want done", got.State, got.Message)
	}
	t.Logf("the warm-up's program started its packages after %.0f ms and ended after %.0f ms", got.Started, got.Ms)
	if !(got.Started > 0 && got.Ms >= got.Started) {
		t.Errorf("the warm-up's program started after %v ms and ended after %v ms: it did not run through", got.Started, got.Ms)
	}
	for _, p := range []string{worker, distAsset(t, "wasm_exec.js")} {
		if !served.has("/" + p) {
			t.Errorf("the server never answered /%s: the worker did not load it", p)
		}
	}
	if f := requests.Foreign(srv.URL); len(f) > 0 {
		t.Errorf("requests to other hosts: %q", f)
	}
	if v := eval[[]string](t, ctx, `window.__csp || []`); len(v) > 0 {
		t.Errorf("policy violations: %q", v)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// Without Worker the view starts as it did before the warm-up existed; a worker whose script
// throws leaves the view to start without it too. Neither says anything on the console. (Both
// on the frame's main thread: without OffscreenCanvas.)
func TestViewStartsWithoutWarmUp(t *testing.T) {
	worker := distAsset(t, "warmwasm.js")
	for _, tc := range []struct {
		name, override, script, want string
	}{
		{name: "no Worker", script: `delete window.Worker;`, want: "skipped"},
		{name: "a worker that throws", override: `throw new Error('azflows test: this warm-up fails');`, want: "failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, served := serveDist(t, worker, tc.override)
			ctx, _ := newBrowser(t)
			onNewDocument(t, ctx, noOffscreen)
			if tc.script != "" {
				onNewDocument(t, ctx, tc.script)
			}
			errs := watchErrors(t, ctx)
			got := startLive(t, ctx, srv.URL)
			if got.State != tc.want {
				t.Errorf("the warm-up ended %q (%s), want %s", got.State, got.Message, tc.want)
			}
			if tc.want == "failed" && !strings.Contains(got.Message, "this warm-up fails") {
				t.Errorf("the failed warm-up says %q, not the worker's error", got.Message)
			}
			if tc.override != "" && !served.has("/"+worker) {
				t.Errorf("the failing worker's script was never requested")
			}
			if e := errs(); len(e) > 0 {
				t.Errorf("console errors: %q", e)
			}
		})
	}
}
