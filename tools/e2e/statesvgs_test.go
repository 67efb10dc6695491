//go:build !(js && wasm)

package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/internal/caching"
	"azflows/internal/server"
	"azflows/site"
)

// The page's document holds the SVG of one state (#static); the others come in one script,
// loaded after the first chart (web/page/app.js, loadSVGTexts; cmd/build, writeStateSVGs), and
// each is built when it is first shown.

// statesLogical is the script of the other states' SVGs of the English page, by its logical name.
const statesLogical = "/charts/states.js"

// statesServer serves dist/ like the site, with the script of the other states' SVGs
// answered by serve (given the site's handler, to pass it on).
func statesServer(t *testing.T, serve func(site http.Handler, w http.ResponseWriter, r *http.Request)) string {
	t.Helper()
	handler := server.Handler(distDir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if caching.Logical(r.URL.Path) == statesLogical {
			serve(handler, w, r)
			return
		}
		handler.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// staticShows is the view-year of the SVG in #static and, after a space, the template id
// #static says it shows ("" without an SVG).
const staticShows = `(() => { const s = document.querySelector('#static svg'); return s ? s.dataset.view + '-' + s.dataset.year + ' ' + document.getElementById('static').dataset.template : ''; })()`

// A page opened on another state than its first shows its first chart until the other
// states' SVGs have come (never an empty chart area), then the state of the link; every
// state then shows its own chart, the script is requested once, and the page's document
// holds one SVG.
func TestStateSVGsArriveLater(t *testing.T) {
	release := make(chan struct{})
	var served int
	base := statesServer(t, func(site http.Handler, w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
			return
		}
		served++
		site.ServeHTTP(w, r)
	})
	ctx, _ := newBrowser(t)
	requests := recordRequests(ctx, t)
	errs := watchErrors(t, ctx)
	// Not chromedp.Navigate: the page's load event waits for the script held back.
	navigate := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.Navigate, page.NavigateParams{URL: base + "/#view=bars&year=2012"})
		return err
	})
	if err := chromedp.Do(ctx, withoutWasm, chromedp.EmulateViewport(1000, 800), navigate); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page script", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
	waitFor(t, ctx, "the request for the other states' SVGs", `[...document.scripts].some(s => /\/charts\/states\.[0-9a-f]+\.js$/.test(s.src))`, 10*time.Second)
	// Held back: the first chart stays, in the page's own document, which has no other.
	if got := eval[string](t, ctx, staticShows); got != "map-2010 svg-map-2010" {
		t.Errorf("while the other states' SVGs are on their way, #static shows %q, want the page's first chart map-2010", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('svg, template[id^="svg-"]').length`); n != 2 {
		t.Errorf("the page's document holds %d SVGs and SVG templates, want 2 (#static's and #static-phone's)", n)
	}
	close(release)
	waitFor(t, ctx, "the link's chart", staticShows+` === 'bars-2012 svg-bars-2012'`, 10*time.Second)
	bars := eval[[]string](t, ctx, `[...document.querySelectorAll('#static svg rect.bar')].map(r => r.dataset.datum)`)
	var want []string
	for _, m := range layout.Build(testAssets, charts.State{View: "bars", Year: 2012}, 800, 450).Marks {
		if m.Role == charts.RoleBar {
			want = append(want, m.Datum)
		}
	}
	if len(want) == 0 || strings.Join(bars, ",") != strings.Join(want, ",") {
		t.Errorf("static SVG bars %v, want the model's %v", bars, want)
	}
	// Every state, there and back: its own chart, at once (the script came once).
	states := append(site.States(), site.States()[0])
	for _, s := range states {
		want := s.View + "-" + itoa(s.Year) + " " + site.FilesOf(s, "en").Template
		if err := runJS(ctx, `window.azflowsPage.go(`+strconv.Quote(s.Hash())+`)`); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the chart of "+s.Hash(), staticShows+` === `+strconv.Quote(want), 5*time.Second)
	}
	n := 0
	for _, u := range requests.URLs() {
		if regexp.MustCompile(`/charts/states\.[0-9a-f]+\.js$`).MatchString(u) {
			n++
		}
	}
	if n != 1 || served != 1 {
		t.Errorf("the other states' SVGs were requested %d times and served %d, want once", n, served)
	}
	if f := requests.Foreign(base); len(f) > 0 {
		t.Errorf("requests to other hosts: %v", f)
	}
	for _, e := range errs() {
		t.Errorf("console: %s", e)
	}
}

// When the other states' SVGs cannot come, the chart's place says so in words (never
// empty, no stack trace); the page goes on to a working chart, and its first chart, in its
// own document, still shows when chosen.
func TestStateSVGsMissing(t *testing.T) {
	base := statesServer(t, func(_ http.Handler, w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusNotFound)
	})
	ctx, _ := newBrowser(t)
	errs := watchErrors(t, ctx)
	if err := chromedp.Do(ctx, withoutWasm, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(base+"/#view=flow&year=2012")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the message in the chart's place", `!!document.querySelector('#static .static-missing')`, 10*time.Second)
	msg := eval[string](t, ctx, `document.querySelector('#static .static-missing').innerText`)
	if !regexp.MustCompile(`^This chart could not be loaded \(.*states\.[0-9a-f]+\.js did not load\); the table view has its figures\.$`).MatchString(msg) {
		t.Errorf("message %q", msg)
	}
	if s := stackTrace.FindString(eval[string](t, ctx, `document.body.innerText`)); s != "" {
		t.Errorf("the page shows %q: a stack trace or engine message", s)
	}
	waitFor(t, ctx, "a working chart", `window.azflowsPage.mode === 'fallback' && window.azflowsPage.fallbackPainted`, 30*time.Second)
	if err := runJS(ctx, `window.azflowsPage.go('view=map&year=2010')`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the first chart again", staticShows+` === 'map-2010 svg-map-2010'`, 5*time.Second)
	// The browser's own report of the missing script (404, and its MIME type) is all.
	for _, e := range errs() {
		if !regexp.MustCompile(`404|/charts/states\.[0-9a-f]+\.js`).MatchString(e) {
			t.Errorf("console: %s", e)
		}
	}
}
